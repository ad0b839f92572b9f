import type { DeskServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { createCheckInService } from './check-in.service';
import { createDocumentsService } from './documents.service';
import { createVisaService } from './visa.service';

// Run by a scheduled job (registration/timers.ts).
export { purgeExpiredPassportData } from './visa.service';

/** The check-in desk, visa invitation letters, and generated documents. */
export function createDeskServices(runtime: Runtime): DeskServices {
  return {
    checkIn: createCheckInService(runtime),
    visa: createVisaService(runtime),
    documents: createDocumentsService(runtime),
  };
}
