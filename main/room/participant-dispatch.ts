import {
  isParticipantMethod,
  participantMethods,
  TOKENLESS_METHODS,
  type ParticipantMethodName,
} from '../../shared/api/participant-contract';
import type { Reply } from '../../shared/api';
import { GroundworkError, fromZodError } from '../../shared/errors';
import { refuseBrokenText } from '../../shared/text/well-formed';
import { RateLimiter } from './rate-limit';
import type { ParticipantActions } from './participant-actions';
import type { Participant } from './room-store';

/**
 * The room's limits. Ten notes typed at once (a phone that was offline) pass; a flood does not.
 * A wrong code costs more than a right one: guessing codes runs dry after a few tries per minute,
 * per address. There is no limit shared by all addresses: a few guessers would lock out every
 * phone with the right code, and with 31⁶ codes the per-address limit is what stops guessing.
 */
export const RATES = {
  messages: { capacity: 60, perSecond: 10 },
  notes: { capacity: 15, perSecond: 0.25 },
  failedJoinsPerAddress: { capacity: 10, perSecond: 0.2 },
  joinsPerAddress: { capacity: 5, perSecond: 0.1 },
} as const;

/**
 * Participants one address may make in one room: a phone that joins again (a closed tab, a new
 * name) or a tablet passed round a table, but not a script taking the room's seats.
 */
export const JOINS_PER_ADDRESS = 12;

interface CallerContext {
  /** The socket the message came on: its messages are rate-limited together. */
  socketId: string;
  /** The phone's address, for the limit on wrong codes. */
  address: string;
  /** Called once the token named a participant, so the socket hears the room's events. */
  identified(participant: Participant): void;
}

const refuse = (code: GroundworkError['code'], message: string, path: (string | number)[] = []): Reply => ({ ok: false, error: { code, path, message } });

export function createParticipantDispatcher(actions: ParticipantActions, log: (error: unknown) => void = console.error) {
  const messages = new RateLimiter(RATES.messages.capacity, RATES.messages.perSecond);
  const byParticipant = new RateLimiter(RATES.messages.capacity, RATES.messages.perSecond);
  const notes = new RateLimiter(RATES.notes.capacity, RATES.notes.perSecond);
  const failedByAddress = new RateLimiter(RATES.failedJoinsPerAddress.capacity, RATES.failedJoinsPerAddress.perSecond);
  const joinsByAddress = new RateLimiter(RATES.joinsPerAddress.capacity, RATES.joinsPerAddress.perSecond);
  /** Per address, the room (its code) it joined last and how many participants it made there. */
  const joinedFrom = new Map<string, { code: string; count: number }>();
  const joinsSoFar = (address: string, code: string) => {
    const joined = joinedFrom.get(address);
    return joined?.code === code ? joined.count : 0;
  };

  const run = (method: ParticipantMethodName, input: unknown, participant: Participant | null): unknown => {
    switch (method) {
      case 'room.join':
        return actions.join(input as never);
      case 'room.welcome':
        return actions.welcome();
      case 'room.state':
        return actions.state(participant!);
      case 'room.step':
        return actions.step();
      case 'room.board':
        return actions.board(input as never);
      case 'note.add':
        return actions.addNote(participant!, input as never);
      case 'vote.cast':
        return actions.castVote(participant!, input as never);
      case 'vote.retract':
        return actions.retractVote(participant!, input as never);
      case 'vote.current':
        return actions.voting(participant!);
      case 'vote.dot':
        return actions.dot(participant!, input as never);
      case 'poll.answer':
        return actions.answer(participant!, input as never);
    }
  };

  const tooFast = refuse('rate_limited', 'Too many messages at once: wait a moment and try again');

  return async (method: unknown, token: string | undefined, input: unknown, ctx: CallerContext): Promise<Reply> => {
    try {
      if (!messages.take(ctx.socketId)) return tooFast;
      // Only the participant contract is known here: a facilitator method is unknown, token or not.
      if (!isParticipantMethod(method)) return refuse('unknown_method', `There is no method called ${JSON.stringify(String(method)).slice(0, 120)}`, ['method']);
      let participant: Participant | null = null;
      if (method === 'room.join') {
        if (!failedByAddress.allows(ctx.address)) return refuse('rate_limited', 'Too many wrong codes: wait a minute, then check the code on the screen');
        if (!joinsByAddress.allows(ctx.address)) return refuse('rate_limited', 'This device has joined several times in a row: wait a few seconds, then join again');
      } else if (!TOKENLESS_METHODS.includes(method)) {
        participant = token ? actions.participantOf(token) : null;
        if (!participant) return refuse('forbidden', 'You are not in the room (it was closed, or you have not joined): join with the code on the screen', ['token']);
        ctx.identified(participant);
        // Per participant too, whatever number of sockets they open.
        if (!byParticipant.take(participant.id)) return tooFast;
        if (method === 'note.add' && !notes.take(participant.id)) return refuse('rate_limited', 'That is a lot of notes at once: wait a few seconds before the next');
      }
      const spec = participantMethods[method];
      // The same rule as the facilitator's dispatcher: a lone surrogate is refused, naming its field.
      refuseBrokenText(input);
      const parsed = spec.input.safeParse(input);
      if (!parsed.success) return { ok: false, error: fromZodError(parsed.error).toInfo() };
      const code = method === 'room.join' ? (parsed.data as { code: string }).code.toUpperCase() : '';
      if (method === 'room.join' && joinsSoFar(ctx.address, code) >= JOINS_PER_ADDRESS) {
        return refuse('forbidden', `${JOINS_PER_ADDRESS} people have already joined from this device's address: ask the facilitator if you need another place`);
      }
      try {
        const result = spec.output.parse(await run(method, parsed.data, participant));
        if (method === 'room.join') {
          joinsByAddress.take(ctx.address);
          joinedFrom.set(ctx.address, { code, count: joinsSoFar(ctx.address, code) + 1 });
        }
        return { ok: true, result };
      } catch (error) {
        if (method === 'room.join' && error instanceof GroundworkError && error.code === 'forbidden') failedByAddress.take(ctx.address);
        throw error;
      }
    } catch (error) {
      if (error instanceof GroundworkError) return { ok: false, error: error.toInfo() };
      log(error);
      return refuse('internal', 'Something went wrong; nothing was changed.');
    }
  };
}
