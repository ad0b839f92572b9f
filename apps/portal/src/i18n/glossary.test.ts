import { describe, expect, it } from 'vitest';
import { glossaryViolations } from '@plenary/ui/glossary';
import glossary from '../../../../docs/glossary.md?raw';
import { ko } from './ko';
import { registrationKo } from './registration.ko';


describe('the portal speaks the glossary (docs/glossary.md)', () => {
  it('uses no Korean word the glossary says to avoid', () => {
    expect(glossaryViolations(glossary, { ...ko, registration: registrationKo })).toEqual([]);
  });
});
