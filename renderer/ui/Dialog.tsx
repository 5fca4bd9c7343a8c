import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  submitLabel: string;
  tone?: 'default' | 'danger';
  /** A dialog that only tells (a `?` sheet) offers no choice: no Cancel beside its button. */
  cancellable?: boolean;
  onSubmit(): void | Promise<void>;
  onClose(): void;
  children?: ReactNode;
}

/** A modal form on the native <dialog>: focus is trapped, Esc closes it, Enter submits. */
export function Dialog({ title, submitLabel, tone = 'default', cancellable = true, onSubmit, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await onSubmit();
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="dialog-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit}>
        <h2 id="dialog-title">{title}</h2>
        {children}
        <div className="dialog-actions">
          {cancellable && (
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          )}
          <button type="submit" className={tone === 'danger' ? 'danger' : 'primary'}>
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date';
  required?: boolean;
  autoFocus?: boolean;
  maxLength?: number;
}

export function Field({ label, value, onChange, type = 'text', required, autoFocus, maxLength = 200 }: FieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type={type} value={value} required={required} autoFocus={autoFocus} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
