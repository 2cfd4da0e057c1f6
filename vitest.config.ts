import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{domain,db,core,server,renderer,print,locales,scripts,bench,electron}/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
  },
});
