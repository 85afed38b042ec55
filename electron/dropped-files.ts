// A file dropped on the desktop window (or handed over by the page's own file input) imported
// from disk, as a file main's open dialog chose is: the preload takes the File's path from
// Electron (webUtils.getPathForFile) and sends it here, where main holds it and answers a name,
// a size and a one-time reference (core/ipc/file-refs.ts); the page never sees the path, and
// no byte of the file crosses to the page and back as base64.
//
// What main can check: the sender (the app's own top frame, as for every channel), the path
// (absolute, a bill's ending: ipc-wire.ts namedAsBill) and that it is a regular file. A renderer
// made to run other code could still name any bill-named file the user can read; it could only
// import it into the open profile, which that renderer can read already.

import { statSync, type Stats } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { heldFileSchema } from '../core/ipc/channels/imports.ts';
import type { Envelope } from '../core/ipc/contract.ts';
import type { FileRefs } from '../core/ipc/file-refs.ts';
import { CredenceError, toErrorPayload } from '../core/shared/errors.ts';
import { forbiddenSender, isTrustedSender } from './ipc.ts';
import { FILE_REF_CHANNEL, namedAsBill } from './ipc-wire.ts';

const droppedPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((path) => isAbsolute(path), 'expected an absolute path')
  .refine((path) => namedAsBill(basename(path)), 'expected a bill file (.csv, .xls, .xlsx, .zip)');

export type HeldFile = z.output<typeof heldFileSchema>;

/** The file at `path` held by reference: its name, size and reference, or why not. */
export function holdDroppedFile(refs: FileRefs, path: unknown): HeldFile {
  const parsed = droppedPath.safeParse(path);
  if (!parsed.success) {
    throw new CredenceError('ipc.invalid_request', { channel: FILE_REF_CHANNEL, summary: parsed.error.issues.map((issue) => issue.message).join('; ') });
  }
  const name = basename(parsed.data);
  let stats: Stats;
  try {
    stats = statSync(parsed.data);
  } catch (error) {
    // The code (ENOENT, EACCES), as the import words it: the message names the path.
    const code = (error as { code?: unknown }).code;
    throw new CredenceError('import.file_unreadable', { file: name, reason: typeof code === 'string' ? code : 'unreadable' });
  }
  if (!stats.isFile()) throw new CredenceError('import.file_unreadable', { file: name, reason: 'not a file' });
  return heldFileSchema.parse({ name, fileRef: refs.add(parsed.data), size: stats.size });
}

/** main's side of FILE_REF_CHANNEL: the sender checked, then the path held (references the import takes through `refs`). */
export function registerDroppedFiles(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, refs: FileRefs): () => void {
  ipcMain.handle(FILE_REF_CHANNEL, (event: IpcMainInvokeEvent, path: unknown): Envelope<HeldFile> => {
    if (!isTrustedSender(event)) return forbiddenSender();
    try {
      return { ok: true, value: holdDroppedFile(refs, path) };
    } catch (error) {
      return { ok: false, error: toErrorPayload(error) };
    }
  });
  return () => ipcMain.removeHandler(FILE_REF_CHANNEL);
}
