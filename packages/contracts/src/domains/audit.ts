import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

const auditFilterFields = {
  actorUserId: idSchema.optional(),
  action: z.string().trim().max(100).optional(),
  objectType: z.string().trim().max(100).optional(),
  objectId: z.string().trim().max(200).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The id of the last entry of the previous page. */
  cursor: z.number().int().positive().optional(),
};

/** One event's log, for its owners and admins. */
export const auditListInput = z.object({ eventId: idSchema, ...auditFilterFields });

/**
 * The whole platform's log, for platform admins: every event's entries and those
 * that belong to no event (accounts, sign-in security). eventId: omitted for all,
 * null for the platform's own entries only, an id for one event.
 */
export const platformAuditListInput = z.object({
  eventId: idSchema.nullable().optional(),
  ...auditFilterFields,
});

export const auditActorKinds = [
  'user',
  'person',
  'participant',
  'delegationContact',
  'apiKey',
  'cli',
  'system',
  'anonymous',
] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/**
 * Who acted: the kind, the id that identifies them (a user, a person, the
 * registration or delegation a link opens, an API key; null for cli, system
 * and anonymous), the partner behind a key, and the current name (a staff
 * user's display name, a partner's name; null where there is none to show).
 */
export const auditActorDto = z.object({
  kind: z.enum(auditActorKinds),
  id: z.string().nullable(),
  partnerId: z.string().nullable(),
  name: z.string().nullable(),
});
export type AuditActorDto = z.infer<typeof auditActorDto>;

export const auditEntryDto = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: auditActorDto,
  actorUserId: z.string().nullable(),
  /** The snapshot written at the time (a staff email, a partner's name, or the kind). */
  actorLabel: z.string(),
  eventId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  diff: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditListOutput = z.object({
  entries: z.array(auditEntryDto),
  nextCursor: z.number().int().nullable(),
});
