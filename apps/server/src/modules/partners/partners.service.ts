import type { PartnerServices, Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';

/** How API keys are resolved: used by the partner access rule. */
export function createPartnerAccess(
  _runtime: Runtime,
): Pick<Services['access'], 'partnerKey' | 'partnerEvent'> {
  return {
    partnerKey: () => Promise.resolve(null),
    partnerEvent: () => Promise.resolve(null),
  };
}

export function createPartnerServices(_runtime: Runtime): PartnerServices {
  return {};
}
