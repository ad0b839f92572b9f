import { describe, expect, it } from 'vitest';
import config from '../vite.config';

// Issue 10, finding 13: the console's source (comments, names, the whole of src/) must not
// ship with a production build, served or not: no map files are written at all.
describe('the production build', () => {
  it('writes no source maps', () => {
    // The config is an object (not a function of the mode): what it says holds for every build.
    expect((config as { build?: { sourcemap?: unknown } }).build?.sourcemap ?? false).toBe(false);
  });
});
