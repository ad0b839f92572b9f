import { domainMessage, DomainError, type CorrectMyNameInput, type ParticipantCaller } from '@plenary/contracts';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import { updatePerson } from '../people/people.service';
import { findSettings, lockRegistration, updateRegistration } from './registration.repo';

/**
 * A participant corrects their own name (issue 8, item 13) until the cutoff staff set
 * in the registration settings; with none set (the default) only staff may. The name
 * lives on the person: whoever holds this registration's link reads the address's
 * mail, so they are the address's owner and the person's name is theirs to correct.
 */

/** Whether the page may offer the correction, and until when. */
export function nameCorrectionOf(
  settings: { nameCorrectionUntil: Date | null } | undefined,
  live: boolean,
  now: Date,
): { open: boolean; until: string | null } {
  const until = settings?.nameCorrectionUntil ?? null;
  return { open: live && until !== null && now < until, until: until?.toISOString() ?? null };
}

export async function correctMyName(
  runtime: Runtime,
  caller: ParticipantCaller,
  input: CorrectMyNameInput,
): Promise<void> {
  await inTransaction(runtime, async ({ tx }) => {
    // The row is locked so the cutoff and the status are read as they stand at the write.
    const row = await lockRegistration(tx, caller.registrationId);
    if (!row) throw new DomainError('NOT_FOUND', { key: 'registrationNotFound' });
    const now = runtime.now();
    const live = row.status !== 'cancelled' && row.status !== 'rejected';
    if (!nameCorrectionOf(await findSettings(tx, row.eventId), live, now).open)
      throw new DomainError('FORBIDDEN', { key: 'nameCorrectionClosed' }, {
        givenName: [domainMessage('nameCorrectionClosed')],
      });
    const changed = await updatePerson(
      tx,
      row.personId,
      { givenName: input.givenName, familyName: input.familyName, localName: input.localName ?? null },
      now,
    );
    // A name typed on the form and waiting for the address's verification would overwrite
    // the correction when applied: the correction replaces it.
    const pending = row.pendingProfile;
    if (pending && ('givenName' in pending || 'familyName' in pending || 'localName' in pending)) {
      const { givenName: _g, familyName: _f, localName: _l, ...rest } = pending;
      await updateRegistration(tx, row.id, null, {
        pendingProfile: Object.keys(rest).length ? rest : null,
        updatedAt: now,
      });
    }
    if (!changed || !Object.keys(changed.after).length) return;
    await recordAudit(tx, caller, {
      eventId: row.eventId,
      action: 'registration.correctName',
      objectType: 'registration',
      objectId: row.id,
      before: changed.before,
      after: changed.after,
    });
  });
}
