import type { WebhookServices } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';

export function createWebhookServices(_runtime: Runtime): WebhookServices {
  return {};
}
