import { describe, expect, it } from 'vitest';
import { allExportColumns, rememberColumns, rememberedColumns } from './export-columns';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('export columns remembered per user and event', () => {
  const offered = allExportColumns(['interest']);

  it('offers the standard columns, then each answer, then each consent', () => {
    expect(offered.slice(0, 2)).toEqual(['reference', 'status']);
    expect(offered.slice(-3)).toEqual(['answer:interest', 'consent:privacy', 'consent:photography']);
  });

  it('keeps a choice apart per user and event, in the offered order, without columns gone since', () => {
    const s = memoryStorage();
    rememberColumns(s, 'u1', 'e1', ['email', 'reference', 'answer:removed']);
    expect(rememberedColumns(s, 'u1', 'e1', offered)).toEqual(['reference', 'email']);
    expect(rememberedColumns(s, 'u2', 'e1', offered)).toBeNull();
    expect(rememberedColumns(s, 'u1', 'e2', offered)).toBeNull();
    rememberColumns(s, 'u1', 'e1', null);
    expect(s.data.size).toBe(0);
  });

  it('ignores what it cannot read', () => {
    const s = memoryStorage();
    s.data.set('plenary.exportColumns.u1.e1', '{not json');
    expect(rememberedColumns(s, 'u1', 'e1', offered)).toBeNull();
  });
});
