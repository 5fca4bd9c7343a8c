import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import type { EventHub } from '../service/events';
import { roomFor } from './room-service';

type VotingMethods = {
  [M in Extract<MethodName, `vote.${string}` | `poll.${string}`>]: (input: ParsedInput<M>) => MethodOutput<M>;
};

/** The facilitator's vote.* and poll.* methods, on the room's Voting (bound with the room to the database in use). */
export function votingService(hub: EventHub): VotingMethods {
  const voting = roomFor(hub).voting;
  return {
    'vote.status': ({ sessionId }) => voting.status(sessionId),
    'vote.start': ({ sessionId, rules }) => voting.startVote(sessionId, rules),
    'vote.end': ({ voteId }) => voting.endVote(voteId),
    'vote.placeFor': ({ voteId, voter, nodeId, delta }) => voting.placeDotFor(voter, voteId, nodeId, delta),
    'vote.show': ({ sessionId, screen }) => voting.show(sessionId, screen),
    'poll.start': ({ sessionId, poll }) => voting.startPoll(sessionId, poll),
    'poll.close': ({ pollId }) => voting.closePoll(pollId),
  };
}
