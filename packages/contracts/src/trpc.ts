import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { zodFieldErrors } from './domains/common';
import { objectRulesOf, type Access, type ObjectKind, type ObjectRule } from './access';
import type { RateLimitHit, RateLimitRule } from './rate-limits';
import type { OpenApiMeta } from 'trpc-to-openapi';
import type {
  Actor,
  Caller,
  Context,
  DelegationCaller,
  EventCaller,
  ObjectOwner,
  ParticipantCaller,
  PartnerCaller,
  PersonCaller,
  SessionCookie,
  SignedInCaller,
} from './context';
import { DomainError, domainErrorStatus, trpcCodeFor, type DomainErrorCode } from './errors';
import {
  domainMessage,
  domainMessageWords,
  type DomainMessage,
  type DomainMessageKey,
  type DomainMessageParams,
} from './domain-messages';

export type Meta = OpenApiMeta<{
  access: Access;
  /** The object(s) the procedure touches, checked on the server before the service (see ObjectRule). */
  object?: ObjectRule | readonly ObjectRule[];
  /** Required for every procedure a stranger can reach (see rate-limits.ts). */
  limits?: readonly RateLimitRule[];
  /** One line for the API reference and the admin's permission overview. */
  summary?: string;
}>;

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      // The two HTTP-layer codes are the REST API's too: a client's mistake, not ours.
      let code: DomainErrorCode | 'INTERNAL' | 'UNSUPPORTED_MEDIA_TYPE' | 'METHOD_NOT_ALLOWED' = 'INTERNAL';
      let fieldErrors: Record<string, string[]> = {};
      let retryAfterSeconds: number | undefined;
      let message = shape.message;
      // The sentence's key and parameters, for the clients to word in the person's language.
      let messageKey: DomainMessageKey | null = null;
      let messageParams: DomainMessageParams = {};
      if (cause instanceof DomainError) {
        code = cause.code;
        fieldErrors = cause.fieldErrors;
        retryAfterSeconds = cause.retryAfterSeconds;
        messageKey = cause.messageKey;
        messageParams = cause.messageParams;
      } else if (cause instanceof ZodError) {
        code = 'INVALID_INPUT';
        fieldErrors = zodFieldErrors(cause);
        message = 'Some fields are not valid: ' + Object.keys(fieldErrors).join(', ');
      } else if (error.code === 'UNAUTHORIZED') code = 'UNAUTHENTICATED';
      else if (error.code === 'FORBIDDEN') code = 'FORBIDDEN';
      else if (error.code === 'NOT_FOUND') code = 'NOT_FOUND';
      else if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') code = 'INVALID_INPUT';
      else if (error.code === 'PAYLOAD_TOO_LARGE') code = 'PAYLOAD_TOO_LARGE';
      else if (error.code === 'UNSUPPORTED_MEDIA_TYPE') {
        code = 'UNSUPPORTED_MEDIA_TYPE';
        message = 'Send the body as application/json';
      } else if (error.code === 'METHOD_NOT_SUPPORTED') {
        code = 'METHOD_NOT_ALLOWED';
        message = 'This method is not allowed here';
      }
      // Never show an internal error's message (it may carry SQL or stack details).
      if (code === 'INTERNAL') message = 'Something went wrong on our side; it has been logged.';
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message,
        data: {
          ...data,
          domainCode: code,
          fieldErrors,
          retryAfterSeconds,
          messageKey,
          messageParams,
          // The sentence worded in each language, so no client carries the catalogue.
          messageWords: messageKey ? domainMessageWords(messageKey, messageParams) : null,
        },
      };
    },
  });

function refuse(code: DomainErrorCode, message: DomainMessage): never {
  const cause = new DomainError(code, message);
  throw new TRPCError({ code: trpcCodeFor[code], message: cause.message, cause });
}

const eventIdOf = z.object({ eventId: z.uuid() });
/** Partners may name an event by id or by slug. */
const eventRefOf = z.object({ eventId: z.string().trim().min(1).max(64) });

/** What enforceAccess resolved about the caller, by rule kind; null where the rule is another kind. */
interface Resolved {
  eventCaller: EventCaller | null;
  partnerCaller: PartnerCaller | null;
  participantCaller: ParticipantCaller | null;
  delegationCaller: DelegationCaller | null;
  personCaller: PersonCaller | null;
}
const none: Resolved = {
  eventCaller: null,
  partnerCaller: null,
  participantCaller: null,
  delegationCaller: null,
  personCaller: null,
};
const badLink: DomainMessage = { key: 'linkInvalid' };

