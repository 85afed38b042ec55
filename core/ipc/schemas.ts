import { z } from 'zod';

// Request schemas shared by the channel modules under core/ipc/channels. Response shapes are
// declared by the layer that produces them (core/<domain>/*-schema.ts, core/wire).

export const profileId = z.uuid();
