import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/postgres.ts', 'tests/setup/redis.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and database tests compete, so keep the pool small and predictable.
    maxWorkers: 2,
  },
});
