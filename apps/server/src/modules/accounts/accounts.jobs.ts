import type { ScheduledJob } from '../../core/schedule';
import { deleteExpiredSignInCodes } from './accounts.repo';

/**
 * Every hour, sign-in codes past their expiry are removed: an expired code can no longer
 * sign anyone in (sign-in.service.ts checks expiresAt), and each row keeps an address
 * that may belong to someone who never came back.
 */
export const accountJobs: ScheduledJob[] = [
  {
    name: 'accounts.purgeSignInCodes',
    everySeconds: 60 * 60,
    run: async (runtime) => `${await deleteExpiredSignInCodes(runtime.db, runtime.now())} sign-in codes removed`,
  },
];
