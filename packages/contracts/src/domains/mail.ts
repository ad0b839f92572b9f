import { z } from 'zod';
import { idSchema } from './common';

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
