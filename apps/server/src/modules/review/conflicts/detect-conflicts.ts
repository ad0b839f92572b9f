import { organisationMatchKey } from '@plenary/contracts';
import { institutionalEmailDomain, normalisedEmail } from './email-domain';

/** The kinds of conflict an author or a reviewer declares (issue 11 §2), as HotCRP types them. */
export const declaredConflictTypes = ['institution', 'collaborator', 'advisor', 'personal', 'other'] as const;
export type DeclaredConflictType = (typeof declaredConflictTypes)[number];

export interface ConflictAuthor {
  personId: string;
  email?: string | null;
  organisationId?: string | null;
  /** The affiliation as written, compared by organisationMatchKey when ids differ or are missing. */
  organisationName?: string | null;
  /** Carried for display; a shared country alone is no conflict. */
  country?: string | null;
}

export interface ConflictReviewer {
  reviewerId: string;
  /** The reviewer's person (participant identity), when linked: matched against authors and co-authors. */
  personId?: string | null;
  email?: string | null;
  organisationId?: string | null;
  organisationName?: string | null;
}

/** Two people who wrote a submission together, found in the platform's own submissions. */
export interface CoAuthorship {
  personA: string;
  personB: string;
  submissionId: string;
}

export interface DeclaredConflict {
  reviewerId: string;
  by: 'author' | 'reviewer';
  type: DeclaredConflictType;
}

export interface DetectConflictsInput {
  submissionId: string;
  authors: readonly ConflictAuthor[];
  reviewers: readonly ConflictReviewer[];
  coAuthorships: readonly CoAuthorship[];
  declared: readonly DeclaredConflict[];
  /** Other institutions the authors listed as conflicting (names, compared by match key). */
  declaredInstitutions?: readonly string[];
}

export type ConflictReason =
  | { kind: 'is_author'; authorPersonId: string }
  | { kind: 'declared_by_author'; type: DeclaredConflictType }
  | { kind: 'declared_by_reviewer'; type: DeclaredConflictType }
  | { kind: 'declared_institution'; institution: string }
  | { kind: 'same_email_domain'; authorPersonId: string; domain: string }
  | {
      kind: 'same_institution';
      authorPersonId: string;
      organisationId: string | null;
      organisationKey: string | null;
    }
  | { kind: 'co_author'; authorPersonId: string; submissionIds: string[] };

export interface DetectedConflict {
  submissionId: string;
  reviewerId: string;
  reasons: ConflictReason[];
  /** True when someone declared it (or the reviewer is an author): staff may dismiss only detected ones. */
  declared: boolean;
}

const matchKeyOf = (name: string | null | undefined): string | null => {
  const key = name ? organisationMatchKey(name) : '';
  return key === '' ? null : key;
};

/**
 * Every reviewer who conflicts with one submission, with every reason (issue 11 §3): declared
 * by an author or by the reviewer, an institution the authors listed, the reviewer being an
 * author, the same institutional mail domain (public mail services ignored), the same
 * organisation (by id, or by the normalised name), or co-authorship of another submission on
 * the platform. Reviewers without a reason are not listed. Pure: the caller loads the rows.
 */
export function detectConflicts(input: DetectConflictsInput): DetectedConflict[] {
  const authors = input.authors.map((a) => ({
    ...a,
    email: normalisedEmail(a.email),
    domain: institutionalEmailDomain(a.email),
    key: matchKeyOf(a.organisationName),
  }));
  const authorIds = new Set(authors.map((a) => a.personId));
  // Co-authors of each author elsewhere: person -> author -> the submissions they share.
  const coAuthors = new Map<string, Map<string, Set<string>>>();
  const link = (other: string, author: string, submissionId: string): void => {
    let byAuthor = coAuthors.get(other);
    if (!byAuthor) coAuthors.set(other, (byAuthor = new Map<string, Set<string>>()));
    let subs = byAuthor.get(author);
    if (!subs) byAuthor.set(author, (subs = new Set<string>()));
    subs.add(submissionId);
  };
  for (const c of input.coAuthorships) {
    if (c.submissionId === input.submissionId || c.personA === c.personB) continue;
    if (authorIds.has(c.personA)) link(c.personB, c.personA, c.submissionId);
    if (authorIds.has(c.personB)) link(c.personA, c.personB, c.submissionId);
  }
  const listedInstitutions = new Map<string, string>();
  for (const name of input.declaredInstitutions ?? []) {
    const key = matchKeyOf(name);
    if (key !== null && !listedInstitutions.has(key)) listedInstitutions.set(key, name);
  }
  const declaredBy = new Map<string, DeclaredConflict[]>();
  for (const d of input.declared) declaredBy.set(d.reviewerId, [...(declaredBy.get(d.reviewerId) ?? []), d]);

  const out: DetectedConflict[] = [];
  for (const reviewer of input.reviewers) {
    const reasons: ConflictReason[] = [];
    const email = normalisedEmail(reviewer.email);
    const domain = institutionalEmailDomain(reviewer.email);
    const key = matchKeyOf(reviewer.organisationName);
    for (const a of authors)
      if ((reviewer.personId && reviewer.personId === a.personId) || (email !== null && email === a.email))
        reasons.push({ kind: 'is_author', authorPersonId: a.personId });
    const seenTypes = new Set<string>();
    for (const d of declaredBy.get(reviewer.reviewerId) ?? []) {
      if (seenTypes.has(`${d.by}:${d.type}`)) continue;
      seenTypes.add(`${d.by}:${d.type}`);
      reasons.push({ kind: d.by === 'author' ? 'declared_by_author' : 'declared_by_reviewer', type: d.type });
    }
    if (key !== null && listedInstitutions.has(key))
      reasons.push({ kind: 'declared_institution', institution: listedInstitutions.get(key)! });
    for (const a of authors) {
      if (domain !== null && domain === a.domain)
        reasons.push({ kind: 'same_email_domain', authorPersonId: a.personId, domain });
      const sameId = !!reviewer.organisationId && reviewer.organisationId === a.organisationId;
      const sameKey = key !== null && key === a.key;
      if (sameId || sameKey)
        reasons.push({
          kind: 'same_institution',
          authorPersonId: a.personId,
          organisationId: sameId ? reviewer.organisationId! : null,
          organisationKey: sameKey ? key : null,
        });
    }
    const shared = reviewer.personId ? coAuthors.get(reviewer.personId) : undefined;
    for (const [authorPersonId, subs] of shared ?? [])
      if (authorPersonId !== reviewer.personId)
        reasons.push({ kind: 'co_author', authorPersonId, submissionIds: [...subs].sort() });
    if (reasons.length === 0) continue;
    const declared = reasons.some((r) => r.kind === 'is_author' || r.kind.startsWith('declared_'));
    out.push({ submissionId: input.submissionId, reviewerId: reviewer.reviewerId, reasons, declared });
  }
  return out;
}

/**
 * The pairs the assignment must avoid: every declared conflict (and a reviewer who is an
 * author), and every detected one that staff have not dismissed. A dismissal never lifts a
 * declared conflict: only the one who declared it could.
 */
export function blockingConflictPairs(
  detected: readonly DetectedConflict[],
  dismissed: readonly { submissionId: string; reviewerId: string }[],
): { submissionId: string; reviewerId: string }[] {
  const lifted = new Set(dismissed.map((d) => `${d.submissionId}\u0000${d.reviewerId}`));
  return detected
    .filter((c) => c.declared || !lifted.has(`${c.submissionId}\u0000${c.reviewerId}`))
    .map((c) => ({ submissionId: c.submissionId, reviewerId: c.reviewerId }));
}
