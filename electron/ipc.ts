import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CredenceError, toErrorPayload } from '../core/shared/errors.ts';
import { channels, events, isEventName, type Envelope } from '../core/ipc/contract.ts';
import type { Dispatch, Emit } from '../core/ipc/registry.ts';
import { isAppUrl } from './app-url.ts';
import { EVENT_CHANNEL, REFUSAL_CHANNEL } from './ipc-wire.ts';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Only the top frame of one of our windows, showing the app's own origin, may call main.
 * `senderFrame` is null when the frame navigated away or was destroyed: refused too.
 */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  const mainFrame = event.sender?.mainFrame;
  if (!mainFrame) return false;
  const isMainFrame =
    frame === mainFrame || (frame.processId === mainFrame.processId && frame.routingId === mainFrame.routingId);
  if (!isMainFrame || frame.parent) return false;
  return isAppUrl(frame.url);
}

export function forbiddenSender(): Envelope<never> {
  return { ok: false, error: toErrorPayload(new CredenceError('ipc.forbidden_sender')) };
}

/** The preload's refusal of a name outside the contract, worded here so the preload carries no catalogue. */
export function unknownChannel(name: unknown): Envelope<never> {
  const channel = typeof name === 'string' ? name.slice(0, 200) : typeof name;
  return { ok: false, error: toErrorPayload(new CredenceError('ipc.unknown_channel', { channel })) };
}

/**
 * One `ipcMain.handle` per contract channel, and the refusal channel the preload sends unknown
 * names to; nothing else. Each call is checked for its sender, then goes through the shared
 * dispatch (allowlist, validation, handler, errors as envelopes). Returns a function that removes
 * the handlers again.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, dispatch: Dispatch): () => void {
  ipcMain.handle(REFUSAL_CHANNEL, (event: IpcMainInvokeEvent, name: unknown) => (isTrustedSender(event) ? unknownChannel(name) : forbiddenSender()));
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event)) return forbiddenSender();
      try {
        return await dispatch(channel, payload);
      } catch (error) {
        return { ok: false, error: toErrorPayload(error) };
      }
    });
  }
  return () => {
    ipcMain.removeHandler(REFUSAL_CHANNEL);
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/**
 * The `emit` handed to the handlers: validates each event against its contract schema and sends it
 * to the window's top frame. Events for a missing or destroyed window are dropped.
 */
export function createEmitter(getWebContents: () => WebContents | null | undefined): Emit {
  return (event, payload) => {
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
    const checked = events[event].safeParse(payload);
    if (!checked.success) throw new Error(`Payload for event ${event} does not match the contract`);
    const contents = getWebContents();
    if (!contents || contents.isDestroyed()) return;
    contents.send(EVENT_CHANNEL, event, checked.data);
  };
}
