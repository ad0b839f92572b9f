import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { schema, sql } from '@plenary/db';
import { testEngine } from '@plenary/db/testing';
import { inTransaction } from '../../core/runtime';
import { createHarness, type TestHarness } from '../../testing/harness';
import { dispatchDomainEvents } from './dispatcher';
import { DOMAIN_EVENT_QUEUE, recordDomainEvents, type NewDomainEvent } from './record';
import { DomainEventRegistry, type DomainEvent } from './registry';

const harnesses: TestHarness[] = [];
afterAll(async () => {
  for (const h of harnesses.reverse()) await h.close();
});

async function harness(options: Parameters<typeof createHarness>[0] = {}) {
  const h = await createHarness(options);
  harnesses.push(h);
  return h;
}

/** A registration event about `subject`, with a reference that says which one it is. */
function event(subject: string, reference: string, extra: Record<string, unknown> = {}): NewDomainEvent {
  return {
    type: 'registration.confirmed',
    eventId: null,
    subject: { kind: 'registration', id: subject },
    data: {
      partnerId: null,
      registration: {
        id: subject,
        eventId: randomUUID(),
        reference,
        status: 'confirmed',
        categoryId: randomUUID(),
        email: 'minji.park@kcn.example',
        givenName: 'Minji',
        familyName: 'Park',
        delegationId: null,
        ...extra,
      },
    },
  };
}

const referenceOf = (e: DomainEvent) =>
  (e.data as { registration: { reference: string } }).registration.reference;

/** A subscriber that notes the reference of each event it is handed, in order. */
function recorder(name: string, fail: (e: DomainEvent) => boolean = () => false) {
  const seen: string[] = [];
  return {
    seen,
    subscriber: {
      name,
      types: ['registration.confirmed'] as const,
      handle: async (_runtime: unknown, _uow: unknown, e: DomainEvent) => {
        if (fail(e)) throw new Error(`${name} cannot take ${referenceOf(e)} yet`);
        seen.push(referenceOf(e));
        return Promise.resolve();
      },
    },
  };
}

async function deliveryStates(h: TestHarness) {
  const rows = await h.runtime.db
    .select({
      reference: sql<string>`${schema.domainEvents.data}->'registration'->>'reference'`,
      subscriber: schema.domainEventDeliveries.subscriber,
      status: schema.domainEventDeliveries.status,
      attempts: schema.domainEventDeliveries.attempts,
      lastError: schema.domainEventDeliveries.lastError,
    })
    .from(schema.domainEventDeliveries)
    .innerJoin(
      schema.domainEvents,
      sql`${schema.domainEvents.id} = ${schema.domainEventDeliveries.domainEventId}`,
    )
    .orderBy(schema.domainEventDeliveries.domainEventId, schema.domainEventDeliveries.subscriber);
  return rows.map((r) => [r.reference, r.subscriber, r.status, r.attempts, r.lastError]);
}

