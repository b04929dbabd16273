/**
 * Attack: removing an org member also removes them from every team and
 * workspace of the org. Counted as one deletion — or counted only where the
 * org file happens to manage those teams and workspaces — an org file could
 * strip a person from many teams and workspaces under `maxDeletions: 2`.
 * Outcome: the member's delete counts the member + every team membership +
 * every workspace participation (including teams whose membership and
 * workspaces whose participants no file manages); the plan is blocked and
 * `apply` writes nothing; with `--allow-deletions` they are listed under it.
 */
import { describe, expect, it } from 'vitest';
import { BOT_EMAIL, ORG, configDir, emulator, orgFile, seedWith, sync, writes } from './support/attack.js';

const LEAVER = 'leaver@acme.example.org';
const TEAMS = ['alpha', 'beta', 'gamma'];
const WORKSPACES = ['w1', 'w2', 'w3', 'w4'];

function platform() {
  return seedWith(
    {
      members: [{ email: LEAVER, role: 'member' }],
      teams: TEAMS.map((name) => ({ name, members: [LEAVER] })),
      workspaces: WORKSPACES.map((name) => ({ name, participants: [{ email: LEAVER, role: 'maintain' }] })),
    },
    LEAVER,
  );
}

/** Manages org members (the token's user only), prunes them, caps deletions at 2; teams are not managed. */
const ORG_FILE = orgFile(`members:
  - { email: ${BOT_EMAIL}, role: owner }
policy:
  prune: { members: true }
  maxDeletions: 2
`);

describe('a member removal cascade', () => {
  it('counts the member, their teams and their workspaces: blocked, nothing written', async () => {
    const emu = await emulator(platform());
    const dir = await configDir({ [`${ORG}/organization.yaml`]: ORG_FILE });

    const plan = await sync(emu.endpoint, dir, ['plan']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      'maxDeletions: 8 deletions planned in organisation acme (cascades included), more than maxDeletions (2) (use --allow-deletions)',
    );

    emu.clearRequestLog();
    const apply = await sync(emu.endpoint, dir, ['apply', '--yes']);
    expect(apply.code).toBe(1);
    expect(writes(emu)).toEqual([]);
  });

  it('with --allow-deletions the plan lists every team and workspace under the member', async () => {
    const emu = await emulator(platform());
    const dir = await configDir({ [`${ORG}/organization.yaml`]: ORG_FILE });

    const plan = await sync(emu.endpoint, dir, ['plan', '--allow-deletions']);
    expect(plan.code).toBe(0);
    const entry = plan.stdout.slice(plan.stdout.indexOf(`- member acme/members/${LEAVER}`));
    expect(entry).toContain('also removes, on the platform:');
    for (const team of TEAMS) expect(entry).toContain(`- acme/teams/${team}/members/${LEAVER}`);
    for (const ws of WORKSPACES) expect(entry).toContain(`- acme/${ws}/participants/${LEAVER}`);
  });
});
