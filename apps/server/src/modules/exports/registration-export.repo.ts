import { eq, schema, sql, type Executor } from '@plenary/db';
import type { Locale } from '@plenary/contracts';
import type { ExportForm } from './export-columns';
import {
  registrationOrder,
  registrationWhere,
  type RegistrationFilter,
} from '../registration/queries/list.repo';

const { registrations: r, registrationCategories: c, visaLetterRequests: v, persons: p } = schema;

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
  /** The options chosen, in the option list's order. */
  options: Array<{ label: string; waitlisted: boolean }>;
  answers: Record<string, unknown>;
  consents: Array<{ kind: string; version: number; acceptedAt: string }>;
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
      givenName: p.givenName,
      familyName: p.familyName,
      localName: p.localName,
      email: p.email,
      organisation: r.organisation,
      jobTitle: p.jobTitle,
      country: sql<string>`coalesce(${p.country}, '')`,
      phone: p.phone,
      dietary: r.dietary,
      accessibility: r.accessibility,
      options: sql<Array<{ label: string; waitlisted: boolean }>>`coalesce((
        select json_agg(json_build_object('label', ${optionLabel}, 'waitlisted', x.status = 'waitlisted')
                        order by o.position, o.code)
        from registration_choices x join registration_options o on o.id = x.option_id
        where x.registration_id = ${r.id}), '[]'::json)`,
      answers: r.answers,
      consents: r.consents,
      paymentStatus: r.paymentStatus,
      paymentReference: r.paymentReference,
      visaLetterStatus: v.status,
      checkedInAt: r.checkedInAt,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.categoryId))
    .innerJoin(p, eq(p.id, r.personId))
    .leftJoin(v, eq(v.registrationId, r.id))
    .where(registrationWhere(eventId, filter))
    .orderBy(...registrationOrder(filter));
}

/** The event's questions and the consent kinds it has texts for: the export's extra columns. */
export async function findExportForm(db: Executor, eventId: string): Promise<ExportForm> {
  const [settings] = await db
    .select({ questions: schema.registrationSettings.questions })
    .from(schema.registrationSettings)
    .where(eq(schema.registrationSettings.eventId, eventId));
  const kinds = await db
    .selectDistinct({ kind: schema.consentVersions.kind })
    .from(schema.consentVersions)
    .where(eq(schema.consentVersions.eventId, eventId));
  // The contracts' order of kinds (privacy before photography), then any other.
  const order = ['privacy', 'photography'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return {
    questions: (settings?.questions ?? []) as unknown as ExportForm['questions'],
    consentKinds: kinds.map((k) => k.kind).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)),
  };
}
