// The What-if page's state: the scenarios open on the page (drafts), the comparison core answers
// for them, and the scenarios saved in the profile. Every change of a draft, the as-of day or the
// months asks `whatif.compare` again; only the newest answer lands, and the page shows it as soon
// as it arrives (one render, in the task the answer arrives in: answer-timing.ts). An action is
// tried on its scenario before it joins it, so core's refusal (the action and the field) lands
// beside the form and the scenario stays as it was.

import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LocalizedText } from '../../../core/shared/localized-text.ts';
import { MAX_SCENARIOS } from '../../../core/shared/whatif-actions.ts';
import { useLoaded, type Loaded } from '../accounts/useLedger.ts';
import { asIpcError, invoke, type IpcError } from '../api.ts';
import { todayText } from '../bureau/useBureau.ts';
import { markResult } from './answer-timing.ts';
import type { ActionInput, Comparison, Draft, PlanMark, SavedScenario } from './types.ts';

export interface Problem {
  /** 0-based; null for the scenario itself. */
  actionIndex: number | null;
  field: string;
  message: LocalizedText;
}

/** The problems core named in a refused scenario (whatif.invalid_scenario), each with its action and field. */
export function problemsOf(error: IpcError | null): Problem[] {
  if (!error || error.code !== 'whatif.invalid_scenario') return [];
  const problems = error.details.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}

/** Whether the open scenario differs from its saved row (a save puts core's answer, defaults filled in, on the draft). */
export function isDirty(draft: Draft, row: SavedScenario | undefined): boolean {
  return !row || draft.name !== row.name || JSON.stringify(draft.actions) !== JSON.stringify(row.actions);
}

type Tried = { ok: true } | { ok: false; error: IpcError };

export interface WhatIf {
  asOf: string;
  setAsOf: (asOf: string) => void;
  /** null: core's default length. */
  months: number | null;
  setMonths: (months: number | null) => void;
  drafts: Draft[];
  comparison: Comparison | null;
  /** The newest comparison's failure (a scenario core refuses, a bad day). */
  error: IpcError | null;
  pending: boolean;
  saved: Loaded<{ scenarios: SavedScenario[] }>;
  /** A save, rename, duplicate, delete or plan mark that failed. */
  opError: IpcError | null;
  canAdd: boolean;
  /** A new scenario beside the others (empty, or the planner's steps); its key, or null when three are open. */
  addDraft: (name: string, actions?: ActionInput[]) => string | null;
  openSaved: (scenario: SavedScenario) => string | null;
  closeDraft: (key: string) => void;
  renameDraft: (key: string, name: string) => void;
  /** Puts `actions` on the draft when core accepts the scenario with them; otherwise leaves it and says why. */
  tryActions: (key: string, actions: ActionInput[]) => Promise<Tried>;
  save: (key: string) => Promise<void>;
  rename: (key: string) => Promise<void>;
  duplicate: (key: string) => Promise<void>;
  remove: (key: string) => Promise<void>;
  markPlan: (key: string) => Promise<PlanMark | null>;
}

