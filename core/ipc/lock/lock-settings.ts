import { z } from 'zod';

// The idle-lock setting, kept in the data folder (app-lock.ts), and why the app locked: both sent
// over the IPC contract (core/ipc/channels/lock.ts).

/** The idle times offered in Settings, in minutes; null is "never". Ten minutes unless changed. */
export const IDLE_CHOICES = [1, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;

export const idleMinutesSchema = z.union([z.literal(IDLE_CHOICES), z.null()]);
export const lockSettingsSchema = z.object({ idleMinutes: idleMinutesSchema });
export type LockSettings = z.output<typeof lockSettingsSchema>;

/** Why the app locked: the user asked, the idle time ran out, or the OS locked the screen or slept. */
export const LOCK_REASONS = ['user', 'idle', 'system'] as const;
export type LockReason = (typeof LOCK_REASONS)[number];
