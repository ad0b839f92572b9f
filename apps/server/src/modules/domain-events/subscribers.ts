import { webhookSubscriber } from '../webhooks/webhook-outbox';
import { DomainEventRegistry } from './registry';

/**
 * Every subscriber of the platform's domain events, registered once here: a
 * module that wants to hear of another's events adds its subscriber to this
 * list instead of being called by that module.
 */
export const domainEventRegistry = new DomainEventRegistry([webhookSubscriber]);
