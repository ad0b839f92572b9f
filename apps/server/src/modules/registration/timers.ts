import type { ScheduledJob } from '../../core/schedule';
import { purgeExpiredPassportData } from '../desk/desk.service';
import { expireLapsedPlaces } from './promotion';

/**
 * Registration's scheduled work, run once per period across all server
 * processes (core/schedule.ts): every minute, offers that ran out and portal
 * registrations whose address was never confirmed give their place back and
 * the next people get offers; every six hours, passport data past its event's
 * keeping time is erased. (Uploads no registration claimed are removed by the
 * file service's own job, files/files.jobs.ts.)
 */
export const registrationJobs: ScheduledJob[] = [
  {
    name: 'registration.expireLapsedPlaces',
    everySeconds: 60,
    run: async (runtime) => `${await expireLapsedPlaces(runtime)} places released`,
  },
  {
    name: 'desk.purgePassportData',
    everySeconds: 6 * 60 * 60,
    run: async (runtime) => `${await purgeExpiredPassportData(runtime)} requests erased`,
  },
];
