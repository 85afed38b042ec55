import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { invoke } from '../api.ts';
import { useProfiles } from '../profiles/ProfilesProvider.tsx';
import { RecoveryCodeDialog } from './RecoveryCodeSheet.tsx';
// The lock feature's one stylesheet, for all its screens (unlock, protect, recovery code, Settings →
// encryption): the provider is the feature's module that is always mounted.
import './lock.css';

export type LockStatus = Response<'lock.status'>;

interface Lock {
  status: LockStatus | null;
  lockNow: () => Promise<void>;
  refresh: () => Promise<void>;
  /** Shows a new recovery code above every page until the user says it is saved (the page under it may change meanwhile). */
  showRecoveryCode: (code: string, profileName: string) => void;
}

const LockContext = createContext<Lock | null>(null);

/** The page reports input at most this often: enough for main's idle timer, which counts minutes. */
const ACTIVITY_EVERY_MS = 15_000;

/**
 * The app lock as the page sees it. Main owns it (core/lock/app-lock.ts) and says when it changes
 * (`lock.changed`, e.g. after the idle time); the page only reports that the user is active.
 */
export function LockProvider({ children }: { children: ReactNode }) {
  const { reload } = useProfiles();
  const [status, setStatus] = useState<LockStatus | null>(null);
  const [recovery, setRecovery] = useState<{ code: string; profileName: string } | null>(null);
  const lastReport = useRef(0);

  const refresh = useCallback(async () => {
    try {
      setStatus(await invoke('lock.status', {}));
    } catch {
      // The profile list shows the transport's error; the lock keeps its last known state.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const off = window.credence?.on?.('lock.changed', () => {
      void refresh();
      void reload();
    });
    return () => off?.();
  }, [refresh, reload]);

  useEffect(() => {
    const report = () => {
      const now = Date.now();
      if (now - lastReport.current < ACTIVITY_EVERY_MS) return;
      lastReport.current = now;
      void invoke('lock.activity', {}).catch(() => {});
    };
    for (const event of ['pointerdown', 'keydown', 'wheel'] as const) window.addEventListener(event, report, { passive: true });
    return () => {
      for (const event of ['pointerdown', 'keydown', 'wheel'] as const) window.removeEventListener(event, report);
    };
  }, []);

  const lockNow = useCallback(async () => {
    await invoke('lock.now', {});
    await refresh();
    await reload();
  }, [refresh, reload]);

  const showRecoveryCode = useCallback((code: string, profileName: string) => setRecovery({ code, profileName }), []);
  const value = useMemo<Lock>(() => ({ status, lockNow, refresh, showRecoveryCode }), [status, lockNow, refresh, showRecoveryCode]);
  return (
    <LockContext.Provider value={value}>
      {children}
      {recovery && <RecoveryCodeDialog code={recovery.code} profileName={recovery.profileName} onDone={() => setRecovery(null)} />}
    </LockContext.Provider>
  );
}

export function useLock(): Lock {
  const lock = useContext(LockContext);
  if (!lock) throw new Error('useLock outside <LockProvider>');
  return lock;
}
