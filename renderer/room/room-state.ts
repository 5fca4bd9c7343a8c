import { create } from 'zustand';
import type { RoomSettings, RoomStatus } from '../../shared/model/room';
import { api } from '../api/client';
import { showError } from '../state/toasts';

interface RoomState {
  status: RoomStatus | null;
  panelOpen: boolean;
  load(): Promise<void>;
  setPanel(open: boolean): void;
}

/**
 * Settings this window changed that main has not answered yet. Laid over every status that comes
 * meanwhile (the answer to an earlier change, another window's news), so a box just ticked does
 * not untick itself until main has it; a refusal reloads the room.
 */
let pendingSettings: Partial<RoomSettings>[] = [];

const withPending = (status: RoomStatus | null): RoomStatus | null =>
  status && pendingSettings.length ? { ...status, settings: Object.assign({}, status.settings, ...pendingSettings) as RoomSettings } : status;

const show = (status: RoomStatus | null) => useRoom.setState({ status: withPending(status) });

/** The room as main last told it, with this window's settings on their way: loaded once, then kept by `room.changed`. */
export const useRoom = create<RoomState>((set) => ({
  status: null,
  panelOpen: false,
  load: async () => {
    try {
      show(await api().call('room.status', {}));
    } catch (error) {
      showError(error);
    }
  },
  setPanel: (open) => set({ panelOpen: open }),
}));

let following = false;

/** Subscribes once for the life of the page: every window of the facilitator sees the same room. */
export function followRoom(): void {
  if (following) return;
  following = true;
  api().on('room.changed', show);
  api().onReconnect(() => void useRoom.getState().load());
  void useRoom.getState().load();
}

/** Runs a room call; its answer is the room's new status. Errors go to a toast. */
export async function roomCall(run: () => Promise<RoomStatus>): Promise<boolean> {
  try {
    show(await run());
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

/** Changes the room's settings: shown at once, then as main answers. */
export function updateRoomSettings(settings: Partial<RoomSettings>): void {
  pendingSettings.push(settings);
  show(useRoom.getState().status);
  void roomCall(() => api().call('room.updateSettings', { settings })).then((ok) => {
    pendingSettings = pendingSettings.filter((pending) => pending !== settings);
    if (!ok) void useRoom.getState().load();
  });
}
