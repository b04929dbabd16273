/**
 * Attack: deleting a team removes it from every workspace it takes part in.
 * Counted as one deletion, an org file could remove 12 workspace
 * participations under `maxDeletions: 2`.
 * Outcome: the team's delete counts 1 + its participations (those of
 * workspaces without a file too), the plan is blocked by `maxDeletions`,
 * `apply` writes nothing; with `--allow-deletions` the plan lists every
 * participation under the team's delete.
 */
import { describe, expect, it } from 'vitest';
import { ORG, configDir, emulator, orgFile, seedWith, sync, writes } from './support/attack.js';

const WORKSPACES = Array.from({ length: 12 }, (_, i) => `w${String(i + 1).padStart(2, '0')}`);

const JANE = 'jane@acme.example.org';

/** One team, with a member, taking part in 12 workspaces that have no file. */
function platform() {
  return seedWith(
    {
      members: [{ email: JANE, role: 'member' }],
      teams: [{ name: 'legacy', members: [JANE] }],
      workspaces: WORKSPACES.map((name) => ({ name, participants: [{ team: 'legacy', role: 'launch' }] })),
    },
    JANE,
  );
}

/** The org file: it manages teams, declares none, and prunes them, with a cap of 2 deletions. */
const ORG_FILE = orgFile(`teams: []
policy:
  prune: { teams: true }
  maxDeletions: 2
`);

describe('an uncounted team cascade', () => {
  it('counts every participation the team delete removes: blocked, nothing written', async () => {
    const emu = await emulator(platform());
    const dir = await configDir({ [`${ORG}/organization.yaml`]: ORG_FILE });

    const plan = await sync(emu.endpoint, dir, ['plan']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      'maxDeletions: 13 deletions planned in organisation acme (cascades included), more than maxDeletions (2) (use --allow-deletions)',
    );

    emu.clearRequestLog();
    const apply = await sync(emu.endpoint, dir, ['apply', '--yes']);
    expect(apply.code).toBe(1);
    expect(writes(emu)).toEqual([]);
  });

  it('with --allow-deletions the plan lists each participation under the team', async () => {
    const emu = await emulator(platform());
    const dir = await configDir({ [`${ORG}/organization.yaml`]: ORG_FILE });

    const text = await sync(emu.endpoint, dir, ['plan', '--allow-deletions']);
    expect(text.code).toBe(0);
    const entry = text.stdout.slice(text.stdout.indexOf('- team acme/teams/legacy'));
    expect(entry).toContain('also removes, on the platform:');
    for (const ws of WORKSPACES) expect(entry).toContain(`- acme/${ws}/participants/team:legacy`);

    const json = await sync(emu.endpoint, dir, ['plan', '--allow-deletions', '--format', 'json']);
    const { actions } = JSON.parse(json.stdout) as { actions: { kind: string; cascade?: string[] }[] };
    expect(actions.find((a) => a.kind === 'team')?.cascade).toHaveLength(12);

    const markdown = await sync(emu.endpoint, dir, ['plan', '--allow-deletions', '--format', 'markdown']);
    expect(markdown.stdout).toContain('also removes, on the platform:');
    expect(markdown.stdout).toContain('acme/w12/participants/team:legacy');
  });
});
