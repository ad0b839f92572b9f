import { createHash } from 'node:crypto';
import { DomainError, type Caller, type EventCaller, type PaperServices } from '@plenary/contracts';
import { eq, schema, type Executor } from '@plenary/db';
import { inTransaction, type Runtime } from '../../core/runtime';
import { recordAudit } from '../audit/audit.service';
import * as repo from './cfp.repo';
import { windowDto } from './call-window';
import { wallClockToInstant } from './zoned-time';
import { listSubmissions, submissionDetail } from './submission-queries';

const trackDto = (r: repo.TrackRow) => ({ id: r.id, code: r.code, name: r.name, position: r.position });
const typeDto = (r: repo.TypeRow) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  pageLimit: r.pageLimit,
  abstractWordLimit: r.abstractWordLimit,
  fileRequired: r.fileRequired,
  maxMegabytes: r.maxMegabytes,
  position: r.position,
});
const consentDto = (r: repo.ConsentRow, current: boolean) => ({
  kind: r.kind as 'publication' | 'presentation',
  version: r.version,
  text: r.text,
  required: r.required,
  current,
  createdAt: r.createdAt.toISOString(),
});

async function setupOf(db: Executor, eventId: string, now: Date) {
  const call = await repo.findCall(db, eventId);
  if (!call) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
  const [tracks, types, consents] = [
    await repo.listTracks(db, eventId),
    await repo.listTypes(db, eventId),
    await repo.listConsents(db, eventId),
  ];
  const current = new Set(repo.currentConsents(consents).map((c) => c.id));
  return {
    call,
    window: windowDto(call, now),
    blindMode: call.blindMode,
    tracks: tracks.map(trackDto),
    types: types.map(typeDto),
    consents: consents.map((c) => consentDto(c, current.has(c.id))),
  };
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Staff set the call up and read the submissions; the public reads an open call. */
export function createCfpServices(runtime: Runtime): Pick<PaperServices, 'papers' | 'cfp'> {
  const audit = (caller: EventCaller, action: string, objectId: string, after: Record<string, unknown>) =>
    ({ eventId: caller.eventId, action, objectType: 'cfp', objectId, after }) as const;
  return {
    papers: {
      async setup(caller) {
        const { call: _call, ...dto } = await setupOf(runtime.db, caller.eventId, runtime.now());
        return dto;
      },
      async saveSettings(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const call = await repo.findCall(tx, caller.eventId);
          if (!call) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
          const opensAt = input.opensAt ? wallClockToInstant(input.opensAt, call.timeZone) : null;
          const deadline = input.deadline ? wallClockToInstant(input.deadline, call.timeZone) : null;
          if (opensAt && deadline && deadline <= opensAt)
            throw new DomainError(
              'INVALID_INPUT',
              { key: 'cfpDeadlineBeforeOpening' },
              {
                deadline: ['The deadline must come after the opening'],
              },
            );
          const now = runtime.now();
          await repo.upsertSettings(tx, {
            eventId: caller.eventId,
            opensAt,
            deadline,
            graceMinutes: input.graceMinutes,
            blindMode: input.blindMode,
            updatedAt: now,
          });
          await recordAudit(
            tx,
            caller,
            audit(caller, 'cfp.settings', caller.eventId, {
              opensAt: opensAt?.toISOString() ?? null,
              deadline: deadline?.toISOString() ?? null,
              graceMinutes: input.graceMinutes,
              blindMode: input.blindMode,
            }),
          );
          const { call: _c, ...dto } = await setupOf(tx, caller.eventId, now);
          return dto;
        });
      },
      async saveTrack(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const row = await repo.saveTrack(tx, {
            ...(input.trackId ? { id: input.trackId } : {}),
            eventId: caller.eventId,
            code: input.code,
            name: input.name,
            position: input.position,
          });
          if (!row)
            throw new DomainError(
              'NOT_FOUND',
              { key: 'submissionTrackUnknown' },
              { trackId: ['No such track'] },
            );
          await recordAudit(
            tx,
            caller,
            audit(caller, 'cfp.track', row.id, { code: row.code, name: row.name }),
          );
          return trackDto(row);
        });
      },
      async saveType(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const { eventId: _e, ...rules } = input;
          const row = await repo.saveType(tx, { eventId: caller.eventId, ...rules });
          await recordAudit(tx, caller, audit(caller, 'cfp.type', row.id, { ...rules }));
          return typeDto(row);
        });
      },
      async publishConsent(caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const row = await repo.insertConsentVersion(tx, {
            eventId: caller.eventId,
            kind: input.kind,
            text: input.text,
            required: input.required,
            createdAt: runtime.now(),
          });
          await recordAudit(
            tx,
            caller,
            audit(caller, 'cfp.consent', row.id, { kind: row.kind, version: row.version }),
          );
          return consentDto(row, true);
        });
      },
      list: (caller, input) => listSubmissions(runtime.db, caller.eventId, input),
      async get(caller, input) {
        const detail = await submissionDetail(runtime.db, input.submissionId, { eventId: caller.eventId });
        if (!detail) throw new DomainError('NOT_FOUND', { key: 'submissionNotFound' });
        return { ...detail, editable: false };
      },
    },
    cfp: {
      async openCall(_caller: Caller, input) {
        const eventId = await repo.findEventIdBySlug(runtime.db, input.slug);
        if (!eventId) return null;
        const { call, window, tracks, types, consents } = await setupOf(runtime.db, eventId, runtime.now());
        // Only a published event's configured call is public, and only while it takes submissions.
        if (call.status !== 'published' || !window.open) return null;
        return { eventId, window, tracks, types, consents: consents.filter((c) => c.current) };
      },
      async confirmAuthorship(_caller, input) {
        return inTransaction(runtime, async ({ tx }) => {
          const [row] = await tx
            .update(schema.submissionAuthors)
            .set({ confirmedAt: runtime.now(), confirmTokenHash: null })
            .where(eq(schema.submissionAuthors.confirmTokenHash, tokenHash(input.token)))
            .returning({ submissionId: schema.submissionAuthors.submissionId });
          if (!row) throw new DomainError('TOKEN_INVALID', { key: 'linkInvalid' });
          const [sub] = await tx
            .select({ title: schema.submissions.title })
            .from(schema.submissions)
            .where(eq(schema.submissions.id, row.submissionId));
          return { title: sub?.title ?? {} };
        });
      },
    },
  };
}
