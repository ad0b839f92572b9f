import type { PaperServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { createCfpServices } from './cfp.service';
import { createSubmissionServices } from './submissions.service';

/** The call for papers: staff's set-up and list, the public call, the authors' submissions. */
export function createPaperServices(runtime: Runtime): PaperServices {
  return { ...createCfpServices(runtime), ...createSubmissionServices(runtime) };
}
