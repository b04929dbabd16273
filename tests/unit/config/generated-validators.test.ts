import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { parseAllDocuments } from 'yaml';
import {
  generatedValidatorsSource,
  writeGeneratedValidators,
} from '../../../src/formats/generate-validators.js';
import {
  generatedValidatorsUrl,
  loadGeneratedValidators,
  type GeneratedValidators,
} from '../../../src/formats/generated-validators.js';
import {
  FILE_KINDS,
  SCHEMA_FORMATS,
  newAjv,
  readSchemas,
  schemaDigest,
  schemaValidators,
  type FileKind,
  type SchemaSource,
} from '../../../src/formats/schema-validator.js';
import { schemaIssues } from '../../../src/formats/schema-messages.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

/** Every YAML document of the example estate and the config fixtures (valid and invalid). */
async function yamlDocuments(): Promise<unknown[]> {
  const out: unknown[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.yaml')) {
        for (const doc of parseAllDocuments(await readFile(full, 'utf8'))) {
          if ('errors' in doc && doc.errors.length > 0) continue;
          try {
            out.push(doc.toJS({ maxAliasCount: 10 }));
          } catch {
            // An alias bomb: the loader refuses it before validating.
          }
        }
      }
    }
  };
  await walk(path.join(REPO_ROOT, 'workspaces'));
  await walk(path.join(REPO_ROOT, 'tests', 'fixtures', 'config'));
  return out;
}

/** The document with each value in turn replaced by ill-typed values, and an unknown key in each object. */
function variants(doc: unknown): unknown[] {
  const out: unknown[] = [];
  const visit = (node: unknown, replace: (value: unknown) => unknown): void => {
    // Alternating wrong values keeps the corpus small while reaching every keyword kind.
    out.push(replace(out.length % 2 === 0 ? 42 : 'not an email@'));
    if (Array.isArray(node)) {
      const items = node as readonly unknown[];
      items.forEach((item, i) => {
        visit(item, (value) => replace(items.map((other, j) => (j === i ? value : other))));
      });
    } else if (typeof node === 'object' && node !== null) {
      const record = node as Record<string, unknown>;
      out.push(replace({ ...record, unexpectedKey: true }));
      for (const key of Object.keys(record)) {
        visit(record[key], (value) => replace({ ...record, [key]: value }));
      }
    }
  };
  visit(doc, (value) => value);
  return out;
}

/** What the messages are made of (the verbose schema copies are compared through the messages). */
function essentials(errors: readonly ErrorObject[] | null | undefined): unknown {
  if (errors === null || errors === undefined) return null;
  return {
    errors: errors.map((e) => [e.instancePath, e.schemaPath, e.keyword, e.params, e.message]),
    messages: schemaIssues(errors),
  };
}

describe('the validators generated from schemas/', () => {
  let dir: string;
  let sources: Record<FileKind, SchemaSource>;
  let generated: GeneratedValidators;

  beforeAll(async () => {
    // Inside the repository, so the generated code's require('ajv/…') resolves as it does from dist/.
    dir = await mkdtemp(path.join(REPO_ROOT, 'node_modules', '.generated-validators-test-'));
    sources = await readSchemas();
    const file = path.join(dir, 'schema-validators.cjs');
    await writeFile(file, generatedValidatorsSource(sources));
    const loaded = loadGeneratedValidators(
      schemaDigest(sources),
      SCHEMA_FORMATS,
      FILE_KINDS,
      pathToFileURL(file),
    );
    if (loaded === undefined) throw new Error('the freshly generated module did not load');
    generated = loaded;
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('report exactly the errors the schemas compiled at runtime report, document by document', async () => {
    const documents = (await yamlDocuments()).flatMap(variants);
    expect(documents.length).toBeGreaterThan(500);
    let invalid = 0;
    for (const kind of FILE_KINDS) {
      const compiled = newAjv().compile(sources[kind].schema);
      const fromBuild = generated.get(kind);
      if (fromBuild === undefined) throw new Error(`no generated ${kind} validator`);
      for (const document of documents) {
        const valid = compiled(document);
        expect(fromBuild(document)).toBe(valid);
        expect(essentials(fromBuild.errors)).toEqual(essentials(compiled.errors));
        if (!valid) invalid += 1;
      }
    }
    // Most variants are invalid somewhere: the comparison covers the error paths, not only "valid".
    expect(invalid).toBeGreaterThan(documents.length);
  });

  it('are not used when they were generated from other schemas, or the module is missing or broken', async () => {
    const file = pathToFileURL(path.join(dir, 'schema-validators.cjs'));
    expect(loadGeneratedValidators('0'.repeat(64), SCHEMA_FORMATS, FILE_KINDS, file)).toBeUndefined();
    const missing = pathToFileURL(path.join(dir, 'missing.cjs'));
    expect(
      loadGeneratedValidators(schemaDigest(sources), SCHEMA_FORMATS, FILE_KINDS, missing),
    ).toBeUndefined();
    const broken = path.join(dir, 'broken.cjs');
    await writeFile(broken, 'exports.digest = "');
    const brokenUrl = pathToFileURL(broken);
    expect(
      loadGeneratedValidators(schemaDigest(sources), SCHEMA_FORMATS, FILE_KINDS, brokenUrl),
    ).toBeUndefined();
  });

  it('change digest when a schema changes', () => {
    const edited = { ...sources, workspace: { ...sources.workspace, text: `${sources.workspace.text} ` } };
    expect(schemaDigest(edited)).not.toBe(schemaDigest(sources));
    expect(schemaDigest(sources)).toBe(schemaDigest({ ...sources }));
  });

  it('are written once and rewritten only when stale', async () => {
    const file = pathToFileURL(path.join(dir, 'written', 'schema-validators.cjs'));
    expect(await writeGeneratedValidators(file)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(generatedValidatorsSource(sources));
    expect(await writeGeneratedValidators(file)).toBe(false);
    await writeFile(file, 'exports.digest = "stale";\n');
    expect(await writeGeneratedValidators(file)).toBe(true);
    expect(loadGeneratedValidators(schemaDigest(sources), SCHEMA_FORMATS, FILE_KINDS, file)).toBeDefined();
  });

  it('are what the loader uses in this test run (the build, or the test setup, generated them)', async () => {
    expect(path.relative(REPO_ROOT, generatedValidatorsUrl().pathname)).toBe(
      path.join('dist', 'generated', 'schema-validators.cjs'),
    );
    expect((await schemaValidators()).origin).toBe('generated');
  });
});
