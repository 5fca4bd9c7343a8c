import { useEffect } from 'react';
import { create } from 'zustand';
import type { VoteSummary, VotingStatus } from '../../shared/model/voting';
import { api } from '../api/client';
import { useBoard } from '../state/board-store';
import { showError } from '../state/toasts';

interface VotingState {
  status: VotingStatus | null;
  /** Main's clock less this window's: countdowns run to main's time, whatever this clock says. */
  skew: number;
}

/** The session's votes and polls as main last told them: running ones without counts. */
export const useVoting = create<VotingState>(() => ({ status: null, skew: 0 }));

const receive = (status: VotingStatus) => useVoting.setState({ status, skew: status.now - Date.now() });

/** Keeps `useVoting` on the session while the component lives (the editor, the audience view). */
export function useFollowVoting(sessionId: string): void {
  useEffect(() => {
    useVoting.setState({ status: null });
    const load = () =>
      api()
        .call('vote.status', { sessionId })
        .then(receive)
        .catch(showError);
    void load();
    const off = api().on('voting.changed', (status) => {
      if (status.sessionId === sessionId) receive(status);
    });
    const offReconnect = api().onReconnect(() => void load());
    return () => {
      off();
      offReconnect();
    };
  }, [sessionId]);
}

/** Runs a voting call; its answer is the session's new voting status. Errors go to a toast. */
export async function votingCall(run: () => Promise<VotingStatus>): Promise<boolean> {
  try {
    receive(await run());
    return true;
  } catch (error) {
    showError(error);
    return false;
  }
}

export const runningVote = (status: VotingStatus | null): VoteSummary | undefined => status?.votes.find((v) => v.endedAt === null);

/** Whether a vote runs on the board open here: its notes' counts are shown nowhere until it ends. */
export function useCountsHidden(): boolean {
  const boardId = useBoard((s) => s.boardId);
  return useVoting((s) => boardId !== null && runningVote(s.status)?.boardId === boardId);
}
