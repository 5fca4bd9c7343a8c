import { useEffect, useRef } from 'react';
import { EDGE_KIND_NAMES, type EdgeKind } from '../../shared/model';

export interface PendingConnection {
  source: string;
  target: string;
  kinds: EdgeKind[];
  x: number;
  y: number;
}

interface Props {
  pending: PendingConnection;
  onChoose(kind: EdgeKind): void;
  onCancel(): void;
}

/** After a connection between nodes that allow several edge kinds: which one it is. */
export function ConnectMenu({ pending, onChoose, onCancel }: Props) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="connect-menu"
      role="menu"
      aria-label="Kind of connection"
      style={{ left: pending.x, top: pending.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role=menuitem]')];
          const index = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(index + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node)) onCancel();
      }}
    >
      {pending.kinds.map((kind, i) => (
        <button key={kind} ref={i === 0 ? first : undefined} type="button" role="menuitem" onClick={() => onChoose(kind)}>
          {EDGE_KIND_NAMES[kind]}
        </button>
      ))}
    </div>
  );
}
