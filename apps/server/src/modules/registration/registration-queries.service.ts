import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { notBuilt } from './not-built';

export type RegistrationQueries = Pick<
  Services['registrations'],
  'list' | 'get' | 'update' | 'emailMany' | 'waitlist' | 'moveInWaitlist' | 'stats'
>;

/** The participant list, a registration's detail and history, staff edits, bulk email, the waiting list, the dashboard. */
export function createRegistrationQueries(_runtime: Runtime): RegistrationQueries {
  return notBuilt('registrations');
}
