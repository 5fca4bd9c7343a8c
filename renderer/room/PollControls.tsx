import { useState } from 'react';
import { STRATA } from '../../shared/levels/strata';
import { PollQuestion, type PollSummary, type VotingStatus } from '../../shared/model/voting';
import { api } from '../api/client';
import { useVoting, votingCall } from './voting-state';

/** The scale of the levels of work, I to VIII, as a poll's choices. */
const STRATA_SCALE = STRATA.map((s) => s.roman);

function StartPoll({ sessionId }: { sessionId: string }) {
  const [question, setQuestion] = useState('');
  const [choices, setChoices] = useState('');
  const [problem, setProblem] = useState('');
  const start = () => {
    const parsed = PollQuestion.safeParse({ question, choices: choices.split('\n').filter((c) => c.trim()) });
    if (!parsed.success) return setProblem(parsed.error.issues[0].message);
    setProblem('');
    void votingCall(() => api().call('poll.start', { sessionId, poll: parsed.data })).then((ok) => {
      if (!ok) return;
      setQuestion('');
      setChoices('');
    });
  };
  return (
    <form
      className="poll-start"
      aria-label="Ask a poll"
      onSubmit={(event) => {
        event.preventDefault();
        start();
      }}
    >
      <label className="field">
        <span>Question</span>
        <input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={200} placeholder="Which stratum is the buyer you meet most?" />
      </label>
      <label className="field">
        <span>Choices, one a line</span>
        <textarea value={choices} onChange={(e) => setChoices(e.target.value)} rows={4} />
      </label>
      <div className="row">
        <button type="button" onClick={() => setChoices(STRATA_SCALE.join('\n'))}>
          Strata I to VIII
        </button>
        <button type="submit" className="primary">
          Ask the room
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

function PollItem({ sessionId, poll, status }: { sessionId: string; poll: PollSummary; status: VotingStatus }) {
  const onScreen = status.screen?.kind === 'poll' && status.screen.id === poll.id;
  return (
    <li>
      <p className="vote-headline">{poll.question}</p>
      {poll.results === null ? (
        <>
          <p className="room-counts" aria-live="polite">
            {poll.answered} of {status.people} have answered
          </p>
          <button type="button" className="primary" onClick={() => void votingCall(() => api().call('poll.close', { pollId: poll.id }))}>
            Close and show results
          </button>
        </>
      ) : (
        <ul className="poll-results" aria-label={`Results of ‘${poll.question}’`}>
          {poll.choices.map((choice, i) => (
            <li key={choice}>
              {choice}: <strong>{poll.results![i]}</strong>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void votingCall(() => api().call('vote.show', { sessionId, screen: onScreen ? null : { kind: 'poll', id: poll.id } }))}>
        {onScreen ? 'Take off the projector' : 'Show on the projector'}
      </button>
    </li>
  );
}

/** Polls in the room panel: ask one, watch how many answered, close it, show its chart. */
export function PollControls({ sessionId }: { sessionId: string }) {
  const status = useVoting((s) => (s.status?.sessionId === sessionId ? s.status : null));
  if (!status) return null;
  const open = status.polls.some((p) => p.closedAt === null);
  return (
    <fieldset className="room-settings voting">
      <legend>Poll</legend>
      {!open && <StartPoll sessionId={sessionId} />}
      {status.polls.length > 0 && (
        <ol className="vote-history-list" aria-label="Polls">
          {status.polls.map((poll) => (
            <PollItem key={poll.id} sessionId={sessionId} poll={poll} status={status} />
          ))}
        </ol>
      )}
    </fieldset>
  );
}
