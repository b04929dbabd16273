/**
 * How the demo and the benchmark find the CLI they run: the build in the
 * checkout's `dist/` (here a stand-in build in a temporary checkout, so the
 * test does not depend on the state of the shared `dist/`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliDeps } from '../../../src/usecases/deps.js';
import { BuiltCliMissingError, loadBuiltCli, repositoryRoot } from '../../../src/demo/built-cli.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function checkout(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'built-cli-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('loadBuiltCli', () => {
  it('runs the modules of <checkout>/dist', async () => {
    const root = await checkout({
      'dist/cli/main.js': 'export const run = async (argv) => 40 + argv.length;\n',
      'dist/api/client.js': "export const createApiClient = () => 'the built client';\n",
      'dist/heap-tuning.js': 'export let tuned = 0;\nexport const tuneHeap = () => { tuned++; };\n',
    });
    const cli = await loadBuiltCli(root);
    expect(await cli.run(['a', 'b'], {} as CliDeps)).toBe(42);
    expect(cli.createApiClient({} as Parameters<typeof cli.createApiClient>[0])).toBe('the built client');
    const heap = (await import(pathToFileURL(join(root, 'dist/heap-tuning.js')).href)) as { tuned: number };
    cli.tuneHeap();
    expect(heap.tuned).toBe(1);
  });

  it('without a build, names what is missing and how to make it', async () => {
    const root = await checkout({ 'dist/cli/main.js': 'export const run = async () => 0;\n' });
    const failure = loadBuiltCli(root);
    await expect(failure).rejects.toThrow(BuiltCliMissingError);
    await expect(failure).rejects.toThrow(join(root, 'dist', 'api', 'client.js'));
    await expect(failure).rejects.toThrow('run `npm run build` first');
    await expect(failure).rejects.not.toThrow(join(root, 'dist', 'cli', 'main.js'));
  });
});

describe('repositoryRoot', () => {
  it('is the checkout, from the sources and from the compiled tools', () => {
    expect(repositoryRoot()).toBe(REPO_ROOT);
    expect(repositoryRoot(join(REPO_ROOT, 'dist-tools', 'demo'))).toBe(REPO_ROOT);
  });

  it('is not another package above the folder', async () => {
    const root = await checkout({ 'package.json': '{"name":"something-else"}', 'tools/demo/x.js': '' });
    expect(() => repositoryRoot(join(root, 'tools', 'demo'))).toThrow(
      'no seqera-sync checkout or installation above',
    );
  });
});
