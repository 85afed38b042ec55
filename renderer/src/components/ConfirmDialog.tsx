import { useId, type ReactNode } from 'react';
import { useModalDialog } from './useModalDialog.ts';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  confirmTestId: string;
  cancelTestId: string;
}

// An in-page modal instead of window.confirm, which Electron renders as a bare native box (or
// blocks). <dialog>.showModal() gives focus trapping, Escape and an inert background for free.
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, cancelLabel, busy, onConfirm, onCancel } = props;
  const ref = useModalDialog();
  const titleId = useId();
  const bodyId = useId();

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape must go through React state, or the dialog closes while the parent thinks it is open.
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        {/* Focus starts on Cancel: the destructive choice should take a deliberate move. */}
        <button type="button" className="button" data-testid={props.cancelTestId} autoFocus disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
        <button type="button" className="button button-danger" data-testid={props.confirmTestId} disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
