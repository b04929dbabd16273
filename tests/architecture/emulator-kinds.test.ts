/**
 * The emulator names no kind outside its route modules: a kind is its
 * `src/emulator/routes/<kind>.ts` and one line in `src/emulator/kinds.ts`
 * (src/emulator/README.md, "Code layout"). The files that build a workspace
 * or an organisation, the seed's schema and loader and the snapshot iterate
 * that list; this test reads them with their comments removed and fails on
 * a field a kind declares (its state, its seed fields) used there. The names
 * come from the list, so a new kind is covered as soon as it is listed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATOR_KINDS } from '../../src/emulator/kinds.js';
import { withoutComments } from './without-comments.js';

const EMULATOR = join(import.meta.dirname, '..', '..', 'src', 'emulator');

/** The shared files that hold no kind's fields (the containers' own fields stay). */
const SHARED = [
  'records.ts',
  'store.ts',
  'kind.ts',
  'seed-types.ts',
  'seed-schema.ts',
  'seed-store.ts',
  'snapshot.ts',
  'start-emulator.ts',
  'env.ts',
  'router.ts',
  'http-server.ts',
];

const parts = EMULATOR_KINDS.flatMap((kind) => [kind.workspace, kind.org]);
/** What the kinds keep in a workspace or an organisation. */
const stateFields = [...new Set(parts.flatMap((part) => Object.keys(part?.state?.() ?? {})))];
/** What the kinds add to the seed (`members` and `teams` are also the containers' own fields). */
const seedFields = [...new Set(parts.flatMap((part) => Object.keys(part?.seedSchema ?? {})))];

export function fieldMentions(source: string, fields: readonly string[]): string[] {
  const code = withoutComments(source);
  return fields.filter((field) =>
    [`\\.${field}\\b`, `\\b${field}\\s*\\??:`, `['"\`]${field}['"\`]`].some((pattern) =>
      new RegExp(pattern).test(code),
    ),
  );
}

describe("the emulator's shared files name no kind", () => {
  it('finds a field in a sample (the check can fail)', () => {
    expect(fieldMentions('const x = ws.labels.get(1);', ['labels'])).toEqual(['labels']);
    expect(
      fieldMentions('interface S {\n  readonly secrets?: readonly SecretSeed[];\n}', ['secrets']),
    ).toEqual(['secrets']);
    expect(fieldMentions("const s = { 'quotas': 1 };", ['quotas'])).toEqual(['quotas']);
    expect(fieldMentions("// ws.labels\nexport * from './routes/labels.js';", ['labels'])).toEqual([]);
  });

  it('reads the fields from the list', () => {
    expect(stateFields).toEqual(expect.arrayContaining(['labels', 'computeEnvs', 'customRoles', 'quotas']));
    expect(seedFields).toEqual(expect.arrayContaining(['labels', 'computeEnvironments', 'participants']));
  });

  it.each(SHARED)('src/emulator/%s', (file) => {
    const source = readFileSync(join(EMULATOR, file), 'utf8');
    const containerFields = new Set(['members', 'teams', 'participants']);
    const seedOnly = ['seed-types.ts', 'seed-schema.ts', 'seed-store.ts', 'snapshot.ts'].includes(file)
      ? seedFields
      : seedFields.filter((field) => !containerFields.has(field));
    expect(fieldMentions(source, [...new Set([...stateFields, ...seedOnly])])).toEqual([]);
  });
});
