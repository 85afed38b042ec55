// What every domain's handlers are given, kept apart from the place that combines them
// (handlers.ts) so that a domain's handler module imports only this, its channel module and the
// domain below: no circle back through the combiner.

import type { ProfileSource } from '../storage/profile-store.ts';
import type { Emit, Handlers } from './registry.ts';

export interface HandlerContext {
  store: ProfileSource;
  dataDir: string;
  version: string;
  transport: 'electron' | 'http' | 'test';
  emit: Emit;
}

/** Handlers of one domain's channel module (core/ipc/channels/<domain>.ts). */
export type DomainHandlers<Channels> = Pick<Handlers, keyof Channels & keyof Handlers>;
