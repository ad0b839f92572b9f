export { transitionsFrom } from '@plenary/contracts/schemas';
import type { EventStatus } from '@plenary/contracts/schemas';

export const statusSeverity: Record<EventStatus, 'secondary' | 'success' | 'warn' | 'contrast'> = {
  draft: 'secondary',
  published: 'success',
  closed: 'warn',
  archived: 'contrast',
};
