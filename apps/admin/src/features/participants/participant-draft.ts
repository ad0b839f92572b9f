/** The person's standard fields, as the inputs hold them (blank text, not null). */
export interface ParticipantDraft {
  givenName: string;
  familyName: string;
  localName: string;
  email: string;
  organisation: string;
  jobTitle: string;
  country: string;
  phone: string;
  dietary: string;
  accessibility: string;
}

export function emptyDraft(): ParticipantDraft {
  return {
    givenName: '',
    familyName: '',
    localName: '',
    email: '',
    organisation: '',
    jobTitle: '',
    country: '',
    phone: '',
    dietary: '',
    accessibility: '',
  };
}

/** A registration's fields as a draft for the edit form. */
export function draftOf(r: { [K in keyof ParticipantDraft]: string | null }): ParticipantDraft {
  const out = emptyDraft();
  for (const key of Object.keys(out) as (keyof ParticipantDraft)[]) out[key] = r[key] ?? '';
  return out;
}
