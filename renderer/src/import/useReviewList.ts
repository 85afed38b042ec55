import { useCallback, useEffect, useRef, useState } from 'react';
import type { Request, Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';

export type ReviewItem = Response<'review.list'>['items'][number];
export type ReviewAction = Request<'review.resolve'>['action'];

export interface ReviewList {
  items: ReviewItem[] | null;
  total: number;
  error: IpcError | null;
  reload: () => Promise<void>;
  /** Resolves one item; rejects with an IpcError for the item to show. */
  resolve: (id: number, action: ReviewAction) => Promise<void>;
}

export function useReviewList(profileId: string): ReviewList {
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<IpcError | null>(null);
  // Only the newest list may land: an import's refresh must not be undone by an older reply.
  const latest = useRef(0);
  const loading = useRef(false);
  const shown = useRef<ReviewItem[]>([]);

  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    loading.current = true;
    try {
      const list = await invoke('review.list', { profileId });
      if (ticket !== latest.current) return;
      shown.current = list.items;
      setItems(list.items);
      setTotal(list.total);
      setError(null);
    } catch (failure) {
      if (ticket === latest.current) setError(asIpcError(failure));
    } finally {
      if (ticket === latest.current) loading.current = false;
    }
  }, [profileId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const resolve = useCallback(
    async (id: number, action: ReviewAction) => {
      try {
        const { remaining } = await invoke('review.resolve', { profileId, transactionId: id, action });
        shown.current = shown.current.filter((item) => item.id !== id);
        setItems(shown.current);
        setTotal(remaining);
        // A list requested before this answer would bring the item back: supersede it with a fresh
        // one. Likewise once the page main sent (it caps the list) is done, fetch the next.
        if (loading.current || (shown.current.length === 0 && remaining > 0)) void reload();
      } catch (failure) {
        const ipcError = asIpcError(failure);
        // Resolved elsewhere (another window, the CLI): the list is stale, not the user's choice.
        if (ipcError.code === 'review.not_found') void reload();
        throw ipcError;
      }
    },
    [profileId, reload],
  );

  return { items, total, error, reload, resolve };
}
