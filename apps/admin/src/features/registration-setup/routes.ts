import type { Feature } from '../../router/feature';

export const registrationSetupFeature: Feature = {};
