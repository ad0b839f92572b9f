import { eq, schema, sql, type Executor } from '@plenary/db';
import type { Locale } from '@plenary/contracts';
import {
  registrationOrder,
  registrationWhere,
  type RegistrationFilter,
} from '../registration/queries/list.repo';

const { registrations: r, registrationCategories: c, visaLetterRequests: v } = schema;

/** A label in the wanted language, else the other one (LocalizedText in jsonb). */
function labelIn(column: unknown, locale: Locale) {
  const other: Locale = locale === 'ko' ? 'en' : 'ko';
  return sql`coalesce(nullif(${column}->>${locale}, ''), ${column}->>${other}, '')`;
}

export interface ExportRow {
  reference: string;
  status: string;
  category: string;
  givenName: string;
  familyName: string;
  localName: string | null;
  email: string;
  organisation: string;
  jobTitle: string | null;
  country: string;
  phone: string | null;
  dietary: string | null;
  accessibility: string | null;
  options: string | null;
  paymentStatus: string;
  paymentReference: string | null;
  visaLetterStatus: string | null;
  checkedInAt: Date | null;
  createdAt: Date;
}

/** Every registration matching the list's filters, in the list's order, with its options joined into one text. */
export async function findRegistrationsForExport(
  db: Executor,
  eventId: string,
  filter: RegistrationFilter,
  locale: Locale,
): Promise<ExportRow[]> {
  const optionLabel = labelIn(sql.raw('o.label'), locale);
  return db
    .select({
      reference: r.reference,
      status: r.status,
      category: sql<string>`${labelIn(c.label, locale)}`,
      givenName: r.givenName,
      familyName: r.familyName,
      localName: r.localName,
      email: r.email,
      organisation: r.organisation,
      jobTitle: r.jobTitle,
      country: r.country,
      phone: r.phone,
      dietary: r.dietary,
      accessibility: r.accessibility,
      options: sql<string | null>`(
        select string_agg(${optionLabel} || case when x.status = 'waitlisted' then ' (waitlisted)' else '' end,
                          '; ' order by o.position, o.code)
        from registration_choices x join registration_options o on o.id = x.option_id
        where x.registration_id = ${r.id})`,
      paymentStatus: r.paymentStatus,
      paymentReference: r.paymentReference,
      visaLetterStatus: v.status,
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.categoryId))
    .leftJoin(v, eq(v.registrationId, r.id))
    .where(registrationWhere(eventId, filter))
    .orderBy(...registrationOrder(filter));
}
