import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const api = {
  '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false },
  // Uploaded files (streamed in, opened with the participant's link).
  '/files': { target: 'http://127.0.0.1:3000', changeOrigin: false },
};
const contractsDir = fileURLToPath(new URL('../../packages/contracts/', import.meta.url));

export default defineConfig(({ isSsrBuild }) => ({
  // The browser build is written precompressed too (.br and .gz beside each file), so the
  // server sends the bytes as built; the server renderer's bundle is not sent anywhere.
  plugins: [vue(), ...(isSsrBuild ? [] : [compression({ algorithms: ['brotliCompress', 'gzip'] })])],
  // The server renderer's bundle (dist-ssr/entry-server.js) carries its dependencies, so
  // it is built with the same flags as the browser's and loads from anywhere.
  ssr: { noExternal: true },
  // Compile-time flags: drop the Options API, devtools hooks, vue-i18n's legacy API
  // and its message compiler (messages arrive as functions, see src/i18n/index.ts)
  // from the bundle; the portal uses none of them, and the first load stays small.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
  },
  server: { port: 5173, strictPort: true, proxy: api },
  preview: { port: 4173, strictPort: true, proxy: api },
  build: {
    target: isSsrBuild ? 'node20' : 'es2022',
    // Which built files each page needs: the server links a lazy page's CSS and chunks.
    manifest: !isSsrBuild,
    // Browsers without modulepreload (Safari < 17) still load every chunk, only without
    // the early hint; the polyfill would cost every visitor bytes for that.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Everything the first page imports statically stays in the one entry file. Without
      // this group, the lazy registration pages (which share Vue and vue-i18n with it) make
      // rolldown move those into a second first-load chunk, which gzips ~1 KB worse.
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
      treeshake: {
        // @plenary/ui re-exports pickLocale from @plenary/contracts/schemas; the schema
        // modules only declare zod schemas, so when the portal uses none of their
        // exports they (and zod, ~27 KB gzipped) must not ship to the browser. Importing
        // pickLocale itself would bring them back: use pickLocaleWithLang from @plenary/ui.
        moduleSideEffects: (id) => (id.startsWith(contractsDir) ? false : undefined),
      },
    },
  },
}));
