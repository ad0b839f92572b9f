import {
  countryName,
  DomainError,
  type ExportServices,
  type RegistrationExportInput,
} from '@plenary/contracts';
import type { EventCaller } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { findEvent } from '../events/events.repo';
import { findRegistrationsForExport, type ExportRow } from './registration-export.repo';
import { toCsv, toXlsx, type Column } from './spreadsheet';

/** "2015-11-03 09:15" in the event's time zone (sv-SE writes ISO-like dates). */
function localTime(timeZone: string) {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (d: Date | null) => (d ? format.format(d) : '');
}

function registrationColumns(timeZone: string): Column<ExportRow>[] {
  const at = localTime(timeZone);
  const text = (v: string | null) => v ?? '';
  return [
    { header: 'Reference', width: 12, value: (r) => r.reference },
    { header: 'Status', width: 12, value: (r) => r.status },
    { header: 'Category', width: 24, value: (r) => r.category },
    { header: 'Given name', width: 18, value: (r) => r.givenName },
    { header: 'Family name', width: 18, value: (r) => r.familyName },
    { header: 'Local name', width: 14, value: (r) => text(r.localName) },
    { header: 'Email', width: 30, value: (r) => r.email },
    { header: 'Organisation', width: 32, value: (r) => r.organisation },
    { header: 'Job title', width: 24, value: (r) => text(r.jobTitle) },
    { header: 'Country code', width: 8, value: (r) => r.country },
    { header: 'Country', width: 22, value: (r) => countryName(r.country, 'en') },
    { header: 'Phone', width: 18, value: (r) => text(r.phone) },
    { header: 'Dietary', width: 24, value: (r) => text(r.dietary) },
    { header: 'Accessibility', width: 24, value: (r) => text(r.accessibility) },
    { header: 'Options', width: 36, value: (r) => text(r.options) },
    { header: 'Payment', width: 12, value: (r) => r.paymentStatus },
    { header: 'Payment reference', width: 18, value: (r) => text(r.paymentReference) },
    { header: 'Visa letter', width: 12, value: (r) => text(r.visaLetterStatus) },
    { header: `Checked in (${timeZone})`, width: 18, value: (r) => at(r.checkedInAt) },
    { header: `Created (${timeZone})`, width: 18, value: (r) => at(r.createdAt) },
  ];
}

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createExportServices(runtime: Runtime): ExportServices {
  async function registrations(caller: EventCaller, input: RegistrationExportInput) {
    const event = await findEvent(runtime.db, caller.eventId);
    if (!event) throw new DomainError('NOT_FOUND', 'No such event');
    const { format, locale } = input;
    const rows = await findRegistrationsForExport(runtime.db, caller.eventId, input, locale);
    const columns = registrationColumns(event.timeZone);
    const bytes = format === 'csv' ? toCsv(columns, rows) : await toXlsx('Registrations', columns, rows);
    const day = localTime(event.timeZone)(runtime.now()).slice(0, 10);
    return {
      filename: `${event.slug}-registrations-${day}.${format}`,
      contentType: contentTypes[format],
      base64: bytes.toString('base64'),
    };
  }
  return { exports: { registrations } };
}
