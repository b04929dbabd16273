/**
 * The engines name no kind: everything kind-specific lives in the kind's
 * folder under `src/kinds/`, and the engines reach it through the registry
 * (`src/kinds/index.ts`) and the graph (`src/kinds/graph.ts`). This test
 * reads every engine file with its comments removed and fails on a kind's
 * name used as a string literal (`action.kind === 'credential'`), a kind's
 * typed action or desired/live object (`CredentialAction`,
 * `DesiredCredential`), a kind's collection read off the state
 * (`ws.credentials`), or an import from a kind's own folder. The names come
 * from the registry, so a new kind is covered as soon as it is registered.
 * The containers (the organisation and a workspace) are the levels every
 * engine groups by, and are not counted as kinds here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../src/kinds/index.js';
import { withoutComments } from './without-comments.js';

/**
 * The engine folders under `src/` held to the rule. `src/model` and
 * `src/formats` are the vocabulary (each kind's desired, live and written
 * shapes) and name kinds by design.
 */
export const ENGINE_FOLDERS = [
  'plan',
  'apply',
  'render',
  'state',
  'export',
  'config',
  'saved-plan',
  'bench',
] as const;

/**
 * Engine files that still name a kind, each with its reason. The test fails
 * when one of them no longer needs its exception, so the list only shrinks.
 */
export const EXCEPTIONS: Readonly<Record<string, string>> = {
  'src/bench/estate.ts':
    'the synthetic estate: the YAML files a user writes, so it names every collection it fills (data, like a fixture)',
};

const ROOT = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const contentSpecs = KINDS.flatMap((kind) => kind.resources).filter((spec) => spec.scope !== 'root');
const kindFolders = KINDS.filter((kind) => kind.resources.every((spec) => spec.scope !== 'root')).map(
  (kind) => kind.id,
);
/** The names of the kinds' collections: what a state object holds them under (`ws.credentials`). */
const collections = [
  ...new Set([
    ...contentSpecs.flatMap((spec) => (spec.segment === undefined ? [] : [spec.segment])),
    ...contentSpecs.flatMap((spec) => (spec.view.ignoreKey === undefined ? [] : [spec.view.ignoreKey])),
    ...kindFolders,
  ]),
];
/**
 * Collection names that are also the engines' own words: a plan's `actions`
 * (and `Pick<Plan, 'actions'>`) share their name with the pipeline actions'
 * collection. Such a name is looked for only where a workspace holds it
 * (`ws.actions`, `actualWs?.actions`), never as a string.
 */
const PLAN_WORDS: ReadonlySet<string> = new Set(['actions']);
const WORKSPACE_OBJECT = '(?:ws|actualWs|workspace|live|desired)\\??';

/**
 * Every name of a kind, as a string literal. A singular kind name is not
 * looked for as a property: it may be a field of an engine's own types
 * (`view.label` is the view's label, not the labels kind).
 */
const names = [...new Set([...contentSpecs.map((spec) => spec.kind), ...collections])].filter(
  (name) => !PLAN_WORDS.has(name),
);
const capitalised = [
  ...new Set(contentSpecs.map((spec) => spec.kind.charAt(0).toUpperCase() + spec.kind.slice(1))),
  'ComputeEnv',
];

export function kindMentions(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const name of names) {
    if (new RegExp(`['"\`]${name}['"\`]`).test(code)) found.push(`the string '${name}'`);
  }
  for (const name of collections) {
    const owner = PLAN_WORDS.has(name) ? `\\b${WORKSPACE_OBJECT}` : '';
    if (new RegExp(`${owner}\\.${name}\\b(?!\\s*\\()`).test(code)) found.push(`the collection .${name}`);
  }
  for (const name of capitalised) {
    const typeName = new RegExp(`\\b(?:Desired${name}|Actual${name}|Written${name}|${name}Action)\\b`);
    const match = typeName.exec(code);
    if (match !== null) found.push(`the type ${match[0]}`);
  }
  for (const folder of kindFolders) {
    if (new RegExp(`['"][./]*/kinds/${folder}/`).test(code)) found.push(`an import from kinds/${folder}/`);
  }
  return found;
}

describe('the engines name no kind', () => {
  it('finds a kind named in a sample of engine code (the check can fail)', () => {
    expect(kindMentions("if (action.kind === 'credential') return;")).toContain("the string 'credential'");
    expect(kindMentions('const list = ws.computeEnvironments ?? [];')).toContain(
      'the collection .computeEnvironments',
    );
    expect(kindMentions('function f(a: PipelineAction) {}')).toContain('the type PipelineAction');
    expect(kindMentions('const c: WrittenCredential = x;')).toContain('the type WrittenCredential');
    expect(kindMentions("import { x } from '../kinds/secrets/plan.js';")).toContain(
      'an import from kinds/secrets/',
    );
    expect(kindMentions("// the credential's keys\nconst a = 1;")).toEqual([]);
    expect(kindMentions('const live = actualWs?.actions;')).toContain('the collection .actions');
    expect(kindMentions('for (const a of plan.actions) run(a);')).toEqual([]);
  });

  it.each(ENGINE_FOLDERS)('src/%s names no kind', (folder) => {
    const offences = filesUnder(join(ROOT, 'src', folder))
      .filter((file) => EXCEPTIONS[relative(ROOT, file)] === undefined)
      .flatMap((file) =>
        kindMentions(readFileSync(file, 'utf8')).map((what) => `${relative(ROOT, file)}: ${what}`),
      );
    expect(offences).toEqual([]);
  });

  it.each(Object.keys(EXCEPTIONS))('%s still needs its exception', (file) => {
    expect(kindMentions(readFileSync(join(ROOT, file), 'utf8'))).not.toEqual([]);
  });
});
