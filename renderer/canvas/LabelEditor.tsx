import { useEffect, useRef, type ReactNode } from 'react';
import { draftKey } from '../ui/draft-keys';

interface Props {
  value: string;
  multiline: boolean;
  label: string;
  onCommit(value: string): void;
  onCancel(): void;
  /** Text typed before the editor mounted (the letter that opened it): it replaces the label. */
  seed?(): string | undefined;
  /** Tab: keep the text, then this (a role adds a report). Without it Tab leaves the field, which keeps. */
  onTab?(): void;
  /** What may be typed, shown while the field is empty. */
  placeholder?: string;
}

/** Inline editing on a node: Enter (Shift+Enter for a new line in notes) keeps, Esc cancels, leaving keeps. */
export function LabelEditor({ value, multiline, label, onCommit, onCancel, seed, onTab, placeholder }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    // A node that has just been added is hidden until React Flow has measured it, and a hidden
    // field cannot take the focus: try again each frame. Keys typed meanwhile wait in the seed.
    let frame = 0;
    let tries = 0;
    const focus = () => {
      field.focus();
      if (document.activeElement !== field) {
        if (++tries < 120) frame = requestAnimationFrame(focus);
        return;
      }
      const typed = seed?.();
      if (typed === undefined) field.select();
      else {
        field.value = typed;
        field.setSelectionRange(typed.length, typed.length);
      }
    };
    focus();
    return () => cancelAnimationFrame(frame);
    // The seed is read once, as the editor takes the focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    const text = ref.current?.value ?? value;
    // The node takes the focus back, so the keys that follow (Tab, Enter, the arrows) act on it.
    (ref.current?.closest('.react-flow__node') as HTMLElement | null)?.focus({ preventScroll: true });
    if (commit) onCommit(text);
    else onCancel();
  };

  return (
    <textarea
      ref={ref}
      className={`label-editor nodrag nowheel nopan${multiline ? ' is-multiline' : ''}`}
      aria-label={`Edit ${label.toLowerCase()}`}
      defaultValue={value}
      placeholder={placeholder}
      rows={multiline ? 3 : 1}
      onKeyDown={(event) => {
        event.stopPropagation();
        const action = draftKey(event, multiline ? 'shift-enter' : 'none');
        if (action) {
          event.preventDefault();
          finish(action === 'commit');
        } else if (event.key === 'Tab' && !event.shiftKey && onTab) {
          event.preventDefault();
          finish(true);
          onTab();
        }
      }}
      onBlur={() => finish(true)}
    />
  );
}

/**
 * A card's name, edited over the card: the name keeps its place (hidden) while the editor lies on
 * it and grows downwards over the card, which takes its new size only once the name is kept. A
 * card that grew as the name wrapped had React Flow measure it again, and the edges near it route
 * again, in the middle of typing.
 */
export function CardLabel({ className, title, text, editor }: { className: string; title?: string; text: ReactNode; editor: ReactNode }) {
  return (
    <div className={`card-label${editor ? ' is-editing' : ''}`}>
      <div className={className} title={title} aria-hidden={editor ? true : undefined}>
        {text}
      </div>
      {editor}
    </div>
  );
}
