import { defineConfig } from 'vitest/config';

/**
 * Three projects, by what a test needs:
 * - unit: pure logic, no I/O (no database, no server, no socket, no file, no process); no global setup.
 *   `npm run test:fast` runs only these, with Postgres and Redis stopped.
 * - integration: real servers on random ports, socket.io clients, files, both databases.
 * - slow: a browser, faults, several processes or a cluster, Nix, the security fuzz, the bench smoke.
 *
 * The root config holds no globalSetup on purpose: vitest always runs the root project's global
 * setup, whichever projects are selected, so it lives in the two projects that need a database.
 */
const DATABASES = ['tests/setup/postgres.ts', 'tests/setup/redis.ts'];

const SLOW = [
  'tests/e2e/**/*.test.ts',
  'tests/faults/**/*.test.ts',
  'tests/cluster/**/*.test.ts',
  'tests/nix/**/*.test.ts',
  'tests/bench/**/*.test.ts',
  'tests/security/fuzz.test.ts',
  'tests/server/startup.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browser and database tests compete, so keep the pool small and predictable.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // A unit test waits on nothing: a short timeout flags one that does (10 s leaves room on a busy 2-core box).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 10_000 },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', ...SLOW],
          globalSetup: DATABASES,
        },
      },
      {
        extends: true,
        test: { name: 'slow', include: SLOW, globalSetup: DATABASES },
      },
    ],
  },
});
