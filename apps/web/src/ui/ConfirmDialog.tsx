// Asks before a destructive action; shows the action's progress and error without closing.
import { useRef, type ReactNode } from 'react';
import { Button } from './Button.tsx';
import { ErrorBanner } from './ErrorBanner.tsx';
import { Modal } from './Modal.tsx';
import './ui.css';

export type ConfirmDialogProps = {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: Error | null;
};

export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error }: ConfirmDialogProps) {
  // Focus starts on Cancel so a stray Enter never destroys anything.
  const cancelRef = useRef<HTMLButtonElement>(null);
  const cancel = () => {
    if (!busy) onCancel();
  };
  return (
    <Modal title={title} role="alertdialog" onClose={cancel} initialFocusRef={cancelRef}>
      <div className="modal-body">{children}</div>
      <ErrorBanner error={error} />
      <div className="modal-actions">
        <Button ref={cancelRef} onClick={cancel} disabled={busy}>
          Cancel
        </Button>
        <Button variant="danger" busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </Modal>
  );
}
