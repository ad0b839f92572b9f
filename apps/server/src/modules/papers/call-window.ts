import { DomainError } from '@plenary/contracts';
import type { CallRow } from './cfp.repo';
import { instantToWallClock } from './zoned-time';

/** Past the deadline by this much, a change is still taken (a slow upload at 23:59). */
export function closesAt(call: Pick<CallRow, 'deadline' | 'graceMinutes'>): Date | null {
  return call.deadline ? new Date(call.deadline.getTime() + call.graceMinutes * 60_000) : null;
}

export function isOpen(call: CallRow, now: Date): boolean {
  if (!call.configured || call.status !== 'published' || !call.opensAt || !call.deadline) return false;
  return call.opensAt <= now && now <= closesAt(call)!;
}

export function windowDto(call: CallRow, now: Date) {
  const zone = call.timeZone;
  return {
    timeZone: zone,
    opensAt: call.opensAt?.toISOString() ?? null,
    deadline: call.deadline?.toISOString() ?? null,
    opensAtLocal: call.opensAt ? instantToWallClock(call.opensAt, zone) : null,
    deadlineLocal: call.deadline ? instantToWallClock(call.deadline, zone) : null,
    graceMinutes: call.graceMinutes,
    open: isOpen(call, now),
  };
}

/**
 * The one rule for authors' changes (create, edit, upload, submit, withdraw):
 * the server's clock against the window, the message naming the time in the
 * event's zone. Called inside the change's transaction, after the settings row
 * is read there, so a deadline moved meanwhile is seen.
 */
export function assertOpen(call: CallRow | null, now: Date): asserts call is CallRow {
  if (!call || !call.configured || call.status !== 'published' || !call.opensAt || !call.deadline)
    throw new DomainError('NOT_FOUND', { key: 'cfpNotSetUp' });
  const show = (d: Date) => instantToWallClock(d, call.timeZone).replace('T', ' ');
  if (now < call.opensAt)
    throw new DomainError('INVALID_STATE', {
      key: 'cfpNotOpen',
      params: { opens: show(call.opensAt), zone: call.timeZone },
    });
  if (now > closesAt(call)!)
    throw new DomainError('INVALID_STATE', {
      key: 'cfpDeadlinePassed',
      params: { deadline: show(call.deadline), zone: call.timeZone },
    });
}
