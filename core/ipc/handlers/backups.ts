import { basename } from 'node:path';
import { CredenceError } from '../../shared/errors.ts';
import { backupByName, createBackup, listBackups, profileBackupDir, restoreBackup } from '../../storage/backups.ts';
import type { backupChannels } from '../channels/backups.ts';
import type { BackupDialogs, HandlerContext } from '../handler-context.ts';
import { actorOf } from './encryption.ts';
import type { Handlers } from '../registry.ts';

type BackupHandlers = Pick<Handlers, keyof typeof backupChannels>;

/** The desktop app's own file dialogs (electron/dialogs.ts): the only way a location reaches main there. */
/**
 * Where a chosen location comes from: main's dialog in the desktop app (a typed path is refused
 * there, so a compromised page cannot name one), a path the user typed in the preview and the CLI.
 */
async function chosenPath(ctx: HandlerContext, choice: { kind: 'dialog' } | { kind: 'path'; path: string }, ask: (dialogs: BackupDialogs) => Promise<string | null>): Promise<string> {
  if (choice.kind === 'path') {
    if (ctx.dialogs) throw new CredenceError('backup.path_not_allowed');
    return choice.path;
  }
  if (!ctx.dialogs) throw new CredenceError('backup.path_not_allowed');
  const picked = await ask(ctx.dialogs);
  if (picked === null) throw new CredenceError('backup.cancelled');
  return picked;
}

export function backupHandlers(ctx: HandlerContext): BackupHandlers {
  return {
    'backups.list': ({ profileId }) => {
      const profile = ctx.store.summary(profileId);
      return {
        backups: listBackups(profile.file, profile.id),
        folder: profileBackupDir(profile.file, profile.id),
        locations: ctx.dialogs ? ('dialog' as const) : ('path' as const),
      };
    },
    'backups.create': async ({ profileId, destination }) => {
      const profile = ctx.store.summary(profileId);
      const db = ctx.store.database(profileId);
      const target =
        destination.kind === 'folder' ? undefined : await chosenPath(ctx, destination, (d) => d.saveBackupAs(`${profile.name}-${basename(profile.file)}`));
      const key = ctx.store.files.keyOf(profile.file);
      return { backup: createBackup(db, { file: profile.file, key, profileId, reason: 'manual', target, actor: actorOf(ctx) }) };
    },
    'backups.restore': async ({ profileId, source, secret }) => {
      const profile = ctx.store.summary(profileId);
      const from = source.kind === 'backup' ? backupByName(profile.file, profile.id, source.name) : await chosenPath(ctx, source, (d) => d.openBackup());
      return restoreBackup({
        files: ctx.store.files,
        file: profile.file,
        profile: { id: profile.id, name: profile.name },
        source: from,
        secret,
        keychain: ctx.keychain,
        actor: actorOf(ctx),
      });
    },
  };
}
