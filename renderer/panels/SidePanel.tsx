import { useState } from 'react';
import './panels.css';
import { useFindings } from '../findings/findings-store';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { TopSignals } from './TopSignals';

const TABS = ['Details', 'Findings', 'Top signals'] as const;
type Tab = (typeof TABS)[number];

/** Beside the canvas: the selection's details, the live findings, and the signals by votes. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('Details');
  const findingCount = useFindings((s) => s.all.length);
  return (
    <aside className="side-panel" aria-label="Board panel">
      <div role="tablist" aria-label="Panel" className="side-tabs">
        {TABS.map((name) => (
          <button key={name} id={`panel-tab-${name}`} role="tab" type="button" aria-selected={tab === name} aria-controls="side-panel-body" onClick={() => setTab(name)}>
            {name}
            {name === 'Findings' && findingCount > 0 && <span className="count"> {findingCount}</span>}
          </button>
        ))}
      </div>
      <div id="side-panel-body" role="tabpanel" aria-labelledby={`panel-tab-${tab}`} className="side-body">
        {tab === 'Details' && <Inspector />}
        {tab === 'Findings' && <FindingsPanel />}
        {tab === 'Top signals' && <TopSignals />}
      </div>
    </aside>
  );
}
