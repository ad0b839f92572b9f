import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [vue()],
  resolve: { dedupe: ['vue', 'vue-i18n', '@trpc/client'] },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.ts'],
    // Run in a zone that is neither UTC nor the events' zone, so a test that
    // leans on the machine's zone fails here rather than in someone's browser.
    env: { TZ: 'America/Los_Angeles' },
  },
});
