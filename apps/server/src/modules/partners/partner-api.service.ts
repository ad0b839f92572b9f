import {
  DomainError,
  type ApiCategoryDto,
  type ApiEventDto,
  type ApiRegistrationDto,
  type CallerAgent,
  type PartnerCaller,
  type PartnerServices,
  type RegistrationDto,
} from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { placesLeft, readAvailability } from '../registration/capacity';
import { cancelRegistration, placeDelegation, type PlacementOrigin } from '../registration/placement';
import { placeRegistration } from '../registration/placement-batcher';
import { loadRegistrationDtos } from '../registration/registration.dto';
import * as apiRepo from './partner-api.repo';
import * as repo from './partners.repo';

/** The event the access rule resolved from the path; every event route has one. */
function eventOf(caller: PartnerCaller): string {
  if (!caller.eventId) throw new Error('partner rule did not resolve the event');
  return caller.eventId;
}

function eventDto(r: NonNullable<repo.PartnerEventRow>): ApiEventDto {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    venueName: r.venueName,
    venueAddress: r.venueAddress,
    startsAt: r.startsAt.toISOString(),
    endsAt: r.endsAt.toISOString(),
    timeZone: r.timeZone,
    status: r.status,
  };
}

/** What a partner may see of a registration: no staff notes, payment references or check-in data. */
export function apiRegistrationDto(r: RegistrationDto): ApiRegistrationDto {
  return {
    id: r.id,
    eventId: r.eventId,
    reference: r.reference,
    status: r.status,
    categoryId: r.category.id,
    participant: {
      givenName: r.givenName,
      familyName: r.familyName,
      localName: r.localName,
      email: r.email,
      organisation: r.organisation,
      jobTitle: r.jobTitle,
      country: r.country,
      phone: r.phone,
      dietary: r.dietary,
      accessibility: r.accessibility,
    },
    locale: r.locale,
    answers: r.answers,
    options: r.options.map((o) => ({
      optionId: o.optionId,
      status: o.status,
      waitlistPosition: o.waitlistPosition,
    })),
    waitlistPosition: r.waitlistPosition,
    offerExpiresAt: r.offerExpiresAt,
    delegationId: r.delegation?.id ?? null,
    paymentStatus: r.paymentStatus,
    createdAt: r.createdAt,
    confirmedAt: r.confirmedAt,
    cancelledAt: r.cancelledAt,
  };
}

const cursorPattern = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(c: apiRepo.RegistrationCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id])).toString('base64url');
}

function decodeCursor(text: string): apiRepo.RegistrationCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as unknown[];
      if (
        typeof createdAt === 'string' &&
        cursorPattern.test(createdAt) &&
        typeof id === 'string' &&
        uuidPattern.test(id)
      )
        return { createdAt, id };
    }
  } catch {
    // Falls through to the error below.
  }
  const message = 'Pass the nextCursor of the previous page, unchanged';
  throw new DomainError('INVALID_INPUT', { key: 'cursorInvalid' }, { cursor: [message] });
}

/**
 * The engine names the fields of a request (participant.email); the REST body
 * nests the request under registration or delegation, so its errors must too.
 */
async function nestFieldErrors<T>(under: 'registration' | 'delegation', work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (!(err instanceof DomainError) || Object.keys(err.fieldErrors).length === 0) throw err;
    // Consents sit beside the registration in the body (consents.privacy), not under it.
    const fields = Object.fromEntries(
      Object.entries(err.fieldErrors).map(([k, v]) => [k.startsWith('consents.') ? k : `${under}.${k}`, v]),
    );
    // The key travels on, so the error stays keyed under its nested fields.
    throw new DomainError(err.code, { key: err.messageKey, params: err.messageParams }, fields, err.retryAfterSeconds);
  }
}

/** The key and its partner, as the audit log names them. */
function keyAgent(caller: PartnerCaller): CallerAgent {
  const { apiKeyId, partnerId, partnerName } = caller.partner;
  return { kind: 'apiKey', apiKeyId, partnerId, partnerName };
}

async function loadOwn(runtime: Runtime, registrationId: string): Promise<ApiRegistrationDto> {
  const [dto] = await loadRegistrationDtos(runtime.db, [registrationId], runtime.now());
  if (!dto) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
  return apiRegistrationDto(dto);
}

