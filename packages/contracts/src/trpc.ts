import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { zodFieldErrors } from './domains/common';
import type { Access } from './access';
import type { Actor, Caller, Context, EventCaller, SignedInCaller } from './context';
import { DomainError, domainErrorStatus, trpcCodeFor, type DomainErrorCode } from './errors';

export interface Meta {
  access: Access;
  /** One line for the API reference and the admin's permission overview. */
  summary?: string;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      let code: DomainErrorCode | 'INTERNAL' = 'INTERNAL';
      let fieldErrors: Record<string, string[]> = {};
      let retryAfterSeconds: number | undefined;
      let message = shape.message;
      if (cause instanceof DomainError) {
        code = cause.code;
        fieldErrors = cause.fieldErrors;
        retryAfterSeconds = cause.retryAfterSeconds;
      } else if (cause instanceof ZodError) {
        code = 'INVALID_INPUT';
        fieldErrors = zodFieldErrors(cause);
        message = 'Some fields are not valid: ' + Object.keys(fieldErrors).join(', ');
      } else if (error.code === 'UNAUTHORIZED') code = 'UNAUTHENTICATED';
      else if (error.code === 'FORBIDDEN') code = 'FORBIDDEN';
      else if (error.code === 'NOT_FOUND') code = 'NOT_FOUND';
      else if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') code = 'INVALID_INPUT';
      else if (error.code === 'PAYLOAD_TOO_LARGE') code = 'PAYLOAD_TOO_LARGE';
      // Never show an internal error's message (it may carry SQL or stack details).
      if (code === 'INTERNAL') message = 'Something went wrong on our side; it has been logged.';
      const { stack: _stack, ...data } = shape.data;
      return { ...shape, message, data: { ...data, domainCode: code, fieldErrors, retryAfterSeconds } };
    },
  });

/** Turns a DomainError thrown by a service into a tRPC error carrying it. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeFor[cause.code], message: cause.message, cause });
  }
  return result;
});

function refuse(code: DomainErrorCode, message: string): never {
  throw new TRPCError({ code: trpcCodeFor[code], message, cause: new DomainError(code, message) });
}

const eventIdOf = z.object({ eventId: z.uuid() });

/**
 * Enforces the procedure's declared access rule before its input is parsed.
 * Fails closed: a procedure that declares nothing is refused for everyone.
 */
const enforceAccess = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  const access = meta?.access;
  if (!access) return refuse('FORBIDDEN', `The procedure ${path} declares no access rule`);
  if (access.kind === 'public') return next({ ctx: { eventCaller: null } });
  const actor: Actor | null = ctx.actor;
  if (!actor) return refuse('UNAUTHENTICATED', 'Sign in first');
  if (access.kind === 'pendingSecondFactor') return next({ ctx: { eventCaller: null } });
  if (!actor.secondFactorDone) return refuse('SECOND_FACTOR_REQUIRED', 'Enter your second-factor code first');
  if (access.kind === 'signedIn') return next({ ctx: { eventCaller: null } });
  if (access.kind === 'platformAdmin') {
    if (!actor.isPlatformAdmin) return refuse('FORBIDDEN', 'Only platform administrators may do this');
    return next({ ctx: { eventCaller: null } });
  }
  const parsed = eventIdOf.safeParse(await getRawInput());
  if (!parsed.success) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'eventId is missing or not valid', cause: parsed.error });
  }
  const { eventId } = parsed.data;
  const standing = await ctx.services.access.eventAccess(actor, eventId);
  // An event the caller may not see is reported as forbidden, never as missing,
  // so ids cannot be probed.
  if (!standing) {
    if (actor.isPlatformAdmin) return refuse('NOT_FOUND', 'No such event');
    return refuse('FORBIDDEN', 'You are not on this event’s team');
  }
  const allowed = actor.isPlatformAdmin || (standing.role !== null && access.roles.includes(standing.role));
  if (!allowed) return refuse('FORBIDDEN', 'Your role in this event does not allow this');
  if (standing.requireTwoFactor && !actor.totpEnabled && !actor.isPlatformAdmin) {
    return refuse('TWO_FACTOR_ENROLMENT_REQUIRED', 'This event requires two-factor sign-in: set it up in your profile');
  }
  const eventCaller: EventCaller = { actor, request: ctx.request, eventId, role: standing.role };
  return next({ ctx: { eventCaller } });
});

/** The dotted path of the first string holding a NUL character, which PostgreSQL cannot store in text. */
function findNul(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') || '_' : null;
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = findNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Refuses text that no PostgreSQL column can hold (a NUL character) with a 400
 * naming the field, for every procedure at once, instead of letting the query fail.
 */
const rejectNulCharacters = t.middleware(async ({ getRawInput, next }) => {
  const field = findNul(await getRawInput());
  if (field) {
    const text = 'Text must not contain NUL characters';
    throw new TRPCError({ code: 'BAD_REQUEST', message: text, cause: new DomainError('INVALID_INPUT', text, { [field]: [text] }) });
  }
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const procedure = t.procedure.use(mapDomainErrors).use(enforceAccess).use(rejectNulCharacters);

export { domainErrorStatus };

type ResolverCtx = Context & { eventCaller: EventCaller | null };

/** The caller of a procedure whose rule is "event": set by enforceAccess. */
export function eventCaller(ctx: ResolverCtx): EventCaller {
  if (!ctx.eventCaller) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'event rule not enforced' });
  return ctx.eventCaller;
}

/** The caller of a procedure whose rule needs a signed-in user. */
export function signedInCaller(ctx: ResolverCtx): SignedInCaller {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  return { actor: ctx.actor, request: ctx.request };
}

export function anyCaller(ctx: ResolverCtx): Caller {
  return { actor: ctx.actor, request: ctx.request };
}
