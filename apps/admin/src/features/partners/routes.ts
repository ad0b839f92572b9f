import type { Feature } from '../../router/feature';

export const partnersFeature: Feature = {};
