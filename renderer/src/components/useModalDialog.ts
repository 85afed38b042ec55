import { useEffect, useRef } from 'react';

/**
 * A <dialog> shown modal while mounted: `showModal()` gives focus trapping, Escape and an inert
 * background; unmounting closes it. Attach the returned ref to the dialog element.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
