import { useLayoutEffect } from 'react';

/**
 * Remembers what had the focus when the calling component mounted (a dialog's or a drawer's
 * opener) and gives the focus back to it when the component goes, if it is still on the page:
 * a keyboard user lands where they were, not at the top of the document.
 */
export function useReturnFocus(): void {
  useLayoutEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) queueMicrotask(() => opener.focus());
    };
  }, []);
}
