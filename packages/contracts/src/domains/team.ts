import { z } from 'zod';
import { eventRoles } from '../access';
import { msg } from '../messages';
import { emailSchema, idSchema, localeSchema, passwordSchema } from './common';

export const eventRoleSchema = z.enum(eventRoles);

export const teamMemberDto = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: eventRoleSchema,
  totpEnabled: z.boolean(),
  joinedAt: z.string(),
});

export const invitationDto = z.object({
  id: z.uuid(),
  email: z.string(),
  role: eventRoleSchema,
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const teamOutput = z.object({
  members: z.array(teamMemberDto),
  invitations: z.array(invitationDto),
});

export const inviteMemberInput = z.object({
  eventId: idSchema,
  email: emailSchema,
  role: eventRoleSchema,
  /** The invitation mail's language for someone without an account; absent: the team's language. */
  locale: localeSchema.optional(),
});
export const changeRoleInput = z.object({ eventId: idSchema, userId: idSchema, role: eventRoleSchema });
export const removeMemberInput = z.object({ eventId: idSchema, userId: idSchema });
export const revokeInvitationInput = z.object({ eventId: idSchema, invitationId: idSchema });

export const invitationTokenInput = z.object({ token: z.string().min(20).max(200) });
export const invitationInfoOutput = z.object({
  eventTitle: z.object({ ko: z.string().optional(), en: z.string().optional() }),
  email: z.string(),
  role: eventRoleSchema,
  /** False when the invitee must choose a name and password to create an account. */
  hasAccount: z.boolean(),
});
export const acceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  displayName: z
    .string()
    .trim()
    .min(1, { error: msg('name') })
    .max(120, { error: msg('tooLong', { max: 120 }) })
    .optional(),
  password: passwordSchema.optional(),
});
