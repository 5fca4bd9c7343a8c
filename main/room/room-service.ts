import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { NO_PRINTER, type PdfPrinter } from '../export/printer';
import type { EventHub } from '../service/events';
import type { Store } from '../store/store';
import { Room } from './room';

type RoomMethods = {
  [M in Extract<MethodName, `room.${string}`>]: (input: ParsedInput<M>) => Promise<MethodOutput<M>>;
};

// One room per backend, kept across the service being rebuilt (a restore from backup); the hub
// lives as long as the backend, so it keys the room.
const rooms = new WeakMap<EventHub, Room>();

export function roomOf(hub: EventHub): Room | undefined {
  return rooms.get(hub);
}

/** The backend's room, made on first use. */
export function roomFor(hub: EventHub): Room {
  let room = rooms.get(hub);
  if (!room) {
    room = new Room(hub);
    rooms.set(hub, room);
  }
  return room;
}

/** Stops the room's listener when the backend closes; the room stays open in the database for the next start. */
export async function stopRoomListener(hub: EventHub): Promise<void> {
  rooms.get(hub)?.voting.stop();
  await rooms.get(hub)?.stopListener();
}

/** The facilitator's room.* methods. */
export function roomService(store: Store, hub: EventHub, printer: PdfPrinter = NO_PRINTER): RoomMethods {
  const r = roomFor(hub);
  r.bind(store, printer);
  return {
    'room.status': async () => {
      await r.ready();
      return r.status();
    },
    'room.open': ({ sessionId, host, boardId }) => r.open(sessionId, host, boardId),
    'room.close': () => r.close(),
    'room.updateSettings': ({ settings }) => r.updateSettings(settings),
    'room.moderate': ({ moderation }) => r.moderate(moderation),
    'room.settings': ({ sessionId }) => r.settingsOf(sessionId),
    'room.reveal': ({ sessionId }) => r.reveal(sessionId),
  };
}
