import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { notBuilt } from '../registration/not-built';

export function createRegistrationSetupService(_runtime: Runtime): Services['registrationSetup'] {
  return notBuilt('registrationSetup');
}
