import { z } from 'zod';
import { idSchema, localeSchema } from './common';

/** "held": not sent because the address bounced permanently before (see the suppressions). */
export const mailStatusSchema = z.enum(['queued', 'sent', 'failed', 'captured', 'held']);

export const mailListInput = z.object({
  status: mailStatusSchema.optional(),
  to: z.string().trim().max(254).optional(),
  /** One event's mail (the outbox opened from an event keeps to it); absent: every message. */
  eventId: idSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});

export const mailMessageDto = z.object({
  id: z.uuid(),
  eventId: z.string().nullable(),
  template: z.string(),
  to: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  /** File names of the attachments, e.g. event.ics. */
  attachments: z.array(z.string()),
  status: mailStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailMessageDto = z.infer<typeof mailMessageDto>;

export const mailListOutput = z.object({ messages: z.array(mailMessageDto), total: z.number().int() });
export const mailGetInput = z.object({ id: idSchema });

// --- Templates: the defaults of every mail kind, and an event's own wording ---

/** A mail kind of the server's registry, e.g. "registration.confirmed"; unknown kinds are refused on the field. */
export const mailKindSchema = z.string().trim().min(1).max(100);

/** One language of a template: Handlebars placeholders such as {{name}}; HTML optional (made from the text when empty). */
export const templateSourceSchema = z.object({
  subject: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(20_000),
  html: z
    .string()
    .trim()
    .max(100_000)
    .nullish()
    .transform((v) => v || null),
});

export const renderedMailDto = z.object({ subject: z.string(), text: z.string(), html: z.string() });
export type RenderedMailDto = z.infer<typeof renderedMailDto>;

const byLocale = <T extends z.ZodType>(t: T) => z.object({ ko: t, en: t });

export const templateSourceDto = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
});
export const templateOverrideDto = templateSourceDto.extend({ updatedAt: z.string() });

export const mailTemplateDto = z.object({
  kind: z.string(),
  /** The placeholders the template declares, the only names a source may use. */
  placeholders: z.array(z.string()),
  defaults: byLocale(templateSourceDto),
  /** The defaults rendered with sample values (in Asia/Seoul, or the event's zone). */
  previews: byLocale(renderedMailDto),
});
export type MailTemplateDto = z.infer<typeof mailTemplateDto>;
export const mailTemplatesOutput = z.object({ templates: z.array(mailTemplateDto) });

export const eventMailTemplateDto = mailTemplateDto.extend({
  overrides: byLocale(templateOverrideDto.nullable()),
});
export type EventMailTemplateDto = z.infer<typeof eventMailTemplateDto>;
export const eventMailTemplatesOutput = z.object({ templates: z.array(eventMailTemplateDto) });

export const templateOverrideInput = templateSourceSchema.extend({
  eventId: idSchema,
  kind: mailKindSchema,
  locale: localeSchema,
});
export const templateOverrideKeyInput = z.object({
  eventId: idSchema,
  kind: mailKindSchema,
  locale: localeSchema,
});
export const testMailOutput = z.object({ to: z.string(), id: z.uuid() });

export const mailSuppressionDto = z.object({
  address: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export const mailSuppressionsOutput = z.object({ suppressions: z.array(mailSuppressionDto) });
export const unsuppressInput = z.object({ address: z.string().trim().toLowerCase().min(3).max(254) });