export function useWhatIf(profileId: string): WhatIf {
  const [asOf, setAsOf] = useState(todayText);
  const [months, setMonths] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [pending, setPending] = useState(false);
  const [opError, setOpError] = useState<IpcError | null>(null);
  const saved = useLoaded(() => invoke('whatif.scenarios.list', { profileId }), profileId);
  const ticket = useRef(0);
  const keys = useRef(0);
  // The request whose answer is on screen: a draft change an accepted try already answered is not asked again.
  const answered = useRef('');

  const requestOf = useCallback(
    (list: readonly Draft[]) => ({ profileId, asOf, ...(months === null ? {} : { months }), scenarios: list.map((d) => ({ name: d.name, actions: d.actions })) }),
    [profileId, asOf, months],
  );

  // The answer is rendered in the task it arrives in (flushSync), so it is on screen in the next frame.
  const show = useCallback((value: Comparison, also?: () => void) => {
    markResult();
    flushSync(() => {
      setComparison(value);
      setError(null);
      also?.();
    });
  }, []);

  const run = useCallback(
    async (list: readonly Draft[]): Promise<{ value: Comparison } | { error: IpcError }> => {
      const request = requestOf(list);
      const mine = ++ticket.current;
      setPending(true);
      try {
        const value = await invoke('whatif.compare', request);
        if (mine === ticket.current) {
          answered.current = JSON.stringify(request);
          show(value);
        }
        return { value };
      } catch (failure) {
        const failed = asIpcError(failure);
        if (mine === ticket.current) setError(failed);
        return { error: failed };
      } finally {
        if (mine === ticket.current) setPending(false);
      }
    },
    [requestOf, show],
  );

  useEffect(() => {
    if (JSON.stringify(requestOf(drafts)) !== answered.current) void run(drafts);
  }, [drafts, requestOf, run]);

  const edit = (key: string, change: (d: Draft) => Draft) => setDrafts((list) => list.map((d) => (d.key === key ? change(d) : d)));
  const draftOf = (key: string) => drafts.find((d) => d.key === key);

  const tryActions = async (key: string, actions: ActionInput[]): Promise<Tried> => {
    const next = drafts.map((d) => (d.key === key ? { ...d, actions } : d));
    // Tried apart from the page's own comparison: a refusal must not replace the result on screen.
    try {
      const value = await invoke('whatif.compare', requestOf(next));
      ticket.current++;
      answered.current = JSON.stringify(requestOf(next));
      show(value, () => {
        setPending(false);
        setDrafts(next);
      });
      return { ok: true };
    } catch (failure) {
      return { ok: false, error: asIpcError(failure) };
    }
  };

  const operate = async <T>(call: () => Promise<T>): Promise<T | null> => {
    try {
      const value = await call();
      setOpError(null);
      return value;
    } catch (failure) {
      setOpError(asIpcError(failure));
      return null;
    }
  };

  const openDraft = (draft: Omit<Draft, 'key'>): string | null => {
    if (drafts.length >= MAX_SCENARIOS) return null;
    const key = `s${++keys.current}`;
    setDrafts((list) => [...list, { ...draft, key }]);
    return key;
  };

  return {
    asOf,
    setAsOf,
    months,
    setMonths,
    drafts,
    comparison,
    error,
    pending,
    saved,
    opError,
    canAdd: drafts.length < MAX_SCENARIOS,
    addDraft: (name, actions = []) => openDraft({ savedId: null, name, actions }),
    openSaved: (s) => openDraft({ savedId: s.id, name: s.name, actions: s.actions }),
    closeDraft: (key) => setDrafts((list) => list.filter((d) => d.key !== key)),
    renameDraft: (key, name) => edit(key, (d) => ({ ...d, name })),
    tryActions,
    save: async (key) => {
      const d = draftOf(key);
      if (!d) return;
      const row = await operate(() => invoke('whatif.scenario.save', { profileId, id: d.savedId, scenario: { name: d.name, actions: d.actions } }));
      if (!row) return;
      edit(key, (x) => ({ ...x, savedId: row.id, name: row.name, actions: row.actions }));
      await saved.reload();
    },
    rename: async (key) => {
      const d = draftOf(key);
      if (!d || d.savedId === null) return;
      const row = await operate(() => invoke('whatif.scenario.rename', { profileId, id: d.savedId!, name: d.name }));
      if (!row) return;
      edit(key, (x) => ({ ...x, name: row.name }));
      await saved.reload();
    },
    duplicate: async (key) => {
      const d = draftOf(key);
      if (!d || d.savedId === null) return;
      const row = await operate(() => invoke('whatif.scenario.duplicate', { profileId, id: d.savedId! }));
      if (!row) return;
      openDraft({ savedId: row.id, name: row.name, actions: row.actions });
      await saved.reload();
    },
    remove: async (key) => {
      const d = draftOf(key);
      if (!d || d.savedId === null) return;
      const done = await operate(() => invoke('whatif.scenario.delete', { profileId, id: d.savedId! }));
      if (!done) return;
      setDrafts((list) => list.filter((x) => x.key !== key));
      await saved.reload();
    },
    markPlan: async (key) => {
      const d = draftOf(key);
      if (!d || d.savedId === null) return null;
      const mark = await operate(() => invoke('whatif.plan.mark', { profileId, id: d.savedId!, asOf }));
      if (mark) await saved.reload();
      return mark;
    },
  };
}
