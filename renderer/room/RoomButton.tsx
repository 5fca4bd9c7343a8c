import { useEffect } from 'react';
import { followRoom, useRoom } from './room-state';
import { RoomPanel } from './RoomPanel';
import { useFollowVoting } from './voting-state';
import './room.css';

/** The editor's toolbar button for the room: how many joined and how many notes wait, and the panel. */
export function RoomButton({ sessionId, boardId }: { sessionId: string; boardId: string }) {
  const status = useRoom((s) => s.status);
  const panelOpen = useRoom((s) => s.panelOpen);
  useEffect(followRoom, []);
  useFollowVoting(sessionId);
  const here = status?.open && status.sessionId === sessionId;
  const waiting = here ? status.pending.length : 0;
  const label = here ? `Room: ${status.participants} joined${waiting ? `, ${waiting} waiting` : ''}` : 'Room…';
  return (
    <>
      <button type="button" className={here ? 'room-button live' : 'room-button'} aria-expanded={panelOpen} onClick={() => useRoom.getState().setPanel(!panelOpen)}>
        {label}
      </button>
      {panelOpen && <RoomPanel sessionId={sessionId} boardId={boardId} />}
    </>
  );
}
