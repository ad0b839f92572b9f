import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockingConflictPairs,
  detectConflicts,
  type ConflictReviewer,
  type DetectConflictsInput,
} from './detect-conflicts';
import { institutionalEmailDomain } from './email-domain';
import { chooseHandlingChair, chooseHandlingChairs } from './handling-chair';

const submission: Omit<DetectConflictsInput, 'reviewers'> = {
  submissionId: 'paper-1',
  authors: [
    {
      personId: 'kim',
      email: 'kim@cs.snu.ac.kr',
      organisationId: 'org-snu',
      organisationName: 'Seoul National University',
      country: 'KR',
    },
    {
      personId: 'lee',
      email: 'lee.j@gmail.com',
      organisationId: null,
      organisationName: 'KAIST',
      country: 'KR',
    },
    { personId: 'tan', email: 'tan@naver.com', organisationId: null, organisationName: null, country: 'SG' },
  ],
  coAuthorships: [
    { personA: 'kim', personB: 'park', submissionId: 'paper-7' },
    { personA: 'park', personB: 'kim', submissionId: 'paper-9' },
    { personA: 'lee', personB: 'park', submissionId: 'paper-9' },
    // Pairs of this very submission are not co-authorship "elsewhere".
    { personA: 'kim', personB: 'choi', submissionId: 'paper-1' },
  ],
  declared: [
    { reviewerId: 'rev-personal', by: 'author', type: 'personal' },
    { reviewerId: 'rev-personal', by: 'author', type: 'personal' },
    { reviewerId: 'rev-advisor', by: 'reviewer', type: 'advisor' },
  ],
  declaredInstitutions: ['Korea  Institute of S&T Evaluation'],
};

const reviewer = (reviewerId: string, extra: Partial<ConflictReviewer> = {}): ConflictReviewer => ({
  reviewerId,
  personId: `person-${reviewerId}`,
  email: `${reviewerId}@example.org`,
  organisationId: `org-${reviewerId}`,
  organisationName: `Organisation ${reviewerId}`,
  ...extra,
});

