import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

// One bundle for production: the workspace packages are bundled in (they ship as
// TypeScript source); every npm dependency stays external. The committed SQL
// migrations are copied beside the bundle, where @plenary/db looks for them.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  noExternal: [/^@plenary\//],
  onSuccess: async () => {
    cpSync('../../packages/db/drizzle', 'dist/drizzle', { recursive: true });
  },
});
