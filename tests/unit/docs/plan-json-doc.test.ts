/**
 * `src/model/README.md` documents the plan's JSON. Its field tables must name
 * exactly the fields the format has (`schemas/plan.schema.json`), every field
 * of a document the planner and the document builder produce must be among
 * them, its kind order must be `RESOURCE_ORDER`, and its addresses must be the
 * ones `address.ts` builds.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { address } from '../../../src/model/address.js';
import type { ActualOrg, ActualState, ActualWorkspace } from '../../../src/model/actual.js';
import type { PlanDocument } from '../../../src/model/plan-document.js';
import { RESOURCE_ORDER } from '../../../src/kinds/graph.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { buildPlanDocument } from '../../../src/saved-plan/build-document.js';
import { desiredDigest } from '../../../src/saved-plan/digest.js';
import { computePreconditions } from '../../../src/saved-plan/preconditions.js';
import { actualFromDesired, anActualMember, contextFromDesired } from '../../helpers/builders.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

interface SchemaNode {
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly oneOf?: readonly SchemaNode[];
}

const readme = await readFile(join(REPO_ROOT, 'src', 'model', 'README.md'), 'utf8');
const schema = JSON.parse(
  await readFile(join(REPO_ROOT, 'schemas', 'plan.schema.json'), 'utf8'),
) as SchemaNode & {
  readonly $defs: Readonly<Record<string, SchemaNode>>;
};

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.replace('#/$defs/', '');
  const target = schema.$defs[name];
  if (target === undefined) throw new Error(`unresolved ${node.$ref}`);
  return resolve(target);
}

/** The schema node at a documented path: `''` (the document), `tool`, `actions[]`, `changeScope.files[]`, … */
function schemaAt(path: string): SchemaNode {
  let node: SchemaNode = schema;
  for (const part of path === '' ? [] : path.split('.')) {
    const name = part.replace('[]', '');
    const branches = node.oneOf?.map(resolve) ?? [resolve(node)];
    const child = branches.map((branch) => branch.properties?.[name]).find((c) => c !== undefined);
    if (child === undefined) throw new Error(`no schema property ${path}`);
    node = resolve(child);
    if (part.endsWith('[]')) node = resolve(node.items ?? {});
  }
  return node;
}

/** Property names at a schema node; for a `oneOf` (the actions), the union over its branches. */
function schemaFields(node: SchemaNode): Set<string> {
  const branches = node.oneOf?.map(resolve) ?? [node];
  return new Set(branches.flatMap((branch) => Object.keys(branch.properties ?? {})));
}

/** Keys found at a path of a document (unions over array items). */
function documentFields(document: unknown, path: string): Set<string> {
  let values: unknown[] = [document];
  for (const part of path === '' ? [] : path.split('.')) {
    const name = part.replace('[]', '');
    values = values.flatMap((value): unknown[] => {
      const child = (value as Record<string, unknown>)[name];
      if (child === undefined) return [];
      return part.endsWith('[]') ? (child as unknown[]) : [child];
    });
  }
  return new Set(values.flatMap((value) => Object.keys(value as object)));
}

