import type { z } from 'zod';
import { and, eq, inArray, schema } from '@plenary/db';
import type { bulkEmailInput, bulkOutcomeDto, EventCaller } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../../core/runtime';
import { recordAudit } from '../../audit/audit.service';
import { enqueueMail } from '../../mail/mail.service';

const { registrations: r, persons: pe } = schema;

/**
 * One message per chosen registration, as staff wrote it, put in the outbox in one
 * transaction (all or none). Ids of other events are skipped, not an error: the
 * selection may be stale. Audited once, with the count and the subject.
 */
export async function emailRegistrations(
  runtime: Runtime,
  caller: EventCaller,
  input: z.output<typeof bulkEmailInput>,
): Promise<z.output<typeof bulkOutcomeDto>> {
  const ids = [...new Set(input.registrationIds)];
  return inTransaction(runtime, async (uow) => {
    const found = await uow.tx
      .select({ id: r.id, email: pe.email })
      .from(r)
      .innerJoin(pe, eq(pe.id, r.personId))
      .where(and(eq(r.eventId, caller.eventId), inArray(r.id, ids)));
    const byId = new Map(found.map((row) => [row.id, row.email]));
    const skipped: Array<{ id: string; reason: string }> = [];
    for (const id of ids) {
      const to = byId.get(id);
      if (to === undefined) {
        skipped.push({ id, reason: 'Not a registration of this event' });
        continue;
      }
      await enqueueMail(runtime, uow, {
        to,
        subject: input.subject,
        text: input.body,
        template: 'registrationBulk',
        eventId: caller.eventId,
      });
    }
    await recordAudit(uow.tx, caller, {
      eventId: caller.eventId,
      action: 'registration.emailMany',
      objectType: 'event',
      objectId: caller.eventId,
      after: { subject: input.subject, recipients: byId.size },
    });
    return { changed: byId.size, skipped };
  });
}
