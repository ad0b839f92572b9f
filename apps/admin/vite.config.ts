import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const server = 'http://127.0.0.1:3000';
// From the directory, not import.meta.url: the config is also imported by a test in a browser-like environment.
const contractsDir = join(import.meta.dirname, '../../packages/contracts/');

export default defineConfig({
  // Served by the API server under /admin/ in production; the router uses the same base.
  base: '/admin/',
  // Every built file is also written as .br and .gz; the server sends the one the browser takes.
  plugins: [vue(), compression({ algorithms: ['brotliCompress', 'gzip'] })],
  resolve: {
    // One copy of the Vue singletons, whichever workspace package imports them.
    dedupe: ['vue', 'vue-i18n'],
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5174,
    strictPort: true,
    proxy: { '/trpc': server, '/files': server, '/healthz': server, '/readyz': server },
  },
  // No source maps in a build (issue 10, finding 13): the console's source would ship with
  // it, served or not. `vite` (development) has its own maps; the server refuses .map files too.
  build: {
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // As in the portal: the contracts' modules only declare zod schemas, so one that
        // a chunk takes nothing from (the sign-in page takes validationLocale alone) must
        // not bring its schemas, and zod, along. The sign-in page loads without zod.
        moduleSideEffects: (id) => (id.startsWith(contractsDir) ? false : undefined),
      },
    },
  },
});
