import { describe, expect, it } from 'vitest';
import { emptyDraft } from './participant-draft';
import { parseMemberPaste, parseMemberRows } from './member-paste';

describe('pasting delegation members from a spreadsheet', () => {
  it('reads tab-separated rows, skips a header and blank lines, and fills defaults', () => {
    const text =
      'Given\tFamily\tEmail\tOrganisation\tCountry\r\n' +
      'Minjun\tKim\tminjun@motie.go.kr\t\tkr\tDirector\t+82 2 1234 5678\r\n' +
      '\r\n' +
      'Seoyeon\tLee\tseoyeon@motie.go.kr\tKIAT\tKR\n';
    expect(parseMemberRows(text, { organisation: 'MOTIE' })).toEqual([
      {
        ...emptyDraft(),
        givenName: 'Minjun',
        familyName: 'Kim',
        email: 'minjun@motie.go.kr',
        organisation: 'MOTIE',
        country: 'KR',
        jobTitle: 'Director',
        phone: '+82 2 1234 5678',
      },
      {
        ...emptyDraft(),
        givenName: 'Seoyeon',
        familyName: 'Lee',
        email: 'seoyeon@motie.go.kr',
        organisation: 'KIAT',
        country: 'KR',
      },
    ]);
  });

  it('keeps a first row that is a person', () => {
    expect(parseMemberRows('Anna\tSchmidt\tanna@example.de').map((r) => r.email)).toEqual([
      'anna@example.de',
    ]);
  });

  it('gives nothing for empty text', () => {
    expect(parseMemberRows('  \n\n')).toEqual([]);
  });
});

describe('countries in a pasted delegation', () => {
  it('reads country names in either language and says which rows it could not read', () => {
    const text =
      'Anna\tde Vries\tanna@rvo.example\tRVO\tNetherlands\n' +
      'Jan\tBakker\tjan@rvo.example\tRVO\t네덜란드\n' +
      'Minjun\tKim\tminjun@motie.example\tMOTIE\t한국\n' +
      'Sam\tLee\tsam@x.example\tX\tAtlantis\n';
    const pasted = parseMemberPaste(text);
    expect(pasted.rows.map((r) => r.country)).toEqual(['NL', 'NL', 'KR', 'Atlantis']);
    expect(pasted.unknownCountries).toEqual([{ row: 4, text: 'Atlantis' }]);
  });
});
