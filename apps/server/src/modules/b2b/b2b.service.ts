import type { B2bApiServices, B2bServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { createDashboardService } from './dashboard.service';
import { createFairService } from './fair.service';
import { createMeetingsService } from './meetings.service';
import { createPairsService } from './pairs.service';
import { createB2bApiService } from './partner-api.service';

/** The B2B export fair (issue 14), one file per part: set-up and profiles, pairs, meetings, figures. */
export function createB2bServices(runtime: Runtime): B2bServices & B2bApiServices {
  return {
    b2b: {
      ...createFairService(runtime),
      ...createPairsService(runtime),
      ...createMeetingsService(runtime),
      ...createDashboardService(runtime),
    },
    b2bApi: createB2bApiService(runtime),
  };
}
