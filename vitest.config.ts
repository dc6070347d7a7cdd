import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/{unit,engine,transport,lint,cli}/**/*.test.ts'],
    // DuckDB is a native module: separate processes keep each file's engine to itself.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
