import {
  DomainError,
  domainMessage,
  type DomainMessageKey,
  type MeetingDto,
  type ProfileDto,
} from '@plenary/contracts';
import type { Executor } from '@plenary/db';
import * as repo from './b2b.repo';

export const refuse = (
  code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_INPUT',
  key: DomainMessageKey,
  field?: string,
  params?: Record<string, string | number>,
) =>
  new DomainError(
    code,
    { key, ...(params ? { params } : {}) },
    field ? { [field]: [domainMessage(key, params)] } : {},
  );

/** The event's fair, or a refusal naming what to do first. */
export async function requireFair(db: Executor, eventId: string, forUpdate = false): Promise<repo.FairRow> {
  const fair = await repo.findFair(db, eventId, forUpdate);
  if (!fair) throw refuse('NOT_FOUND', 'b2bFairNotSetUp');
  return fair;
}

export function toProfileDto(row: {
  profile: repo.ProfileRow;
  name: { ko?: string; en?: string };
}): ProfileDto {
  const p = row.profile;
  return {
    id: p.id,
    side: p.side,
    status: p.status,
    organisationId: p.organisationId,
    organisationName: row.name,
    contactPersonId: p.contactPersonId,
    country: p.country,
    products: p.products,
    languages: p.languages,
    volumes: p.volumes,
    priceMin: p.priceMin,
    priceMax: p.priceMax,
    priceCurrency: p.priceCurrency,
    priorities: p.priorities,
    certifications: p.certifications,
    exportMarkets: p.exportMarkets,
    capacity: p.capacity,
    catalogueFileId: p.catalogueFileId,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toMeetingDto(v: repo.MeetingView): MeetingDto {
  return {
    id: v.meeting.id,
    buyerProfileId: v.meeting.buyerProfileId,
    sellerProfileId: v.meeting.sellerProfileId,
    buyerName: v.buyerName,
    sellerName: v.sellerName,
    slotId: v.meeting.slotId,
    slotIndex: v.slotIndex,
    startsAt: v.startsAt.toISOString(),
    tableId: v.meeting.tableId,
    tableName: v.tableName,
    interpreterId: v.meeting.interpreterId,
    interpreterName: v.interpreterName,
    status: v.meeting.status,
    stage: v.stage,
  };
}

/**
 * The instant a wall-clock time on a date has in a time zone (the fair's slots
 * are set in the event's zone). Computed from the zone's offset at that moment,
 * checked once more for a day whose offset changes.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const first = wall - offsetMs(new Date(wall), timeZone);
  const second = wall - offsetMs(new Date(first), timeZone);
  return new Date(second);
}

function offsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}
