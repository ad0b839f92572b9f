import type { EventStatus } from '@plenary/contracts/schemas';
import type { EventTransition } from './use-events-store';

/**
 * The actions offered for each status: the server's table (events.service.ts)
 * read from the other side. The server decides; this keeps buttons for moves it
 * would refuse off the screen. (Better exported once from contracts.)
 */
export const transitionsFrom: Record<EventStatus, readonly EventTransition[]> = {
  draft: ['publish', 'archive'],
  published: ['close'],
  closed: ['publish', 'archive'],
  archived: ['reopen'],
};

export const statusSeverity: Record<EventStatus, 'secondary' | 'success' | 'warn' | 'contrast'> = {
  draft: 'secondary',
  published: 'success',
  closed: 'warn',
  archived: 'contrast',
};
