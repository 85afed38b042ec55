import { useEffect, useRef } from 'react';
import { useReturnFocus } from './useReturnFocus.ts';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Tab from the dialog's last control goes to its first, Shift+Tab from the first to its last: the focus never leaves for the browser's own bar. */
function keepTabInside(dialog: HTMLDialogElement, event: KeyboardEvent): void {
  if (event.key !== 'Tab') return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
  if (controls.length === 0) return;
  const first = controls[0]!;
  const last = controls.at(-1)!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A <dialog> shown modal while mounted: `showModal()` gives Escape and an inert background, and
 * Tab is kept inside it; unmounting closes it and gives focus back to what had it before (the
 * button that opened it). Attach the returned ref to the dialog element.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useReturnFocus();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onKey = (event: KeyboardEvent) => keepTabInside(dialog, event);
    dialog.addEventListener('keydown', onKey);
    return () => {
      dialog.removeEventListener('keydown', onKey);
      dialog.close();
    };
  }, []);
  return ref;
}
