import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Clause, PersonActor } from '@plenary/contracts';
import { and, eq, inArray, schema } from '@plenary/db';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../../testing/harness';
import { signInPerson } from '../../../testing/persons';
import { findFile, readFileBytes } from '../../files/files.service';
import { insertMember } from '../../team/team.repo';
import { sealCompletedEnvelopes, sealEnvelope } from './sealing';

let h: TestHarness;
let owner: Actor;
let staff: Actor;
let eventId: string;
let kicox: string;
let eda: string;
let ceo: PersonActor;
let secretary: PersonActor;
let witness: PersonActor;
let stranger: PersonActor;

const clauses: Clause[] = [
  {
    key: 'purpose',
    heading: { ko: '제1조 (목적)', en: 'Article 1 (Purpose)' },
    body: { ko: '양 기관은 산업단지 클러스터 분야에서 협력한다.', en: 'The Parties shall cooperate on industrial clusters.' },
  },
];

/** A real PNG of w x h (grey, one IDAT), as a signature pad would produce. */
function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const raw = Buffer.alloc((w + 1) * h, 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const dataUrl = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;

const recipient = (organisationId: string, email: string, givenName: string, role: 'signer' | 'witness' | 'cc', step: number, title: string) => ({
  organisationId,
  role,
  email,
  givenName,
  familyName: 'Test',
  title: { en: title },
  step,
});

beforeAll(async () => {
  h = await createHarness();
  owner = await h.signUp('owner@kicox.example', { platformAdmin: true });
  staff = await h.signUp('staff@kicox.example');
  eventId = (await h.caller(owner).events.create(tciEvent)).id;
  await h.caller(owner).events.transition({ eventId, to: 'publish' });
  await insertMember(h.runtime.db, { eventId, userId: staff.userId, role: 'staff' });
  const org = (en: string, ko: string, country: string) =>
    h.caller(owner).organisations.create({ name: { en, ko }, country, type: 'public_corporation', website: null });
  kicox = (await org('Korea Industrial Complex Corporation (KICOX)', '한국산업단지공단', 'KR')).id;
  eda = (await org('U.S. Economic Development Administration', '미국 경제개발청', 'US')).id;
  ceo = (await signInPerson(h, 'ceo@kicox.example')).person;
  secretary = (await signInPerson(h, 'as@eda.example')).person;
  witness = (await signInPerson(h, 'witness@kicox.example')).person;
  stranger = (await signInPerson(h, 'someone@else.example')).person;
});
afterAll(() => h.close());

/** An approved MOU with one version, sent for signing; answers the envelope. */
async function sendMou(order: 'sequential' | 'parallel', extra: ReturnType<typeof recipient>[] = []) {
  const api = h.caller(staff);
  const mou = await api.agreements.create({ eventId, kind: 'mou', title: { ko: '협력 양해각서', en: 'MOU on Cooperation' } });
  await api.agreements.setParties({ eventId, agreementId: mou.id, parties: [{ organisationId: kicox }, { organisationId: eda }] });
  const v = await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses });
  await h.caller(owner).agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
  const envelope = await api.agreementSigning.send({
    eventId,
    agreementId: mou.id,
    versionNumber: v.number,
    versionSha256: v.sha256,
    order,
    recipients: [
      recipient(kicox, 'ceo@kicox.example', 'Hyung-pyo', 'signer', 1, 'Chairman & CEO'),
      recipient(eda, 'as@eda.example', 'Jay', 'signer', 2, 'Assistant Secretary'),
      ...extra,
    ],
  });
  return { mou, v, envelope };
}

const portal = (person: PersonActor, request: { ip?: string; userAgent?: string } = {}) => h.caller(null, request, { person });

async function mailsTo(email: string) {
  return h.runtime.db
    .select({ subject: schema.mailOutbox.subject, text: schema.mailOutbox.textBody })
    .from(schema.mailOutbox)
    .where(and(eq(schema.mailOutbox.toAddress, email), eq(schema.mailOutbox.subject, 'Please sign: MOU on Cooperation')));
}

async function signaturesOf(envelopeId: string) {
  const recipients = await h.runtime.db
    .select({ id: schema.signingRecipients.id })
    .from(schema.signingRecipients)
    .where(eq(schema.signingRecipients.envelopeId, envelopeId));
  return h.runtime.db
    .select()
    .from(schema.signingSignatures)
    .where(inArray(schema.signingSignatures.recipientId, recipients.map((r) => r.id)));
}

