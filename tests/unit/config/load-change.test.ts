/**
 * `loadChange`: a change and its base are loaded only as far as a plan of the
 * change needs. Byte-identical files are never parsed (a broken one included:
 * `validate` on the whole tree reports it); files that differ are parsed on
 * both sides and judged by content.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scopeChange } from '../../../src/config/change-scope.js';
import { loadChange } from '../../../src/config/load-change.js';
import { loadDesiredState } from '../../../src/config/load-desired-state.js';
import { coversOrgLevel, coversWorkspace } from '../../../src/model/selection.js';

const ORG = 'biocommons';
const ORG_FILE =
  `name: ${ORG}\nfullName: BioCommons\n` +
  'members:\n  - { email: owner@example.org, role: owner }\n  - { email: curator@example.org, role: member }\n' +
  'policy:\n  maxDeletions: 10\n';

const workspaceFile = (name: string, role = 'maintain'): string =>
  `name: ${name}\nfullName: Workspace ${name}\nvisibility: private\n` +
  `participants:\n  - { email: curator@example.org, role: ${role} }\n`;

const names = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `ws-${String(i + 1).padStart(4, '0')}`);

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'load-change-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** `<root>/<dir>/<org>/...` with `files` (name → text); returns the config dir. */
async function tree(dir: string, files: Readonly<Record<string, string>>): Promise<string> {
  const configDir = join(root, dir);
  await mkdir(join(configDir, ORG), { recursive: true });
  await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(configDir, ORG, name), text)));
  return configDir;
}

function estate(workspaces: readonly string[]): Record<string, string> {
  return {
    'organization.yaml': ORG_FILE,
    ...Object.fromEntries(workspaces.map((name) => [`${name}.yaml`, workspaceFile(name)])),
  };
}

