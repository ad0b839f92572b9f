/**
 * Wall-clock times in an event's zone, as staff type deadlines ("2015-10-15T23:59"
 * in Asia/Seoul), and back. Intl gives the zone's offset at an instant; the
 * instant of a wall-clock time is found by correcting a first guess by the
 * offset twice (enough across a daylight-saving change; a time skipped by the
 * change resolves to the instant after it).
 */
function offsetMinutes(at: Date, timeZone: string): number {
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
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time (YYYY-MM-DDTHH:mm) in the zone. */
export function wallClockToInstant(local: string, timeZone: string): Date {
  const [date, time] = local.split('T');
  const [y, m, d] = (date ?? '').split('-').map(Number);
  const [hh, mm] = (time ?? '').split(':').map(Number);
  const naive = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  let guess = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}

/** The wall-clock time (YYYY-MM-DDTHH:mm) of an instant in the zone. */
export function instantToWallClock(at: Date, timeZone: string): string {
  const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}
