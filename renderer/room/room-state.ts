import { create } from 'zustand';
import type { RoomStatus } from '../../shared/model/room';
import { api } from '../api/client';
import { showError } from '../state/toasts';

interface RoomState {
  status: RoomStatus | null;
  panelOpen: boolean;
  load(): Promise<void>;
  setPanel(open: boolean): void;
}

/** The room as main last told it: loaded once, then kept by `room.changed`. */
export const useRoom = create<RoomState>((set) => ({
  status: null,
  panelOpen: false,
  load: async () => {
    try {
      set({ status: await api().call('room.status', {}) });
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
  api().on('room.changed', (status) => useRoom.setState({ status }));
  api().onReconnect(() => void useRoom.getState().load());
  void useRoom.getState().load();
}

/** Runs a room call; its answer is the room's new status. Errors go to a toast. */
export async function roomCall(run: () => Promise<RoomStatus>): Promise<boolean> {
  try {
    useRoom.setState({ status: await run() });
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}
