import {
  countryName,
  DomainError,
  pickLocale,
  registrationExportColumns,
  type Locale,
  type LocalizedText,
} from '@plenary/contracts';
import type { ExportRow } from './registration-export.repo';
import type { Column } from './spreadsheet';

/** Column heads and coded values in the staff member's language. */
const words = {
  en: {
    reference: 'Reference',
    status: 'Status',
    category: 'Category',
    givenName: 'Given name',
    familyName: 'Family name',
    localName: 'Local name',
    email: 'Email',
    organisation: 'Organisation',
    jobTitle: 'Job title',
    countryCode: 'Country code',
    country: 'Country',
    phone: 'Phone',
    dietary: 'Dietary',
    accessibility: 'Accessibility',
    options: 'Options',
    payment: 'Payment',
    paymentReference: 'Payment reference',
    visaLetter: 'Visa letter',
    checkedIn: 'Checked in ({zone})',
    created: 'Created ({zone})',
    consentVersion: '{kind} consent version',
    consentAt: '{kind} consent accepted ({zone})',
    waitlisted: 'waitlisted',
    yes: 'Yes',
    no: 'No',
    consentKinds: { privacy: 'Privacy', photography: 'Photography' } as Record<string, string>,
    statuses: {
      pending: 'Pending',
      confirmed: 'Confirmed',
      waitlisted: 'Waitlisted',
      offered: 'Offered',
      awaiting_payment: 'Awaiting payment',
      cancelled: 'Cancelled',
      rejected: 'Rejected',
    } as Record<string, string>,
    payments: { not_required: 'Not required', unpaid: 'Unpaid', paid: 'Paid', waived: 'Waived' } as Record<
      string,
      string
    >,
    visa: { requested: 'Requested', approved: 'Approved', rejected: 'Rejected' } as Record<string, string>,
  },
  ko: {
    reference: '등록 번호',
    status: '상태',
    category: '참가 유형',
    givenName: '이름(영문)',
    familyName: '성(영문)',
    localName: '현지어 이름',
    email: '이메일',
    organisation: '소속',
    jobTitle: '직위',
    countryCode: '국가 코드',
    country: '국가',
    phone: '전화',
    dietary: '식이 요청',
    accessibility: '접근성 요청',
    options: '선택 항목',
    payment: '결제',
    paymentReference: '결제 참조',
    visaLetter: '비자 초청장',
    checkedIn: '체크인 ({zone})',
    created: '등록 시각 ({zone})',
    consentVersion: '{kind} 동의 버전',
    consentAt: '{kind} 동의 시각 ({zone})',
    waitlisted: '대기',
    yes: '예',
    no: '아니요',
    consentKinds: { privacy: '개인정보', photography: '사진 촬영' } as Record<string, string>,
    statuses: {
      pending: '승인 대기',
      confirmed: '확정',
      waitlisted: '대기자',
      offered: '자리 제안됨',
      awaiting_payment: '납부 대기',
      cancelled: '취소',
      rejected: '거절',
    } as Record<string, string>,
    payments: { not_required: '해당 없음', unpaid: '미결제', paid: '결제 완료', waived: '면제' } as Record<
      string,
      string
    >,
    visa: { requested: '요청됨', approved: '승인', rejected: '거절' } as Record<string, string>,
  },
} satisfies Record<Locale, unknown>;

/** What the columns need of the event's form: its questions and consent kinds. */
export interface ExportForm {
  questions: Array<{
    id: string;
    type: string;
    label: LocalizedText;
    choices?: Array<{ value: string; label: LocalizedText }>;
  }>;
  consentKinds: string[];
}

