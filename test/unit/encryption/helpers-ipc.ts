// A dispatcher over a real data folder, as the app composes it (core/ipc/handlers.ts).

import { createHandlers } from '../../../core/ipc/handlers.ts';
import type { HandlerContext } from '../../../core/ipc/handler-context.ts';
import { createDispatch } from '../../../core/ipc/registry.ts';
import { AppLock, type AppLockOptions } from '../../../core/ipc/lock/app-lock.ts';
import { ProfileStore } from '../../../core/storage/profile-store.ts';
import { tempDir } from '../../helpers/temp.ts';

export function appOver(options: Partial<HandlerContext> & { dataDir?: string; lockOptions?: AppLockOptions } = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const store = new ProfileStore(dataDir);
  const events: Array<{ event: string; payload: unknown }> = [];
  const emit = ((event: string, payload: unknown) => events.push({ event, payload })) as HandlerContext['emit'];
  const lock = new AppLock(store, { emit, keychain: options.keychain, checkEveryMs: 0, ...options.lockOptions });
  const dispatch = createDispatch(createHandlers({ store, dataDir, version: 't', transport: 'test', emit, ...options, lock }), (error) => {
    throw error;
  });
  /** The value of a call that must succeed (its error shown when it does not). */
  const call = async (channel: string, payload: unknown) => {
    const envelope = await dispatch(channel, payload);
    if (!envelope.ok) throw Object.assign(new Error(`${channel}: ${envelope.error.message.en}`), { payload: envelope.error });
    return envelope.value as any;
  };
  return { dataDir, store, dispatch, call, lock, events };
}
