import { createHash } from 'node:crypto';
import type { VerifyDocumentOutput } from '@plenary/contracts';
import type { ScheduledJob } from '../../../core/schedule';
import { inTransaction, type Runtime } from '../../../core/runtime';
import { attachFiles, storeFile } from '../../files/files.service';
import { renderSealedPdf } from './sealed-pdf';
import * as repo from './signing.repo';

export const SEALED_PURPOSE = 'agreement.sealed';

/**
 * Produces the sealed PDF of a completed envelope, stores it through the file
 * service and records its SHA-256, once: the claim is a conditional update, so a
 * second sealer (two job runs, two processes) leaves its copy unclaimed and the
 * orphan job removes it. Answers the SHA-256 recorded, or null when there was
 * nothing to seal.
 */
export async function sealEnvelope(runtime: Runtime, envelopeId: string): Promise<string | null> {
  const envelope = await repo.findEnvelope(runtime.db, envelopeId);
  if (!envelope || envelope.status !== 'completed' || envelope.sealedFileId) return null;
  const agreement = (await repo.agreementById(runtime.db, envelope.agreementId))!;
  const version = (await repo.versionById(runtime.db, envelope.versionId))!;
  const signatures = await repo.signaturesFor(runtime.db, envelope.id);
  const trail = await repo.trailOf(runtime.db, envelope.id);
  const pdf = await renderSealedPdf({
    title: agreement.title,
    documentCode: envelope.documentCode,
    versionNumber: version.number,
    versionSha256: envelope.versionSha256,
    clauses: version.clauses,
    signatures: signatures.map((s) => ({
      ...s,
      png: s.pngBase64 ? Buffer.from(s.pngBase64, 'base64') : null,
    })),
    trail,
    completedAt: envelope.completedAt ?? runtime.now(),
  });
  const stored = await storeFile(runtime, {
    eventId: agreement.eventId,
    purpose: SEALED_PURPOSE,
    filename: `${envelope.documentCode}.pdf`,
    data: pdf,
    accepted: ['application/pdf'],
    field: 'file',
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  return inTransaction(runtime, async (uow) => {
    const now = runtime.now();
    if (!(await repo.claimSeal(uow.tx, envelope.id, { fileId: stored.fileId, sha256, at: now }))) return null;
    await attachFiles(
      uow.tx,
      now,
      { eventId: agreement.eventId, purpose: SEALED_PURPOSE, ownerKind: 'signingEnvelope', ownerId: envelope.id },
      [stored.fileId],
    );
    await repo.insertTrail(uow.tx, {
      envelopeId: envelope.id,
      action: 'sealed',
      actorName: 'Plenary',
      ip: null,
      userAgent: null,
      sha256: envelope.versionSha256,
      detail: `PDF SHA-256 ${sha256}`,
      at: now,
    });
    return sha256;
  });
}

export async function sealCompletedEnvelopes(runtime: Runtime): Promise<number> {
  let sealed = 0;
  for (const { id } of await repo.unsealedEnvelopes(runtime.db)) if (await sealEnvelope(runtime, id)) sealed++;
  return sealed;
}

export const signingJobs: ScheduledJob[] = [
  {
    name: 'agreements.sealSigned',
    // A minute: the signatories wait for their copy, and the PDF takes about a second.
    everySeconds: 60,
    run: async (runtime) => `${await sealCompletedEnvelopes(runtime)} agreements sealed`,
  },
];

/**
 * Whether a file (by its SHA-256, so one changed byte fails) or a document code is
 * a sealed agreement, and what it says of it: the title, the version signed, who
 * signed for whom and when.
 */
export async function verifyDocument(
  runtime: Runtime,
  input: { code?: string | undefined; pdfBase64?: string | undefined },
): Promise<VerifyDocumentOutput> {
  const envelope = input.pdfBase64
    ? await repo.envelopeBySealedSha(
        runtime.db,
        createHash('sha256').update(Buffer.from(input.pdfBase64, 'base64')).digest('hex'),
      )
    : await repo.envelopeByCode(runtime.db, input.code ?? '');
  if (!envelope?.sealedSha256 || !envelope.sealedAt) return { result: 'unknown', document: null };
  const agreement = (await repo.agreementById(runtime.db, envelope.agreementId))!;
  const version = (await repo.versionById(runtime.db, envelope.versionId))!;
  const signatures = await repo.signaturesFor(runtime.db, envelope.id);
  return {
    result: input.pdfBase64 ? 'sealed' : 'registered',
    document: {
      code: envelope.documentCode,
      sha256: envelope.sealedSha256,
      sealedAt: envelope.sealedAt.toISOString(),
      title: agreement.title,
      versionNumber: version.number,
      versionSha256: envelope.versionSha256,
      signatories: signatures.map((s) => ({
        role: s.role,
        name: s.name,
        title: s.title,
        organisation: s.organisation,
        signedAt: s.signedAt.toISOString(),
      })),
    },
  };
}
