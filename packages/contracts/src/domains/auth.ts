import { z } from 'zod';
import { eventRoles } from '../access';
import { emailSchema, localeSchema, passwordSchema } from './common';
import { msg } from '../messages';

export const loginInput = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(1, { error: msg('passwordMissing') })
    .max(200),
});

export const loginOutput = z.object({
  /** True when the user must still give a TOTP or recovery code. */
  secondFactorRequired: z.boolean(),
});

export const secondFactorInput = z.object({
  /** A 6-digit TOTP code, or a recovery code (xxxxx-xxxxx). */
  code: z
    .string()
    .trim()
    .min(6, { error: msg('secondFactorCode') })
    .max(32, { error: msg('secondFactorCode') }),
});

export const membershipDto = z.object({
  eventId: z.uuid(),
  slug: z.string(),
  title: z.object({ ko: z.string().optional(), en: z.string().optional() }),
  role: z.enum(eventRoles).nullable(),
  requireTwoFactor: z.boolean(),
});

export const meOutput = z.object({
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      isPlatformAdmin: z.boolean(),
      /** Null until the person picks a language; the console then keeps the device's. */
      locale: localeSchema.nullable(),
      totpEnabled: z.boolean(),
    })
    .nullable(),
  secondFactorPending: z.boolean(),
  csrfToken: z.string().nullable(),
  memberships: z.array(membershipDto),
});
export type Me = z.infer<typeof meOutput>;

/**
 * What the caller may use in one event, computed on the server from the
 * router's own access rules (not a second table): the procedures whose rule
 * lets them in, and the areas (a procedure's first path segment, e.g.
 * "registrations", "checkIn") where they may use at least one.
 */
export const permissionsOutput = z.object({
  role: z.enum(eventRoles).nullable(),
  isPlatformAdmin: z.boolean(),
  areas: z.array(z.string()),
  procedures: z.array(z.string()),
});
export type Permissions = z.infer<typeof permissionsOutput>;

export const totpEnrolmentOutput = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** A PNG data URL of the otpauth QR code. */
  qrDataUrl: z.string(),
});

export const confirmTotpInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: msg('totpCode') }),
});

export const recoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });

export const disableTotpInput = z.object({
  password: z
    .string()
    .min(1, { error: msg('passwordMissing') })
    .max(200),
});

export const requestPasswordResetInput = z.object({ email: emailSchema });

export const resetPasswordInput = z.object({
  token: z.string().min(20).max(200),
  password: passwordSchema,
});

export const changePasswordInput = z.object({
  currentPassword: z
    .string()
    .min(1, { error: msg('passwordMissing') })
    .max(200),
  newPassword: passwordSchema,
});

export const updateProfileInput = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, { error: msg('name') })
    .max(120, { error: msg('tooLong', { max: 120 }) })
    .optional(),
  locale: localeSchema.optional(),
});

export const userDto = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  isPlatformAdmin: z.boolean(),
});

export const createUserInput = z.object({
  email: emailSchema,
  displayName: z
    .string()
    .trim()
    .min(1, { error: msg('name') })
    .max(120, { error: msg('tooLong', { max: 120 }) }),
  password: passwordSchema,
  isPlatformAdmin: z.boolean().default(false),
});
