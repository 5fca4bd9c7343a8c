import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { NodeOfKind } from '../../shared/model';
import { VOTING_LIMITS, type VoteSummary, type VotingStatus } from '../../shared/model/voting';
import { api } from '../api/client';
import { useBoard } from '../state/board-store';
import { Countdown } from './Countdown';
import { runningVote, useVoting, votingCall } from './voting-state';
import './voting.css';

const dotsWord = (n: number) => `${n} ${n === 1 ? 'dot' : 'dots'}`;

type Frame = NodeOfKind<'frame'>;

/** The frames of the board on screen: a vote can be on one of them. A frame's object is replaced only when it changes. */
const useFrames = () => useBoard(useShallow((s) => [...s.doc.nodes.values()].filter((n): n is Frame => n.kind === 'frame')));

function NumberField({ label, value, min, max, onChange, step }: { label: string; value: string; min: number; max: number; step?: number; onChange(value: string): void }) {
  return (
    <label className="inline-field">
      <span>{label}</span>
      <input type="number" min={min} max={max} step={step ?? 1} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

function StartVote({ sessionId, boardId }: { sessionId: string; boardId: string }) {
  const frames = useFrames();
  const [frameId, setFrameId] = useState('');
  const [dots, setDots] = useState('3');
  const [perNote, setPerNote] = useState('1');
  const [minutes, setMinutes] = useState('');
  const [problem, setProblem] = useState('');
  const start = () => {
    const dotsPerPerson = Number(dots);
    const maxPerNote = Number(perNote);
    const limit = minutes.trim() === '' ? null : Number(minutes);
    if (!Number.isInteger(dotsPerPerson) || dotsPerPerson < 1 || dotsPerPerson > VOTING_LIMITS.maxDots) return setProblem(`Dots per person: 1 to ${VOTING_LIMITS.maxDots}`);
    if (!Number.isInteger(maxPerNote) || maxPerNote < 1 || maxPerNote > dotsPerPerson) return setProblem(`Most dots on one note: 1 to ${dotsPerPerson}`);
    if (limit !== null && !(limit > 0 && limit * 60 <= VOTING_LIMITS.seconds)) return setProblem(`Time limit: leave it empty, or up to ${VOTING_LIMITS.seconds / 60} minutes`);
    setProblem('');
    const seconds = limit === null ? null : Math.max(1, Math.round(limit * 60));
    void votingCall(() => api().call('vote.start', { sessionId, rules: { boardId, frameId: frameId || null, dotsPerPerson, maxPerNote, seconds } }));
  };
  return (
    <form
      className="vote-start"
      aria-label="Start a vote"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <label className="inline-field">
        <span>Vote on</span>
        <select value={frameId} onChange={(e) => setFrameId(e.target.value)}>
          <option value="">The whole board</option>
          {frames.map((frame) => (
            <option key={frame.id} value={frame.id}>
              Frame: {frame.data.title || 'Untitled frame'}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="Dots per person" value={dots} min={1} max={VOTING_LIMITS.maxDots} onChange={setDots} />
      <NumberField label="Most dots on one note" value={perNote} min={1} max={Math.max(1, Number(dots) || 1)} onChange={setPerNote} />
      <NumberField label="Time limit (minutes, empty for none)" value={minutes} min={0} max={VOTING_LIMITS.seconds / 60} step={0.25} onChange={setMinutes} />
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="primary">
        Start the vote
      </button>
    </form>
  );
}

/** Dots for people without a phone: each by name, with the same rules as a phone. */
function LaptopVoting({ vote, status }: { vote: VoteSummary; status: VotingStatus }) {
  const [name, setName] = useState('');
  const voter = status.laptopVoters.find((v) => v.name === name.trim());
  const dotsOn = (nodeId: string) => voter?.dots.find((d) => d.nodeId === nodeId)?.dots ?? 0;
  const place = (nodeId: string, delta: 1 | -1) => void votingCall(() => api().call('vote.placeFor', { voteId: vote.id, voter: name.trim(), nodeId, delta }));
  return (
    <details className="laptop-voting">
      <summary>Dots for people without a phone</summary>
      <p className="room-note">Type a person’s name, then place their dots here. Each name is one voter with the same dots as a phone.</p>
      <label className="inline-field">
        <span>Voting for</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} list="laptop-voters" />
      </label>
      <datalist id="laptop-voters">
        {status.laptopVoters.map((v) => (
          <option key={v.name} value={v.name} />
        ))}
      </datalist>
      {name.trim() && (
        <ul className="laptop-notes">
          {status.notes.map((note) => (
            <li key={note.id}>
              <span>{note.text}</span>
              <span className="stepper">
                <button type="button" aria-label={`Take a dot of ${name.trim()} from ‘${note.text}’`} disabled={dotsOn(note.id) === 0} onClick={() => place(note.id, -1)}>
                  −
                </button>
                <output aria-label={`${name.trim()}’s dots on ‘${note.text}’`}>{dotsOn(note.id)}</output>
                <button type="button" aria-label={`Add a dot of ${name.trim()} to ‘${note.text}’`} onClick={() => place(note.id, 1)}>
                  +
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

function RunningVote({ vote, status }: { vote: VoteSummary; status: VotingStatus }) {
  const skew = useVoting((s) => s.skew);
  return (
    <section className="vote-running" aria-label="Vote running">
      <p className="vote-headline">
        Voting on <strong>{vote.scope}</strong> · {dotsWord(vote.dotsPerPerson)} each, at most {vote.maxPerNote} on one note
      </p>
      <p className="room-counts" aria-live="polite">
        {vote.voted} of {status.people} people have voted
        {vote.endsAt !== null && (
          <>
            {' · '}
            <Countdown endsAt={vote.endsAt - skew} />
          </>
        )}
      </p>
      <p className="room-note">Nobody sees counts until you reveal them: not the phones, the canvas or the projector.</p>
      <button type="button" className="primary" onClick={() => void votingCall(() => api().call('vote.end', { voteId: vote.id }))}>
        End and reveal
      </button>
      <LaptopVoting vote={vote} status={status} />
    </section>
  );
}

/** Earlier votes, newest first, each with its ranked results, to compare a vote run again. */
function VoteHistory({ sessionId, status }: { sessionId: string; status: VotingStatus }) {
  const ended = status.votes.filter((v) => v.results !== null);
  if (ended.length === 0) return null;
  return (
    <section className="vote-history" aria-label="Votes">
      <h3>Votes</h3>
      <ol className="vote-history-list">
        {ended.map((vote) => {
          const onScreen = status.screen?.kind === 'vote' && status.screen.id === vote.id;
          return (
            <li key={vote.id}>
              <p className="vote-headline">
                {vote.scope} · {new Date(vote.startedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} · {vote.voted} voted
              </p>
              <ol className="vote-results" aria-label={`Results of the vote on ${vote.scope}`}>
                {vote.results!
                  .filter((r) => r.dots > 0)
                  .map((r) => (
                    <li key={r.nodeId}>
                      {r.text} <span className="vote-dots">· {dotsWord(r.dots)}</span>
                    </li>
                  ))}
              </ol>
              <button type="button" onClick={() => void votingCall(() => api().call('vote.show', { sessionId, screen: onScreen ? null : { kind: 'vote', id: vote.id } }))}>
                {onScreen ? 'Take off the projector' : 'Show on the projector'}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The facilitator's votes in the room panel: start one, watch how many voted, end and reveal, compare. */
export function VoteControls({ sessionId, boardId }: { sessionId: string; boardId: string }) {
  const status = useVoting((s) => (s.status?.sessionId === sessionId ? s.status : null));
  if (!status) return null;
  const running = runningVote(status);
  return (
    <fieldset className="room-settings voting">
      <legend>Vote</legend>
      {running ? <RunningVote vote={running} status={status} /> : <StartVote sessionId={sessionId} boardId={boardId} />}
      <VoteHistory sessionId={sessionId} status={status} />
    </fieldset>
  );
}
