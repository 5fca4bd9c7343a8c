import { useEffect, useRef } from 'react';

interface Props {
  value: string;
  multiline: boolean;
  label: string;
  onCommit(value: string): void;
  onCancel(): void;
}

/** Inline editing on a node: Enter (Shift+Enter for a new line in notes) keeps, Esc cancels, leaving keeps. */
export function LabelEditor({ value, multiline, label, onCommit, onCancel }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(ref.current?.value ?? value);
    else onCancel();
  };

  return (
    <textarea
      ref={ref}
      className="label-editor nodrag nowheel nopan"
      aria-label={`Edit ${label.toLowerCase()}`}
      defaultValue={value}
      rows={multiline ? 3 : 1}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') finish(false);
        else if (event.key === 'Enter' && !(multiline && event.shiftKey)) {
          event.preventDefault();
          finish(true);
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}
