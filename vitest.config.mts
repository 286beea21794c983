import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    // The corpus sweep reads thousands of files; give it room without slowing the rest.
    hookTimeout: 60_000,
  },
});
