// What every domain's handlers are given, kept apart from the place that combines them
// (handlers.ts) so that a domain's handler module imports only this, its channel module and the
// domain below: no circle back through the combiner.

import type { Keychain } from '../storage/encryption/key-wrap.ts';
import type { ProfileSource } from '../storage/profile-store.ts';
import type { AppLock } from './lock/app-lock.ts';
import type { Transport } from './channels/profiles.ts';
import type { Emit, Handlers } from './registry.ts';

export interface HandlerContext {
  store: ProfileSource;
  dataDir: string;
  version: string;
  transport: Transport;
  emit: Emit;
  /** The app lock (lock/app-lock.ts); one with its idle setting in memory is made when not given. */
  lock?: AppLock;
  /** The OS keychain for quick unlock: the desktop app only. */
  keychain?: Keychain;
  /** Main's own file dialogs: the desktop app only (elsewhere a typed path is taken instead). */
  dialogs?: BackupDialogs;
  /**
   * Where an export package goes: Electron's save dialog in main, the CLI's --out. Null: the
   * person cancelled. Absent (preview server, test page): the bytes go back for the browser's
   * download; the renderer never touches the file system either way.
   */
  chooseExportPath?: (suggestedName: string) => Promise<{ path: string; overwrite: boolean } | null>;
  /**
   * The path of a file this shell's own process chose for an import (the CLI's arguments), by the
   * reference it handed out; null for any other. Absent (the page's transports): files come as bytes.
   */
  importFileRef?: (ref: string) => string | null;
  /** The import that named this reference is done: a file kept only for it (an upload) can go. */
  releaseImportFile?: (ref: string) => void;
  /**
   * Main's own open dialog for bills: the paths chosen, or null when the person cancelled. The
   * desktop app only; the paths stay in main (`import.chooseFiles` hands the page references).
   */
  chooseImportFiles?: () => Promise<string[] | null>;
  /**
   * Prints the plan's print view (#/plan/print) to an A4 PDF: the desktop window's printToPDF
   * (electron/plan-pdf.ts), the CLI's Chromium (core/cli/plan-pdf.ts). Absent (preview, test
   * page): the page prints through the browser's own print. The bytes leave only under a consent.
   */
  printPlanPdf?: (request: { profileId: string; lang: 'zh-CN' | 'en' | 'both'; presentation: boolean }) => Promise<Uint8Array>;
}

export interface BackupDialogs {
  /** A path to save a backup copy to, or null when the user cancelled. */
  saveBackupAs(suggestedName: string): Promise<string | null>;
  /** A backup file to restore, or null when the user cancelled. */
  openBackup(): Promise<string | null>;
}

/** Who the audit log names for a write: the CLI's edits apart from the page's. */
export function actorOf(ctx: Pick<HandlerContext, 'transport'>): 'cli' | 'user' {
  return ctx.transport === 'cli' ? 'cli' : 'user';
}

/** Handlers of one domain's channel module (core/ipc/channels/<domain>.ts). */
export type DomainHandlers<Channels> = Pick<Handlers, keyof Channels & keyof Handlers>;
