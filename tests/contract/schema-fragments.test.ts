/**
 * `schemas/*.schema.json` (organization, workspace, plan) are composed from
 * their skeletons (`src/formats/schema-skeletons/`) and each kind's
 * `src/kinds/<kind>/schema.json`, in registry order, the `prune`/`ignore`
 * keys in the collections' order (`composeSchemas`). This test holds the
 * committed files to the composition, key order included, so a schema is
 * edited in the kind that owns the part; `npm run schemas`
 * (`SEQERA_SYNC_WRITE_SCHEMAS=1`) rewrites them, formatted as the format
 * check wants.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function composed(): SchemaSet {
  const skeletons = {
    organization: readJson('src/formats/schema-skeletons/organization.json'),
    workspace: readJson('src/formats/schema-skeletons/workspace.json'),
    plan: readJson('src/formats/schema-skeletons/plan.json'),
  };
  const fragments = KINDS.flatMap((kind) => {
    const path = `src/kinds/${kind.id}/schema.json`;
    return existsSync(join(REPO_ROOT, path)) ? [{ kind: kind.id, fragment: readJson(path) }] : [];
  });
  return composeSchemas(skeletons, fragments, COLLECTION_KINDS);
}

describe('the schemas are composed from the skeletons and the kinds’ fragments', () => {
  let schemas: SchemaSet | undefined;

  it.each(FILES)(`schemas/%s.schema.json is the composition, key order included`, async (file) => {
    schemas ??= composed();
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
      `schemas/${file}.schema.json differs from the composition: edit src/kinds/<kind>/schema.json (or the skeleton), then run \`npm run schemas\``,
    ).toBe(JSON.stringify(schemas[file]));
  });

  it('each kind’s fragment declares its own plan actions, collections and file list, and no other kind’s', () => {
    for (const kind of KINDS) {
      const path = `src/kinds/${kind.id}/schema.json`;
      expect(existsSync(join(REPO_ROOT, path)), `${path} is missing`).toBe(true);
      const fragment = readJson(path) as SchemaFragment;
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
