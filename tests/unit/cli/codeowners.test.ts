import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CODEOWNERS_HEADER,
  lineDiff,
  renderCodeowners,
  staffFromCodeowners,
} from '../../../src/github/codeowners.js';
import { runCli } from '../../helpers/cli.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'seqera-codeowners-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

async function put(rel: string, text: string): Promise<void> {
  await mkdir(dirname(join(cwd, rel)), { recursive: true });
  await writeFile(join(cwd, rel), text);
}

async function estate(): Promise<void> {
  await put('workspaces/biocommons/organization.yaml', 'name: biocommons\nmembers: []\n');
  await put(
    'workspaces/biocommons/ausgen.yaml',
    "name: ausgen\nfullName: A\nmaintainers: ['@biocommons/ausgen-maintainers', '@jcitizen']\n",
  );
  await put('workspaces/biocommons/marine.yaml', 'name: marine\nfullName: M\n');
  await put(
    'workspaces/anotherorg/zeta.yaml',
    'name: zeta\nfullName: Z\nmaintainers:\n  - "@Zed"\n  - "@biocommons/platform-staff"\n',
  );
}

const EXPECTED = `${CODEOWNERS_HEADER}
# Regenerate with \`npx seqera-sync codeowners\` after changing \`maintainers:\` in a
# workspace file; CI fails when this file is out of date (\`codeowners --check\`).
# The last matching pattern wins: staff own everything, and each workspace file is
# also owned by its maintainers.

* @biocommons/platform-staff
/src/ @biocommons/platform-staff
/.github/ @biocommons/platform-staff
/schemas/ @biocommons/platform-staff

# Workspace files and their dataset folders: their maintainers, and staff.
/workspaces/anotherorg/datasets/zeta/ @Zed @biocommons/platform-staff
/workspaces/anotherorg/zeta.yaml @Zed @biocommons/platform-staff
/workspaces/biocommons/ausgen.yaml @biocommons/ausgen-maintainers @jcitizen @biocommons/platform-staff
/workspaces/biocommons/datasets/ausgen/ @biocommons/ausgen-maintainers @jcitizen @biocommons/platform-staff
/workspaces/biocommons/datasets/marine/ @biocommons/platform-staff
/workspaces/biocommons/marine.yaml @biocommons/platform-staff
`;