describe('sequential signing', () => {
  it('mails each signer in turn, refuses the second before the first, and completes the agreement once', async () => {
    const before = (await mailsTo('as@eda.example')).length;
    const { mou, v, envelope } = await sendMou('sequential');
    expect(envelope.status).toBe('out');
    expect(envelope.versionSha256).toBe(v.sha256);
    expect(envelope.recipients.map((r) => [r.role, r.step, r.status])).toEqual([
      ['signer', 1, 'pending'],
      ['signer', 2, 'pending'],
    ]);
    expect((await h.caller(staff).agreements.get({ eventId, agreementId: mou.id })).status).toBe('out_for_signature');
    // Only the first signer is asked yet.
    expect((await mailsTo('as@eda.example')).length).toBe(before);
    const asked = await mailsTo('ceo@kicox.example');
    expect(asked.at(-1)!.text).toContain(`/sign/${envelope.id}`);
    expect(asked.at(-1)!.text).toContain(v.sha256);

    const early = await errorOf(portal(secretary).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Jay Williams' } }));
    expect(early.code).toBe('CONFLICT');
    expect(early.message).toBe('The signatories before you have not all signed yet: you will get a mail when it is your turn');

    const view = await portal(ceo).portalSigning.request({ envelopeId: envelope.id });
    expect(view.me.myTurn).toBe(true);
    expect(view.sha256).toBe(v.sha256);
    expect(view.clauses).toEqual(clauses);
    expect(view.recipients.map((r) => r.name)).toEqual(['Hyung-pyo Test', 'Jay Test']);

    const first = await portal(ceo, { ip: '198.51.100.4', userAgent: 'Mobile Safari' }).portalSigning.sign({
      envelopeId: envelope.id,
      sha256: v.sha256,
      signature: { kind: 'drawn', dataUrl: dataUrl(png(600, 200)) },
    });
    expect(first).toEqual({ status: 'signed', envelopeStatus: 'out' });
    expect((await mailsTo('as@eda.example')).length).toBe(before + 1);

    const again = await errorOf(portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Kang' } }));
    expect(again.message).toBe('You have already acted on this request (signed)');

    const last = await portal(secretary).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Jay Williams' } });
    expect(last).toEqual({ status: 'signed', envelopeStatus: 'completed' });

    const signed = await h.caller(staff).agreements.get({ eventId, agreementId: mou.id });
    expect(signed.status).toBe('signed');
    const progress = (await h.caller(staff).agreementSigning.envelope({ eventId, agreementId: mou.id }))!;
    expect(progress.status).toBe('completed');
    expect(progress.trail.map((t) => [t.action, t.actorName])).toEqual([
      ['sent', 'staff'],
      ['signed', 'Hyung-pyo Test'],
      ['signed', 'Jay Test'],
      ['completed', 'Jay Test'],
    ]);
    expect(progress.trail[1]).toMatchObject({ ip: '198.51.100.4', userAgent: 'Mobile Safari', sha256: v.sha256, detail: 'drawn' });
    const events = await h.runtime.db
      .select({ type: schema.domainEvents.type })
      .from(schema.domainEvents)
      .where(eq(schema.domainEvents.subjectId, mou.id));
    expect(events.map((e) => e.type).sort()).toEqual(['agreement.signature_recorded', 'agreement.signature_recorded', 'agreement.signed']);
    const stored = await signaturesOf(envelope.id);
    expect(stored.length).toBe(2);
    expect(stored.every((s) => s.sha256 === v.sha256)).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a stale version at send, a hash other than the frozen one, a stranger, a CC, and a fake PNG', async () => {
    const api = h.caller(staff);
    const { mou, v, envelope } = await sendMou('parallel', [recipient(kicox, 'witness@kicox.example', 'Min', 'cc', 1, 'Director')]);
    const twice = await errorOf(
      api.agreementSigning.send({ eventId, agreementId: mou.id, versionNumber: 1, versionSha256: v.sha256, order: 'parallel', recipients: [recipient(kicox, 'ceo@kicox.example', 'A', 'signer', 1, 'CEO')] }),
    );
    expect(twice.message).toBe('This agreement is already out for signature: cancel that envelope first');

    const mismatch = await errorOf(portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: 'a'.repeat(64), signature: { kind: 'typed', name: 'Kang' } }));
    expect(mismatch.code).toBe('CONFLICT');
    expect(mismatch.message).toBe('The text you reviewed is not the one out for signature: reload it and review the current text');

    for (const call of [
      portal(stranger).portalSigning.request({ envelopeId: envelope.id }),
      portal(stranger).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'X' } }),
      portal(stranger).portalSigning.decline({ envelopeId: envelope.id, reason: 'no' }),
    ]) {
      const e = await errorOf(call);
      expect(e.code).toBe('NOT_FOUND');
    }
    const cc = await errorOf(portal(witness).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Min' } }));
    expect(cc.message).toBe('A copy recipient does not sign');

    const fake = Buffer.concat([Buffer.from('GIF89a'), png(10, 10).subarray(6)]);
    const huge = png(5000, 10);
    for (const bad of [dataUrl(fake), dataUrl(huge), 'data:image/png;base64,not base64!']) {
      const e = await errorOf(portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'drawn', dataUrl: bad } }));
      expect(e.code).toBe('BAD_REQUEST');
    }
    expect((await signaturesOf(envelope.id)).length).toBe(0);
  });

  it('refuses to send a version other than the latest', async () => {
    const api = h.caller(staff);
    const mou = await api.agreements.create({ eventId, kind: 'mou', title: { en: 'MOU two' } });
    await api.agreements.setParties({ eventId, agreementId: mou.id, parties: [{ organisationId: kicox }, { organisationId: eda }] });
    const v1 = await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: null, clauses });
    await api.agreements.saveText({ eventId, agreementId: mou.id, baseVersion: 1, clauses: [{ ...clauses[0]!, body: { en: 'Changed.' } }] });
    await h.caller(owner).agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
    const stale = await errorOf(
      api.agreementSigning.send({
        eventId,
        agreementId: mou.id,
        versionNumber: 1,
        versionSha256: v1.sha256,
        order: 'parallel',
        recipients: [recipient(kicox, 'ceo@kicox.example', 'A', 'signer', 1, 'CEO'), recipient(eda, 'as@eda.example', 'B', 'signer', 1, 'AS')],
      }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe('The text changed meanwhile (the latest is version 2): review it and send again');
  });

  it('stops the envelope on a decline with a reason, and reopens the text', async () => {
    const { mou, v, envelope } = await sendMou('parallel');
    const declined = await portal(secretary).portalSigning.decline({ envelopeId: envelope.id, reason: 'Article 1 needs our legal review' });
    expect(declined).toEqual({ status: 'declined', envelopeStatus: 'declined' });
    const closed = await errorOf(portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Kang' } }));
    expect(closed.message).toBe('This signing is closed (declined): nothing more can be signed');
    expect((await h.caller(staff).agreements.get({ eventId, agreementId: mou.id })).status).toBe('negotiation');
    const progress = (await h.caller(staff).agreementSigning.envelope({ eventId, agreementId: mou.id }))!;
    expect(progress.declinedReason).toBe('Article 1 needs our legal review');
    expect(progress.trail.at(-1)).toMatchObject({ action: 'declined', detail: 'Article 1 needs our legal review' });
  });
});