/** The partner REST API: one event, only the caller's own organisation's registrations. */
export function createPartnerApi(runtime: Runtime): PartnerServices['api'] {
  async function requireOwn(caller: PartnerCaller, registrationId: string) {
    const row = await apiRepo.findPartnerRegistration(runtime.db, {
      eventId: eventOf(caller),
      partnerId: caller.partner.partnerId,
      registrationId,
    });
    // Another organisation's registration is reported as missing, so ids cannot be probed.
    if (!row) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
    return row;
  }

  return {
    async events(caller) {
      if (caller.partner.eventId) {
        const row = await repo.findEventById(runtime.db, caller.partner.eventId);
        return row && row.status !== 'draft' ? [eventDto(row)] : [];
      }
      return (await repo.listPublishedEvents(runtime.db)).map(eventDto);
    },

    async event(caller) {
      const row = await repo.findEventById(runtime.db, eventOf(caller));
      if (!row) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
      return eventDto(row);
    },

    async categories(caller) {
      const eventId = eventOf(caller);
      const now = runtime.now();
      const [rows, places] = await Promise.all([
        apiRepo.listCategories(runtime.db, eventId),
        readAvailability(runtime.db, eventId, now),
      ]);
      return rows.map((c): ApiCategoryDto => {
        return {
          id: c.id,
          code: c.code,
          label: c.label,
          description: c.description,
          visibility: c.visibility,
          requiresApproval: c.requiresApproval,
          opensAt: c.opensAt?.toISOString() ?? null,
          closesAt: c.closesAt?.toISOString() ?? null,
          fee:
            c.feeAmount !== null && c.feeCurrency ? { amount: c.feeAmount, currency: c.feeCurrency } : null,
          capacity: c.capacity,
          // The same places left as the portal and the setup screens show (the event limit applied).
          remaining: placesLeft(places, c.id),
          waitlisted: places.categories.get(c.id)?.waiting.waiting ?? 0,
        };
      });
    },

    async register(caller, input) {
      const eventId = eventOf(caller);
      const origin: PlacementOrigin = {
        source: 'partner',
        partnerId: caller.partner.partnerId,
        caller: { actor: null, request: caller.request, agent: keyAgent(caller) },
        // The partner vouches for the addresses it sends.
        emailVerified: true,
        approve: false,
        consents: [],
        // Checked by the same rule as the portal's: current versions, every required text accepted.
        consentsGiven: input.consents,
        ignoreOpeningDates: false,
      };
      // An address already registered for the event is refused with a 409 naming the field,
      // unlike on the portal (issue 10, finding 4), because a partner is a known organisation
      // with a key, audited and rate-limited per key, and every answer carries the new
      // registration's id: a made-up success would answer 404 on the partner's next GET and
      // say the same thing later. The 409 does not say who registered the address.
      let placed: { delegationId: string | null; ids: string[] };
      if (input.delegation) {
        const delegation = input.delegation;
        const group = await inTransaction(runtime, (uow) =>
          nestFieldErrors('delegation', placeDelegation(runtime, uow, eventId, delegation, origin)),
        );
        placed = { delegationId: group.delegationId, ids: group.registrationIds };
      } else {
        if (!input.registration) throw new Error('the contract admits registration or delegation');
        const one = await nestFieldErrors(
          'registration',
          placeRegistration(runtime, eventId, input.registration, origin),
        );
        placed = { delegationId: null, ids: [one.registrationId] };
      }
      const dtos = await loadRegistrationDtos(runtime.db, placed.ids, runtime.now());
      return { delegationId: placed.delegationId, registrations: dtos.map(apiRegistrationDto) };
    },

    async registrations(caller, input) {
      const rows = await apiRepo.pagePartnerRegistrations(runtime.db, {
        eventId: eventOf(caller),
        partnerId: caller.partner.partnerId,
        after: input.cursor ? decodeCursor(input.cursor) : null,
        limit: input.limit + 1,
      });
      const page = rows.slice(0, input.limit);
      const dtos = await loadRegistrationDtos(
        runtime.db,
        page.map((r) => r.id),
        runtime.now(),
      );
      const last = page.at(-1);
      return {
        registrations: dtos.map(apiRegistrationDto),
        nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null,
      };
    },

    async registration(caller, input) {
      await requireOwn(caller, input.registrationId);
      return loadOwn(runtime, input.registrationId);
    },

    async cancelRegistration(caller, input) {
      const own = await requireOwn(caller, input.registrationId);
      if (own.status !== 'cancelled') {
        await inTransaction(runtime, (uow) =>
          cancelRegistration(runtime, uow, own.id, {
            caller: { actor: null, request: caller.request, agent: keyAgent(caller) },
            reason: input.reason ?? null,
          }),
        );
      }
      return loadOwn(runtime, own.id);
    },
  };
}
