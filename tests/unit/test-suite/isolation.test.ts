/**
 * The test suite's placement of files: most share worker processes; a file
 * that changes process-wide state (module mocks, stubbed globals or
 * environment, fake timers), directly or through a test helper, gets a
 * process of its own, and nock's users share processes only among
 * themselves, so neither leaks into the files that run after them.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeTestFiles } from '../../helpers/isolation.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const FILES: Record<string, string> = {
  'tests/unit/plain.test.ts': `import { it } from 'vitest';\nimport { x } from '../helpers/plain.js';\nit('x', () => undefined);\n`,
  'tests/helpers/plain.ts': `export const x = 1;\n`,
  'tests/unit/nock-direct.test.ts': `import nock from 'nock';\nnock.disableNetConnect();\n`,
  'tests/unit/nock-dynamic.test.ts': `const nock = await import('nock');\n`,
  'tests/helpers/guard.ts': `import nock from "nock";\nexport const guard = nock;\n`,
  'tests/helpers/uses-guard.ts': `export { guard } from './guard.js';\n`,
  'tests/unit/nock-through-helpers.test.ts': `import { guard } from '../helpers/uses-guard.js';\n`,
  'tests/unit/mocks.test.ts': `import { vi } from 'vitest';\nvi.mock('../../src/x.js');\n`,
  'tests/unit/do-mock.test.ts': `import { vi } from 'vitest';\nit('a', () => { vi.doMock('x'); });\n`,
  'tests/unit/env.test.ts': `import { vi } from 'vitest';\nbeforeEach(() => vi.stubEnv('HTTPS_PROXY', 'x'));\n`,
  'tests/unit/global.test.ts': `vi.stubGlobal('fetch', () => undefined);\n`,
  'tests/unit/timers.test.ts': `beforeEach(() => { vi.useFakeTimers(); });\n`,
  'tests/unit/nock-and-env.test.ts': `import nock from 'nock';\nvi.stubEnv('NO_PROXY', '');\n`,
  'tests/unit/mentions-only.test.ts': [
    `/**`,
    ` * Mentions nock and vi.mock('x') in a comment only.`,
    ` */`,
    `// import nock from 'nock';`,
    "const text = `vi.mock('../../src/x.js');`;",
    `const name = 'nock';`,
    `export { text, name };`,
    ``,
  ].join('\n'),
  'tests/unit/cycle-a.test.ts': `import '../helpers/cycle-b.js';\n`,
  'tests/helpers/cycle-b.ts': `import './cycle-c.js';\n`,
  'tests/helpers/cycle-c.ts': `import './cycle-b.js';\n`,
  'tests/unit/product-import.test.ts': `import { run } from '../../src/cli/main.js';\n`,
  'src/cli/main.ts': `import nock from 'nock';\nexport const run = nock;\n`,
};

let root = '';

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'isolation-'));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
});

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true });
});

describe('where test files run', () => {
  it('nock users share processes among themselves; module mocks, stubs or fake timers get their own; the rest share', () => {
    expect(placeTestFiles(root)).toEqual({
      ownProcess: [
        'tests/unit/do-mock.test.ts',
        'tests/unit/env.test.ts',
        'tests/unit/global.test.ts',
        'tests/unit/mocks.test.ts',
        'tests/unit/nock-and-env.test.ts',
        'tests/unit/timers.test.ts',
      ],
      nock: [
        'tests/unit/nock-direct.test.ts',
        'tests/unit/nock-dynamic.test.ts',
        'tests/unit/nock-through-helpers.test.ts',
      ],
    });
  });

  it("in this repository: the nock guard's users with the nock files, the proxy test's stubbed env alone", () => {
    const { ownProcess, nock } = placeTestFiles(REPO_ROOT);
    expect(nock).toContain('tests/unit/api/client-retry.test.ts'); // via tests/helpers/nock-guard.ts
    expect(nock).toContain('tests/robustness/config-fuzz.test.ts'); // imports nock itself
    expect(ownProcess).toContain('tests/unit/api/client-proxy.test.ts'); // vi.stubEnv, real sockets
    expect([...ownProcess, ...nock]).not.toContain('tests/integration/cli/plan.test.ts');
    expect([...ownProcess, ...nock]).not.toContain('tests/architecture/one-fake.test.ts'); // vi.mock only inside a string
  });
});
