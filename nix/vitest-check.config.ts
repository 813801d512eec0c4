/**
 * The tests the Nix package runs in its checkPhase: those that need no database server, no
 * browser and no network (the sandbox has none). `npm test` runs everything else too.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/deck/**/*.test.ts', 'tests/domain/**/*.test.ts', 'tests/server/config.test.ts'],
    testTimeout: 30_000,
    maxWorkers: 2,
  },
});
