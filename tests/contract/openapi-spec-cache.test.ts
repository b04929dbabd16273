import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readOpenApiSpec } from '../helpers/openapi-spec-cache.js';

describe('the parsed OpenAPI spec cache the contract checker reads', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'spec-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const spec = (version: string): string =>
    `openapi: 3.0.1\ninfo: { title: t, version: '${version}' }\npaths:\n  /a: &op { get: { responses: { '200': { description: ok } } } }\n  /b: *op\n`;

  it('gives what parsing the YAML gives, from the cache on the second read', async () => {
    const file = path.join(dir, 'spec.yaml');
    const cache = path.join(dir, 'cache');
    await writeFile(file, spec('1'));
    expect(readOpenApiSpec(file, cache)).toEqual(parse(spec('1')));
    expect(await readdir(cache)).toHaveLength(1);
    expect(readOpenApiSpec(file, cache)).toEqual(parse(spec('1')));
    expect(await readdir(cache)).toHaveLength(1);
  });

  it('parses an edited spec again instead of serving the old one', async () => {
    const file = path.join(dir, 'spec.yaml');
    const cache = path.join(dir, 'cache');
    await writeFile(file, spec('1'));
    readOpenApiSpec(file, cache);
    await writeFile(file, spec('2'));
    expect(readOpenApiSpec(file, cache)).toMatchObject({ info: { version: '2' } });
    expect(await readdir(cache)).toHaveLength(2);
  });
});
