/**
 * `schemas/*.schema.json` (organization, workspace, plan) are composed from
 * their skeletons (`src/formats/schema-skeletons/`) and each kind's fragment
 * (the `schema` export of `src/kinds/<kind>/file.ts`), in registry order, the `prune`/`ignore`
 * keys in the collections' order (`composeSchemas`). This test holds the
 * committed files to the composition, key order included, so a schema is
 * edited in the kind that owns the part; `npm run schemas`
 * (`SEQERA_SYNC_WRITE_SCHEMAS=1`) rewrites them, formatted as the format
 * check wants.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { composeSchemas, type SchemaFragment, type SchemaSet } from '../../src/formats/compose-schemas.js';
import { COLLECTION_KINDS } from '../../src/kinds/collections.js';
import { KINDS } from '../../src/kinds/index.js';
import { REPO_ROOT } from '../helpers/openapi-spec.js';

const FILES = ['organization', 'workspace', 'plan'] as const;
const WRITE = process.env.SEQERA_SYNC_WRITE_SCHEMAS === '1';

function readJson(path: string): Readonly<Record<string, unknown>> {
  return JSON.parse(readFileSync(join(REPO_ROOT, path), 'utf8')) as Readonly<Record<string, unknown>>;
}

/** A kind's fragment: the `schema` export of its `file.ts`. */
async function fragmentOf(kind: string): Promise<SchemaFragment> {
  const url = pathToFileURL(join(REPO_ROOT, 'src', 'kinds', kind, 'file.ts')).href;
  const module = (await import(url)) as { schema?: SchemaFragment };
  if (module.schema === undefined) throw new Error(`src/kinds/${kind}/file.ts exports no schema`);
  return module.schema;
}

async function composed(): Promise<SchemaSet> {
  const skeletons = {
    organization: readJson('src/formats/schema-skeletons/organization.json'),
    workspace: readJson('src/formats/schema-skeletons/workspace.json'),
    plan: readJson('src/formats/schema-skeletons/plan.json'),
  };
  const fragments = [];
  for (const kind of KINDS) fragments.push({ kind: kind.id, fragment: await fragmentOf(kind.id) });
  return composeSchemas(skeletons, fragments, COLLECTION_KINDS);
}

describe('the schemas are composed from the skeletons and the kinds’ fragments', () => {
  let schemas: SchemaSet | undefined;

  it.each(FILES)(`schemas/%s.schema.json is the composition, key order included`, async (file) => {
    schemas ??= await composed();
    const path = join(REPO_ROOT, 'schemas', `${file}.schema.json`);
    if (WRITE) {
      const options = (await resolveConfig(path)) ?? {};
      writeFileSync(
        path,
        await format(JSON.stringify(schemas[file], null, 2), { ...options, filepath: path }),
      );
    }
    const committed = readFileSync(path, 'utf8');
    expect(
      JSON.stringify(JSON.parse(committed)),
      `schemas/${file}.schema.json differs from the composition: edit the schema of src/kinds/<kind>/file.ts (or the skeleton), then run \`npm run schemas\``,
    ).toBe(JSON.stringify(schemas[file]));
  });

  it('each kind’s fragment declares its own plan actions, collections and file list, and no other kind’s', async () => {
    for (const kind of KINDS) {
      const path = `src/kinds/${kind.id}/file.ts`;
      const fragment = await fragmentOf(kind.id);
      const actions = kind.resources.map((spec) => spec.kind as string);
      expect(Object.keys(fragment.plan?.actions ?? {}), `${path}: plan.actions`).toEqual(actions);
      const collections = kind.resources.flatMap((spec) =>
        spec.view.ignoreKey === undefined ? [] : [spec.view.ignoreKey as string],
      );
      expect(Object.keys(fragment.collections ?? {}), `${path}: collections`).toEqual(collections);
      if (kind.load !== undefined) {
        const keys = Object.keys(fragment[kind.load.file]?.properties ?? {});
        expect(keys, `${path}: ${kind.load.file}.properties`).toContain(kind.load.key);
      }
    }
  });
});
