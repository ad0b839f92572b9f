import type { EventStatus } from '@plenary/contracts/schemas';
import type { EventTransition } from './use-events-store';

/**
 * The actions offered for each status. The server decides (events.transition);
 * this only keeps buttons for moves it would refuse off the screen.
 */
export const transitionsFrom: Record<EventStatus, readonly EventTransition[]> = {
  draft: ['publish', 'archive'],
  published: ['close'],
  closed: ['reopen', 'archive'],
  archived: ['reopen'],
};

export const statusSeverity: Record<EventStatus, 'secondary' | 'success' | 'warn' | 'contrast'> = {
  draft: 'secondary',
  published: 'success',
  closed: 'warn',
  archived: 'contrast',
};
