import { stratumLabel, TimeSpanUnit, type FieldSpec, type TimeSpan } from '../../shared/model';
import { STRATA } from '../../shared/levels/strata';
import { DraftText } from '../ui/DraftText';

interface Props {
  spec: FieldSpec;
  value: unknown;
  onCommit(value: unknown): void;
}

const STRATUM_OPTIONS = STRATA.map((s) => ({ value: String(s.stratum), label: `${stratumLabel(s.stratum)} · ${s.range}` }));

/**
 * One field of the inspector. Text is a draft until kept (one undo step per change, not per
 * key); choices commit at once.
 */
export function FieldInput({ spec, value, onCommit }: Props) {
  const id = `field-${spec.key}`;
  const label = (
    <label htmlFor={id} className="inspector-label">
      {spec.label}
    </label>
  );
  switch (spec.type) {
    case 'text':
    case 'textarea':
      return (
        <div className="inspector-field">
          {label}
          <DraftText id={id} multiline={spec.type === 'textarea'} rows={3} value={String(value ?? '')} onCommit={onCommit} />
        </div>
      );
    case 'number':
      return (
        <div className="inspector-field">
          {label}
          <input
            id={id}
            type="number"
            min={spec.min}
            max={spec.max}
            value={Number(value)}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n) && n >= spec.min && n <= spec.max) onCommit(n);
            }}
          />
        </div>
      );
    case 'checkbox':
      return (
        <div className="inspector-field checkbox">
          <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onCommit(e.target.checked)} />
          {label}
        </div>
      );
    case 'select':
      return (
        <div className="inspector-field">
          {label}
          <select id={id} value={value == null ? '' : String(value)} onChange={(e) => onCommit(e.target.value === '' ? null : e.target.value)}>
            {spec.nullable && <option value="">Not set</option>}
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'stratum':
      return (
        <div className="inspector-field">
          {label}
          <select id={id} value={value == null ? '' : String(value)} onChange={(e) => onCommit(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">Not set</option>
            {STRATUM_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      );
    case 'timeSpan':
      return <TimeSpanField id={id} label={spec.label} value={value as TimeSpan | null} onCommit={onCommit} />;
  }
}

function TimeSpanField({ id, label, value, onCommit }: { id: string; label: string; value: TimeSpan | null; onCommit(value: TimeSpan | null): void }) {
  return (
    <fieldset className="inspector-field time-span">
      <legend className="inspector-label">{label}</legend>
      <input
        id={id}
        type="number"
        min={0}
        step="any"
        aria-label={`${label} amount`}
        value={value?.value ?? ''}
        onChange={(e) => {
          const n = Number(e.target.value);
          onCommit(e.target.value === '' || !(n > 0) ? null : { value: n, unit: value?.unit ?? 'months' });
        }}
      />
      <select aria-label={`${label} unit`} value={value?.unit ?? 'months'} onChange={(e) => value && onCommit({ ...value, unit: e.target.value as TimeSpan['unit'] })}>
        {TimeSpanUnit.options.map((unit) => (
          <option key={unit} value={unit}>
            {unit}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
