import { describe, expect, it } from 'vitest';
import { eventNameInSentence } from './event-name';

describe('an event named inside an English sentence', () => {
  it('takes "the" before an edition number, as in "to attend the 18th TCI Global Conference"', () => {
    expect(eventNameInSentence('18th TCI Global Conference')).toBe('the 18th TCI Global Conference');
    expect(eventNameInSentence('2nd Korea Cluster Fair')).toBe('the 2nd Korea Cluster Fair');
  });
  it('leaves a name that has its article, or needs none', () => {
    expect(eventNameInSentence('The Korea Cluster Fair')).toBe('The Korea Cluster Fair');
    expect(eventNameInSentence('ICML 2025')).toBe('ICML 2025');
  });
});
