// Wire names shared by main and the preload. No imports: the preload bundle must stay Node-free.

/** The one channel main uses to push contract events: `send(EVENT_CHANNEL, eventName, payload)`. */
export const EVENT_CHANNEL = 'credence:event';

/**
 * Where the preload takes a channel name outside the contract, as data, never as a channel: main
 * answers with the refusal (ipc.unknown_channel) in both languages, so the preload carries no
 * message catalogue.
 */
export const REFUSAL_CHANNEL = 'credence:refusal';

/**
 * Where the preload asks main to hold a file the page was handed (dropped on the window, or
 * from its file input) by its path, which the page never sees; main answers an envelope of
 * core/ipc/channels/imports.ts heldFileSchema: its name, size and a one-time reference
 * (electron/dropped-files.ts).
 */
export const FILE_REF_CHANNEL = 'credence:file-ref';

/**
 * The endings of the files main takes by path: a bill's (its open dialog offers them first).
 * Any other file still goes as bytes, and main says what it is; a page's renderer cannot make
 * main read, say, a key file by naming it.
 */
export const BILL_EXTENSIONS = ['csv', 'xls', 'xlsx', 'zip'] as const;

export function namedAsBill(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && (BILL_EXTENSIONS as readonly string[]).includes(name.slice(dot + 1).toLowerCase());
}
