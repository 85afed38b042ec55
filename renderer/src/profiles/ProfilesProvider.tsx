import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { PROFILE_KEY, readSetting, writeSetting } from '../storage.ts';

export type ProfileSummary = Response<'profiles.list'>['profiles'][number];

export interface Profiles {
  /** null until the first list arrives. */
  profiles: ProfileSummary[] | null;
  loadError: IpcError | null;
  selected: ProfileSummary | null;
  select: (id: string) => void;
  reload: () => Promise<void>;
  /** With a passphrase the profile is encrypted, and the answer carries its recovery code (shown once). */
  create: (name: string, protection?: { passphrase: string; quickUnlock: boolean }) => Promise<{ profile: ProfileSummary; recoveryCode?: string }>;
  /** A new profile of the synthetic sample client (core/sample), selected once built. */
  createSample: (name: string) => Promise<{ profile: ProfileSummary }>;
  remove: (id: string) => Promise<void>;
}

const ProfilesContext = createContext<Profiles | null>(null);

/** A profile whose file this build cannot open (corrupt, newer schema) is shown but never selectable. */
export function isUsable(profile: ProfileSummary): boolean {
  return profile.problem === undefined;
}

function usableId(list: ProfileSummary[], id: string | null): string | null {
  return id !== null && list.some((profile) => profile.id === id && isUsable(profile)) ? id : null;
}

export function ProfilesProvider({ children }: { children: ReactNode }) {
  const [profiles, setProfiles] = useState<ProfileSummary[] | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(() => readSetting(PROFILE_KEY));
  // Only the newest list request may win: a slow earlier reply must not undo a create or delete.
  const latest = useRef(0);

  useEffect(() => writeSetting(PROFILE_KEY, selectedId), [selectedId]);

  const load = useCallback(async (prefer?: string) => {
    const ticket = ++latest.current;
    try {
      const { profiles: list } = await invoke('profiles.list', {});
      if (ticket !== latest.current) return;
      setProfiles(list);
      setLoadError(null);
      // A remembered id whose file vanished (or broke) is forgotten rather than left dangling.
      setSelectedId((current) => usableId(list, prefer ?? null) ?? usableId(list, current));
    } catch (error) {
      if (ticket === latest.current) setLoadError(asIpcError(error));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const select = useCallback(
    (id: string) => setSelectedId((current) => (profiles ? (usableId(profiles, id) ?? current) : current)),
    [profiles],
  );

  const create = useCallback(
    async (name: string, protection?: { passphrase: string; quickUnlock: boolean }) => {
      const created = await invoke('profiles.create', protection ? { name, ...protection } : { name });
      await load(created.profile.id);
      return created;
    },
    [load],
  );

  const createSample = useCallback(
    async (name: string) => {
      const created = await invoke('profiles.createSample', { name });
      await load(created.profile.id);
      return created;
    },
    [load],
  );

  const remove = useCallback(
    async (id: string) => {
      await invoke('profiles.delete', { id });
      await load();
    },
    [load],
  );

  const value = useMemo<Profiles>(() => {
    const selected = profiles?.find((profile) => profile.id === selectedId && isUsable(profile)) ?? null;
    return { profiles, loadError, selected, select, reload: () => load(), create, createSample, remove };
  }, [profiles, loadError, selectedId, select, load, create, createSample, remove]);

  return <ProfilesContext.Provider value={value}>{children}</ProfilesContext.Provider>;
}

export function useProfiles(): Profiles {
  const profiles = useContext(ProfilesContext);
  if (!profiles) throw new Error('useProfiles outside <ProfilesProvider>');
  return profiles;
}
