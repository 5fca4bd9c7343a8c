import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ParticipantBoard, ParticipantState } from '../../shared/model/room';
import type { ParticipantVoting } from '../../shared/model/voting';
import { JOIN_CODE_LENGTH } from '../../shared/model/room-limits';
import { JoinFields } from '../ui/JoinFields';
import { BoardView, type BoardNotes } from './BoardView';
import { CallFailed, codeFromUrl, loadSaved, RoomConnection, save } from './connection';

let shared: RoomConnection | undefined;
/** The page's one connection, made on first use. */
const roomConnection = () => (shared ??= new RoomConnection());
import { NoteForm } from './NoteForm';
import { PdfButton } from './PdfButton';
import { PollPanel } from './PollPanel';
import { VotePanel } from './VotePanel';
import './voting.css';
import { OnScreen } from './OnScreen';
import { RoomPolicy, useWelcome } from './RoomPolicy';
import { useFollowing } from './useFollowing';

type Phase = 'connecting' | 'join' | 'room' | 'closed';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Whether the room answers now, kept up to date. On a slow phone the socket can open between the
 * first render and the subscription; useSyncExternalStore reads it again once subscribed.
 */
function useReachable(connection: RoomConnection): boolean {
  const subscribe = useCallback((changed: () => void) => connection.onReachable(changed), [connection]);
  return useSyncExternalStore(subscribe, () => connection.reachable);
}

const NOT_OPEN = 'The room is not open right now, or this phone is not on the workshop’s Wi-Fi. This page keeps trying: join once the facilitator opens the room.';

function JoinForm({ onJoin, error, reachable, connection }: { onJoin(code: string, name: string): Promise<void>; error: string; reachable: boolean; connection: RoomConnection }) {
  const welcome = useWelcome(connection, reachable);
  const [code, setCode] = useState(codeFromUrl() || '');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  return (
    <main className="join">
      <h1>Join the workshop</h1>
      <p className="hint">Type the code on the screen and your name.</p>
      {welcome && <RoomPolicy {...welcome} />}
      {!reachable && (
        <p className="hint" role="status">
          Waiting for the room…
        </p>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          // A join sent while the room is unreachable would only wait: say so at once instead.
          if (!reachable) return setTried(true);
          setTried(false);
          setBusy(true);
          void onJoin(code.replace(/\s+/g, ''), name).finally(() => setBusy(false));
        }}
      >
        <JoinFields
          code={code}
          onCode={setCode}
          codeMaxLength={JOIN_CODE_LENGTH + 1}
          name={name}
          onName={setName}
          nameAutoComplete="nickname"
          error={tried && !reachable ? NOT_OPEN : error}
        />
        <button type="submit" className="primary" disabled={busy}>
          Join
        </button>
      </form>
    </main>
  );
}