describe('seqera-sync codeowners', () => {
  it('writes .github/CODEOWNERS: staff own everything, each workspace file its maintainers and staff', async () => {
    await estate();
    const r = await runCli(['codeowners'], { cwd });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      'Wrote .github/CODEOWNERS (3 workspace files, staff: @biocommons/platform-staff).\n',
    );
    expect(await readFile(join(cwd, '.github/CODEOWNERS'), 'utf8')).toBe(EXPECTED);
  });

  it('--check passes on the file it wrote, and a rerun changes nothing', async () => {
    await estate();
    await runCli(['codeowners'], { cwd });
    expect(await runCli(['codeowners', '--check'], { cwd })).toMatchObject({
      code: 0,
      stdout: '.github/CODEOWNERS is up to date (3 workspace files).\n',
    });
    expect((await runCli(['codeowners'], { cwd })).stdout).toContain('already up to date');
  });

  it('--check exits 1 with a diff when a maintainer changed, and writes nothing', async () => {
    await estate();
    await runCli(['codeowners'], { cwd });
    await put(
      'workspaces/biocommons/marine.yaml',
      "name: marine\nfullName: M\nmaintainers: ['@reef-lead']\n",
    );
    const r = await runCli(['codeowners', '--check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '.github/CODEOWNERS is out of date: run `npx seqera-sync codeowners` and commit the result.\n' +
        '--- .github/CODEOWNERS (committed)\n+++ .github/CODEOWNERS (from the workspace files)\n' +
        '-/workspaces/biocommons/datasets/marine/ @biocommons/platform-staff\n' +
        '-/workspaces/biocommons/marine.yaml @biocommons/platform-staff\n' +
        '+/workspaces/biocommons/datasets/marine/ @reef-lead @biocommons/platform-staff\n' +
        '+/workspaces/biocommons/marine.yaml @reef-lead @biocommons/platform-staff\n',
    );
    expect(await readFile(join(cwd, '.github/CODEOWNERS'), 'utf8')).toBe(EXPECTED);
  });

  it('--check exits 1 when the file does not exist', async () => {
    await estate();
    const r = await runCli(['codeowners', '--check'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('(.github/CODEOWNERS does not exist)');
  });

  it('keeps the staff of the existing * line, and --staff replaces them', async () => {
    await estate();
    await put('.github/CODEOWNERS', '# hand-written\n*   @acme/ops   @acme/leads  # staff\n');
    await runCli(['codeowners'], { cwd });
    const kept = await readFile(join(cwd, '.github/CODEOWNERS'), 'utf8');
    expect(kept).toContain('\n* @acme/ops @acme/leads\n');
    expect(kept).toContain('/workspaces/biocommons/marine.yaml @acme/ops @acme/leads\n');
    await runCli(['codeowners', '--staff', '@new/staff'], { cwd });
    expect(await readFile(join(cwd, '.github/CODEOWNERS'), 'utf8')).toContain('\n/src/ @new/staff\n');
    expect((await runCli(['codeowners', '--check'], { cwd })).code).toBe(0);
  });

  it('reads --config-dir relative to the working directory', async () => {
    await put('estate/org1/ws1.yaml', "name: ws1\nmaintainers: ['@someone']\n");
    expect((await runCli(['--config-dir', 'estate', 'codeowners'], { cwd })).code).toBe(0);
    expect(await readFile(join(cwd, '.github/CODEOWNERS'), 'utf8')).toContain(
      '/estate/org1/ws1.yaml @someone @biocommons/platform-staff\n',
    );
  });

  it.each([
    ["maintainers: ['jcitizen']", "maintainers: 'jcitizen' is not a GitHub @login or @org/team"],
    ['maintainers: "@a"', 'maintainers must be a list'],
    ['maintainers: [unclosed', 'cannot read or parse it as YAML'],
  ])('rejects a workspace file with %s, naming it', async (line, message) => {
    await put('workspaces/o/w.yaml', `name: w\n${line}\n`);
    const r = await runCli(['codeowners'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('workspaces/o/w.yaml');
    expect(r.stderr).toContain(message);
  });

  it('rejects a bad --staff and a config dir outside the repository', async () => {
    await estate();
    expect((await runCli(['codeowners', '--staff', 'staff'], { cwd })).stderr).toContain(
      "--staff takes @login or @org/team, got 'staff'",
    );
    const outside = await mkdtemp(join(tmpdir(), 'seqera-outside-'));
    try {
      await mkdir(join(outside, 'o'));
      await writeFile(join(outside, 'o', 'w.yaml'), 'name: w\n');
      const r = await runCli(['--config-dir', outside, 'codeowners'], { cwd });
      expect(r.stderr).toContain('the config dir must be inside the repository');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('the committed .github/CODEOWNERS matches the example estate', async () => {
    const r = await runCli(['codeowners', '--check'], { cwd: REPO_ROOT });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('codeowners helpers', () => {
  it('renderCodeowners de-duplicates owners case-insensitively and sorts files', () => {
    const text = renderCodeowners(
      ['@Staff'],
      [
        { path: '/workspaces/b/x.yaml', maintainers: ['@a', '@A', '@staff'] },
        { path: '/workspaces/a/with space.yaml', maintainers: [] },
      ],
    );
    expect(text).toContain('/workspaces/a/with\\ space.yaml @Staff\n/workspaces/b/x.yaml @a @staff\n');
  });

  it('staffFromCodeowners reads the * line, ignoring comments', () => {
    expect(staffFromCodeowners('# * @not\n/src/ @x\n* @a @b # c\n')).toEqual(['@a', '@b']);
    expect(staffFromCodeowners('/src/ @x\n')).toBeUndefined();
  });

  it('lineDiff lists removed and added lines in order', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual(['-b', '+d']);
    expect(lineDiff('same', 'same')).toEqual([]);
  });
});
