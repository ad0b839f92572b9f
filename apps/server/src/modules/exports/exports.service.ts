import type { ExportServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';

export function createExportServices(_runtime: Runtime): ExportServices {
  return {};
}