/**
 * Resolves the caller under the procedure's declared access rule, before its
 * input is parsed, or refuses. Fails closed: a procedure that declares nothing
 * is refused for everyone.
 */
async function resolveAccess(
  ctx: Context,
  meta: Meta | undefined,
  path: string,
  getRawInput: () => Promise<unknown>,
): Promise<Resolved> {
  const access = meta?.access;
  if (!access) return refuse('FORBIDDEN', { key: 'procedureWithoutAccessRule', params: { path } });
  if (access.kind === 'public') return none;
  if (access.kind === 'participant') {
    const link = ctx.linkToken ? await ctx.services.access.registrationLink(ctx.linkToken) : null;
    if (!link) return refuse('UNAUTHENTICATED', badLink);
    return { ...none, participantCaller: { request: ctx.request, linkToken: ctx.linkToken ?? '', ...link } };
  }
  if (access.kind === 'delegationContact') {
    const link = ctx.linkToken ? await ctx.services.access.delegationLink(ctx.linkToken) : null;
    if (!link) return refuse('UNAUTHENTICATED', badLink);
    return { ...none, delegationCaller: { request: ctx.request, ...link } };
  }
  if (access.kind === 'person') {
    if (ctx.personCsrfRefused)
      return refuse('FORBIDDEN', { key: 'csrfTokenWrong' });
    if (!ctx.person) return refuse('UNAUTHENTICATED', { key: 'signInWithEmailFirst' });
    return { ...none, personCaller: { person: ctx.person, request: ctx.request } };
  }
  if (access.kind === 'partner') {
    const partner = ctx.apiKey ? await ctx.services.access.partnerKey(ctx.apiKey) : null;
    if (!partner) return refuse('UNAUTHENTICATED', { key: 'apiKeyMissing' });
    if (!partner.scopes.includes(access.scope))
      return refuse('FORBIDDEN', { key: 'apiKeyScope', params: { scope: access.scope } });
    const raw = await getRawInput();
    let eventId: string | null = null;
    if (raw && typeof raw === 'object' && 'eventId' in raw) {
      const parsed = eventRefOf.safeParse(raw);
      if (!parsed.success) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'eventId is missing or not valid',
          cause: parsed.error,
        });
      }
      // An event the key is not for is reported as missing, so ids and slugs cannot be probed.
      eventId = await ctx.services.access.partnerEvent(partner, parsed.data.eventId);
      if (!eventId) return refuse('NOT_FOUND', { key: 'eventNotFound' });
    }
    return { ...none, partnerCaller: { partner, request: ctx.request, eventId } };
  }
  if (ctx.staffCsrfRefused) return refuse('FORBIDDEN', { key: 'csrfTokenWrong' });
  const actor: Actor | null = ctx.actor;
  if (!actor) return refuse('UNAUTHENTICATED', { key: 'signInFirst' });
  if (access.kind === 'pendingSecondFactor') return none;
  if (!actor.secondFactorDone) return refuse('SECOND_FACTOR_REQUIRED', { key: 'secondFactorFirst' });
  if (access.kind === 'signedIn') return none;
  if (access.kind === 'platformAdmin') {
    if (!actor.isPlatformAdmin) return refuse('FORBIDDEN', { key: 'platformAdminOnly' });
    return none;
  }
  const parsed = eventIdOf.safeParse(await getRawInput());
  if (!parsed.success) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'eventId is missing or not valid',
      cause: parsed.error,
    });
  }
  const { eventId } = parsed.data;
  const standing = await ctx.services.access.eventAccess(actor, eventId);
  // An event the caller may not see is reported as forbidden, never as missing,
  // so ids cannot be probed.
  if (!standing) {
    if (actor.isPlatformAdmin) return refuse('NOT_FOUND', { key: 'eventNotFound' });
    return refuse('FORBIDDEN', { key: 'notOnTeam' });
  }
  // A non-member hears the same about an event that exists as about one that does not.
  if (standing.role === null && !actor.isPlatformAdmin) return refuse('FORBIDDEN', { key: 'notOnTeam' });
  const allowed = actor.isPlatformAdmin || (standing.role !== null && access.roles.includes(standing.role));
  if (!allowed) return refuse('FORBIDDEN', { key: 'roleRefused' });
  // Platform administrators too: an event that asks for two factors means every account that can open it.
  if (standing.requireTwoFactor && !actor.totpEnabled) {
    return refuse('TWO_FACTOR_ENROLMENT_REQUIRED', { key: 'twoFactorRequired' });
  }
  const eventCaller: EventCaller = { actor, request: ctx.request, eventId, role: standing.role };
  return { ...none, eventCaller };
}

