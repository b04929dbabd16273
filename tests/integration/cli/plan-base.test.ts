/**
 * `plan --base-config-dir` end to end: the real CLI in-process over real HTTP
 * against the emulator. A change is planned against the configuration it is
 * proposed against: only the workspaces whose file changed are read and
 * planned (the whole organisation when its organization.yaml changed), the
 * safety settings in force are the base's, a removed or renamed file
 * deletes nothing, and a bad base is a clear error.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanDocument } from '../../../src/saved-plan/index.js';
import { useEmulator } from '../../helpers/emulator.js';
import {
  convergedSeed,
  editWorkspace,
  estateCopy,
  EXTRAS,
  FAST_CE,
  loadEstate,
  ORG,
  sync,
  TOKEN_USER,
  useTempDir,
  withHandAddedParticipants,
  writes,
} from './support.js';

const estate = await loadEstate();
const converged = await convergedSeed(estate);
const tmp = useTempDir();

const SHARED = 'community-pipelines';
const ROLE_CHANGE = (t: string): string =>
  t.replace(
    '{ email: pipeline.curator@example.org, role: maintain }',
    '{ email: pipeline.curator@example.org, role: launch }',
  );

interface ScopedPlan {
  readonly actions: readonly { readonly address: string; readonly type: string }[];
  readonly unmanaged: readonly { readonly address: string }[];
  readonly blocked: readonly { readonly rule: string }[];
  readonly scope: { readonly orgs: readonly string[]; readonly workspaces: readonly string[] };
  readonly changeScope?: {
    readonly notChanged: number;
    readonly files: readonly {
      readonly file: string;
      readonly change: string;
      readonly renamedTo?: string;
    }[];
    readonly policyChanges: readonly {
      readonly file: string;
      readonly setting: string;
      readonly from: string;
      readonly to: string;
    }[];
  };
}

/**
 * The options to run the CLI on the changed copy from the folder that holds
 * it, as a CI job runs in the checkout of the change: its files are shown
 * as `workspaces/<org>/<name>.yaml`, and a file only the base has (outside
 * the working directory) by its absolute path.
 */
function inChange(change: string): { readonly configDir: string; readonly cwd: string } {
  return { configDir: change, cwd: dirname(change) };
}

/** A base copy of the estate and a changed copy (`edits` by file), in the test's temp dir. */
async function baseAndChange(
  edits: Readonly<Record<string, (text: string) => string>>,
): Promise<{ base: string; change: string }> {
  const base = await estateCopy(join(tmp.path, 'base'));
  const change = await estateCopy(join(tmp.path, 'pr'), edits);
  return { base, change };
}

