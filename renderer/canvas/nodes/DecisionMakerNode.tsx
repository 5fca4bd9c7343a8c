import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PURCHASE_ROLE_NAMES, STANCE_NAMES, type DecisionMakerData, type Stratum } from '../../../shared/model';
import { STRATA } from '../../../shared/levels/strata';
import { NodeBadges } from '../../findings/NodeBadges';
import type { BoardFlowNode } from '../../state/flow';
import { CardLabel } from '../LabelEditor';
import { useLabelEditing } from '../useLabelEditing';
import { HorizontalHandles } from './Handles';
import { NameEditor } from './NameEditor';
import { StratumBadge } from './StratumBadge';

const INFLUENCE_STEPS = [1, 2, 3, 4, 5] as const;

function Influence({ value }: { value: number }) {
  return (
    <div className="dm-influence" role="img" aria-label={`Influence ${value} of 5`}>
      <span className="dm-influence-word" aria-hidden="true">
        Influence
      </span>
      {INFLUENCE_STEPS.map((step) => (
        <span key={step} className={`dm-dot${step <= value ? ' is-filled' : ''}`} aria-hidden="true" />
      ))}
    </div>
  );
}

function LanguageHints({ stratum }: { stratum: Stratum | null }) {
  return (
    <section className="dm-language" aria-label="Speak their language">
      <div className="dm-language-heading">Speak their language</div>
      {stratum === null ? (
        <p className="dm-language-missing">Set their stratum to see language hints</p>
      ) : (
        <ul>
          {STRATA[stratum - 1].languageHints.map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A person in the buying organisation: role in the purchase, stance, weight, stratum. */
export const DecisionMakerNode = memo(function DecisionMakerNode({ id, data, selected }: NodeProps<BoardFlowNode>) {
  const dm = data as DecisionMakerData;
  const labelEditing = useLabelEditing(id, 'decisionMaker');
  const subtitle = [dm.title, dm.organisation].filter(Boolean).join(' · ');
  return (
    <div className={`gw-node decision-maker stance-${dm.stance}${selected ? ' is-selected' : ''}`}>
      <HorizontalHandles />
      <StratumBadge stratum={dm.stratum} />
      <NodeBadges nodeId={id} />
      <CardLabel
        className="dm-name"
        text={dm.name || 'Unnamed'}
        editor={labelEditing.editing && <NameEditor id={id} kind="decisionMaker" value={dm.name} labelEditing={labelEditing} />}
      />
      {subtitle && <div className="dm-subtitle">{subtitle}</div>}
      <div className="dm-tags">
        <span className="dm-stance">{STANCE_NAMES[dm.stance]}</span>
        {dm.purchaseRole ? (
          <span className="dm-purchase-role">{PURCHASE_ROLE_NAMES[dm.purchaseRole]}</span>
        ) : (
          <span className="dm-purchase-role is-unknown">Role in purchase?</span>
        )}
      </div>
      <Influence value={dm.influence} />
      {dm.showLanguage && <LanguageHints stratum={dm.stratum} />}
    </div>
  );
});