const fill = (text: string, params: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/**
 * The columns of the export, in the order asked (default: every standard column,
 * then each question, then each consent). An unknown column is refused by name.
 */
export function exportColumns(
  form: ExportForm,
  keys: string[] | undefined,
  locale: Locale,
  at: (d: Date | null) => string,
  zone: string,
): Column<ExportRow>[] {
  const w = words[locale];
  const text = (v: string | null) => v ?? '';
  const coded = (map: Record<string, string>, v: string | null) => (v ? (map[v] ?? v) : '');
  const standard: Record<(typeof registrationExportColumns)[number], Column<ExportRow>> = {
    reference: { header: w.reference, width: 12, value: (r) => r.reference },
    status: { header: w.status, width: 12, value: (r) => coded(w.statuses, r.status) },
    category: { header: w.category, width: 24, value: (r) => r.category },
    givenName: { header: w.givenName, width: 18, value: (r) => r.givenName },
    familyName: { header: w.familyName, width: 18, value: (r) => r.familyName },
    localName: { header: w.localName, width: 14, value: (r) => text(r.localName) },
    email: { header: w.email, width: 30, value: (r) => r.email },
    organisation: { header: w.organisation, width: 32, value: (r) => r.organisation },
    jobTitle: { header: w.jobTitle, width: 24, value: (r) => text(r.jobTitle) },
    countryCode: { header: w.countryCode, width: 8, value: (r) => r.country },
    country: { header: w.country, width: 22, value: (r) => countryName(r.country, locale) },
    phone: { header: w.phone, width: 18, value: (r) => text(r.phone) },
    dietary: { header: w.dietary, width: 24, value: (r) => text(r.dietary) },
    accessibility: { header: w.accessibility, width: 24, value: (r) => text(r.accessibility) },
    options: {
      header: w.options,
      width: 36,
      value: (r) =>
        r.options.map((o) => (o.waitlisted ? `${o.label} (${w.waitlisted})` : o.label)).join('; '),
    },
    payment: { header: w.payment, width: 12, value: (r) => coded(w.payments, r.paymentStatus) },
    paymentReference: { header: w.paymentReference, width: 18, value: (r) => text(r.paymentReference) },
    visaLetter: { header: w.visaLetter, width: 12, value: (r) => coded(w.visa, r.visaLetterStatus) },
    checkedIn: { header: fill(w.checkedIn, { zone }), width: 18, value: (r) => at(r.checkedInAt) },
    created: { header: fill(w.created, { zone }), width: 18, value: (r) => at(r.createdAt) },
  };

  const answerColumn = (q: ExportForm['questions'][number]): Column<ExportRow> => {
    const choice = new Map((q.choices ?? []).map((c) => [c.value, pickLocale(c.label, locale)]));
    const show = (v: unknown): string => {
      if (v === undefined || v === null) return '';
      if (typeof v === 'boolean') return v ? w.yes : w.no;
      if (Array.isArray(v)) return v.map(show).join('; ');
      // Answers are strings, string lists or ticks (contracts' answerValue); anything else is shown as JSON.
      const s = typeof v === 'string' ? v : JSON.stringify(v);
      return choice.get(s) ?? s;
    };
    return { header: pickLocale(q.label, locale) || q.id, width: 24, value: (r) => show(r.answers[q.id]) };
  };
  const consentColumns = (kind: string): Column<ExportRow>[] => {
    const name = w.consentKinds[kind] ?? kind;
    const of = (r: ExportRow) => r.consents.find((c) => c.kind === kind);
    return [
      {
        header: fill(w.consentVersion, { kind: name }),
        width: 10,
        value: (r) => String(of(r)?.version ?? ''),
      },
      {
        header: fill(w.consentAt, { kind: name, zone }),
        width: 18,
        value: (r) => {
          const c = of(r);
          return c ? at(new Date(c.acceptedAt)) : '';
        },
      },
    ];
  };

  const questions = new Map(form.questions.map((q) => [q.id, q]));
  const wanted = keys ?? [
    ...registrationExportColumns,
    ...form.questions.map((q) => `answer:${q.id}`),
    ...form.consentKinds.map((k) => `consent:${k}`),
  ];
  return wanted.flatMap((key) => {
    if (key.startsWith('answer:')) {
      const q = questions.get(key.slice(7));
      if (q) return [answerColumn(q)];
    } else if (key.startsWith('consent:')) {
      if (form.consentKinds.includes(key.slice(8))) return consentColumns(key.slice(8));
    } else if (key in standard) {
      return [standard[key as keyof typeof standard]];
    }
    throw new DomainError(
      'INVALID_INPUT',
      { key: 'exportColumnNotFound', params: { column: key } },
      { columns: [`No such column: ${key}`] },
    );
  });
}
