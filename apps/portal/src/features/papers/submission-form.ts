import type { Submission } from './use-submission-store';

/** One author row of the form, as typed. */
export interface AuthorDraft {
  email: string;
  givenName: string;
  familyName: string;
  affiliation: string;
  country: string;
  orcid: string;
  presenting: boolean;
}

export interface SubmissionDraft {
  titleEn: string;
  titleKo: string;
  abstractEn: string;
  abstractKo: string;
  keywords: string;
  trackId: string;
  typeId: string;
  authors: AuthorDraft[];
  /** Reviewer id -> conflict type ('' for none). */
  conflicts: Record<string, string>;
  institutions: string;
}

export const emptyAuthor = (presenting = false): AuthorDraft => ({
  email: '',
  givenName: '',
  familyName: '',
  affiliation: '',
  country: '',
  orcid: '',
  presenting,
});

export function emptyDraft(email = ''): SubmissionDraft {
  return {
    titleEn: '',
    titleKo: '',
    abstractEn: '',
    abstractKo: '',
    keywords: '',
    trackId: '',
    typeId: '',
    authors: [{ ...emptyAuthor(true), email }],
    conflicts: {},
    institutions: '',
  };
}

export function draftOf(s: Submission): SubmissionDraft {
  return {
    titleEn: s.title.en ?? '',
    titleKo: s.title.ko ?? '',
    abstractEn: s.abstract.en ?? '',
    abstractKo: s.abstract.ko ?? '',
    keywords: s.keywords.join(', '),
    trackId: s.trackId ?? '',
    typeId: s.typeId ?? '',
    authors: s.authors.map((a) => ({
      email: a.email,
      givenName: a.givenName,
      familyName: a.familyName,
      affiliation: a.affiliation,
      country: a.country,
      orcid: a.orcid ?? '',
      presenting: a.presenting,
    })),
    conflicts: Object.fromEntries(s.reviewerConflicts.map((c) => [c.userId, c.type])),
    institutions: s.institutionConflicts.map((i) => i.name).join('\n'),
  };
}

type ConflictType = 'same_institution' | 'collaborator' | 'advisor' | 'personal' | 'other';
const optional = (v: string) => (v.trim() ? v.trim() : undefined);

/** The API's fields from the form (the server checks every rule again). */
export function fieldsOf(d: SubmissionDraft) {
  return {
    trackId: d.trackId || null,
    typeId: d.typeId || null,
    title: { en: optional(d.titleEn), ko: optional(d.titleKo) },
    abstract: { en: optional(d.abstractEn), ko: optional(d.abstractKo) },
    keywords: d.keywords
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    authors: d.authors.map((a) => ({
      email: a.email,
      givenName: a.givenName,
      familyName: a.familyName,
      affiliation: a.affiliation,
      country: a.country.trim().toUpperCase(),
      orcid: optional(a.orcid) ?? null,
      presenting: a.presenting,
    })),
    reviewerConflicts: Object.entries(d.conflicts)
      .filter(([, type]) => type)
      .map(([userId, type]) => ({ userId, type: type as ConflictType })),
    institutionConflicts: d.institutions
      .split('\n')
      .map((n) => n.trim())
      .filter(Boolean)
      .map((name) => ({ organisationId: null, name })),
  };
}

/** A file's bytes as base64, for the tRPC upload. */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
