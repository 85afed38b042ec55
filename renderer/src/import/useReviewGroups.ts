import { useCallback, useEffect, useRef, useState } from 'react';
import type { Request, Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';

export type ReviewGroups = Response<'review.groups'>;
export type ReviewGroup = ReviewGroups['groups'][number];
export type ReviewDecision = ReviewGroups['decisions'][number];
export type GroupAction = Request<'review.resolveGroup'>['action'];

export interface ReviewGroupsState {
  listed: ReviewGroups | null;
  error: IpcError | null;
  reload: () => Promise<void>;
  /** One decision for a whole group; rejects with an IpcError for the group to show. */
  resolve: (key: string, action: GroupAction) => Promise<void>;
  undo: (decisionId: number) => Promise<void>;
}

/** The review questions by rule (review.groups), and the group decisions and their undo; `changed` runs after each. */
export function useReviewGroups(profileId: string, changed: () => void): ReviewGroupsState {
  const [listed, setListed] = useState<ReviewGroups | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  // Only the newest list may land: an import's refresh must not be undone by an older reply.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const answer = await invoke('review.groups', { profileId });
      if (ticket !== latest.current) return;
      setListed(answer);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(asIpcError(failure));
    }
  }, [profileId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const after = useCallback(async () => {
    changed();
    await reload();
  }, [changed, reload]);

  const resolve = useCallback(
    async (key: string, action: GroupAction) => {
      try {
        await invoke('review.resolveGroup', { profileId, key, action });
      } catch (failure) {
        const ipcError = asIpcError(failure);
        // Resolved elsewhere (another window, the CLI): the list is stale, not the user's choice.
        if (ipcError.code === 'review.group_not_found') void reload();
        throw ipcError;
      }
      await after();
    },
    [profileId, reload, after],
  );

  const undo = useCallback(
    async (decisionId: number) => {
      try {
        await invoke('review.undo', { profileId, decisionId });
      } catch (failure) {
        void reload();
        throw asIpcError(failure);
      }
      await after();
    },
    [profileId, reload, after],
  );

  return { listed, error, reload, resolve, undo };
}
