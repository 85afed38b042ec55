import { useEffect, useState } from 'react';
import type { Response } from '../../../core/ipc/contract.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';

export type AppInfo = Response<'app.info'>;

export function useAppInfo(): { info: AppInfo | null; error: IpcError | null } {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  useEffect(() => {
    let live = true;
    invoke('app.info', {}).then(
      (value) => live && setInfo(value),
      (caught: unknown) => live && setError(asIpcError(caught)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { info, error };
}
