import type { VotingStatus } from '../../shared/model/voting';

const dots = (n: number) => `${n} ${n === 1 ? 'dot' : 'dots'}`;
const when = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

/** Each ended vote's ranked results and each closed poll's answers, newest first, as the session kept them. */
export function VotingResults({ voting }: { voting: VotingStatus }) {
  const votes = voting.votes.filter((v) => v.results !== null);
  const polls = voting.polls.filter((p) => p.results !== null);
  if (votes.length === 0 && polls.length === 0) return null;
  return (
    <section className="print-appendix" aria-label="Votes and polls">
      <h2>Votes and polls</h2>
      {votes.map((vote) => (
        <div key={vote.id} className="print-appendix-group">
          <h3>
            Vote on {vote.scope} · {when(vote.startedAt)}
          </h3>
          <p className="print-lede">
            {dots(vote.dotsPerPerson)} per person, at most {vote.maxPerNote} on one note · {vote.voted} voted
          </p>
          <ol className="print-vote-results">
            {vote.results!
              .filter((r) => r.dots > 0)
              .map((r) => (
                <li key={r.nodeId}>
                  {r.text} <span className="print-note-votes">({dots(r.dots)})</span>
                </li>
              ))}
          </ol>
        </div>
      ))}
      {polls.map((poll) => {
        const most = Math.max(1, ...poll.results!);
        return (
          <div key={poll.id} className="print-appendix-group">
            <h3>Poll: {poll.question}</h3>
            <p className="print-lede">{poll.answered} answered</p>
            <ul className="print-poll-chart">
              {poll.choices.map((choice, i) => (
                <li key={choice}>
                  <span className="print-poll-choice">{choice}</span>
                  <span className="print-poll-bar" style={{ width: `${(poll.results![i] / most) * 60}%` }} aria-hidden="true" />
                  <span className="print-poll-count">{poll.results![i]}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
