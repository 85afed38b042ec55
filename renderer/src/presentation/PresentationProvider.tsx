import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { maskText, NO_MASK, type PresentationMask } from '../../../core/shared/presentation-mask.ts';
import { setCurrentMask } from './current-mask.ts';
import { isPrintHash, parsePrintHash } from '../../../core/shared/plan-print-route.ts';

// Presentation mode (incognito) is for this session only: a restart, or a new window, starts with
// the screen showing everything, so nobody is surprised by a mode they forgot they left on, and
// nobody is surprised the other way within one session (a reload keeps it).
const SESSION_KEY = 'credence.presentation';

export interface Presentation {
  on: boolean;
  /** Scores and bands hidden too (only while on). */
  hideScores: boolean;
  mask: PresentationMask;
  toggle: () => void;
  setHideScores: (hide: boolean) => void;
}

const PresentationContext = createContext<Presentation | null>(null);

function stored(): { on: boolean; hideScores: boolean } {
  // The printed plan opened with presentation=1 (`credence plan pdf --presentation`) prints masked.
  if (isPrintHash(window.location.hash) && parsePrintHash(window.location.hash).presentation) return { on: true, hideScores: false };
  try {
    const value = JSON.parse(window.sessionStorage.getItem(SESSION_KEY) ?? '{}') as { on?: unknown; hideScores?: unknown };
    return { on: value.on === true, hideScores: value.hideScores === true };
  } catch {
    return { on: false, hideScores: false };
  }
}

function store(value: { on: boolean; hideScores: boolean }): void {
  try {
    window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  } catch {
    // Session preference only: the mode still works until the page closes.
  }
}

/** Ctrl+Shift+P (⌘⇧P on macOS): the switch, from anywhere in the window. */
export function isPresentationShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'p';
}

/** A copy from a form field, whose value no formatter wrote: masked on its way to the clipboard. */
function maskCopy(event: ClipboardEvent): void {
  const target = event.target;
  const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
  const text = field ? field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0) : (document.getSelection()?.toString() ?? '');
  if (text === '' || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', maskText(text));
  event.preventDefault();
}

export function PresentationProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState(stored);
  const mask = useMemo<PresentationMask>(() => (state.on ? { amounts: true, identifiers: true, scores: state.hideScores } : NO_MASK), [state]);
  // Before any descendant renders with it (current-mask.ts).
  setCurrentMask(mask);

  useEffect(() => store(state), [state]);

  // presentation.css covers form fields while this is set.
  useEffect(() => {
    document.documentElement.toggleAttribute('data-presenting', state.on);
  }, [state.on]);

  const toggle = useCallback(() => setState((s) => ({ ...s, on: !s.on })), []);
  const setHideScores = useCallback((hideScores: boolean) => setState((s) => ({ ...s, hideScores })), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPresentationShortcut(event)) return;
      event.preventDefault();
      toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle]);

  useEffect(() => {
    if (!state.on) return;
    document.addEventListener('copy', maskCopy);
    return () => document.removeEventListener('copy', maskCopy);
  }, [state.on]);

  const value = useMemo<Presentation>(() => ({ on: state.on, hideScores: state.hideScores, mask, toggle, setHideScores }), [state, mask, toggle, setHideScores]);
  return <PresentationContext.Provider value={value}>{children}</PresentationContext.Provider>;
}

export function usePresentation(): Presentation {
  const presentation = useContext(PresentationContext);
  if (!presentation) throw new Error('usePresentation outside <PresentationProvider>');
  return presentation;
}
