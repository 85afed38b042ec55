import { z } from 'zod';

// The idle-lock setting, Node-free so the IPC contract (and the preload built from it) can use it.

/** The idle times offered in Settings, in minutes; null is "never". Ten minutes unless changed. */
export const IDLE_CHOICES = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;

export const idleMinutesSchema = z.union([z.literal(IDLE_CHOICES), z.null()]);
export const lockSettingsSchema = z.object({ idleMinutes: idleMinutesSchema });
export type LockSettings = z.output<typeof lockSettingsSchema>;
