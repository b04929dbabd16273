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
import { composeSchemas, type SchemaSet } from '../../src/formats/compose-schemas.js';
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
  const schemas = composed();

  it.each(FILES)(`schemas/%s.schema.json is the composition, key order included`, async (file) => {
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

  it('every kind with a list in a file, a collection or a plan action has a fragment', () => {
    const withFragment = new Set(
      KINDS.filter((kind) => existsSync(join(REPO_ROOT, `src/kinds/${kind.id}/schema.json`))).map(
        (k) => k.id,
      ),
    );
    const needing = KINDS.filter((kind) => kind.load !== undefined || kind.resources.length > 0).map(
      (kind) => kind.id,
    );
    expect(needing.filter((id) => !withFragment.has(id))).toEqual([]);
  });
});
