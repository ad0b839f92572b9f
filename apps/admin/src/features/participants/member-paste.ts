import { findCountry } from '@plenary/contracts/schemas';
import { emptyDraft, type ParticipantDraft } from './participant-draft';

/** The columns a pasted spreadsheet row fills, in order. */
export const pasteColumns = [
  'givenName',
  'familyName',
  'email',
  'organisation',
  'country',
  'jobTitle',
  'phone',
] as const;

/**
 * Rows copied from Excel or Google Sheets arrive as tab-separated lines. Blank
 * lines are dropped; missing cells stay blank; a header row whose third cell is
 * not an email address ("Email", "이메일") is skipped. `organisation` fills cells
 * left blank in that column (a delegation is usually one organisation).
 */
export function parseMemberRows(text: string, defaults: Partial<ParticipantDraft> = {}): ParticipantDraft[] {
  const rows: ParticipantDraft[] = [];
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  lines.forEach((line, i) => {
    const cells = line.split('\t').map((cell) => cell.trim());
    if (i === 0 && cells[2] !== undefined && !cells[2].includes('@')) return;
    const draft = emptyDraft();
    pasteColumns.forEach((column, k) => {
      draft[column] = cells[k] ?? '';
    });
    // A name in either language or a common one (Netherlands, 네덜란드, USA) becomes its code;
    // what cannot be read stays as typed, so the row shows it and the dialog names it.
    draft.country = findCountry(draft.country) ?? draft.country;
    for (const [key, value] of Object.entries(defaults) as [keyof ParticipantDraft, string][]) {
      if (!draft[key]) draft[key] = value;
    }
    rows.push(draft);
  });
  return rows;
}

export interface MemberPaste {
  rows: ParticipantDraft[];
  /** The pasted rows (1-based, counting only kept rows) whose country could not be read. */
  unknownCountries: Array<{ row: number; text: string }>;
}

/** The rows, and which countries were not understood, to explain them beside the red cells. */
export function parseMemberPaste(text: string, defaults: Partial<ParticipantDraft> = {}): MemberPaste {
  const rows = parseMemberRows(text, defaults);
  const unknownCountries = rows.flatMap((r, i) =>
    r.country && !findCountry(r.country) ? [{ row: i + 1, text: r.country }] : [],
  );
  return { rows, unknownCountries };
}
