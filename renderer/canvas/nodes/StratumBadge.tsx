import { stratumLabel, type Stratum } from '../../../shared/model';

/** The stratum as its roman numeral; the word "Stratum" is there for screen readers and the tooltip. */
export function StratumBadge({ stratum }: { stratum: Stratum | null }) {
  if (stratum === null) return null;
  const roman = stratumLabel(stratum);
  return (
    <span className="stratum-badge" title={`Stratum ${roman}`}>
      <span className="visually-hidden">Stratum </span>
      {roman}
    </span>
  );
}
