/**
 * Generates the module `generated-validators.ts` loads: ajv "standalone" code
 * for each schema, compiled with the loader's own ajv options, wrapped so the
 * formats (functions, which standalone code cannot embed) are passed in at
 * load time. Run by `npm run build` (and by the test setup when the module is
 * stale); the module is derived from `schemas/` and never edited by hand.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { _ } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import { generatedValidatorsUrl } from './generated-validators.js';
import {
  FILE_KINDS,
  newAjv,
  readSchemas,
  schemaDigest,
  type FileKind,
  type SchemaSource,
} from './schema-validator.js';

/** The module's source: `digest` and one `validators.<kind>(formats)` factory per schema. */
export function generatedValidatorsSource(sources: Readonly<Record<FileKind, SchemaSource>>): string {
  const factories = FILE_KINDS.map((kind) => {
    // The generated code reads each format as `formats.<name>` (the factory's parameter).
    const ajv = newAjv({ source: true, formats: _`formats` });
    const code = standalone.default(ajv, ajv.compile(sources[kind].schema));
    return `  ${JSON.stringify(kind)}: (formats) => {\n    const module = { exports: {} };\n    ${code}\n    return module.exports;\n  },`;
  });
  return [
    '// Generated from schemas/*.schema.json by `npm run build`: do not edit.',
    "'use strict';",
    `exports.digest = ${JSON.stringify(schemaDigest(sources))};`,
    'exports.validators = {',
    ...factories,
    '};',
    '',
  ].join('\n');
}

const DIGEST_LINE = /^exports\.digest = "([0-9a-f]+)";$/m;

/**
 * Writes the generated module (to `file`, by default where the CLI looks for
 * it) unless it was already generated from the current schemas and options.
 * The file is replaced whole (written aside, then renamed), so a reader never
 * sees half of it. Returns whether it wrote.
 */
export async function writeGeneratedValidators(file: URL = generatedValidatorsUrl()): Promise<boolean> {
  const sources = await readSchemas();
  const current = await readFile(file, 'utf8').catch(() => '');
  if (DIGEST_LINE.exec(current)?.[1] === schemaDigest(sources)) return false;
  const path = fileURLToPath(file);
  await mkdir(fileURLToPath(new URL('.', file)), { recursive: true });
  const aside = `${path}.${String(process.pid)}.tmp`;
  await writeFile(aside, generatedValidatorsSource(sources));
  await rename(aside, path);
  return true;
}
