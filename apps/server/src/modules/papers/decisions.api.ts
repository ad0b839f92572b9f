import { DomainError, type DecisionServices } from '@plenary/contracts';
import { and, asc, eq, inArray, schema } from '@plenary/db';
import type { Runtime } from '../../core/runtime';
import * as repo from './decisions.repo';

const { paperDecisions, submissions, submissionAuthors, cfpTracks, cfpSubmissionTypes } = schema;

/**
 * The partner API's programme: accepted papers of the key's event, read only
 * from released decisions (a pending acceptance is not there), with the byline
 * in order but no author's email.
 */
export function createProgrammeApi(runtime: Runtime): Pick<DecisionServices, 'programmeApi'> {
  return {
    programmeApi: {
      async acceptedPapers(caller) {
        if (!caller.eventId) throw new DomainError('NOT_FOUND', { key: 'eventNotFound' });
        const eventId = caller.eventId;
        const kinds = await repo.kindsOf(runtime.db, eventId);
        const accepted = kinds.filter((k) => k.accepted);
        if (!accepted.length) return [];
        const papers = await runtime.db
          .select({
            id: submissions.id,
            title: submissions.title,
            abstract: submissions.abstract,
            kind: paperDecisions.kind,
            trackCode: cfpTracks.code,
            trackName: cfpTracks.name,
            typeKind: cfpSubmissionTypes.kind,
            typeName: cfpSubmissionTypes.name,
          })
          .from(paperDecisions)
          .innerJoin(submissions, eq(submissions.id, paperDecisions.submissionId))
          .leftJoin(cfpTracks, eq(cfpTracks.id, submissions.trackId))
          .leftJoin(cfpSubmissionTypes, eq(cfpSubmissionTypes.id, submissions.typeId))
          .where(
            and(
              eq(paperDecisions.eventId, eventId),
              eq(paperDecisions.state, 'released'),
              eq(submissions.status, 'submitted'),
              inArray(
                paperDecisions.kind,
                accepted.map((k) => k.code),
              ),
            ),
          )
          .orderBy(asc(cfpTracks.position), asc(submissions.submittedAt), asc(submissions.id));
        if (!papers.length) return [];
        const authors = await runtime.db
          .select({
            submissionId: submissionAuthors.submissionId,
            position: submissionAuthors.position,
            givenName: submissionAuthors.givenName,
            familyName: submissionAuthors.familyName,
            affiliation: submissionAuthors.affiliation,
            country: submissionAuthors.country,
            presenting: submissionAuthors.presenting,
          })
          .from(submissionAuthors)
          .where(
            inArray(
              submissionAuthors.submissionId,
              papers.map((p) => p.id),
            ),
          )
          .orderBy(asc(submissionAuthors.submissionId), asc(submissionAuthors.position));
        const nameOf = new Map(kinds.map((k) => [k.code, k.name]));
        return papers.map((p) => ({
          id: p.id,
          title: p.title,
          abstract: p.abstract,
          track: p.trackCode && p.trackName ? { code: p.trackCode, name: p.trackName } : null,
          type: p.typeKind && p.typeName ? { kind: p.typeKind, name: p.typeName } : null,
          decision: { kind: p.kind, name: nameOf.get(p.kind) ?? {} },
          authors: authors.filter((a) => a.submissionId === p.id).map(({ submissionId: _s, ...a }) => a),
        }));
      },
    },
  };
}
