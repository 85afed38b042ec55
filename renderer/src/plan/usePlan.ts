// The client's plan as its checklist (plan.show), read again when the page asks.
import { useCallback, useEffect, useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import type { PlanChecklist } from './types.ts';

export function usePlan(profileId: string, asOf?: string): { checklist: PlanChecklist | null; error: IpcError | null; reload: () => Promise<void> } {
  const [checklist, setChecklist] = useState<PlanChecklist | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const reload = useCallback(async () => {
    try {
      setChecklist(await invoke('plan.show', { profileId, ...(asOf ? { asOf } : {}) }));
      setError(null);
    } catch (caught) {
      setError(asIpcError(caught));
    }
  }, [profileId, asOf]);
  useEffect(() => void reload(), [reload]);
  return { checklist, error, reload };
}