/** The README's field tables: heading (`Top level` → `''`, else the path in backticks) → first-column names. */
function documentedTables(): Map<string, { fields: string[]; always: string[] }> {
  const tables = new Map<string, { fields: string[]; always: string[] }>();
  const sections = readme.split(/^### /m).slice(1);
  for (const section of sections) {
    const heading = section.slice(0, section.indexOf('\n'));
    const path = heading === 'Top level' ? '' : /^`([^`]+)`$/.exec(heading)?.[1];
    if (path === undefined) continue;
    const rows = [...section.matchAll(/^\| `([A-Za-z]+)` +\| ([^|]*)\|/gm)];
    tables.set(path, {
      fields: rows.map((row) => row[1] ?? ''),
      always: rows.filter((row) => row[2]?.trim() === 'always').map((row) => row[1] ?? ''),
    });
  }
  return tables;
}

/**
 * A real document: the repository's example estate planned against a
 * platform that differs from it (a workspace missing, an extra member, a
 * member with another role, a compute environment whose config changed).
 */
async function realDocument(): Promise<PlanDocument> {
  const loaded = await loadDesiredState(join(REPO_ROOT, 'workspaces'));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
  const desired = loaded.value;
  const perfect = actualFromDesired(desired);
  const changedWorkspace = (ws: ActualWorkspace): ActualWorkspace =>
    ws.computeEnvironments === undefined
      ? ws
      : {
          ...ws,
          computeEnvironments: ws.computeEnvironments.map((ce) => ({
            ...ce,
            config: { ...ce.config, workDir: 's3://changed-by-hand/work' },
          })),
        };
  const changedOrg = (org: ActualOrg): ActualOrg => ({
    ...org,
    members: [
      ...(org.members ?? []).map((m, i) =>
        i === 0 ? { ...m, role: m.role === 'owner' ? 'member' : 'owner' } : m,
      ),
      anActualMember('added.by.hand@example.org', 'member'),
    ],
    workspaces: org.workspaces.slice(1).map(changedWorkspace),
  });
  const actual: ActualState = { ...perfect, orgs: perfect.orgs.map(changedOrg) };
  const computed = computePlan(desired, actual, contextFromDesired(desired));
  const plan = {
    ...computed,
    target: {
      endpoint: 'https://api.example.org',
      userName: actual.user.userName,
      email: actual.user.email,
      orgs: computed.scope.orgs,
    },
  };
  return buildPlanDocument(plan, {
    endpoint: 'https://api.example.org',
    desiredDigest: desiredDigest(desired),
    toolVersion: '0.0.0',
    preconditions: computePreconditions(plan),
    variables: { salt: 'salt', fingerprint: 'fingerprint', names: [] },
  });
}

const tables = documentedTables();

describe('src/model/README.md documents the plan JSON', () => {
  it('has a field table for the document and for each object in it', () => {
    expect([...tables.keys()].sort()).toEqual(
      [
        '',
        'tool',
        'target',
        'options',
        'summary',
        'scope',
        'changeScope',
        'changeScope.files[]',
        'changeScope.policyChanges[]',
        'variables',
        'actions[]',
        'actions[].changes[]',
        'blocked[]',
        'unmanaged[]',
        'notes[]',
        'warnings[]',
      ].sort(),
    );
  });

  it.each([...tables.keys()].map((path) => [path === '' ? 'the document' : path, path]))(
    'names exactly the schema fields of %s',
    (_label, path) => {
      expect(new Set(tables.get(path)?.fields)).toEqual(schemaFields(schemaAt(path)));
    },
  );

  it('marks as always present exactly the required top-level fields', () => {
    expect(new Set(tables.get('')?.always)).toEqual(new Set(schema.required));
  });

  it('names every field of a document the planner produces', async () => {
    const document = await realDocument();
    expect(document.actions.map((a) => a.type)).toEqual(
      expect.arrayContaining(['create', 'update', 'replace']),
    );
    expect(document.unmanaged.length).toBeGreaterThan(0);
    for (const [path, table] of tables) {
      const documented = new Set(table.fields);
      const missing = [...documentFields(document, path)].filter((field) => !documented.has(field));
      expect(missing, `undocumented fields at '${path}'`).toEqual([]);
    }
  });

  it('gives the kind order of RESOURCE_ORDER', () => {
    const line = readme.split('<!-- resource-order -->')[1]?.trim().split('\n')[0] ?? '';
    expect([...line.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1])).toEqual([...RESOURCE_ORDER]);
  });

  it('shows the addresses address.ts builds', () => {
    const examples = [
      address.org('biocommons'),
      address.member('biocommons', 'jane@example.edu.au'),
      address.team('biocommons', 'ausgen-admins'),
      address.teamMember('biocommons', 'ausgen-admins', 'jane@example.edu.au'),
      address.workspace('biocommons', 'ausgen'),
      address.label('biocommons', 'ausgen', 'project'),
      address.userParticipant('biocommons', 'ausgen', 'jane@example.edu.au'),
      address.teamParticipant('biocommons', 'ausgen', 'ausgen-admins'),
      address.credential('biocommons', 'ausgen', 'aws-main'),
      address.dataLink('biocommons', 'ausgen', 'ausgen-reference'),
      address.dataset('biocommons', 'ausgen', 'rnaseq-test-samples'),
      address.computeEnv('biocommons', 'ausgen', 'aws-sydney'),
      address.primary('biocommons', 'ausgen', 'aws-sydney'),
      address.pipeline('biocommons', 'ausgen', 'rnaseq'),
      address.action('biocommons', 'ausgen', 'rnaseq-nightly'),
      address.secret('biocommons', 'ausgen', 'SENTIEON_LICENSE'),
      address.studios('biocommons', 'ausgen'),
    ];
    const section = readme.slice(readme.indexOf('### Addresses'));
    const documented = [...section.matchAll(/^\| [^|]+\| `([^`]+)` +\|$/gm)].map((m) => m[1]);
    expect(documented).toEqual(examples);
  });
});
