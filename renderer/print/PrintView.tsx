import { useCallback, useEffect, useMemo, useState } from 'react';
import { PRINT_STATUS_ATTRIBUTE, type PrintStatus } from '../../shared/export/print-status';
import type { PrintOptions } from '../../shared/export/print-options';
import { roomView, type Board, type SessionDetail } from '../../shared/model';
import type { VotingStatus } from '../../shared/model/voting';
import { NoteNamesContext } from '../canvas/nodes/note-names';
import { ShownOnlyContext } from '../canvas/nodes/shown-only';
import { api } from '../api/client';
import { errorMessage } from '../state/toasts';
import { Appendix } from './Appendix';
import { VotingResults } from './VotingResults';
import { BoardPages } from './BoardPages';
import { CoverPage } from './CoverPage';
import { pageGeometry, pageRule } from './pages';
import './print.css';

/** The document's title, also at the foot of every page. */
const handoutTitle = (sessionTitle: string) => `${sessionTitle}: workshop handout`;

function setStatus(status: PrintStatus): void {
  document.documentElement.setAttribute(PRINT_STATUS_ATTRIBUTE, JSON.stringify(status));
}

/**
 * The session as a handout: a cover, each board fitted to a landscape page (or an overview and
 * its tiles when it would be too small to read), and the appendix pages asked for. Electron's
 * hidden window and the served shell's headless Chromium print it to PDF; opened in a browser,
 * its Print button prints it there.
 */
export function PrintView({ sessionId, options }: { sessionId: string; options: PrintOptions }) {
  const [content, setContent] = useState<{ session: SessionDetail; boards: Board[]; voting: VotingStatus; namesShown: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ready, setReady] = useState<ReadonlySet<string>>(new Set());
  const geometry = useMemo(() => pageGeometry(options.paper), [options.paper]);

  useEffect(() => {
    document.documentElement.classList.add('print-document');
    setStatus({ state: 'loading', done: 0, total: 0 });
    let live = true;
    (async () => {
      const session = await api().call('session.get', { id: sessionId });
      const [boards, voting, room] = await Promise.all([
        Promise.all(session.boards.map((b) => api().call('board.get', { id: b.id }))),
        api().call('vote.status', { sessionId }),
        api().call('room.settings', { sessionId }),
      ]);
      // A handout goes to the room (and to phones): notes private mode still hides are not in it.
      if (live) setContent({ session, boards: boards.map(roomView), voting, namesShown: room.names === 'shown' });
    })().catch((error: unknown) => {
      if (!live) return;
      const message = errorMessage(error);
      setFailure(message);
      setStatus({ state: 'failed', done: 0, total: 0, message });
    });
    return () => {
      live = false;
      document.documentElement.classList.remove('print-document');
      document.documentElement.removeAttribute(PRINT_STATUS_ATTRIBUTE);
    };
  }, [sessionId]);

  const total = content?.boards.length ?? 0;
  useEffect(() => {
    if (!content) return;
    if (ready.size < total) {
      setStatus({ state: 'rendering', done: ready.size, total });
      return;
    }
    // Text is laid out with the fonts the page will print with. A view gone by then says nothing:
    // the printer may have moved its page on to the next handout.
    let live = true;
    void document.fonts.ready.then(() => live && setStatus({ state: 'ready', done: total, total }));
    return () => {
      live = false;
    };
  }, [content, ready, total]);

  const title = content?.session.title;
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = handoutTitle(title);
    return () => {
      document.title = previous;
    };
  }, [title]);

  const onBoardReady = useCallback((boardId: string) => setReady((current) => new Set(current).add(boardId)), []);

  if (failure) {
    return (
      <main className="print-failed" role="alert">
        <h1>The handout could not be made</h1>
        <p>{failure}</p>
      </main>
    );
  }
  if (!content) return <main className="loading" aria-busy="true" />;

  return (
    <NoteNamesContext.Provider value={content.namesShown}>
    <ShownOnlyContext.Provider value={true}>
    <main className="print" aria-label={`Handout: ${content.session.title}`} style={{ width: Math.floor(geometry.content.width) }}>
      <style>{pageRule(geometry, handoutTitle(content.session.title))}</style>
      <div className="print-toolbar">
        <a href={`#/session/${encodeURIComponent(sessionId)}`}>← Back to the session</a>
        <span aria-live="polite">{ready.size < total ? `Preparing board ${ready.size + 1} of ${total}…` : 'Ready to print'}</span>
        <button type="button" className="primary" onClick={() => window.print()} disabled={ready.size < total}>
          Print or save as PDF
        </button>
      </div>
      <CoverPage session={content.session} boards={content.boards} options={options} />
      {content.boards.map((board) => (
        <BoardPages key={board.id} board={board} area={geometry.board} height={Math.floor(geometry.content.height) - 1} onReady={onBoardReady} />
      ))}
      <Appendix boards={content.boards} options={options} />
      {options.signals && <VotingResults voting={content.voting} />}
    </main>
    </ShownOnlyContext.Provider>
    </NoteNamesContext.Provider>
  );
}
