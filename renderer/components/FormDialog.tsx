/**
 * A modal form: title, close button, body, the one-sentence error, and a footer of actions. Enter
 * submits; Escape closes when the dialog can be closed.
 */
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  label: string;
  testId: string;
  onSubmit: () => void;
  /** Absent: the dialog cannot be dismissed (the first-start profile). */
  onClose?: () => void;
  error?: string | null;
  errorTestId?: string;
  /** Left of the footer's actions. */
  footnote?: ReactNode;
  actions: ReactNode;
  children: ReactNode;
}

export function FormDialog({ title, label, testId, onSubmit, onClose, error, errorTestId, footnote, actions, children }: Props) {
  return (
    <div className="overlay" onKeyDown={(e) => e.key === 'Escape' && onClose?.()}>
      <form
        className="dialog dialog-narrow"
        role="dialog"
        aria-label={label}
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <header className="dialog-head">
          <h2>{title}</h2>
          {onClose && (
            <button type="button" className="btn-icon" aria-label="Close" onClick={onClose}>
              ×
            </button>
          )}
        </header>
        <div className="dialog-body">
          {children}
          {error && (
            <p className="inline-error" role="alert" data-testid={errorTestId}>
              {error}
            </p>
          )}
        </div>
        <footer className="dialog-foot">
          {footnote}
          <div className="spacer" />
          {actions}
        </footer>
      </form>
    </div>
  );
}
