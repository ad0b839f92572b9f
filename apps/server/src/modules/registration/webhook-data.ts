import type { DomainEventType, RegistrationEventRegistration } from '@plenary/contracts';
import type { NewDomainEvent } from '../domain-events/record';
import type { RegistrationRow } from './registration.repo';

type RegistrationFacts = Pick<RegistrationRow, keyof RegistrationEventRegistration | 'partnerId'>;

/** What a registration's domain events (and so a partner's webhook) say about it (email and names are its person's). */
export function webhookData(row: RegistrationFacts): RegistrationEventRegistration {
  return {
    id: row.id,
    eventId: row.eventId,
    reference: row.reference,
    status: row.status,
    categoryId: row.categoryId,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    delegationId: row.delegationId,
  };
}

/** A registration's domain event: about the registration, owned by the partner that created it (if any). */
export function registrationEvent(
  type: Extract<DomainEventType, `registration.${string}`>,
  row: RegistrationFacts,
): NewDomainEvent {
  return {
    type,
    eventId: row.eventId,
    subject: { kind: 'registration', id: row.id },
    data: { partnerId: row.partnerId, registration: webhookData(row) },
  };
}
