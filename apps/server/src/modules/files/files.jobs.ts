import type { ScheduledJob } from '../../core/schedule';
import { removeOrphanFiles } from './files.service';

/** Every hour, files that no object claimed within PLENARY_ORPHAN_FILE_HOURS are removed. */
export const fileJobs: ScheduledJob[] = [
  {
    name: 'files.removeOrphans',
    everySeconds: 60 * 60,
    run: async (runtime) => `${await removeOrphanFiles(runtime)} files removed`,
  },
];