/** What a caller hears about an object that is missing or not theirs: the same words either way. */
const objectNotFound: Record<ObjectKind, DomainMessageKey> = {
  registration: 'registrationNotFound',
  delegation: 'delegationNotFound',
  category: 'categoryNotFound',
  option: 'optionNotFound',
  invitationCode: 'invitationCodeNotFound',
  webhook: 'webhookNotFound',
  webhookDelivery: 'webhookDeliveryNotFound',
  submission: 'submissionNotFound',
  b2bMeeting: 'b2bMeetingNotFound',
};

const objectId = z.uuid();

function ownerOf(resolved: Resolved): ObjectOwner | null {
  if (resolved.eventCaller) return { kind: 'event', caller: resolved.eventCaller };
  if (resolved.partnerCaller) return { kind: 'partner', caller: resolved.partnerCaller };
  if (resolved.participantCaller) return { kind: 'participant', caller: resolved.participantCaller };
  if (resolved.delegationCaller) return { kind: 'delegationContact', caller: resolved.delegationCaller };
  if (resolved.personCaller) return { kind: 'person', caller: resolved.personCaller };
  return null;
}

/**
 * Runs the procedure's object rules (after its access rule, before its
 * service). An id that is absent or malformed is left to the input schema; an
 * object that is missing or not the caller's is a 404 naming the field. A rule
 * on a procedure whose access resolves no owner (public, signed-in) fails closed.
 */
async function enforceObjects(
  ctx: Context,
  meta: Meta | undefined,
  path: string,
  resolved: Resolved,
  getRawInput: () => Promise<unknown>,
): Promise<void> {
  const rules = objectRulesOf(meta?.object);
  if (rules.length === 0) return;
  const owner = ownerOf(resolved);
  if (!owner) return refuse('FORBIDDEN', { key: 'procedureWithoutOwner', params: { path } });
  const raw = await getRawInput();
  for (const rule of rules) {
    const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[rule.from] : undefined;
    const id = objectId.safeParse(value);
    if (!id.success) continue;
    if (await ctx.services.access.objectAllowed(owner, rule.kind, id.data)) continue;
    const key = objectNotFound[rule.kind];
    const cause = new DomainError('NOT_FOUND', { key }, { [rule.from]: [domainMessage(key)] });
    throw new TRPCError({ code: 'NOT_FOUND', message: cause.message, cause });
  }
}

