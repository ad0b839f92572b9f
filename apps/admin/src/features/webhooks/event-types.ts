import type { WebhookEventTypeName } from '@plenary/contracts/schemas';

/**
 * The message key of an event type ("registration.checked_in" -> "checked_in",
 * "meeting.scheduled" -> "meeting_scheduled"): i18n keys cannot hold dots.
 */
export function eventTypeKey(type: WebhookEventTypeName): string {
  return type.startsWith('registration.') ? type.slice('registration.'.length) : type.replace('.', '_');
}
