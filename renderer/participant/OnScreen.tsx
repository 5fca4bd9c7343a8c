import type { ParticipantStep } from '../../shared/model/room';

/** What the facilitator shows now, and the way back to it for a phone that looked around. */
export function OnScreen({ step, following, boardOpen, onFollow }: { step: ParticipantStep; following: boolean; boardOpen: boolean; onFollow(): void }) {
  return (
    <section className="on-screen-bar card" aria-label="On screen">
      <p>
        On screen: <strong>{step.title}</strong>
        {following && boardOpen && <span className="following"> · you are following</span>}
      </p>
      {!boardOpen && <p className="hint">That board is not open for your notes.</p>}
      {!following && boardOpen && (
        <button type="button" className="primary" onClick={onFollow}>
          Follow the facilitator
        </button>
      )}
    </section>
  );
}
