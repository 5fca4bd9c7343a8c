import type { MessageBoxSyncOptions } from 'electron';

/**
 * What closing or reloading the editor asks when its page says edits are still on their way to
 * the database (the page's beforeunload): Electron shows no dialog of its own for it.
 */
export const LEAVE_WITH_EDITS_WAITING: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Stay', 'Leave anyway'],
  defaultId: 0,
  cancelId: 0,
  title: 'Edits still waiting',
  message: 'Some edits have not been saved yet.',
  detail: 'Stay a moment and they are saved. If you leave, they are kept on this computer and saved the next time Groundwork opens.',
};

/** The facilitator's answer to LEAVE_WITH_EDITS_WAITING: true when the window may go. */
export const leavesAnyway = (button: number): boolean => button === 1;
