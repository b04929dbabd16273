import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    restoreMocks: true,
    clearMocks: true,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the CPUs: a single worker on a 2-core machine.
    // Test files are independent (own emulator, own temp folders), so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    setupFiles: ['tests/helpers/fast-check-setup.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
  },
});
