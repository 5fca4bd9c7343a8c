import { DEFAULT_ROOM_SETTINGS, type RoomStatus } from '../../shared/model/room';
import { roomAddresses } from './config';
import type { LanListener } from './lan-server';
import type { OpenRoom, RoomStore } from './room-store';
import type { CoFacilitator } from '../../shared/model/co-facilitator';

const closedStatus = (addresses: string[]): RoomStatus => ({
  open: false,
  sessionId: null,
  code: null,
  joinUrl: null,
  url: null,
  host: null,
  addresses,
  participants: 0,
  connected: 0,
  votesCast: 0,
  settings: DEFAULT_ROOM_SETTINGS,
  pending: [],
  coFacilitators: [],
});

const hostInUrl = (host: string) => (host.includes(':') ? `[${host}]` : host);

/** What the facilitator's windows show of the room: closed, or its address, code, people and queue. */
export function roomStatus(room: OpenRoom | null, listener: LanListener | null, rooms: RoomStore, coFacilitators: CoFacilitator[]): RoomStatus {
  const addresses = roomAddresses();
  if (!room || !listener) return closedStatus(addresses);
  const url = `http://${hostInUrl(room.host)}:${listener.port}/`;
  return {
    open: true,
    sessionId: room.sessionId,
    code: room.code,
    joinUrl: `${url}#code=${room.code}`,
    url,
    host: room.host,
    addresses,
    participants: rooms.participantCount(room.id),
    connected: listener.connectedCount(),
    votesCast: rooms.votesInRoom(room.id),
    settings: room.settings,
    pending: rooms.pending(room.id),
    coFacilitators,
  };
}
