import { readFileSync } from 'node:fs';
import { CredenceError } from '../../shared/errors.ts';
import type { Emit } from '../registry.ts';
import type { ProfileSource } from '../../storage/profile-store.ts';
import { writeFileAtomic } from '../../storage/atomic-file.ts';
import type { Keychain, ProfileSecret } from '../../storage/encryption/key-wrap.ts';
import { DEFAULT_IDLE_MINUTES, lockSettingsSchema, type LockReason, type LockSettings } from './lock-settings.ts';

// The app lock: one per running app (the Electron main process, one preview server). Locked, it
// has closed every encrypted profile and overwritten every key in memory, and every IPC channel
// but the few the unlock screen needs refuses (core/ipc/app-lock.ts). It locks on request, after
// the idle time the user chose, and (desktop app) when the OS screen locks or the machine sleeps.



export interface AppLockOptions {
  /** Where the idle setting is kept (`<data folder>/app-lock.json`); in memory only when absent (`--db`, tests). */
  settingsFile?: string;
  emit?: Emit;
  keychain?: Keychain;
  now?: () => number;
  /** How often the idle time is checked; 0 turns the timer off (tests call `checkIdle` themselves). */
  checkEveryMs?: number;
}

function readSettings(file: string | undefined): LockSettings {
  if (!file) return { idleMinutes: DEFAULT_IDLE_MINUTES };
  try {
    return lockSettingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Missing or unreadable: the safe default, never "never".
    return { idleMinutes: DEFAULT_IDLE_MINUTES };
  }
}

export class AppLock {
  private locked = false;
  private lastActivity: number;
  private settings: LockSettings;
  private readonly hooks = new Set<() => void>();
  private readonly timer: ReturnType<typeof setInterval> | undefined;
  private readonly now: () => number;
  readonly store: ProfileSource;
  readonly keychain: Keychain | undefined;
  private readonly options: AppLockOptions;

  constructor(store: ProfileSource, options: AppLockOptions = {}) {
    this.store = store;
    this.options = options;
    this.keychain = options.keychain;
    this.now = options.now ?? Date.now;
    this.lastActivity = this.now();
    this.settings = readSettings(options.settingsFile);
    const every = options.checkEveryMs ?? 15_000;
    if (every > 0) {
      this.timer = setInterval(() => this.checkIdle(), every);
      this.timer.unref?.();
    }
  }

  get isLocked(): boolean {
    return this.locked;
  }

  get idleMinutes(): LockSettings['idleMinutes'] {
    return this.settings.idleMinutes;
  }

  /** Runs when the app locks (running imports are cancelled, so no connection outlives its key). */
  onLock(hook: () => void): void {
    this.hooks.add(hook);
  }

  lock(reason: LockReason): void {
    for (const hook of this.hooks) hook();
    this.store.lock();
    const changed = !this.locked;
    this.locked = true;
    if (changed) this.options.emit?.('lock.changed', { locked: true, reason });
  }

  /**
   * Unlocks a profile and, with it, the app. A plaintext profile needs no secret: its file was never
   * protected, and the unlock screen says so. A wrong secret leaves the app locked.
   */
  async unlock(profileId: string, secret: ProfileSecret | undefined): Promise<void> {
    const profile = this.store.summary(profileId);
    if (profile.encryption?.locked) {
      if (!secret) throw new CredenceError('profile.locked', { name: profile.name });
      await this.store.unlock(profileId, secret, this.keychain);
    }
    const changed = this.locked;
    this.locked = false;
    this.touch();
    if (changed) this.options.emit?.('lock.changed', { locked: false, reason: 'user' });
  }

  /** The user did something (the page reports input, throttled): the idle time starts again. */
  touch(): void {
    this.lastActivity = this.now();
  }

  checkIdle(): void {
    const minutes = this.settings.idleMinutes;
    if (this.locked || minutes === null) return;
    if (this.now() - this.lastActivity >= minutes * 60_000) this.lock('idle');
  }

  saveSettings(settings: LockSettings): void {
    const checked = lockSettingsSchema.parse(settings);
    if (this.options.settingsFile) writeFileAtomic(this.options.settingsFile, JSON.stringify(checked, null, 2) + '\n', 0o644);
    this.settings = checked;
    this.touch();
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
