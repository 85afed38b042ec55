// Why a backup was written; part of its file name. Node-free: the IPC contract names them too.
export const BACKUP_REASONS = ['manual', 'before-migration', 'before-encryption', 'before-restore'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];
