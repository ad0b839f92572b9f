import { rateLimits } from '../rate-limits';
import { z } from 'zod';
import { roles } from '../access';
import { eventCaller, partnerCaller, procedure, router, signedInCaller } from '../trpc';
import { eventIdInput } from './common';
import * as s from './partners';

/** Staff manage partner organisations (platform admins) and an event's API keys (its managers). */
export const partnersRouter = router({
  list: procedure
    .meta({ access: { kind: 'platformAdmin' } })
    .output(s.partnerDto.array())
    .query(({ ctx }) => ctx.services.partners.list(signedInCaller(ctx))),
  create: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: 'Add a partner organisation that may call the API' })
    .input(s.createPartnerInput)
    .output(s.partnerDto)
    .mutation(({ ctx, input }) => ctx.services.partners.create(signedInCaller(ctx), input)),
  update: procedure
    .meta({ access: { kind: 'platformAdmin' }, summary: "Change a partner organisation's name or contact" })
    .input(s.updatePartnerInput)
    .output(s.partnerDto)
    .mutation(({ ctx, input }) => ctx.services.partners.update(signedInCaller(ctx), input)),
  setEvents: procedure
    .meta({
      access: { kind: 'platformAdmin' },
      summary: 'Link a partner organisation to the events it works with',
    })
    .input(s.setPartnerEventsInput)
    .output(s.partnerDto)
    .mutation(({ ctx, input }) => ctx.services.partners.setEvents(signedInCaller(ctx), input)),
  createForEvent: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: 'Add a partner organisation for this event only',
    })
    .input(s.createEventPartnerInput)
    .output(s.partnerDto)
    .mutation(({ ctx, input }) => ctx.services.partners.createForEvent(eventCaller(ctx), input)),
  keys: procedure
    .meta({ access: { kind: 'event', roles: roles.manage }, summary: 'The API keys of an event' })
    .input(eventIdInput)
    .output(s.eventApiKeysOutput)
    .query(({ ctx }) => ctx.services.partners.keys(eventCaller(ctx))),
  createKey: procedure
    .meta({
      access: { kind: 'event', roles: roles.manage },
      summary: 'Issue an API key for a partner; the key is shown once',
    })
    .input(s.createApiKeyInput)
    .output(s.createdApiKeyOutput)
    .mutation(({ ctx, input }) => ctx.services.partners.createKey(eventCaller(ctx), input)),
  revokeKey: procedure
    .meta({ access: { kind: 'event', roles: roles.manage } })
    .input(s.revokeApiKeyInput)
    .output(s.apiKeyDto)
    .mutation(({ ctx, input }) => ctx.services.partners.revokeKey(eventCaller(ctx), input)),
});

type RestMethod = 'GET' | 'POST' | 'DELETE';

/** Error statuses every partner route may answer (the body is { error: { code, message, fields } }). */
const commonErrors = {
  400: 'Not valid: error.fields names each field at fault',
  401: 'No API key, or an unknown or revoked one',
  403: 'The API key lacks the scope',
  404: "No such event or registration, or not this key's",
  429: 'Too many requests for this key: wait for Retry-After seconds',
};
const writeErrors = {
  409: 'In conflict with the current state, or the same Idempotency-Key is still in flight',
  413: 'The body is larger than 1 MB',
  422: 'This Idempotency-Key was used with another body',
};

/** The REST route of a partner procedure; the summary goes to the API reference and the permission overview. */
function rest(method: RestMethod, path: `/${string}`, tag: 'Events' | 'Registrations', summary: string) {
  return {
    summary,
    openapi: {
      method,
      path,
      protect: true,
      tags: [tag],
      summary,
      errorResponses: method === 'GET' ? commonErrors : { ...commonErrors, ...writeErrors },
      ...(method === 'POST' ? { successDescription: 'Created' } : {}),
    },
  };
}

/**
 * The partner REST API, served at /api/v1 from each procedure's OpenAPI meta.
 * A key sees one event (or every published one) and only its own organisation's
 * registrations: anything else is reported as missing (404).
 */
export const apiRouter = router({
  events: procedure
    .meta({
      access: { kind: 'partner', scope: 'events:read' },
      limits: rateLimits.partner,
      ...rest('GET', '/events', 'Events', "The key's event, or every published event for a key without one"),
    })
    .input(z.object({}))
    .output(s.apiEventDto.array())
    .query(({ ctx }) => ctx.services.api.events(partnerCaller(ctx))),
  event: procedure
    .meta({
      access: { kind: 'partner', scope: 'events:read' },
      limits: rateLimits.partner,
      ...rest('GET', '/events/{eventId}', 'Events', 'One event, by id or slug'),
    })
    .input(s.apiEventInput)
    .output(s.apiEventDto)
    .query(({ ctx }) => ctx.services.api.event(partnerCaller(ctx))),
  categories: procedure
    .meta({
      access: { kind: 'partner', scope: 'events:read' },
      limits: rateLimits.partner,
      ...rest(
        'GET',
        '/events/{eventId}/categories',
        'Events',
        'The categories of an event with the places left in each',
      ),
    })
    .input(s.apiEventInput)
    .output(s.apiCategoryDto.array())
    .query(({ ctx }) => ctx.services.api.categories(partnerCaller(ctx))),
  register: procedure
    .meta({
      access: { kind: 'partner', scope: 'registrations:write' },
      limits: rateLimits.partner,
      ...rest(
        'POST',
        '/events/{eventId}/registrations',
        'Registrations',
        'Register one person ({ registration }) or a group ({ delegation }); send an Idempotency-Key header to retry safely',
      ),
    })
    .input(s.apiRegisterInput)
    .output(s.apiRegisterOutput)
    .mutation(({ ctx, input }) => ctx.services.api.register(partnerCaller(ctx), input)),
  registrations: procedure
    .meta({
      access: { kind: 'partner', scope: 'registrations:read' },
      limits: rateLimits.partner,
      ...rest(
        'GET',
        '/events/{eventId}/registrations',
        'Registrations',
        "This organisation's registrations for the event, oldest first, a page at a time",
      ),
    })
    .input(s.apiRegistrationListInput)
    .output(s.apiRegistrationPage)
    .query(({ ctx, input }) => ctx.services.api.registrations(partnerCaller(ctx), input)),
  registration: procedure
    .meta({
      access: { kind: 'partner', scope: 'registrations:read' },
      object: { kind: 'registration', from: 'registrationId' },
      limits: rateLimits.partner,
      ...rest(
        'GET',
        '/events/{eventId}/registrations/{registrationId}',
        'Registrations',
        "One of this organisation's registrations",
      ),
    })
    .input(s.apiRegistrationRefInput)
    .output(s.apiRegistrationDto)
    .query(({ ctx, input }) => ctx.services.api.registration(partnerCaller(ctx), input)),
  cancelRegistration: procedure
    .meta({
      access: { kind: 'partner', scope: 'registrations:write' },
      object: { kind: 'registration', from: 'registrationId' },
      limits: rateLimits.partner,
      ...rest(
        'DELETE',
        '/events/{eventId}/registrations/{registrationId}',
        'Registrations',
        "Cancel one of this organisation's registrations; its place goes to the waiting list",
      ),
    })
    .input(s.apiCancelRegistrationInput)
    .output(s.apiRegistrationDto)
    .mutation(({ ctx, input }) => ctx.services.api.cancelRegistration(partnerCaller(ctx), input)),
});
