/**
 * The README is part of the product: its examples must validate and its
 * command table must list exactly the commands the CLI has.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { REPO_ROOT } from '../../helpers/openapi-spec.js';
import { runCli } from '../../helpers/cli.js';
import { renderText } from '../../../src/render/text.js';
import { richPlan } from '../../fixtures/plans/rich-plan.js';
import { configProgress, PROGRESS_MIN_FILES } from '../../../src/usecases/config-progress.js';

const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8');
const yamlBlocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
let dir: string | undefined;

afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('README', () => {
  it('shows the two fresh-machine commands', () => {
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm ci && npm test');
  });

  it('has an organisation and a workspace example that validate together', async () => {
    const org = yamlBlocks.find((b) => b.includes('organization.schema.json'));
    const ws = yamlBlocks.find((b) => b.includes('workspace.schema.json'));
    expect(org).toBeDefined();
    expect(ws).toBeDefined();
    dir = await mkdtemp(join(tmpdir(), 'readme-'));
    await mkdir(join(dir, 'biocommons'));
    await writeFile(join(dir, 'biocommons', 'organization.yaml'), org ?? '');
    await writeFile(join(dir, 'biocommons', 'community-pipelines.yaml'), ws ?? '');
    const loaded = await loadDesiredState(dir);
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`)).toEqual([]);
  });

  it('lists every command of the CLI, and no other', async () => {
    const help = await runCli(['--help']);
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+) /gm)]
      .map((m) => m[1])
      .filter((c) => c !== 'help');
    const section = readme.slice(readme.indexOf('## Commands'), readme.indexOf('### Exit codes'));
    const documented = [...section.matchAll(/^\| `([a-z]+)[ `]/gm)].map((m) => m[1]);
    expect(new Set(documented)).toEqual(new Set(commands));
  });

  it('shows the legend of plan symbols exactly as plan prints it, and the key-by-key diff it prints', () => {
    const printed = renderText(richPlan(), { color: false });
    const legend = /^Symbols:\n(?: .*\n)+/m.exec(printed)?.[0];
    expect(legend).toBeDefined();
    expect(readme).toContain(`\`\`\`\n${legend ?? ''}\`\`\``);
    const example = /```\n( {2}~ pipeline biocommons\/ausgen\/pipelines\/rnaseq\n[\s\S]*?)```/.exec(
      readme,
    )?.[1];
    for (const line of (example ?? 'missing').split('\n').filter((l) => l.trim() !== '')) {
      expect(printed).toContain(line);
    }
  });

  it('quotes the progress lines of a large configuration as they are printed', () => {
    let stderr = '';
    let t = 0;
    const reporter = configProgress(
      {
        stdout: () => undefined,
        stderr: (text) => (stderr += text),
        env: {},
        cwd: '.',
        stdinIsTTY: false,
        stdoutIsTTY: false,
        stderrIsTTY: false,
        confirm: () => Promise.resolve(false),
        makeClient: () => {
          throw new Error('not used');
        },
        now: () => (t += 4.2),
      },
      false,
    );
    reporter.progress.filesFound(1001);
    for (let i = 0; i < 1001; i++) reporter.progress.fileRead();
    reporter.finish();
    const [reading, read] = stderr.split('\n');
    expect(readme).toContain(`\`${reading ?? 'missing'}\``);
    expect(readme).toContain(`\`${read ?? 'missing'}\``);
    expect(readme).toContain(`(${String(PROGRESS_MIN_FILES)} files or more)`);
  });
});
