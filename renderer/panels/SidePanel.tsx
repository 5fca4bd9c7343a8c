import { useState } from 'react';
import './panels.css';
import { useFindings } from '../findings/findings-store';
import { useBoard } from '../state/board-store';
import { AgendaPanel } from './AgendaPanel';
import { useEditorSession } from './editor-session';
import { FindingsPanel } from './FindingsPanel';
import { Inspector } from './Inspector';
import { PromptsBox } from './PromptsPanel';
import { TopSignals } from './TopSignals';

const TABS = ['Details', 'Findings', 'Top signals', 'Agenda'] as const;
type Tab = (typeof TABS)[number];

/** Beside the canvas: the prompts for this board, the selection's details, the live findings, the signals by votes, the agenda. */
export function SidePanel() {
  const [tab, setTab] = useState<Tab>('Details');
  const findingCount = useFindings((s) => s.all.length);
  const agenda = useEditorSession()?.session.agenda;
  const boardId = useBoard((s) => s.boardId);
  return (
    <aside className="side-panel" aria-label="Board panel">
      {agenda && boardId && <PromptsBox agenda={agenda} boardId={boardId} />}
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
        {tab === 'Agenda' && <AgendaPanel />}
      </div>
    </aside>
  );
}