/** An unpaired UTF-16 surrogate: valid in a JS string, not in PostgreSQL text or jsonb. */
const unpairedSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The dotted path of the first string PostgreSQL cannot store (a NUL, a lone surrogate), and why. */
function findUnstorable(
  value: unknown,
  path: string[] = [],
  depth = 0,
): { field: string; words: DomainMessage } | null {
  if (typeof value === 'string') {
    const field = path.join('.') || '_';
    if (value.includes('\u0000')) return { field, words: { key: 'textHasNul' } };
    if (unpairedSurrogate.test(value)) return { field, words: { key: 'textBrokenUnicode' } };
    return null;
  }
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = findUnstorable(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** The value of a top-level input field, lower-cased and trimmed, or null. */
function fieldOf(raw: unknown, field: string): string | null {
  if (!raw || typeof raw !== 'object' || !(field in raw)) return null;
  const value = (raw as Record<string, unknown>)[field];
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().toLowerCase();
  return text === '' ? null : text.slice(0, 320);
}

/**
 * The buckets a request counts in, for the rules of one phase: client and
 * input rules before the caller is resolved (they protect that work), link and
 * key rules after (they need what was resolved).
 */
async function hitsFor(
  ctx: Context,
  meta: Meta | undefined,
  path: string,
  phase: 'before' | 'after',
  getRawInput: () => Promise<unknown>,
  resolved: Resolved | null,
): Promise<RateLimitHit[]> {
  const hits: RateLimitHit[] = [];
  for (const [index, rule] of (meta?.limits ?? []).entries()) {
    const late = rule.per === 'link' || rule.per === 'apiKey';
    if (late !== (phase === 'after')) continue;
    if (rule.onlyWith !== undefined && fieldOf(await getRawInput(), rule.onlyWith) === null) continue;
    let who: string | null;
    let max = rule.max === 'key' ? 0 : rule.max;
    if (rule.per === 'ip') who = `ip:${ctx.request.ip}`;
    else if (rule.per === 'link') who = ctx.linkToken ? `link:${ctx.linkToken}` : null;
    else if (rule.per === 'apiKey') {
      const partner = resolved?.partnerCaller?.partner;
      who = partner ? `key:${partner.apiKeyId}` : null;
      if (rule.max === 'key') max = partner?.requestsPerMinute ?? 0;
    } else {
      const value = fieldOf(await getRawInput(), rule.per.field);
      who = value === null ? null : `${rule.per.field}:${value}`;
    }
    // The rule's index keeps two rules of one procedure on the same subject apart.
    const counter = rule.budget ?? `${path}#${index}`;
    if (who !== null) hits.push({ bucket: `${counter}:${who}`, max, windowSeconds: rule.windowSeconds });
  }
  return hits;
}

async function enforceLimits(ctx: Context, hits: RateLimitHit[]): Promise<void> {
  if (hits.length === 0) return;
  const refused = await ctx.services.rateLimits.hit(hits);
  if (!refused) return;
  const seconds = refused.retryAfterSeconds;
  const words: DomainMessage =
    seconds < 120
      ? { key: 'tooManyRequests', params: { seconds } }
      : { key: 'tooManyRequestsMinutes', params: { minutes: Math.ceil(seconds / 60) } };
  const cause = new DomainError('TOO_MANY_ATTEMPTS', words, {}, seconds);
  throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
}

/**
 * The one middleware every procedure passes, in this order: the rate limits
 * on the client and the input, the access rule (who may call), the limits on
 * the link or key it resolved, the object rules (whose object), then text no PostgreSQL column can hold (a NUL character, an
 * unpaired surrogate) is refused with a 400 naming the field, instead of
 * letting a query fail halfway through a transaction; then the procedure runs,
 * and a DomainError it throws becomes a tRPC error carrying it. One middleware
 * rather than three: tRPC copies the context at every level, on every request.
 */
const guard = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  await enforceLimits(ctx, await hitsFor(ctx, meta, path, 'before', getRawInput, null));
  const resolved = await resolveAccess(ctx, meta, path, getRawInput);
  await enforceLimits(ctx, await hitsFor(ctx, meta, path, 'after', getRawInput, resolved));
  await enforceObjects(ctx, meta, path, resolved, getRawInput);
  const found = findUnstorable(await getRawInput());
  if (found) {
    const text = domainMessage(found.words.key);
    const cause = new DomainError('INVALID_INPUT', found.words, { [found.field]: [text] });
    throw new TRPCError({ code: 'BAD_REQUEST', message: text, cause });
  }
  const result = await next({ ctx: resolved });
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const procedure = t.procedure.use(guard);

export { domainErrorStatus };

type ResolverCtx = Context & Resolved;

/** The caller of a procedure whose rule is "event": set by enforceAccess. */
export function eventCaller(ctx: ResolverCtx): EventCaller {
  if (!ctx.eventCaller)
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'event rule not enforced' });
  return ctx.eventCaller;
}

/** The caller of a procedure whose rule needs a signed-in user. */
export function signedInCaller(ctx: ResolverCtx): SignedInCaller {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return { actor: ctx.actor, request: ctx.request };
}

function resolved<T>(value: T | null, rule: string): T {
  if (!value) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: `${rule} rule not enforced` });
  return value;
}
/** The partner of a procedure whose rule is "partner". */
export const partnerCaller = (ctx: ResolverCtx): PartnerCaller => resolved(ctx.partnerCaller, 'partner');
/** The link holder of a procedure whose rule is "participant". */
export const participantCaller = (ctx: ResolverCtx): ParticipantCaller =>
  resolved(ctx.participantCaller, 'participant');
/** The link holder of a procedure whose rule is "delegationContact". */
export const delegationCaller = (ctx: ResolverCtx): DelegationCaller =>
  resolved(ctx.delegationCaller, 'delegationContact');

/** The signed-in participant of a procedure whose rule is "person". */
export const personCaller = (ctx: ResolverCtx): PersonCaller => resolved(ctx.personCaller, 'person');

/** The person session cookie's writer; a transport that has none refuses to sign anyone in. */
export function personCookie(ctx: ResolverCtx): SessionCookie {
  if (!ctx.personSession)
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'no person session cookie here' });
  return ctx.personSession;
}

/** The signed-in participant when there is one (a public procedure that adapts). */
export function maybePersonCaller(ctx: ResolverCtx): PersonCaller | null {
  if (!ctx.person || ctx.personCsrfRefused) return null;
  return { person: ctx.person, request: ctx.request };
}

export function anyCaller(ctx: ResolverCtx): Caller {
  return { actor: ctx.actor, request: ctx.request };
}
