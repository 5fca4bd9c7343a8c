import { SaveIndicator } from './SaveIndicator';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionDetail } from '../../shared/model';
import { api } from '../api/client';
import { Canvas } from '../canvas/Canvas';
import { ExportDialog } from '../export/ExportDialog';
import { EditorSessionContext } from '../panels/editor-session';
import { useBoard } from '../state/board-store';
import { navigate, showBoardInAddress } from '../state/router';
import { showError } from '../state/toasts';
import { BoardTabs } from './BoardTabs';
import { present, PresenterBar } from '../presentation/PresenterBar';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { HistoryDialog } from './HistoryDialog';
import { RoomButton } from '../room/RoomButton';
import { isCoFacilitator } from '../state/address';
import { useSharedSelection } from '../presence/presence-store';
import { useNamesShown } from '../room/names-shown';
import { PrivateModeBanner } from '../room/PrivateModeBanner';
import { NoteNamesContext } from '../canvas/nodes/note-names';
import { useSaveStatus } from '../state/sync/editor-outbox';

/** A session: its boards as tabs and the active board's canvas. */
const coFacilitator = isCoFacilitator();

export function Editor({ sessionId, boardId }: { sessionId: string; boardId?: string }) {
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [missing, setMissing] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [showingHistory, setShowingHistory] = useState(false);
  const [exporting, setExporting] = useState(false);
  const status = useBoard((s) => s.status);
  const loadedBoard = useBoard((s) => s.boardId);
  const namesShown = useNamesShown(sessionId);

  const load = useCallback(() => {
    return api()
      .call('session.get', { id: sessionId })
      .then((detail) => {
        for (const board of detail.boards) useBoard.getState().heardOf(board.id, board.revision);
        setSession(detail);
      })
      .catch((error) => {
        setMissing(true);
        showError(error);
      });
  }, [sessionId]);

  // The board in the address loads alongside its session, not after it.
  useEffect(() => {
    if (boardId) useBoard.getState().prefetch(boardId);
    // Only the board the editor opened on: later tabs load when chosen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(
    () =>
      api().on('session.changed', (event) => {
        if (event.sessionId !== sessionId) return;
        if (event.deleted) navigate({ screen: 'home' }, { replace: true });
        else void load();
      }),
    [sessionId, load],
  );

  // A board the address names that this copy of the session lacks may be newer than the copy (made
  // in another window a moment ago): main is asked again before the editor goes to the first board.
  const askedAgain = useRef<string | null>(null);
  const [rechecked, setRechecked] = useState<string | null>(null);
  const named = session?.boards.find((b) => b.id === boardId);
  useEffect(() => {
    if (!session || !boardId || named || askedAgain.current === boardId) return;
    askedAgain.current = boardId;
    void load().finally(() => setRechecked(boardId));
  }, [session, boardId, named, load]);
  const active = session && (named ?? (!boardId || rechecked === boardId ? session.boards[0] : undefined));
  const activeId = active?.id;
  const strataBands = active?.settings.strataBands ?? false;
  useEffect(() => useBoard.getState().setStrataBands(strataBands), [strataBands]);
  const keepArranged = active?.settings.keepArranged ?? false;
  useEffect(() => useBoard.getState().setKeepArranged(keepArranged), [keepArranged]);

  useEffect(() => {
    if (activeId && activeId !== boardId) showBoardInAddress(sessionId, activeId);
    if (activeId) void useBoard.getState().open(activeId);
  }, [activeId, boardId, sessionId]);
  useEffect(() => () => useBoard.getState().close(), []);

  useSharedSelection(sessionId, activeId ?? '');
  const editorSession = useMemo(() => session && { session, reload: load }, [session, load]);

  const select = (id: string) => navigate({ screen: 'session', sessionId, boardId: id });
  const act = async (action: () => Promise<unknown>, then?: (result: unknown) => void) => {
    try {
      const result = await action();
      await load();
      then?.(result);
    } catch (error) {
      showError(error);
      throw error;
    }
  };

  if (missing) {
    return (
      <main className="editor-missing">
        <p>This session could not be opened.</p>
        <a href="#/">Back to sessions</a>
      </main>
    );
  }
  if (!session || !activeId) return <main className="loading" aria-busy="true" />;

  return (
    <main className={presenting ? 'editor presenting' : 'editor'}>
      <header className="editor-header">
        {!coFacilitator && (
          <a href="#/" className="back">
            ← Sessions
          </a>
        )}
        <h1>{session.title}</h1>
        {session.client && <span className="client">{session.client}</span>}
        <SaveIndicator />
        <span className="editor-actions">
          <button
            type="button"
            className="primary"
            aria-pressed={presenting}
            onClick={() => {
              setPresenting(true);
              present(sessionId);
            }}
          >
            Present
          </button>
          <RoomButton sessionId={sessionId} boardId={activeId} />
          {/* The host's own: a co-facilitator's token reaches this session's editing only. */}
          {!coFacilitator && (
            <>
              <button type="button" onClick={() => setSavingTemplate(true)}>
                Save as template…
              </button>
              <button type="button" onClick={() => setShowingHistory(true)}>
                History…
              </button>
              <button type="button" onClick={() => setExporting(true)}>
                Export…
              </button>
            </>
          )}
        </span>
      </header>
      {presenting && <PresenterBar sessionId={sessionId} onLeave={() => setPresenting(false)} />}
      <BoardTabs
        boards={session.boards}
        activeId={activeId}
        onSelect={select}
        onAdd={(title) => act(() => api().call('board.create', { sessionId, title }), (board) => select((board as { id: string }).id))}
        onRename={(id, title) => act(() => api().call('board.rename', { id, title }))}
        onReorder={(boardIds) => act(() => api().call('board.reorder', { sessionId, boardIds }))}
        onDelete={(id) => act(() => api().call('board.delete', { id }))}
      />
      <EditorSessionContext.Provider value={editorSession}>
        <NoteNamesContext.Provider value={namesShown}>
        {status === 'ready' && loadedBoard === activeId ? <Canvas
            boardId={activeId}
            onToggleBands={(on) => void act(() => api().call('board.updateSettings', { id: activeId, settings: { strataBands: on } }))}
            keepArrangedChosen={active.settings.keepArranged !== undefined}
            onKeepArranged={(on) => void act(() => api().call('board.updateSettings', { id: activeId, settings: { keepArranged: on } }))}
          /> : <BoardLoading />}
        </NoteNamesContext.Provider>
      </EditorSessionContext.Provider>
      <PrivateModeBanner sessionId={sessionId} />
      {savingTemplate && <SaveTemplateDialog session={session} onClose={() => setSavingTemplate(false)} />}
      {exporting && <ExportDialog session={session} boardTitle={active.title} onClose={() => setExporting(false)} />}
      {showingHistory && <HistoryDialog sessionId={sessionId} onClose={() => setShowingHistory(false)} onRestored={() => void load()} />}
    </main>
  );
}

/** The canvas's place while its board is on its way: offline, it says the board opens once Groundwork is back. */
function BoardLoading() {
  const offline = useSaveStatus((s) => s.connection === 'offline');
  return (
    <div className="canvas loading" aria-busy="true">
      {offline && <p role="status">This board opens as soon as Groundwork can be reached again.</p>}
    </div>
  );
}