describe('a one-file change against a converged platform', () => {
  const fx = useEmulator(() => ({ ...FAST_CE, seed: converged }));

  it('reads and plans only the changed workspace: as many requests as a plan of that one workspace', async () => {
    const { base, change } = await baseAndChange({ [`${ORG}/${SHARED}.yaml`]: ROLE_CHANGE });
    fx.emu.clearRequestLog();
    const scoped = await sync(fx.emu, ['plan', '--format', 'json', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(scoped.code, scoped.stderr).toBe(0);
    const log = fx.emu.requestLog();
    const scopedRequests = log.map((e) => `${e.method} ${e.path}`);
    const plan = JSON.parse(scoped.stdout) as ScopedPlan;
    expect(plan.actions.map((a) => `${a.type} ${a.address}`)).toEqual([
      `update ${ORG}/${SHARED}/participants/pipeline.curator@example.org`,
    ]);
    expect(plan.scope).toEqual({ orgs: [ORG], workspaces: [`${ORG}/${SHARED}`] });
    expect(plan.changeScope).toEqual({
      notChanged: 2,
      files: [{ file: `workspaces/${ORG}/${SHARED}.yaml`, change: 'changed' }],
      policyChanges: [],
    });
    // Org-level reads: the token's user, the organisations, the workspace list and, as the file names
    // a team, the team list; no org members and no team members.
    const orgId = /^GET \/orgs\/(\d+)\/workspaces$/.exec(
      scopedRequests.find((r) => r.endsWith('/workspaces')) ?? '',
    )?.[1];
    const orgLevel = log.filter((e) => !e.path.includes('/workspaces/') && e.query.workspaceId === undefined);
    expect(orgLevel.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
      [
        'GET /user-info',
        'GET /orgs',
        `GET /orgs/${orgId ?? '?'}/workspaces`,
        `GET /orgs/${orgId ?? '?'}/teams`,
      ].sort(),
    );
    // Every workspace-level read is of the changed workspace.
    const wsIds = new Set(
      log
        .flatMap((e) => [e.query.workspaceId, /\/workspaces\/(\d+)/.exec(e.path)?.[1]])
        .filter((id) => id !== undefined),
    );
    expect(wsIds.size).toBe(1);
    expect(writes(fx.emu)).toEqual([]);

    fx.emu.clearRequestLog();
    const filtered = await sync(fx.emu, ['plan', '--workspace', `${ORG}/${SHARED}`], inChange(change));
    expect(filtered.code, filtered.stderr).toBe(0);
    expect(scopedRequests).toHaveLength(fx.emu.requestLog().length);

    fx.emu.clearRequestLog();
    await sync(fx.emu, ['plan'], inChange(change));
    expect(scopedRequests.length).toBeLessThan(fx.emu.requestLog().length / 2);
  });

  it('applies only the changed workspace with apply --base-config-dir', async () => {
    const { base, change } = await baseAndChange({ [`${ORG}/${SHARED}.yaml`]: ROLE_CHANGE });
    fx.emu.clearRequestLog();
    const applied = await sync(fx.emu, ['apply', '--yes', '--base-config-dir', base], inChange(change));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('2 workspaces not changed here');
    expect(writes(fx.emu)).toHaveLength(1);
    expect(writes(fx.emu)[0]).toMatch(/^PUT \/orgs\/\d+\/workspaces\/\d+\/participants\/\d+\/role$/);
    const after = await sync(fx.emu, ['plan', '--detailed-exitcode'], inChange(change));
    expect(after.code, after.stdout).toBe(0);
  });

  it('says in text and markdown how many workspaces it did not read', async () => {
    const { base, change } = await baseAndChange({ [`${ORG}/${SHARED}.yaml`]: ROLE_CHANGE });
    const text = await sync(fx.emu, ['plan', '--base-config-dir', base], inChange(change));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      '2 workspaces not changed here; drift is reported by the scheduled check.\n',
    );
    expect(text.stdout).toContain('Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.');
    const markdown = await sync(fx.emu, ['plan', '--format', 'markdown', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(markdown.stdout).toContain(
      '_2 workspaces not changed here; drift is reported by the scheduled check._',
    );
  });

  it('plans nothing when nothing changed, and the saved plan keeps the change scope', async () => {
    const { base, change } = await baseAndChange({});
    fx.emu.clearRequestLog();
    const out = join(tmp.path, 'plan.json');
    const result = await sync(
      fx.emu,
      ['plan', '--detailed-exitcode', '--out', out, '--base-config-dir', base],
      {
        ...inChange(change),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('3 workspaces not changed here');
    expect(result.stdout).toContain('No changes.');
    // Only the token's user: no organisation has a changed file.
    expect(fx.emu.requestLog().map((e) => e.path)).toEqual(['/user-info']);
    const saved = parsePlanDocument(await readFile(out, 'utf8'), out, fx.emu.token);
    expect(saved.changeScope).toEqual({ notChanged: 3, files: [], policyChanges: [] });
  });

  it('never parses a file identical in both trees, even a broken one; validate of the tree reports it', async () => {
    const broken = 'name: [unclosed\n';
    const { base, change } = await baseAndChange({ [`${ORG}/${SHARED}.yaml`]: ROLE_CHANGE });
    await writeFile(join(base, ORG, 'broken.yaml'), broken);
    await writeFile(join(change, ORG, 'broken.yaml'), broken);
    const scoped = await sync(fx.emu, ['plan', '--format', 'json', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(scoped.code, scoped.stderr).toBe(0);
    const plan = JSON.parse(scoped.stdout) as ScopedPlan;
    expect(plan.scope.workspaces).toEqual([`${ORG}/${SHARED}`]);
    // The unparsed file counts among the workspaces not read.
    expect(plan.changeScope?.notChanged).toBe(3);
    const validated = await sync(fx.emu, ['validate'], inChange(change));
    expect(validated.code).toBe(1);
    expect(validated.stdout + validated.stderr).toContain(`workspaces/${ORG}/broken.yaml:`);
  });

  it('applies a saved scoped plan without a "configuration changed" warning, and warns when it did', async () => {
    const { base, change } = await baseAndChange({ [`${ORG}/${SHARED}.yaml`]: ROLE_CHANGE });
    const out = join(tmp.path, 'scoped.plan.json');
    const planned = await sync(fx.emu, ['plan', '--out', out, '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(planned.code, planned.stderr).toBe(0);
    // Another workspace's file is not part of what was reviewed: editing it is not a change to this plan.
    const other = join(change, ORG, 'marine-omics.yaml');
    await writeFile(other, `# edited after review\n${await readFile(other, 'utf8')}`);
    fx.emu.clearRequestLog();
    const applied = await sync(fx.emu, ['apply', out], inChange(change));
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('configuration changed since this plan was made');
    expect(writes(fx.emu)).toHaveLength(1);

    const again = await sync(fx.emu, ['plan', '--out', out, '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(again.code, again.stderr).toBe(0);
    const shared = join(change, ORG, `${SHARED}.yaml`);
    await writeFile(shared, (await readFile(shared, 'utf8')).replace(/^fullName: .*$/m, 'fullName: Renamed'));
    const edited = await sync(fx.emu, ['apply', out], inChange(change));
    expect(edited.stderr).toContain('Warning: the configuration changed since this plan was made');
  });

  it('shows a removed file and deletes nothing; reads nothing of that workspace', async () => {
    const base = await estateCopy(join(tmp.path, 'base'));
    const change = await estateCopy(join(tmp.path, 'pr'));
    await rm(join(change, ORG, 'ausgen.yaml'));
    const result = await sync(fx.emu, ['plan', '--format', 'json', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as ScopedPlan;
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    expect(plan.changeScope?.files).toEqual([{ file: join(base, ORG, 'ausgen.yaml'), change: 'removed' }]);
    const text = await sync(fx.emu, ['plan', '--base-config-dir', base], inChange(change));
    expect(text.stdout).toContain(
      'Files removed — nothing is deleted (only `state: absent` deletes a workspace):\n' +
        `  - ${join(base, ORG, 'ausgen.yaml')}: removed; the workspace is left on the platform as it is, no longer managed\n`,
    );
    expect(text.stdout).toContain('No changes.');
  });

  it('shows a renamed file as a new workspace and leaves the old one alone', async () => {
    const base = await estateCopy(join(tmp.path, 'base'));
    const change = await estateCopy(join(tmp.path, 'pr'), {
      [`${ORG}/marine-omics.yaml`]: (t) =>
        t.replace('name: marine-omics\n', 'name: marine-omics-community\n'),
    });
    await rename(join(change, ORG, 'marine-omics.yaml'), join(change, ORG, 'marine-omics-community.yaml'));
    const result = await sync(
      fx.emu,
      ['plan', '--format', 'json', '--base-config-dir', base, '--allow-deletions'],
      inChange(change),
    );
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as ScopedPlan;
    expect(plan.actions.filter((a) => a.type === 'delete')).toEqual([]);
    expect(plan.actions).toContainEqual(
      expect.objectContaining({ type: 'create', address: `${ORG}/marine-omics-community` }),
    );
    // Sorted by path: the removed file is shown where it is, in the base (outside the working directory).
    expect(plan.changeScope?.files).toEqual([
      {
        file: join(base, ORG, 'marine-omics.yaml'),
        change: 'removed',
        renamedTo: `workspaces/${ORG}/marine-omics-community.yaml`,
      },
      { file: `workspaces/${ORG}/marine-omics-community.yaml`, change: 'added' },
    ]);
    expect(plan.scope.workspaces).toEqual([`${ORG}/marine-omics-community`]);
  });

  it('plans a new organisation whole, and reads nothing of the unchanged one', async () => {
    const base = await estateCopy(join(tmp.path, 'base'));
    const change = await estateCopy(join(tmp.path, 'pr'));
    await mkdir(join(change, 'newcomers'));
    await writeFile(
      join(change, 'newcomers', 'organization.yaml'),
      `name: newcomers\nfullName: Newcomers\nmembers:\n  - { email: ${TOKEN_USER.email}, role: owner }\n`,
    );
    await writeFile(
      join(change, 'newcomers', 'first.yaml'),
      'name: first\nfullName: First workspace\nvisibility: private\n',
    );
    fx.emu.clearRequestLog();
    const result = await sync(
      fx.emu,
      ['plan', '--format', 'json', '--base-config-dir', base, '--allow-org-creation'],
      inChange(change),
    );
    expect(result.code, result.stderr).toBe(0);
    const plan = JSON.parse(result.stdout) as ScopedPlan;
    expect(plan.scope).toEqual({ orgs: ['newcomers'], workspaces: ['newcomers/first'] });
    expect(plan.actions.map((a) => `${a.type} ${a.address}`)).toEqual(
      expect.arrayContaining(['create newcomers', 'create newcomers/first']),
    );
    expect(plan.changeScope?.notChanged).toBe(3);
    expect(fx.emu.requestLog().map((e) => `${e.method} ${e.path}`)).toEqual(['GET /user-info', 'GET /orgs']);
  });
});

describe("a change that raises its own safety limits is judged by the base's", () => {
  const handMade = 'hand-made-pipeline';
  const fx = useEmulator(() => ({
    ...FAST_CE,
    seed: editWorkspace(withHandAddedParticipants(converged, EXTRAS), 'marine-omics', (ws) => ({
      ...ws,
      pipelines: [
        ...(ws.pipelines ?? []),
        { name: handMade, launch: { pipeline: 'https://github.com/nf-core/demo' } },
      ],
    })),
  }));

  it('keeps the deletion caps of the base when the change raises them while deleting', async () => {
    const { base, change } = await baseAndChange({
      [`${ORG}/organization.yaml`]: (t) =>
        t
          .replace('maxDeletions: 10', 'maxDeletions: 100')
          .replace('maxDeletionRatio: 0.25', 'maxDeletionRatio: 1'),
    });
    // Under the change's own policy the two hand-added people would simply be removed.
    const own = await sync(fx.emu, ['plan', '--format', 'json'], inChange(change));
    expect(own.code, own.stderr).toBe(0);
    expect((JSON.parse(own.stdout) as ScopedPlan).blocked).toEqual([]);

    const judged = await sync(fx.emu, ['plan', '--format', 'json', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(judged.code).toBe(1);
    const plan = JSON.parse(judged.stdout) as ScopedPlan;
    expect(plan.blocked.map((b) => b.rule)).toEqual(['maxDeletionRatio']);
    expect(plan.changeScope?.policyChanges).toEqual([
      {
        file: `workspaces/${ORG}/organization.yaml`,
        setting: 'policy.maxDeletionRatio',
        from: '0.25',
        to: '1',
      },
      { file: `workspaces/${ORG}/organization.yaml`, setting: 'policy.maxDeletions', from: '10', to: '100' },
    ]);
    // The organisation file changed: the whole organisation is planned.
    expect(plan.scope.workspaces).toHaveLength(3);

    const text = await sync(fx.emu, ['plan', '--base-config-dir', base], inChange(change));
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(/^Planning against http:\/\/127\.0\.0\.1:\d+ as seqera-sync /);
    expect(lines.slice(2, 6)).toEqual([
      "Policy change — takes effect after merge: this plan is judged by the base's safety settings, not by the ones this change sets.",
      `  - workspaces/${ORG}/organization.yaml: policy.maxDeletionRatio: 0.25 → 1`,
      `  - workspaces/${ORG}/organization.yaml: policy.maxDeletions: 10 → 100`,
      '',
    ]);
    const markdown = await sync(fx.emu, ['plan', '--format', 'markdown', '--base-config-dir', base], {
      ...inChange(change),
    });
    expect(markdown.stdout).toContain('> [!IMPORTANT]\n> **Policy change — takes effect after merge**');
    expect(markdown.stdout.indexOf('Policy change')).toBeLessThan(markdown.stdout.indexOf('[!CAUTION]'));
  });

  it('does not prune what a workspace file newly prunes, nor hide what it newly ignores', async () => {
    const { base, change } = await baseAndChange({
      [`${ORG}/marine-omics.yaml`]: (t) =>
        t.replace('visibility: private\n', 'visibility: private\nprune: { pipelines: true }\n'),
      [`${ORG}/${SHARED}.yaml`]: (t) =>
        t.replace('visibility: shared\n', `visibility: shared\nignore: { participants: [${EXTRAS[0]}] }\n`),
    });
    const judged = await sync(
      fx.emu,
      ['plan', '--format', 'json', '--allow-deletions', '--base-config-dir', base],
      inChange(change),
    );
    expect(judged.code, judged.stderr).toBe(0);
    const plan = JSON.parse(judged.stdout) as ScopedPlan;
    // The hand-made pipeline stays (prune of pipelines is off in the base): reported, not deleted.
    expect(plan.unmanaged.map((u) => u.address)).toContain(`${ORG}/marine-omics/pipelines/${handMade}`);
    expect(plan.actions.map((a) => a.address)).not.toContain(`${ORG}/marine-omics/pipelines/${handMade}`);
    // Both hand-added people are still removed: the base does not ignore either.
    expect(plan.actions.filter((a) => a.type === 'delete').map((a) => a.address)).toEqual(
      EXTRAS.map((e) => `${ORG}/${SHARED}/participants/${e}`),
    );
    expect(plan.changeScope?.policyChanges).toEqual([
      {
        file: `workspaces/${ORG}/${SHARED}.yaml`,
        setting: 'ignore.participants',
        from: '(none)',
        to: `[${EXTRAS[0]}]`,
      },
      { file: `workspaces/${ORG}/marine-omics.yaml`, setting: 'prune.pipelines', from: 'off', to: 'on' },
    ]);
  });
});

describe('a bad base', () => {
  const fx = useEmulator(() => ({ ...FAST_CE, seed: converged }));

  it('is a clear error when the base dir does not exist, before any request', async () => {
    const change = await estateCopy(join(tmp.path, 'pr'));
    fx.emu.clearRequestLog();
    const result = await sync(fx.emu, ['plan', '--base-config-dir', join(tmp.path, 'missing')], {
      ...inChange(change),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Error: --base-config-dir '.*missing' does not exist or is not a directory/,
    );
    expect(result.stderr).not.toContain('    at ');
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('is a clear error naming the file and line when the base does not validate', async () => {
    const base = await estateCopy(join(tmp.path, 'base'), {
      [`${ORG}/${SHARED}.yaml`]: (t) => t.replace('role: maintain }', 'role: Maintain }'),
    });
    const change = await estateCopy(join(tmp.path, 'pr'));
    const result = await sync(fx.emu, ['plan', '--base-config-dir', base], inChange(change));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`workspaces/${ORG}/${SHARED}\\.yaml:\\d+:\\d+: error: .*role`));
    expect(result.stderr).toContain(`does not validate (1 error)`);
    expect(fx.emu.requestLog()).toEqual([]);
  });

  it('is refused with a saved plan, which keeps the scope it was made with', async () => {
    const result = await sync(fx.emu, ['apply', 'plan.json', '--base-config-dir', 'x'], { cwd: tmp.path });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a saved plan is applied with the scope it was made with');
  });
});