describe('loadChange', () => {
  it('parses only the organisation file and the changed workspace file in a 1,000-file estate', async () => {
    const all = names(1000);
    const base = await tree('base', estate(all));
    const pr = await tree('pr', { ...estate(all), 'ws-0500.yaml': workspaceFile('ws-0500', 'launch') });

    const loaded = await loadChange(pr, base, {});

    expect(loaded.parsed).toEqual([
      `pr/${ORG}/organization.yaml`,
      `pr/${ORG}/ws-0500.yaml`,
      `base/${ORG}/ws-0500.yaml`,
    ]);
    expect(loaded.workspaceFiles).toHaveLength(1000);
    if (!loaded.change.ok || loaded.base?.ok !== true) throw new Error('expected both sides to load');
    expect(loaded.change.value.orgs.map((o) => o.workspaces.map((w) => w.name))).toEqual([['ws-0500']]);
    // The base reuses the organisation file: its policy is in force.
    expect(loaded.base.value.orgs[0]?.policy.maxDeletions).toBe(10);
    const change = scopeChange(loaded.base.value, loaded.change.value);
    expect(coversWorkspace(change.selection, ORG, 'ws-0500')).toBe(true);
    expect(coversOrgLevel(change.selection, ORG)).toBe(false);
    expect(change.files).toEqual([{ file: `pr/${ORG}/ws-0500.yaml`, change: 'changed' }]);
  });

  it('never parses a byte-identical file, even a broken one, which `validate` of the whole tree reports', async () => {
    const broken = 'name: [unclosed\n';
    const base = await tree('base', { ...estate(['alpha', 'beta']), 'broken.yaml': broken });
    const pr = await tree('pr', {
      ...estate(['alpha', 'beta']),
      'broken.yaml': broken,
      'alpha.yaml': workspaceFile('alpha', 'admin'),
    });

    const loaded = await loadChange(pr, base, {});

    expect(loaded.change.ok).toBe(true);
    expect(loaded.base?.ok).toBe(true);
    expect(loaded.parsed).not.toContain(`pr/${ORG}/broken.yaml`);
    expect(loaded.workspaceFiles.map((w) => w.name)).toContain('broken');
    const whole = await loadDesiredState(pr);
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.diagnostics[0]?.file).toBe(`pr/${ORG}/broken.yaml`);
  });

  it('parses a file whose bytes differ and judges it by content: a comment-only edit changes nothing', async () => {
    const base = await tree('base', estate(['alpha', 'beta']));
    const pr = await tree('pr', {
      ...estate(['alpha', 'beta']),
      'beta.yaml': `# reviewed\n${workspaceFile('beta')}`,
    });

    const loaded = await loadChange(pr, base, {});

    expect(loaded.parsed).toEqual([
      `pr/${ORG}/organization.yaml`,
      `pr/${ORG}/beta.yaml`,
      `base/${ORG}/beta.yaml`,
    ]);
    if (!loaded.change.ok || loaded.base?.ok !== true) throw new Error('expected both sides to load');
    const change = scopeChange(loaded.base.value, loaded.change.value);
    expect(change.files).toEqual([]);
    expect(coversWorkspace(change.selection, ORG, 'beta')).toBe(false);
  });

  it('loads the whole organisation on both sides when its organization.yaml differs', async () => {
    const base = await tree('base', estate(['alpha', 'beta']));
    const pr = await tree('pr', {
      ...estate(['alpha', 'beta']),
      'organization.yaml': ORG_FILE.replace('maxDeletions: 10', 'maxDeletions: 50'),
    });

    const loaded = await loadChange(pr, base, {});

    expect([...loaded.parsed].sort()).toEqual(
      ['organization', 'alpha', 'beta']
        .flatMap((f) => [`base/${ORG}/${f}.yaml`, `pr/${ORG}/${f}.yaml`])
        .sort(),
    );
    if (!loaded.change.ok || loaded.base?.ok !== true) throw new Error('expected both sides to load');
    const change = scopeChange(loaded.base.value, loaded.change.value);
    expect(coversOrgLevel(change.selection, ORG)).toBe(true);
    expect(change.desired.orgs[0]?.policy.maxDeletions).toBe(10);
  });

  it('loads an added file on the change side and a removed one on the base side only', async () => {
    const base = await tree('base', estate(['alpha', 'old']));
    const pr = await tree('pr', estate(['alpha', 'new']));

    const loaded = await loadChange(pr, base, {});

    expect(loaded.parsed).toEqual([
      `pr/${ORG}/organization.yaml`,
      `pr/${ORG}/new.yaml`,
      `base/${ORG}/old.yaml`,
    ]);
    if (!loaded.change.ok || loaded.base?.ok !== true) throw new Error('expected both sides to load');
    expect(scopeChange(loaded.base.value, loaded.change.value).files).toEqual([
      { file: `base/${ORG}/old.yaml`, change: 'removed' },
      { file: `pr/${ORG}/new.yaml`, change: 'added' },
    ]);
  });

  it('loads nothing of an organisation none of whose files differ', async () => {
    const base = await tree('base', estate(['alpha']));
    const pr = await tree('pr', estate(['alpha']));

    const loaded = await loadChange(pr, base, {});

    expect(loaded.parsed).toEqual([]);
    expect(loaded.change.ok && loaded.change.value.orgs).toEqual([]);
  });

  it('reports a broken changed file by file and line, and does not load the base', async () => {
    const base = await tree('base', estate(['alpha']));
    const pr = await tree('pr', {
      ...estate(['alpha']),
      'alpha.yaml': 'name: alpha\nfullName: Alpha\nvisibility: secret\n',
    });

    const loaded = await loadChange(pr, base, {});

    expect(loaded.change.ok).toBe(false);
    expect(loaded.base).toBeUndefined();
    if (!loaded.change.ok) {
      expect(loaded.change.diagnostics.map((d) => `${d.file}:${String(d.line)}`)).toContain(
        `pr/${ORG}/alpha.yaml:3`,
      );
    }
  });
});