describe('domain events', () => {
  it('are recorded if and only if the change commits, with only the data their contract declares', async () => {
    const h = await harness();
    const { subscriber, seen } = recorder('audit-trail');
    const registry = new DomainEventRegistry([subscriber]);
    await expect(
      inTransaction(h.runtime, async (uow) => {
        await recordDomainEvents(h.runtime, uow, [event(randomUUID(), 'ROLLED-BACK')], registry);
        throw new Error('the registration failed after recording its event');
      }),
    ).rejects.toThrow('the registration failed after recording its event');
    // Control: the same change committed is recorded, and handed over.
    await inTransaction(h.runtime, (uow) =>
      recordDomainEvents(
        h.runtime,
        uow,
        [event(randomUUID(), 'COMMITTED', { passportNumber: 'M12345678' })],
        registry,
      ),
    );
    const events = await h.runtime.db.select().from(schema.domainEvents);
    expect(events.map((e) => [e.type, e.subjectKind, referenceOf({ data: e.data } as DomainEvent)])).toEqual([
      ['registration.confirmed', 'registration', 'COMMITTED'],
    ]);
    expect(JSON.stringify(events[0]?.data)).not.toContain('M12345678');
    expect(await deliveryStates(h)).toEqual([['COMMITTED', 'audit-trail', 'pending', 0, null]]);
    expect(await dispatchDomainEvents(h.runtime, { registry })).toBe(1);
    expect(seen).toEqual(['COMMITTED']);
    expect(await deliveryStates(h)).toEqual([['COMMITTED', 'audit-trail', 'done', 1, null]]);
    // Processed once: a second dispatch has nothing to do.
    expect(await dispatchDomainEvents(h.runtime, { registry })).toBe(0);
    expect(seen).toEqual(['COMMITTED']);
  });

  it('queue one dispatch job for a rush of commits, not one each; a job held for later does not stand in for one wanted now', async () => {
    const h = await harness();
    const { subscriber } = recorder('audit-trail');
    const registry = new DomainEventRegistry([subscriber]);
    const waiting = async (queue: string) =>
      (
        await h.runtime.database.query<{ n: number; keys: string | null }>(
          `select count(*)::int as n, string_agg(coalesce(singleton_key, '-'), ',' order by singleton_key) as keys
             from pgboss.job where name = $1 and state = 'created'`,
          [queue],
        )
      ).rows[0];
    // No worker runs here, so whatever is sent waits.
    for (let i = 0; i < 10; i++) {
      await inTransaction(h.runtime, (uow) =>
        recordDomainEvents(h.runtime, uow, [event(randomUUID(), `R-${i}`)], registry),
      );
    }
    await h.runtime.jobs.send(DOMAIN_EVENT_QUEUE, {}, { coalesce: true, startAfterSeconds: 600 });
    const queued = await waiting(DOMAIN_EVENT_QUEUE);
    expect([queued?.n, /^at:\d+,now$/.test(queued?.keys ?? '')]).toEqual([2, true]);
    // Control: the same twenty sends to a queue that does not coalesce wait as twenty jobs.
    for (let i = 0; i < 20; i++) await h.runtime.jobs.send('domain-events.control', {});
    expect(await waiting('domain-events.control')).toEqual({ n: 20, keys: Array(20).fill('-').join(',') });
  });

  it('retries a failing subscriber while the others proceed, keeping each subject’s order, and gives up after the last attempt', async () => {
    const h = await harness();
    let failuresLeft = 1;
    const steady = recorder('steady');
    // Fails A-1 once (a later retry succeeds) and C-1 every time.
    const flaky = recorder('flaky', (e) => {
      if (referenceOf(e) === 'C-1') return true;
      if (referenceOf(e) === 'A-1' && failuresLeft > 0) return failuresLeft-- > 0;
      return false;
    });
    const registry = new DomainEventRegistry([steady.subscriber, flaky.subscriber]);
    const options = { registry, firstRetryMs: 60_000, maxAttempts: 2 };
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await inTransaction(h.runtime, (uow) =>
      recordDomainEvents(
        h.runtime,
        uow,
        [event(a, 'A-1'), event(a, 'A-2'), event(b, 'B-1'), event(c, 'C-1'), event(c, 'C-2')],
        registry,
      ),
    );
    await dispatchDomainEvents(h.runtime, options);
    expect(steady.seen).toEqual(['A-1', 'A-2', 'B-1', 'C-1', 'C-2']);
    // A-1 failed: A-2 waits for it, B-1 does not.
    expect(flaky.seen).toEqual(['B-1']);
    expect(await deliveryStates(h)).toEqual([
      ['A-1', 'flaky', 'pending', 1, 'flaky cannot take A-1 yet'],
      ['A-1', 'steady', 'done', 1, null],
      ['A-2', 'flaky', 'pending', 0, null],
      ['A-2', 'steady', 'done', 1, null],
      ['B-1', 'flaky', 'done', 1, null],
      ['B-1', 'steady', 'done', 1, null],
      ['C-1', 'flaky', 'pending', 1, 'flaky cannot take C-1 yet'],
      ['C-1', 'steady', 'done', 1, null],
      ['C-2', 'flaky', 'pending', 0, null],
      ['C-2', 'steady', 'done', 1, null],
    ]);
    // Not before the retry is due.
    expect(await dispatchDomainEvents(h.runtime, options)).toBe(0);
    h.advanceClock(61_000);
    await dispatchDomainEvents(h.runtime, options);
    // A-1 went through on its second attempt, then A-2; C-1 failed its last attempt, so C-2 went on.
    expect(flaky.seen).toEqual(['B-1', 'A-1', 'A-2', 'C-2']);
    expect(steady.seen).toEqual(['A-1', 'A-2', 'B-1', 'C-1', 'C-2']);
    expect((await deliveryStates(h)).filter((r) => r[1] === 'flaky')).toEqual([
      ['A-1', 'flaky', 'done', 2, null],
      ['A-2', 'flaky', 'done', 1, null],
      ['B-1', 'flaky', 'done', 1, null],
      ['C-1', 'flaky', 'failed', 2, 'flaky cannot take C-1 yet'],
      ['C-2', 'flaky', 'done', 1, null],
    ]);
  });

  it('rolls back what a failing subscriber wrote, and keeps what the others wrote', async () => {
    const h = await harness();
    const writes = (name: string, fail: boolean) => ({
      name,
      types: ['registration.confirmed'] as const,
      async handle(_runtime: unknown, uow: { tx: TestHarness['runtime']['db'] }) {
        await uow.tx.insert(schema.scheduledJobRuns).values({
          name: `written by ${name}`,
          periodStart: new Date(0),
          startedAt: new Date(0),
          outcome: 'ok',
        });
        if (fail) throw new Error('after writing');
      },
    });
    const registry = new DomainEventRegistry([writes('keeps', false), writes('fails', true)]);
    await inTransaction(h.runtime, (uow) =>
      recordDomainEvents(h.runtime, uow, [event(randomUUID(), 'W-1')], registry),
    );
    await dispatchDomainEvents(h.runtime, { registry });
    const rows = await h.runtime.db
      .select({ name: schema.scheduledJobRuns.name })
      .from(schema.scheduledJobRuns);
    expect(rows.map((r) => r.name)).toEqual(['written by keeps']);
  });

  it('shows the platform admin each event with every subscriber’s state, and nobody else', async () => {
    const h = await harness();
    const registry = new DomainEventRegistry([
      recorder('steady').subscriber,
      recorder('flaky', (e) => referenceOf(e) === 'L-2').subscriber,
    ]);
    const [a, b] = [randomUUID(), randomUUID()];
    await inTransaction(h.runtime, (uow) =>
      recordDomainEvents(h.runtime, uow, [event(a, 'L-1'), event(b, 'L-2')], registry),
    );
    await dispatchDomainEvents(h.runtime, { registry, firstRetryMs: 60_000 });
    const admin = await h.signUp('admin@plenary.test', { platformAdmin: true });
    const staff = await h.signUp('staff@plenary.test');
    const { total, events } = await h.caller(admin).domainEvents.list({});
    expect(total).toBe(2);
    expect(
      events.map((e) => [
        e.type,
        e.subjectKind,
        e.subjectId,
        e.subscribers.map((s) => [s.name, s.status, s.attempts, s.lastError, s.processedAt !== null]),
      ]),
    ).toEqual([
      [
        'registration.confirmed',
        'registration',
        b,
        [
          ['flaky', 'pending', 1, 'flaky cannot take L-2 yet', false],
          ['steady', 'done', 1, null, true],
        ],
      ],
      [
        'registration.confirmed',
        'registration',
        a,
        [
          ['flaky', 'done', 1, null, true],
          ['steady', 'done', 1, null, true],
        ],
      ],
    ]);
    const waiting = await h.caller(admin).domainEvents.list({ status: 'pending', limit: 10 });
    expect([waiting.total, waiting.events.map((e) => e.subjectId)]).toEqual([1, [b]]);
    await expect(h.caller(staff).domainEvents.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it.runIf(testEngine() === 'postgres')(
    'hands each event to each subscriber once, in order per subject, with two server processes dispatching; without the row lock it would not (control)',
    async () => {
      const a = await harness({ poolSize: 4 });
      const b = await harness({ poolSize: 4, sameDatabaseAs: a });
      const run = async (lock: boolean) => {
        const seen: Array<{ subject: string; id: number; by: 'a' | 'b' }> = [];
        const slow = {
          name: lock ? 'counted' : 'counted-unlocked',
          types: ['registration.confirmed'] as const,
          async handle(runtime: unknown, _uow: unknown, e: DomainEvent) {
            seen.push({ subject: e.subject.id, id: e.id, by: runtime === a.runtime ? 'a' : 'b' });
            await new Promise((r) => setTimeout(r, 2));
          },
        };
        const registry = new DomainEventRegistry([slow]);
        const subjects = Array.from({ length: 10 }, () => randomUUID());
        // Ten subjects, ten events each, recorded interleaved.
        await inTransaction(a.runtime, (uow) =>
          recordDomainEvents(
            a.runtime,
            uow,
            Array.from({ length: 100 }, (_, i) => event(subjects[i % 10]!, `E-${i}`)),
            registry,
          ),
        );
        await Promise.all([
          dispatchDomainEvents(a.runtime, { registry, lock }),
          dispatchDomainEvents(b.runtime, { registry, lock }),
        ]);
        return seen;
      };
      const seen = await run(true);
      const ids = seen.map((s) => s.id);
      const byA = seen.filter((s) => s.by === 'a').length;
      console.info(`two dispatchers: ${ids.length} hand-overs of ${new Set(ids).size} events, ${byA} by one`);
      // Both took part.
      expect([byA > 0, byA < 100]).toEqual([true, true]);
      expect(ids.length).toBe(100);
      expect(new Set(ids).size).toBe(100);
      const bySubject = new Map<string, number[]>();
      for (const s of seen) bySubject.set(s.subject, [...(bySubject.get(s.subject) ?? []), s.id]);
      for (const order of bySubject.values()) expect(order).toEqual([...order].sort((x, y) => x - y));

      const control = (await run(false)).map((s) => s.id);
      console.info(
        `control without the lock: ${control.length} hand-overs of ${new Set(control).size} events`,
      );
      expect(control.length).toBeGreaterThan(new Set(control).size);
    },
    120_000,
  );
});
