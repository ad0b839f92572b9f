import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { loadOwnRegistration, registrationHistory, updateParticipant } from './queries/detail';
import { emailRegistrations } from './queries/email';
import { listRegistrationRows } from './queries/list.repo';
import { registrationStats } from './queries/stats';
import { listWaitlist, moveInWaitlist } from './queries/waitlist';

export type RegistrationQueries = Pick<
  Services['registrations'],
  'list' | 'get' | 'update' | 'emailMany' | 'waitlist' | 'moveInWaitlist' | 'stats'
>;

/** The participant list, a registration's detail and history, staff edits, bulk email, the waiting list, the dashboard. */
export function createRegistrationQueries(runtime: Runtime): RegistrationQueries {
  return {
    list: (caller, input) => listRegistrationRows(runtime.db, caller.eventId, input),
    async get(caller, input) {
      const [dto, history] = await Promise.all([
        loadOwnRegistration(runtime.db, caller.eventId, input.registrationId, runtime.now()),
        registrationHistory(runtime.db, caller.eventId, input.registrationId),
      ]);
      return { ...dto, history };
    },
    update: (caller, input) => updateParticipant(runtime, caller, input),
    emailMany: (caller, input) => emailRegistrations(runtime, caller, input),
    waitlist: (caller, input) => listWaitlist(runtime.db, caller.eventId, runtime.now(), input),
    moveInWaitlist: (caller, input) => moveInWaitlist(runtime, caller, input),
    stats: (caller) => registrationStats(runtime.db, caller.eventId, runtime.now()),
  };
}
