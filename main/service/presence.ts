import type { Presence } from '../../shared/model/co-facilitator';
import type { EventHub } from './events';
import type { Service } from './methods';

/** The host's own windows carry no name of their own; a co-facilitator's carry theirs. */
const HOST_NAME = 'Host';

// One per backend, kept across the service being rebuilt (a restore from backup), as the room is.
const presences = new WeakMap<EventHub, Map<string, Presence>>();

/** Each window's selection by its client id; a window that leaves is cleared for the others. */
function presenceOf(hub: EventHub): Map<string, Presence> {
  const known = presences.get(hub);
  if (known) return known;
  const byClient = new Map<string, Presence>();
  presences.set(hub, byClient);
  hub.onLeave((clientId) => {
    const left = byClient.get(clientId);
    if (!left) return;
    byClient.delete(clientId);
    hub.publish('presence.changed', { ...left, nodeIds: [] }, clientId);
  });
  return byClient;
}

/**
 * Where each window's selection is, per board: kept in memory for those who open the board later,
 * never stored, and dropped (with an empty selection sent round) when the window's socket goes.
 */
export function presenceService(hub: EventHub): Pick<Service, 'presence.set'> {
  const byClient = presenceOf(hub);
  return {
    'presence.set': ({ sessionId, boardId, nodeIds }, ctx) => {
      const presence: Presence = { clientId: ctx.clientId, name: ctx.name ?? HOST_NAME, sessionId, boardId, nodeIds };
      const before = byClient.get(ctx.clientId);
      byClient.set(ctx.clientId, presence);
      // Moving to another board clears the outline left on the one before.
      if (before && before.boardId !== boardId) hub.publish('presence.changed', { ...before, nodeIds: [] }, ctx.clientId);
      hub.publish('presence.changed', presence, ctx.clientId);
      return [...byClient.values()].filter((p) => p.clientId !== ctx.clientId && p.boardId === boardId && p.nodeIds.length > 0);
    },
  };
}
