import { DomainError } from '@plenary/contracts';

/**
 * Unique constraints that a person can run into, with the field and message to
 * show. Any other unique violation still becomes a 409, with a generic message.
 */
const known: Record<string, { field: string; message: string }> = {
  events_slug_key: { field: 'slug', message: 'Another event already uses this slug' },
  users_email_key: { field: 'email', message: 'An account with this email already exists' },
  event_members_event_id_user_id_pk: { field: 'email', message: 'This person is already on the team' },
  registration_categories_code_key: {
    field: 'code',
    message: 'Another category of this event already uses this code',
  },
  registration_options_code_key: {
    field: 'code',
    message: 'Another option of this event already uses this code',
  },
  partners_name_key: { field: 'name', message: 'Another partner already has this name' },
  invitation_codes_code_key: { field: 'code', message: 'This invitation code already exists in this event' },
  // The backstop of placement's duplicate check (two at once): the portal answers it as a success.
  registrations_email_key: {
    field: 'participant.email',
    message: 'This email address is already registered for this event',
  },
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
  if (entry) return new DomainError('CONFLICT', entry.message, { [entry.field]: [entry.message] });
  return new DomainError('CONFLICT', { key: 'alreadyExists' });
}