describe('concurrency', () => {
  it('counts one signatory signing twice at once exactly once', async () => {
    const { v, envelope } = await sendMou('parallel');
    const sign = () => portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Kang' } });
    const results = await Promise.allSettled([sign(), sign(), sign()]);
    expect(results.filter((r) => r.status === 'fulfilled').length).toBe(1);
    expect((await signaturesOf(envelope.id)).length).toBe(1);
  });

  it('control: two different signatories racing both count (the race is let through), and exactly one of them completes the agreement', async () => {
    const { mou, v, envelope } = await sendMou('parallel');
    const results = await Promise.all([
      portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Kang' } }),
      portal(secretary).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Williams' } }),
    ]);
    expect(results.map((r) => r.envelopeStatus).sort()).toEqual(['completed', 'out']);
    expect((await signaturesOf(envelope.id)).length).toBe(2);
    const signedEvents = await h.runtime.db
      .select({ id: schema.domainEvents.id })
      .from(schema.domainEvents)
      .where(and(eq(schema.domainEvents.subjectId, mou.id), eq(schema.domainEvents.type, 'agreement.signed')));
    expect(signedEvents.length).toBe(1);
  });

  it('the database itself refuses a second signature row for one signatory', async () => {
    const { envelope } = await sendMou('parallel');
    const [r] = await h.runtime.db
      .select({ id: schema.signingRecipients.id })
      .from(schema.signingRecipients)
      .where(eq(schema.signingRecipients.envelopeId, envelope.id));
    const row = { recipientId: r!.id, kind: 'typed' as const, typedName: 'X', sha256: envelope.versionSha256, signedAt: new Date() };
    await h.runtime.db.insert(schema.signingSignatures).values(row);
    await expect(h.runtime.db.insert(schema.signingSignatures).values(row)).rejects.toThrow();
  });
});

