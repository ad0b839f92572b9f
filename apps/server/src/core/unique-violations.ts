import { DomainError } from '@plenary/contracts';
import { domainMessage, type DomainMessage } from '@plenary/contracts/domain-messages';

/**
 * Unique constraints that a person can run into, with the field and message to
 * show. Any other unique violation still becomes a 409, with a generic message.
 */
const known: Record<string, { field: string; message: DomainMessage }> = {
  events_slug_key: { field: 'slug', message: { key: 'eventSlugTaken' } },
  users_email_key: { field: 'email', message: { key: 'accountEmailTaken' } },
  event_members_event_id_user_id_pk: { field: 'email', message: { key: 'alreadyOnTeam' } },
  registration_categories_code_key: { field: 'code', message: { key: 'categoryCodeTaken' } },
  registration_options_code_key: { field: 'code', message: { key: 'optionCodeTaken' } },
  partners_name_key: { field: 'name', message: { key: 'partnerNameTaken' } },
  invitation_codes_code_key: { field: 'code', message: { key: 'invitationCodeTaken' } },
  // The backstop of placement's duplicate check (two at once): the portal answers it as a success.
  registrations_email_key: { field: 'participant.email', message: { key: 'emailAlreadyRegistered' } },
};

/** SQLSTATE of a driver error; drizzle wraps it in err.cause. */
export function sqlState(err: unknown): { code?: string; constraint?: string } {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const candidate = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return {
        code: candidate.code,
        ...(typeof candidate.constraint === 'string' ? { constraint: candidate.constraint } : {}),
      };
    }
    e = candidate.cause;
  }
  return {};
}

export function conflictFor(err: unknown): DomainError | null {
  const { code, constraint } = sqlState(err);
  if (code !== '23505') return null;
  const entry = constraint ? known[constraint] : undefined;
  if (entry)
    return new DomainError('CONFLICT', entry.message, { [entry.field]: [domainMessage(entry.message.key)] });
  return new DomainError('CONFLICT', { key: 'alreadyExists' });
}
