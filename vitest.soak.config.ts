import { defineConfig } from 'vitest/config';

// `npm run soak`: the long crash trials, one at a time (each one runs and kills a server of its own).
export default defineConfig({
  test: {
    include: ['tests/soak/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
