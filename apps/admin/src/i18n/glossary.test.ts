import { describe, expect, it } from 'vitest';
import { glossaryViolations } from '@plenary/ui/glossary';
import glossary from '../../../../docs/glossary.md?raw';
import { ko } from './ko';


describe('the console speaks the glossary (docs/glossary.md)', () => {
  it('uses no Korean word the glossary says to avoid (ko holds every feature\'s messages)', () => {
    expect(glossaryViolations(glossary, ko)).toEqual([]);
  });
});
