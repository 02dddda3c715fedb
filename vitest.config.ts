import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup-english.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Tests bind real UDP/TCP ports on loopback; two workers match the 2-core machines.
    maxWorkers: 2,
  },
});
