import { useEffect, useState } from 'react';
import type { ParticipantOutput } from '../../shared/api/participant-contract';
import type { RoomConnection } from './connection';

/** What the room does with a participant's name and notes, as the facilitator set it. */
export function RoomPolicy({ names, privateMode }: ParticipantOutput<'room.welcome'>) {
  return (
    <p className="policy">
      {names === 'shown' ? 'Your name will appear beside your notes.' : 'Your notes are anonymous.'}
      {privateMode && ' Private mode: only you and the facilitator see your notes until the reveal.'}
    </p>
  );
}

/** What the room says of names and privacy before anyone joins; null until it answers. */
export function useWelcome(connection: RoomConnection, reachable: boolean): ParticipantOutput<'room.welcome'> | null {
  const [welcome, setWelcome] = useState<ParticipantOutput<'room.welcome'> | null>(null);
  useEffect(() => {
    if (!reachable) return;
    let live = true;
    connection.call('room.welcome', {}).then(
      (answer) => live && setWelcome(answer),
      // A room that closed meanwhile: the join itself says so.
      () => live && setWelcome(null),
    );
    return () => {
      live = false;
    };
  }, [connection, reachable]);
  return welcome;
}
