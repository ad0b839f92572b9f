import { defineConfig, mergeConfig } from 'vite';
import base from '/work/main/apps/portal/vite.config';
export default mergeConfig(base, defineConfig({
  root: '/work/main/apps/portal',
  build: { outDir: '/tmp/portal-analyze', emptyOutDir: true },
  plugins: [{
    name: 'sizes',
    generateBundle(_o, bundle) {
      for (const c of Object.values(bundle)) {
        if (c.type !== 'chunk' || !c.isEntry) continue;
        const groups: Record<string, number> = {};
        for (const [id, m] of Object.entries(c.modules)) {
          const k = id.replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^(@[^/]+\/[^/]+|[^/]+)\/.*/, '$1').replace(/.*\/work\/main\//, '');
          groups[k] = (groups[k] ?? 0) + m.renderedLength;
        }
        console.log(Object.entries(groups).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${(v / 1024).toFixed(1).padStart(7)} KB  ${k}`).join('\n'));
      }
    },
  }],
}));
