import { and, eq, inArray, schema, sql, type Executor } from '@plenary/db';
import type { Locale, RegistrationDto } from '@plenary/contracts';
import { selectRows } from '../../core/sql';
import { registrantColumns } from '../people/people.repo';

const {
  registrations: r,
  registrationCategories: c,
  delegations: d,
  invitationCodes: ic,
  visaLetterRequests: v,
  persons: p,
} = schema;

/** Position on the waiting list of its category (1 = next), or null when not waiting. */
export async function waitlistPositions(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await selectRows<{ id: string; position: number }>(
    db,
    sql`select w.id, (select count(*) from registrations o
                      where o.category_id = w.category_id and o.status = 'waitlisted'
                        and (o.waitlist_rank, o.id) <= (w.waitlist_rank, w.id))::int as position
        from registrations w where w.id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) and w.status = 'waitlisted'`,
  );
  return new Map(rows.map((row) => [row.id, Number(row.position)]));
}

export interface ChoiceView {
  optionId: string;
  code: string;
  label: { ko?: string; en?: string };
  status: 'booked' | 'waitlisted';
  waitlistPosition: number | null;
}

/** Each registration's chosen options, with the position on an option's waiting list. */
export async function loadChoices(db: Executor, ids: string[]): Promise<Map<string, ChoiceView[]>> {
  const out = new Map<string, ChoiceView[]>();
  if (ids.length === 0) return out;
  const rows = await selectRows<{
    registration_id: string;
    option_id: string;
    code: string;
    label: { ko?: string; en?: string };
    status: 'booked' | 'waitlisted';
    position: number | null;
  }>(
    db,
    sql`select ch.registration_id, ch.option_id, o.code, o.label, ch.status,
               case when ch.status = 'waitlisted' then
                 (select count(*) from registration_choices x join registrations xr on xr.id = x.registration_id
                  where x.option_id = ch.option_id and x.status = 'waitlisted' and xr.status not in ('cancelled','rejected')
                    and (x.waitlist_rank, x.registration_id) <= (ch.waitlist_rank, ch.registration_id))::int
               end as position
        from registration_choices ch join registration_options o on o.id = ch.option_id
        where ch.registration_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by o.position, o.code`,
  );
  for (const row of rows) {
    const list = out.get(row.registration_id) ?? [];
    list.push({
      optionId: row.option_id,
      code: row.code,
      label: row.label,
      status: row.status,
      waitlistPosition: row.position === null ? null : Number(row.position),
    });
    out.set(row.registration_id, list);
  }
  return out;
}

/**
 * Registrations as staff see them, in the order of ids (missing ids are left out).
 * One query for the rows, one for options, one for waiting-list positions.
 */
export async function loadRegistrationDtos(
  db: Executor,
  ids: string[],
  _now: Date,
): Promise<RegistrationDto[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      reg: r,
      person: registrantColumns,
      category: {
        id: c.id,
        code: c.code,
        label: c.label,
        colour: c.colour,
        feeAmount: c.feeAmount,
        feeCurrency: c.feeCurrency,
      },
      delegation: { id: d.id, name: d.name },
      code: ic.code,
      visaStatus: v.status,
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.categoryId))
    .innerJoin(p, eq(p.id, r.personId))
    .leftJoin(d, eq(d.id, r.delegationId))
    .leftJoin(ic, eq(ic.id, r.invitationCodeId))
    .leftJoin(v, and(eq(v.registrationId, r.id)))
    .where(inArray(r.id, ids));
  const [choices, positions] = await Promise.all([loadChoices(db, ids), waitlistPositions(db, ids)]);
  const byId = new Map(rows.map((row) => [row.reg.id, row]));
  const out: RegistrationDto[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue;
    const x = row.reg;
    out.push({
      id: x.id,
      eventId: x.eventId,
      reference: x.reference,
      status: x.status,
      source: x.source,
      category: {
        id: row.category.id,
        code: row.category.code,
        label: row.category.label,
        colour: row.category.colour,
      },
      givenName: row.person.givenName,
      familyName: row.person.familyName,
      localName: row.person.localName,
      email: row.person.email,
      organisation: x.organisation,
      jobTitle: row.person.jobTitle,
      country: row.person.country,
      phone: row.person.phone,
      dietary: x.dietary,
      accessibility: x.accessibility,
      locale: (x.locale === 'ko' ? 'ko' : 'en') satisfies Locale,
      answers: x.answers,
      consents: x.consents,
      options: choices.get(id) ?? [],
      invitationCode: row.code ?? null,
      delegation: row.delegation?.id ? { id: row.delegation.id, name: row.delegation.name } : null,
      partnerId: x.partnerId,
      waitlistPosition: positions.get(id) ?? null,
      offerExpiresAt: x.status === 'offered' ? (x.offerExpiresAt?.toISOString() ?? null) : null,
      statusReason: x.statusReason,
      paymentStatus: x.paymentStatus,
      paymentReference: x.paymentReference,
      fee:
        row.category.feeAmount !== null && row.category.feeCurrency
          ? { amount: row.category.feeAmount, currency: row.category.feeCurrency }
          : null,
      emailVerified: x.emailVerifiedAt !== null,
      pendingProfile: x.pendingProfile && Object.keys(x.pendingProfile).length ? x.pendingProfile : null,
      checkedInAt: x.checkedInAt?.toISOString() ?? null,
      visaLetterStatus: row.visaStatus ?? null,
      createdAt: x.createdAt.toISOString(),
      confirmedAt: x.confirmedAt?.toISOString() ?? null,
      cancelledAt: x.cancelledAt?.toISOString() ?? null,
    });
  }
  return out;
}

export async function loadRegistrationDto(
  db: Executor,
  id: string,
  now: Date,
): Promise<RegistrationDto | undefined> {
  return (await loadRegistrationDtos(db, [id], now))[0];
}
