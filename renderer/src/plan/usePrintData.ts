// Everything the printed plan shows, read through the contract once: the checklist (plan.show),
// and the plan beside the baseline and the other saved scenarios (whatif.compare). A plan whose
// steps have begun cannot be computed from today (a what-if changes only the future), so the
// comparison falls back to the plan alone, then to the day the plan was applied from.

import { useEffect, useState } from 'react';
import { MAX_SCENARIOS } from '../../../core/shared/whatif-actions.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import type { Comparison, SavedScenario } from '../whatif/types.ts';
import type { PlanView } from './types.ts';

export interface PrintData {
  plan: PlanView;
  comparison: Comparison;
  /** The other saved scenarios could not be compared from the same day. */
  othersLeftOut: boolean;
}

export type PrintLoad = { state: 'loading' } | { state: 'ready'; data: PrintData } | { state: 'none' } | { state: 'failed'; error: IpcError };

async function compareFrom(profileId: string, planScenario: SavedScenario, others: SavedScenario[], asOfs: (string | undefined)[]): Promise<{ comparison: Comparison; othersLeftOut: boolean }> {
  let last: unknown = null;
  const attempts = asOfs.flatMap((asOf) => [
    ...(others.length > 0 ? [{ asOf, list: [planScenario, ...others] }] : []),
    { asOf, list: [planScenario] },
  ]);
  for (const { asOf, list } of attempts) {
    try {
      const comparison = await invoke('whatif.compare', { profileId, ...(asOf ? { asOf } : {}), scenarios: list.map((s) => ({ name: s.name, actions: s.actions })) });
      return { comparison, othersLeftOut: others.length > 0 && list.length === 1 };
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

export function usePrintData(profileId: string | null, asOf: string | undefined): PrintLoad {
  const [load, setLoad] = useState<PrintLoad>({ state: 'loading' });
  useEffect(() => {
    if (profileId === null) return;
    let live = true;
    (async () => {
      const { plan } = await invoke('plan.show', { profileId, ...(asOf ? { asOf } : {}) });
      if (!plan) return { state: 'none' } as const;
      const { scenarios } = await invoke('whatif.scenarios.list', { profileId });
      const planScenario = scenarios.find((s) => s.id === plan.scenarioId);
      if (!planScenario) return { state: 'none' } as const;
      const others = scenarios.filter((s) => s.id !== plan.scenarioId).slice(0, MAX_SCENARIOS - 1);
      const { comparison, othersLeftOut } = await compareFrom(profileId, planScenario, others, [asOf, plan.startsOn]);
      return { state: 'ready', data: { plan, comparison, othersLeftOut } } as const;
    })()
      .then((next) => live && setLoad(next))
      .catch((error) => live && setLoad({ state: 'failed', error: asIpcError(error) }));
    return () => {
      live = false;
    };
  }, [profileId, asOf]);
  return load;
}