/** The participant's page: join with the code, add notes, place dots, follow the board live. */
export function ParticipantApp() {
  const connection = roomConnection();
  const reachable = useReachable(connection);
  const [phase, setPhase] = useState<Phase>('connecting');
  const [error, setError] = useState('');
  const [state, setState] = useState<ParticipantState | null>(null);
  const [boards, setBoards] = useState<Record<string, ParticipantBoard>>({});
  const [boardId, setBoardId] = useState<string | null>(null);
  const boardIdRef = useRef<string | null>(null);
  /** Boards fetched whole since the socket last opened: from then on, board.notes keeps them current. */
  const fetched = useRef(new Set<string>());
  const [voting, setVoting] = useState<ParticipantVoting | null>(null);
  /** When the running vote ends, on this phone's clock. */
  const [voteEndsAt, setVoteEndsAt] = useState<number | null>(null);

  const loadVoting = useCallback(async () => {
    try {
      const next = await connection.call('vote.current', {});
      setVoting(next);
      setVoteEndsAt(next.vote?.msLeft == null ? null : Date.now() + next.vote.msLeft);
    } catch {
      // The room closed meanwhile: room.state says so.
    }
  }, [connection]);
  const { step, following, follow, lookAround } = useFollowing(connection, phase === 'room');
  // The board on screen, while this phone follows and the board is open for notes.
  const followed = following && step && state?.boards.some((b) => b.id === step.boardId) ? step.boardId : null;

  const leave = useCallback(
    (why: string) => {
      save(null);
      connection.setToken(null);
      fetched.current.clear();
      setState(null);
      setError(why);
      setPhase('join');
    },
    [connection],
  );

  const loadBoard = useCallback(
    async (id: string) => {
      try {
        const board = await connection.call('room.board', { boardId: id });
        fetched.current.add(id);
        setBoards((all) => ({ ...all, [id]: board }));
      } catch {
        // Closed for input meanwhile: room.state follows and the board leaves the list.
      }
    },
    [connection],
  );

  const refresh = useCallback(async () => {
    try {
      const next = await connection.call('room.state', {});
      setState(next);
      setPhase('room');
      void loadVoting();
      const chosen = boardIdRef.current && next.boards.some((b) => b.id === boardIdRef.current) ? boardIdRef.current : (next.boards[0]?.id ?? null);
      boardIdRef.current = chosen;
      setBoardId(chosen);
      // In a burst the room's state changes every few hundred ms: fetching the whole board each
      // time would have sixty phones download it again and again over the venue's Wi-Fi.
      if (chosen && !fetched.current.has(chosen)) await loadBoard(chosen);
    } catch (failure) {
      if (failure instanceof CallFailed && failure.code === 'forbidden') leave(failure.message);
    }
  }, [connection, leave, loadBoard, loadVoting]);

  useEffect(() => {
    const saved = loadSaved();
    const fromUrl = codeFromUrl();
    // A QR code of another room: the old token belongs to a room that is gone.
    if (saved && (!fromUrl || fromUrl === saved.code)) connection.setToken(saved.token);
    const opened = () => {
      // Diffs sent while the socket was down are lost: the board is fetched whole again.
      fetched.current.clear();
      if (connection.token) void refresh();
      else setPhase((p) => (p === 'connecting' ? 'join' : p));
    };
    const offOpen = connection.onOpen(opened);
    // The socket is made in the first render: on a slow phone it can open before this effect runs.
    if (connection.reachable) opened();
    const offEvent = connection.onEvent((name, payload) => {
      if (name === 'room.state') void refresh();
      // A vote started or ended: the counts on the board are hidden or revealed, so fetch it again too.
      if (name === 'voting.changed') {
        // Main's feed starts afresh: every board is fetched whole again when next shown.
        fetched.current.clear();
        void loadVoting();
        if (boardIdRef.current) void loadBoard(boardIdRef.current);
      }
      if (name === 'room.closed') {
        save(null);
        connection.setToken(null);
        setPhase('closed');
      }
      if (name === 'board.notes') {
        const diff = payload as { boardId: string; from: number; revision: number; notes: BoardNotes; removed: string[] };
        setBoards((all) => {
          const board = all[diff.boardId];
          if (!board) return all;
          if (board.revision !== diff.from) {
            void loadBoard(diff.boardId);
            return all;
          }
          const removed = new Set(diff.removed);
          const changed = new Map(diff.notes.map((n) => [n.id, n]));
          const notes = board.notes.filter((n) => !removed.has(n.id)).map((n) => changed.get(n.id) ?? n);
          for (const note of diff.notes) if (!board.notes.some((n) => n.id === note.id)) notes.push(note);
          return { ...all, [diff.boardId]: { ...board, revision: diff.revision, notes } };
        });
      }
    });
    return () => {
      offOpen();
      offEvent();
    };
  }, [connection, refresh, loadBoard, loadVoting]);

  useEffect(() => {
    if (!followed || followed === boardIdRef.current) return;
    boardIdRef.current = followed;
    setBoardId(followed);
    void loadBoard(followed);
  }, [followed, loadBoard]);

  const join = async (code: string, name: string) => {
    try {
      const { token } = await connection.call('room.join', { code, name });
      connection.setToken(token);
      save({ token, code: code.toUpperCase() });
      setError('');
      await refresh();
    } catch (failure) {
      setError(message(failure));
    }
  };

  const vote = async (nodeId: string, on: boolean) => {
    try {
      await connection.call(on ? 'vote.cast' : 'vote.retract', { nodeId });
    } catch (failure) {
      setError(message(failure));
    }
    await refresh();
  };

  const dot = async (nodeId: string, delta: 1 | -1) => {
    const vote = voting?.vote;
    if (!vote) return;
    try {
      const mine = await connection.call('vote.dot', { voteId: vote.id, nodeId, delta });
      setVoting((v) => (v?.vote?.id === vote.id ? { ...v, vote: { ...v.vote, ...mine } } : v));
      setError('');
    } catch (failure) {
      setError(message(failure));
      await loadVoting();
    }
  };

  const answer = async (choice: number) => {
    const poll = voting?.poll;
    if (!poll) return;
    // Checked at once, as a radio button is; a refusal puts back what main holds.
    setVoting((v) => (v?.poll?.id === poll.id ? { ...v, poll: { ...v.poll, myChoice: choice } } : v));
    try {
      await connection.call('poll.answer', { pollId: poll.id, choice });
      setError('');
    } catch (failure) {
      setError(message(failure));
      await loadVoting();
    }
  };

  if (phase === 'connecting') return <main className="join" aria-busy="true" />;
  if (phase === 'closed') {
    return (
      <main className="join">
        <h1>The room is closed</h1>
        <p className="hint">Thank you for taking part. If the facilitator opens it again, scan the new code or join here with it.</p>
        <button type="button" className="primary" onClick={() => setPhase('join')}>
          Join again
        </button>
      </main>
    );
  }
  if (phase === 'join' || !state) return <JoinForm onJoin={join} error={error} reachable={reachable} connection={connection} />;

  const board = boardId ? boards[boardId] : undefined;
  return (
    <main className="room">
      <header className="room-header">
        <h1>{state.sessionTitle}</h1>
        <p>
          You are <strong>{state.name}</strong>
          {!voting?.vote && (
            <>
              {' · '}
              <span aria-live="polite">
                {state.votesLeft} of {state.voteBudget} dots left
              </span>
            </>
          )}
        </p>
        <RoomPolicy names={state.names} privateMode={state.privateMode} />
      </header>
      {step && <OnScreen step={step} following={following} boardOpen={state.boards.some((b) => b.id === step.boardId)} onFollow={follow} />}
      {state.boards.length === 0 && <p className="hint">The facilitator has not opened a board for your notes yet.</p>}
      {state.boards.length > 1 && (
        <label className="field">
          <span>Board</span>
          <select
            value={boardId ?? ''}
            onChange={(e) => {
              lookAround();
              boardIdRef.current = e.target.value;
              setBoardId(e.target.value);
              void loadBoard(e.target.value);
            }}
          >
            {state.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {voting?.vote && <VotePanel vote={voting.vote} endsAt={voteEndsAt} onDot={(nodeId, delta) => void dot(nodeId, delta)} />}
      {voting?.poll && <PollPanel poll={voting.poll} onAnswer={(choice) => void answer(choice)} />}
      {boardId && <NoteForm connection={connection} boardId={boardId} myNotes={state.myNotes} onSent={refresh} />}
      {board && !voting?.vote && (
        <BoardView board={board} myVotes={state.myVotes} votesLeft={state.votesLeft} onVote={vote} onScreen={followed === board.id ? (step?.frame ?? null) : null} />
      )}
      {state.allowPdf && <PdfButton connection={connection} onError={setError} />}
    </main>
  );
}
