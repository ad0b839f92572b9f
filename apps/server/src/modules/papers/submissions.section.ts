import { inArray, schema, sql, type Executor } from '@plenary/db';
import { selectRows } from '../../core/sql';
import type { ConferenceSectionProvider } from '../accounts/conference-sections';
import { submissionIdsOf } from './submission-queries';

const { submissions } = schema;

/** My conference: the submissions the person made or co-authors at the event. */
export const submissionsSection: ConferenceSectionProvider<'submissions'> = {
  kind: 'submissions',
  async section(db: Executor, personId, eventId) {
    const ids = await submissionIdsOf(db, personId, eventId);
    if (!ids.length) return null;
    const rows = await db
      .select({
        id: submissions.id,
        title: submissions.title,
        status: submissions.status,
        submitter: submissions.submitterPersonId,
      })
      .from(submissions)
      .where(inArray(submissions.id, ids))
      .orderBy(submissions.createdAt);
    return {
      kind: 'submissions',
      submissions: rows.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        mine: r.submitter === personId,
      })),
    };
  },
  async eventIds(db, personId) {
    const rows = await selectRows<{ event_id: string }>(
      db,
      sql`select distinct s.event_id from submissions s where s.submitter_person_id = ${personId}
          or exists (select 1 from submission_authors a where a.submission_id = s.id and a.person_id = ${personId})`,
    );
    return rows.map((r) => r.event_id);
  },
};
