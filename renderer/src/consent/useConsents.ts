import { useCallback, useEffect, useState } from 'react';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import type { Catalogue, ConsentView, LogCheck } from './types.ts';

/** The page's data: the catalogue, every consent (expiries recorded by main on the way) and the log's check. */
export function useConsentData(profileId: string) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [consents, setConsents] = useState<ConsentView[] | null>(null);
  const [log, setLog] = useState<LogCheck | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const reload = useCallback(async () => {
    try {
      const [nextCatalogue, list, check] = await Promise.all([
        invoke('consent.catalogue', {}),
        invoke('consent.list', { profileId }),
        invoke('audit.verify', { profileId }),
      ]);
      setCatalogue(nextCatalogue);
      setConsents(list.consents);
      setLog(check);
      setError(null);
    } catch (caught) {
      setError(asIpcError(caught));
    }
  }, [profileId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { catalogue, consents, log, error, reload };
}