describe('sealed PDF and verification', () => {
  it('seals a completed envelope once, stores it with its hash, and verifies the file (one changed byte fails) and the code', async () => {
    const { mou, v, envelope } = await sendMou('parallel');
    const anon = h.caller(null);
    // What the earlier tests completed is sealed first; an envelope still out is not sealed.
    await sealCompletedEnvelopes(h.runtime);
    expect(await sealEnvelope(h.runtime, envelope.id)).toBeNull();
    await portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'drawn', dataUrl: dataUrl(png(300, 100)) } });
    await portal(secretary).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Jay Williams' } });

    expect(await sealCompletedEnvelopes(h.runtime)).toBe(1);
    expect(await sealCompletedEnvelopes(h.runtime)).toBe(0);
    const [row] = await h.runtime.db.select().from(schema.signingEnvelopes).where(eq(schema.signingEnvelopes.id, envelope.id));
    const file = (await findFile(h.runtime.db, row!.sealedFileId!))!;
    expect(file).toMatchObject({ ownerKind: 'signingEnvelope', ownerId: envelope.id, contentType: 'application/pdf' });
    const bytes = (await readFileBytes(h.runtime.db, file))!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(row!.sealedSha256);
    const doc = await PDFDocument.load(bytes);
    // Texts, signatures, audit trail.
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getKeywords()).toContain(row!.documentCode);
    expect(doc.getKeywords()).toContain(v.sha256);

    const verified = await anon.portalSigning.verify({ pdfBase64: bytes.toString('base64') });
    expect(verified.result).toBe('sealed');
    expect(verified.document).toMatchObject({ code: row!.documentCode, sha256: row!.sealedSha256, versionNumber: 1, versionSha256: v.sha256, title: { en: 'MOU on Cooperation' } });
    expect(verified.document!.signatories.map((s) => [s.role, s.name, s.organisation.en])).toEqual([
      ['signer', 'Hyung-pyo Test', 'Korea Industrial Complex Corporation (KICOX)'],
      ['signer', 'Jay Test', 'U.S. Economic Development Administration'],
    ]);

    const changed = Buffer.from(bytes);
    changed[Math.floor(changed.length / 2)]! ^= 0x01;
    expect(await anon.portalSigning.verify({ pdfBase64: changed.toString('base64') })).toEqual({ result: 'unknown', document: null });

    const byCode = await anon.portalSigning.verify({ code: row!.documentCode.toLowerCase() });
    expect(byCode.result).toBe('registered');
    expect(byCode.document!.sha256).toBe(row!.sealedSha256);
    expect(await anon.portalSigning.verify({ code: 'PLN-0000-0000-0000' })).toEqual({ result: 'unknown', document: null });
    const neither = await errorOf(anon.portalSigning.verify({}));
    expect(neither.code).toBe('BAD_REQUEST');
    expect((await h.caller(staff).agreementSigning.envelope({ eventId, agreementId: mou.id }))!.trail.at(-1)).toMatchObject({
      action: 'sealed',
      detail: `PDF SHA-256 ${row!.sealedSha256}`,
    });
  });
});

describe('leaving signature by hand', () => {
  it('withdraws the open envelope when staff reopen the text, so its link stops working and the next send goes out', async () => {
    const { mou, v, envelope } = await sendMou('parallel');
    await h.caller(owner).agreements.transition({ eventId, agreementId: mou.id, to: 'negotiate' });
    const stale = await errorOf(portal(ceo).portalSigning.sign({ envelopeId: envelope.id, sha256: v.sha256, signature: { kind: 'typed', name: 'Kang' } }));
    expect(stale.message).toBe('This signing is closed (cancelled): nothing more can be signed');
    await h.caller(owner).agreements.transition({ eventId, agreementId: mou.id, to: 'approve' });
    const again = await h.caller(staff).agreementSigning.send({
      eventId,
      agreementId: mou.id,
      versionNumber: v.number,
      versionSha256: v.sha256,
      order: 'parallel',
      recipients: [recipient(kicox, 'ceo@kicox.example', 'Hyung-pyo', 'signer', 1, 'CEO'), recipient(eda, 'as@eda.example', 'Jay', 'signer', 1, 'AS')],
    });
    expect(again.status).toBe('out');
    expect(again.id).not.toBe(envelope.id);
  });
});
