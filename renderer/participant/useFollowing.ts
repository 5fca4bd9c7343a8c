import { useCallback, useEffect, useState } from 'react';
import type { ParticipantStep } from '../../shared/model/room';
import type { RoomConnection } from './connection';

/**
 * The presentation's step on screen, and whether this phone follows it. A phone follows from the
 * start; the participant's own swipe, scroll or choice of board is looking around, and one tap
 * on "Follow the facilitator" comes back.
 */
export function useFollowing(connection: RoomConnection, inRoom: boolean) {
  const [step, setStep] = useState<ParticipantStep | null>(null);
  const [following, setFollowing] = useState(true);

  useEffect(() => {
    if (!inRoom) return;
    const load = () =>
      connection.call('room.step', {}).then(
        (reply) => setStep(reply.step),
        // A closed room or a dead token: room.state, asked at the same moment, says so and leaves.
        () => undefined,
      );
    void load();
    const offOpen = connection.onOpen(() => void load());
    const offEvent = connection.onEvent((name, payload) => {
      if (name === 'room.step') setStep((payload as { step: ParticipantStep | null }).step);
    });
    return () => {
      offOpen();
      offEvent();
    };
  }, [connection, inRoom]);

  useEffect(() => {
    // Touches and wheels only come from the participant: the page's own scrolling makes neither.
    const lookAround = () => setFollowing(false);
    window.addEventListener('touchmove', lookAround, { passive: true });
    window.addEventListener('wheel', lookAround, { passive: true });
    return () => {
      window.removeEventListener('touchmove', lookAround);
      window.removeEventListener('wheel', lookAround);
    };
  }, []);

  const follow = useCallback(() => setFollowing(true), []);
  const lookAround = useCallback(() => setFollowing(false), []);
  return { step, following, follow, lookAround };
}
