import { useCallback, useSyncExternalStore } from 'react';
import { readSetting, writeSetting } from '../storage.ts';

// Adviser mode is a preference of this computer's app (kept like the language), not of a profile:
// it decides whether the roster is in the sidebar. Individuals leave it off and see the simple view.
const ADVISER_KEY = 'credence.adviserMode';
const CHANGED = 'credence-adviser-mode';

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGED, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGED, onChange);
    window.removeEventListener('storage', onChange);
  };
}

export function useAdviserMode(): [boolean, (on: boolean) => void] {
  const on = useSyncExternalStore(subscribe, () => readSetting(ADVISER_KEY) === 'on');
  const set = useCallback((next: boolean) => {
    writeSetting(ADVISER_KEY, next ? 'on' : null);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [on, set];
}
