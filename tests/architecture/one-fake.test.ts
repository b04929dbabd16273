/**
 * One stand-in for the platform: the emulator (src/emulator/). Tests reach it
 * through the real client (`createApiClient`), usually via
 * tests/helpers/emulated-platform.ts. A second, hand-written platform in the
 * tests drifts from the emulator and from the real platform, so no file under
 * tests/ may implement the client interface itself: no class implementing it,
 * no object literal typed or cast as it, no forged cast, and no file defining
 * or patching several of its methods.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OperationsContext } from '../../src/api/call-helpers.js';
import { everyOperations } from '../helpers/every-operations.js';

const ROOT = resolve(import.meta.dirname, '../..');
const THIS_FILE = relative(ROOT, import.meta.filename);
const INTERFACE = 'ApiClient';

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}

/**
 * The client's endpoint methods: those of every `operations` value under
 * `src/kinds/` and `src/api/`, found as the client contract test finds
 * them. Binding one only builds its methods (nothing is sent), so an empty
 * context gives their names.
 */
async function endpointMethods(): Promise<string[]> {
  return (await everyOperations()).flatMap((ops) => Object.keys(ops.bind({} as OperationsContext)));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const NAME = escape(INTERFACE);
const RULES: readonly (readonly [string, RegExp])[] = [
  ['a class implementing the client', new RegExp(`\\bimplements\\s+[^{]*\\b${NAME}\\b`)],
  ['an object literal typed as the client', new RegExp(`:\\s*(Partial<\\s*)?${NAME}>?\\s*=\\s*\\{`)],
  [
    'an object literal cast to the client',
    new RegExp(`\\}\\s*(as|satisfies)\\s+(unknown\\s+as\\s+)?${NAME}\\b`),
  ],
  ['a forged cast to the client', new RegExp(`as\\s+unknown\\s+as\\s+${NAME}\\b`)],
  ['a mocked client module', /vi\.mock\([^)]*api\/(client|api-client)/],
];

/** Patterns that define or patch one method (not calls of it). */
function definitionsOf(method: string): RegExp[] {
  const m = escape(method);
  return [
    new RegExp(`^\\s*(async\\s+)?${m}\\s*\\(`, 'm'), // method shorthand `listTeams(orgId) {`
    new RegExp(`[{,\\s]${m}\\s*:\\s*(async\\b|\\(|function\\b|vi\\.)`), // property `listTeams: async (…) =>`
    new RegExp(`\\.${m}\\s*=[^=]`), // patching a client's method
  ];
}

/** What a hand-written client looks like in a file, one finding per rule. */
function violations(text: string, methods: ReadonlyMap<string, readonly RegExp[]>): string[] {
  const found = RULES.filter(([, pattern]) => pattern.test(text)).map(([what]) => what);
  const defined = [...methods]
    .filter(([method, patterns]) => text.includes(method) && patterns.some((p) => p.test(text)))
    .map(([method]) => method);
  if (defined.length >= 2) found.push(`defines or patches client methods: ${defined.join(', ')}`);
  return found;
}

const names = await endpointMethods();

describe('one fake of the platform', () => {
  const methods = new Map(names.map((method) => [method, definitionsOf(method)]));

  it('reads the client interface (so the method check below is not vacuous)', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toEqual(expect.arrayContaining(['listOrganizations', 'createPipelineSecret']));
  });

  it('no file under tests/ implements the client: every test reaches the platform through the emulator', () => {
    const offenders = filesUnder(join(ROOT, 'tests'), /\.(ts|mts|js|mjs)$/)
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== THIS_FILE)
      .flatMap((file) =>
        violations(readFileSync(join(ROOT, file), 'utf8'), methods).map((what) => `${file}: ${what}`),
      );
    expect(offenders).toEqual([]);
  });

  it('recognises the usual shapes of a hand-written client', () => {
    const samples = [
      `class FakeClient implements ${INTERFACE} {}`,
      `const c: ${INTERFACE} = { endpoint: 'x' };`,
      `const c = { endpoint: 'x' } as unknown as ${INTERFACE};`,
      `const c = { listTeams: () => Promise.resolve([]) } satisfies Partial<X>; (c as unknown as ${INTERFACE});`,
      `vi.mock('../../src/api/client.js');`,
      `const c = {\n  listTeams: async () => [],\n  listMembers: vi.fn(),\n};`,
      `class C {\n  listTeams(orgId) { return []; }\n  async listMembers(orgId) { return []; }\n}`,
      `client.listParticipants = slow(client.listParticipants);\nclient.listCredentials = slow(x);`,
    ];
    for (const sample of samples) expect(violations(sample, methods), sample).not.toEqual([]);
  });

  it('lets tests call and wrap the real client', () => {
    const allowed = [
      `const client = createApiClient({ endpoint, token, maxRps: 100 });\nawait client.use(teamReads).listTeams(1);`,
      `const make = (o) => Object.create(createApiClient(o)) as ${INTERFACE};`,
      `const calls: [string, (c: ${INTERFACE}) => Promise<unknown>][] = [['x', (c) => c.use(memberReads).listMembers(1)]];`,
    ];
    for (const sample of allowed) expect(violations(sample, methods), sample).toEqual([]);
  });
});
