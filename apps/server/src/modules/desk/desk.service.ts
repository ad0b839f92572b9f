import type { DeskServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';

export function createDeskServices(_runtime: Runtime): DeskServices {
  return {};
}