describe('detectConflicts', () => {
  it('finds every reason, and only for conflicted reviewers', () => {
    const found = detectConflicts({
      ...submission,
      reviewers: [
        reviewer('rev-clean', { email: 'someone@gmail.com' }),
        reviewer('rev-domain', { email: 'prof@ee.snu.ac.kr' }),
        reviewer('rev-org-id', { organisationId: 'org-snu' }),
        reviewer('rev-org-name', { organisationName: 'kaist.' }),
        reviewer('rev-naver', { email: 'Other@Naver.com' }),
        reviewer('rev-coauthor', { personId: 'park' }),
        reviewer('rev-same-paper', { personId: 'choi' }),
        reviewer('rev-author', { personId: null, email: ' KIM@cs.snu.ac.kr' }),
        reviewer('rev-personal'),
        reviewer('rev-advisor'),
        reviewer('rev-listed', { organisationName: 'korea institute of s t evaluation' }),
        reviewer('rev-country'),
      ],
    });
    expect(found).toEqual([
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-domain',
        declared: false,
        reasons: [{ kind: 'same_email_domain', authorPersonId: 'kim', domain: 'snu.ac.kr' }],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-org-id',
        declared: false,
        reasons: [
          {
            kind: 'same_institution',
            authorPersonId: 'kim',
            organisationId: 'org-snu',
            organisationKey: null,
          },
        ],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-org-name',
        declared: false,
        reasons: [
          { kind: 'same_institution', authorPersonId: 'lee', organisationId: null, organisationKey: 'kaist' },
        ],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-coauthor',
        declared: false,
        reasons: [
          { kind: 'co_author', authorPersonId: 'kim', submissionIds: ['paper-7', 'paper-9'] },
          { kind: 'co_author', authorPersonId: 'lee', submissionIds: ['paper-9'] },
        ],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-author',
        declared: true,
        reasons: [
          { kind: 'is_author', authorPersonId: 'kim' },
          { kind: 'same_email_domain', authorPersonId: 'kim', domain: 'snu.ac.kr' },
        ],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-personal',
        declared: true,
        reasons: [{ kind: 'declared_by_author', type: 'personal' }],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-advisor',
        declared: true,
        reasons: [{ kind: 'declared_by_reviewer', type: 'advisor' }],
      },
      {
        submissionId: 'paper-1',
        reviewerId: 'rev-listed',
        declared: true,
        reasons: [{ kind: 'declared_institution', institution: 'Korea  Institute of S&T Evaluation' }],
      },
    ]);
  });

  it('blocks declared conflicts always and detected ones unless staff dismissed them', () => {
    const found = detectConflicts({
      ...submission,
      reviewers: [
        reviewer('rev-org-id', { organisationId: 'org-snu' }),
        reviewer('rev-personal'),
        reviewer('rev-clean'),
      ],
    });
    const dismissed = [
      { submissionId: 'paper-1', reviewerId: 'rev-org-id' },
      { submissionId: 'paper-1', reviewerId: 'rev-personal' },
    ];
    expect(blockingConflictPairs(found, [])).toEqual([
      { submissionId: 'paper-1', reviewerId: 'rev-org-id' },
      { submissionId: 'paper-1', reviewerId: 'rev-personal' },
    ]);
    expect(blockingConflictPairs(found, dismissed)).toEqual([
      { submissionId: 'paper-1', reviewerId: 'rev-personal' },
    ]);
  });

  it('ignores public mail services, Korean and Chinese ones included, and reads registrable domains', () => {
    for (const domain of [
      'gmail.com',
      'naver.com',
      'daum.net',
      'hanmail.net',
      'outlook.com',
      'yahoo.com',
      'qq.com',
      '163.com',
    ])
      expect([domain, institutionalEmailDomain(`someone@${domain}`)]).toEqual([domain, null]);
    expect(institutionalEmailDomain('a@mail.kaist.ac.kr')).toBe('kaist.ac.kr');
    expect(institutionalEmailDomain('a@KISTEP.re.kr.')).toBe('kistep.re.kr');
    expect(institutionalEmailDomain('a@localhost')).toBe(null);
    expect(institutionalEmailDomain('no-at-sign')).toBe(null);
    expect(institutionalEmailDomain(null)).toBe(null);
  });

  it('never reports a reviewer who shares nothing with the authors (property)', () => {
    const word = fc.stringMatching(/^[a-z]{3,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(word, { minLength: 1, maxLength: 6 }),
        (authorNames, reviewerNames) => {
          const authors = authorNames.map((n, i) => ({
            personId: `a${i}`,
            email: `${n}@a-${n}.edu`,
            organisationName: `A ${n}`,
          }));
          const reviewers = reviewerNames.map((n, i) => ({
            reviewerId: `r${i}`,
            personId: `p${i}`,
            email: `${n}@r-${n}.org`,
            organisationName: `R ${n}`,
          }));
          expect(
            detectConflicts({ submissionId: 's', authors, reviewers, coAuthorships: [], declared: [] }),
          ).toEqual([]);
          // The same reviewers moved to the first author's institution are all reported.
          const moved = reviewers.map((r) => ({ ...r, organisationName: `a ${authorNames[0]}!` }));
          expect(
            detectConflicts({ submissionId: 's', authors, reviewers: moved, coAuthorships: [], declared: [] })
              .length,
          ).toBe(reviewers.length);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('chooseHandlingChair', () => {
  const chairs = [
    { chairId: 'c1', handling: 5 },
    { chairId: 'c2', handling: 2 },
    { chairId: 'c3', handling: 2 },
  ];
  it('keeps the intended chair unless conflicted, then takes the least loaded other chair', () => {
    expect(chooseHandlingChair({ intendedChairId: 'c1', chairs, conflictedChairIds: ['c2'] })).toEqual({
      chairId: 'c1',
      replaced: false,
    });
    expect(chooseHandlingChair({ intendedChairId: 'c1', chairs, conflictedChairIds: ['c1'] })).toEqual({
      chairId: 'c2',
      replaced: true,
      replacedChairId: 'c1',
    });
    expect(
      chooseHandlingChair({ intendedChairId: 'c2', chairs, conflictedChairIds: new Set(['c2']) }),
    ).toEqual({
      chairId: 'c3',
      replaced: true,
      replacedChairId: 'c2',
    });
    expect(chooseHandlingChair({ intendedChairId: null, chairs, conflictedChairIds: [] })).toEqual({
      chairId: 'c2',
      replaced: false,
    });
    expect(
      chooseHandlingChair({ intendedChairId: 'c1', chairs, conflictedChairIds: ['c1', 'c2', 'c3'] }),
    ).toEqual({
      chairId: null,
      replaced: true,
      reason: 'every_chair_conflicted',
    });
    expect(chooseHandlingChair({ intendedChairId: null, chairs: [], conflictedChairIds: [] })).toEqual({
      chairId: null,
      replaced: false,
      reason: 'no_chairs',
    });
  });

  it('spreads replacements over the chairs and never picks a conflicted one (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 5 }),
          ),
          { maxLength: 30 },
        ),
        (chairCount, subs) => {
          const list = Array.from({ length: chairCount }, (_, i) => ({ chairId: `c${i}`, handling: 0 }));
          const input = subs.map(([intended, conflicted], i) => ({
            submissionId: `s${i}`,
            intendedChairId: `c${intended % chairCount}`,
            conflictedChairIds: conflicted.map((c) => `c${c % chairCount}`),
          }));
          const chosen = chooseHandlingChairs(input, list);
          for (const s of input) {
            const choice = chosen.get(s.submissionId)!;
            if (choice.chairId === null) expect(s.conflictedChairIds.length).toBeGreaterThan(0);
            else expect(s.conflictedChairIds).not.toContain(choice.chairId);
            expect(choice.replaced).toBe(s.conflictedChairIds.includes(s.intendedChairId));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('does not send every replacement to one chair', () => {
    const subs = Array.from({ length: 6 }, (_, i) => ({
      submissionId: `s${i}`,
      intendedChairId: 'c1',
      conflictedChairIds: ['c1'],
    }));
    const chosen = chooseHandlingChairs(subs, [
      { chairId: 'c1', handling: 0 },
      { chairId: 'c2', handling: 0 },
      { chairId: 'c3', handling: 1 },
    ]);
    expect([...chosen.values()].map((c) => c.chairId)).toEqual(['c2', 'c2', 'c3', 'c2', 'c3', 'c2']);
  });
});
