import type { ParticipantPoll } from '../../shared/model/voting';

/** The open poll on a phone: one answer, which can be changed until the facilitator closes it. */
export function PollPanel({ poll, onAnswer }: { poll: ParticipantPoll; onAnswer(choice: number): void }) {
  return (
    <section className="card poll-panel" aria-labelledby="poll-question">
      <h2 id="poll-question">{poll.question}</h2>
      <div className="poll-choices" role="radiogroup" aria-labelledby="poll-question">
        {poll.choices.map((choice, i) => (
          <label key={choice} className={poll.myChoice === i ? 'poll-choice chosen' : 'poll-choice'}>
            <input type="radio" name="poll" checked={poll.myChoice === i} onChange={() => onAnswer(i)} />
            {choice}
          </label>
        ))}
      </div>
      <p className="hint" aria-live="polite">
        {poll.myChoice === null ? 'Tap your answer.' : 'Answer sent. You can change it until the poll closes.'}
      </p>
    </section>
  );
}
