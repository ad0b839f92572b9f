import { describe, expect, it } from 'vitest';
import { webhookDeliveryStatuses, webhookEventTypes } from '@plenary/contracts/schemas';
import { eventTypeKey } from './event-types';
import { en, ko } from './messages';

// Keys built at run time from the contract's lists, which the console-wide scan cannot see.
describe('webhook messages', () => {
  it.each([
    ['ko', ko],
    ['en', en],
  ])('name every event type and delivery status in %s', (_lang, messages) => {
    for (const type of webhookEventTypes) {
      expect(messages.eventTypes[eventTypeKey(type) as keyof typeof messages.eventTypes]).toMatch(/\S/);
    }
    for (const status of webhookDeliveryStatuses) expect(messages.statuses[status]).toMatch(/\S/);
    expect(Object.keys(messages.eventTypes)).toHaveLength(webhookEventTypes.length);
  });
});
