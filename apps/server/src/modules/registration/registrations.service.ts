import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { notBuilt } from './not-built';

export type RegistrationCommands = Pick<
  Services['registrations'],
  'create' | 'approve' | 'reject' | 'cancel' | 'setPayment'
>;

export function createRegistrationCommands(_runtime: Runtime): RegistrationCommands {
  return notBuilt('registrations');
}
export function createPortalRegistrationService(_runtime: Runtime): Services['portalRegistration'] {
  return notBuilt('portalRegistration');
}
export function createMyRegistrationService(_runtime: Runtime): Services['myRegistration'] {
  return notBuilt('myRegistration');
}
export function createDelegationService(_runtime: Runtime): Services['delegations'] {
  return notBuilt('delegations');
}
