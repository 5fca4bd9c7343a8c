import { useEffect, useState } from 'react';
import type { BoardSummary } from '../../shared/model';
import { ROOM_LIMITS, type NoteNames, type RoomStatus } from '../../shared/model/room';
import { api } from '../api/client';
import { isCoFacilitator } from '../state/address';
import { showError } from '../state/toasts';
import { openAudienceWindow } from '../presentation/audience-window';
import { usePresentation } from '../presentation/presentation-store';
import { CoFacilitators } from './CoFacilitators';
import { JoinCard } from './JoinCard';
import { ModerationQueue } from './ModerationQueue';
import { PollControls } from './PollControls';
import { VoteControls } from './VoteControls';
import { roomCall, updateRoomSettings, useRoom } from './room-state';

/** The session's boards, kept current while the panel is open. */
function useBoards(sessionId: string): BoardSummary[] {
  const [boards, setBoards] = useState<BoardSummary[]>([]);
  useEffect(() => {
    const load = () =>
      api()
        .call('session.get', { id: sessionId })
        .then((s) => setBoards(s.boards))
        .catch(showError);
    void load();
    return api().on('session.changed', (event) => {
      if (event.sessionId === sessionId && !event.deleted) void load();
    });
  }, [sessionId]);
  return boards;
}

function OpenRoomForm({ sessionId, boardId, status }: { sessionId: string; boardId: string; status: RoomStatus }) {
  const [host, setHost] = useState(status.addresses[0] ?? '');
  if (status.addresses.length === 0) {
    return <p className="room-note">This computer is on no network. Join the room’s Wi-Fi (or start a hotspot on this computer), then open the room.</p>;
  }
  return (
    <form
      className="room-open"
      onSubmit={(event) => {
        event.preventDefault();
        void roomCall(() => api().call('room.open', { sessionId, host, boardId }));
      }}
    >
      <p className="room-note">Participants join from their phones over this room’s network: no internet, no account, nothing to install.</p>
      <label className="field">
        <span>Network address</span>
        <select value={host} onChange={(e) => setHost(e.target.value)}>
          {status.addresses.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary big">
        Open room
      </button>
    </form>
  );
}

const NAME_CHOICES: { value: NoteNames; label: string }[] = [
  { value: 'shown', label: 'Shown' },
  { value: 'anonymous', label: 'Anonymous' },
];

function Settings({ status, boards }: { status: RoomStatus; boards: BoardSummary[] }) {
  const { settings } = status;
  return (
    <fieldset className="room-settings">
      <legend>Settings</legend>
      <label className="inline-field">
        <span>Dots per participant</span>
        <input
          type="number"
          min={0}
          max={ROOM_LIMITS.maxVoteBudget}
          value={settings.voteBudget}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 0 && value <= ROOM_LIMITS.maxVoteBudget) updateRoomSettings({ voteBudget: value });
          }}
        />
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.autoAccept} onChange={(e) => updateRoomSettings({ autoAccept: e.target.checked })} />
        Accept incoming notes automatically
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.allowPdf} onChange={(e) => updateRoomSettings({ allowPdf: e.target.checked })} />
        Participants may download the PDF
      </label>
      <label className="check">
        <input type="checkbox" checked={settings.privateMode} onChange={(e) => updateRoomSettings({ privateMode: e.target.checked })} aria-describedby="private-mode-hint" />
        Private mode
      </label>
      <p id="private-mode-hint" className="hint">
        Notes from phones are seen only by their author and you until you reveal them. Turning it off reveals them all at once.
      </p>
      <fieldset className="names">
        <legend>Names beside notes</legend>
        {NAME_CHOICES.map(({ value, label }) => (
          <label key={value} className="check">
            <input type="radio" name="note-names" value={value} checked={settings.names === value} onChange={() => updateRoomSettings({ names: value })} aria-describedby="names-hint" />
            {label}
          </label>
        ))}
        <p id="names-hint" className="hint">
          {settings.names === 'shown'
            ? 'Phones say: “Your name will appear beside your notes.”'
            : 'Phones say: “Your notes are anonymous.” Names already beside notes are hidden, not deleted: Shown brings them back. A note sent while anonymous never carries a name.'}
        </p>
      </fieldset>
      <p className="room-subhead">Boards open for input</p>
      {boards.map((board) => (
        <label key={board.id} className="check">
          <input
            type="checkbox"
            checked={settings.inputBoardIds.includes(board.id)}
            onChange={(e) =>
              updateRoomSettings({ inputBoardIds: e.target.checked ? [...settings.inputBoardIds, board.id] : settings.inputBoardIds.filter((id) => id !== board.id) })
            }
          />
          {board.title}
        </label>
      ))}
    </fieldset>
  );
}

/** Puts the join code over the audience view on the projector (opening it if need be), and takes it off. */
function ShowToRoom({ sessionId }: { sessionId: string }) {
  const shown = usePresentation((s) => s.sessionId === sessionId && s.state?.joinVisible === true);
  const toggle = async () => {
    if (usePresentation.getState().sessionId !== sessionId) await usePresentation.getState().load(sessionId);
    if (!shown) openAudienceWindow(sessionId);
    usePresentation.getState().update({ joinVisible: !shown });
  };
  return (
    <button type="button" className="primary" onClick={() => void toggle()}>
      {shown ? 'Hide from the room' : 'Show to the room'}
    </button>
  );
}

/** The room beside the canvas: open it, show how to join, set the rules, moderate the queue, close it. */
/** `boardId`: the board on screen, the one phones write to when the room opens (unless the session's last room chose). */
export function RoomPanel({ sessionId, boardId }: { sessionId: string; boardId: string }) {
  const status = useRoom((s) => s.status);
  const boards = useBoards(sessionId);
  const close = () => useRoom.getState().setPanel(false);
  const here = status?.open && status.sessionId === sessionId;
  return (
    <aside className="room-panel" aria-label="Room">
      <header className="room-panel-header">
        <h2>Room</h2>
        <button type="button" onClick={close} aria-label="Hide the room panel">
          ✕
        </button>
      </header>
      {!status && <p aria-busy="true">Loading…</p>}
      {status && !status.open && <OpenRoomForm sessionId={sessionId} boardId={boardId} status={status} />}
      {status?.open && !here && <p className="room-note">The room is open for another session. Close it there to open it for this one.</p>}
      {status && here && (
        <>
          <JoinCard status={status} />
          <div className="room-actions">
            <ShowToRoom sessionId={sessionId} />
            {!isCoFacilitator() && (
              <button type="button" className="danger" onClick={() => void roomCall(() => api().call('room.close', {}))}>
                Close room
              </button>
            )}
          </div>
          <p className="room-counts" aria-live="polite">
            {status.participants} joined · {status.connected} connected · {status.votesCast} dots placed
          </p>
          <CoFacilitators status={status} />
          <ModerationQueue status={status} boards={boards} />
          <VoteControls sessionId={sessionId} boardId={boardId} />
          <PollControls sessionId={sessionId} />
          <Settings status={status} boards={boards} />
        </>
      )}
    </aside>
  );
}
