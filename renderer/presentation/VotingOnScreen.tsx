import type { PollSummary, VoteSummary } from '../../shared/model/voting';
import { Countdown } from '../room/Countdown';
import { useVoting } from '../room/voting-state';
import './voting-screen.css';

/** As many results as the back of the room can read at once. */
const SHOWN = 8;
/** Each result arrives this long after the one below it: the ranking builds up from the last place. */
const STEP_MS = 700;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function RunningVote({ vote, people }: { vote: VoteSummary; people: number }) {
  const skew = useVoting((s) => s.skew);
  return (
    // In a corner: the room reads the notes on the board while it votes.
    <section className="voting-screen corner" aria-label="Vote">
      <h1>Vote: {vote.scope}</h1>
      <p className="voting-screen-rule">
        {plural(vote.dotsPerPerson, 'dot', 'dots')} each · at most {vote.maxPerNote} on one note · place them on your phone
      </p>
      {vote.endsAt !== null && <Countdown endsAt={vote.endsAt - skew} className="voting-screen-clock" />}
      <p className="voting-screen-count" aria-live="polite">
        {vote.voted} of {people} have voted
      </p>
    </section>
  );
}

/** The ranked tally, revealed from the last place shown up to the first, calmly (at once with reduced motion). */
function VoteResults({ vote }: { vote: VoteSummary }) {
  const shown = vote.results!.filter((r) => r.dots > 0).slice(0, SHOWN);
  const most = Math.max(1, ...shown.map((r) => r.dots));
  return (
    <section className="voting-screen" aria-label="Vote results">
      <h1>Results: {vote.scope}</h1>
      {shown.length === 0 ? (
        <p className="voting-screen-rule">No dots were placed.</p>
      ) : (
        <ol className="voting-screen-ranking">
          {shown.map((result, rank) => (
            <li key={result.nodeId} style={{ animationDelay: `${(shown.length - 1 - rank) * STEP_MS}ms` }}>
              <span className="voting-screen-rank">{rank + 1}</span>
              <span className="voting-screen-text">{result.text}</span>
              <span className="voting-screen-bar" style={{ width: `${(result.dots / most) * 100}%` }} aria-hidden="true" />
              <span className="voting-screen-dots">{plural(result.dots, 'dot', 'dots')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A poll: its question and how many answered while open, then its answers as a bar chart. */
function Poll({ poll, people }: { poll: PollSummary; people: number }) {
  const most = Math.max(1, ...(poll.results ?? []));
  return (
    <section className="voting-screen" aria-label="Poll">
      <h1>{poll.question}</h1>
      {poll.results === null ? (
        <>
          <ol className="voting-screen-choices">
            {poll.choices.map((choice) => (
              <li key={choice}>{choice}</li>
            ))}
          </ol>
          <p className="voting-screen-count" aria-live="polite">
            {poll.answered} of {people} have answered · answer on your phone
          </p>
        </>
      ) : (
        <ol className="poll-chart" aria-label="Answers">
          {poll.choices.map((choice, i) => (
            <li key={choice} style={{ animationDelay: `${i * (STEP_MS / 3)}ms` }}>
              <span className="poll-chart-choice">{choice}</span>
              <span className="poll-chart-track">
                <span className="poll-chart-bar" style={{ width: `${(poll.results![i] / most) * 100}%` }} aria-hidden="true" />
              </span>
              <span className="poll-chart-count">{poll.results![i]}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the facilitator put on the projector of voting: a vote running or its results, or a poll. */
export function VotingOnScreen({ sessionId }: { sessionId: string }) {
  const status = useVoting((s) => (s.status?.sessionId === sessionId ? s.status : null));
  const screen = status?.screen;
  if (!status || !screen) return null;
  if (screen.kind === 'poll') {
    const poll = status.polls.find((p) => p.id === screen.id);
    return poll ? <Poll poll={poll} people={status.people} /> : null;
  }
  const vote = status.votes.find((v) => v.id === screen.id);
  if (!vote) return null;
  return vote.results === null ? <RunningVote vote={vote} people={status.people} /> : <VoteResults vote={vote} />;
}
