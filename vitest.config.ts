import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { placeTestFiles } from './tests/helpers/isolation.js';

const INCLUDE = ['tests/**/*.test.ts'];
// Files that change process-wide state (vi.mock, stubbed globals or env, fake timers;
// nock): found by reading the files, so new files are placed without a list to keep.
const { ownProcess, nock } = placeTestFiles(import.meta.dirname);

export default defineConfig({
  test: {
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
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: INCLUDE,
          exclude: [...ownProcess, ...nock],
          // A worker runs file after file in one process, importing the product and the
          // helpers once: starting a process and importing them was most of a small file's cost.
          isolate: false,
        },
      },
      ...(nock.length === 0
        ? []
        : [{ extends: true as const, test: { name: 'nock', include: [...nock], isolate: false } }]),
      ...(ownProcess.length === 0
        ? []
        : [
            {
              extends: true as const,
              test: { name: 'own-process', include: [...ownProcess], isolate: true },
            },
          ]),
    ],
  },
});
