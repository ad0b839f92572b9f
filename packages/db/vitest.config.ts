import { defineConfig } from 'vitest/config';

// The db package's own tests need no database; the schema and migrations are
// exercised on both engines by every server test.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
