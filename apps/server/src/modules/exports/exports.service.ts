import { DomainError, type ExportServices, type RegistrationExportInput } from '@plenary/contracts';
import type { EventCaller } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { findEvent } from '../events/events.repo';
import { exportColumns } from './export-columns';
import { findExportForm, findRegistrationsForExport } from './registration-export.repo';
import { toCsv, toXlsx } from './spreadsheet';

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

const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function createExportServices(runtime: Runtime): ExportServices {
  async function registrations(caller: EventCaller, input: RegistrationExportInput) {
    const event = await findEvent(runtime.db, caller.eventId);
    if (!event) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
    const { format, locale } = input;
    const form = await findExportForm(runtime.db, caller.eventId);
    const columns = exportColumns(form, input.columns, locale, localTime(event.timeZone), event.timeZone);
    const rows = await findRegistrationsForExport(runtime.db, caller.eventId, input, locale);
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
