/**
 * Attack: a workspace file keeps an admin *team* and prunes the last admin
 * person, while that team has no members (or the org file empties it), so
 * the workspace is left with nobody able to administer it — and the
 * owner/admin rule, counting the team, lets it through.
 * Outcome: an admin team counts only while it has members after the plan;
 * the plan is blocked by `lastWorkspaceAdmin`, naming the workspace and the
 * empty team, even with `--allow-deletions`, and `apply` writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { ORG, configDir, emulator, orgFile, seedWith, sync, writes } from './support/attack.js';

const JANE = 'jane@acme.example.org';
const RAJ = 'raj@acme.example.org';

/** `ws` is administered by Jane directly and by the team `ws-admins` (members as given). */
function platform(teamMembers: readonly string[]) {
  return seedWith(
    {
      members: [
        { email: JANE, role: 'member' },
        { email: RAJ, role: 'member' },
      ],
      teams: [{ name: 'ws-admins', members: teamMembers }],
      workspaces: [
        {
          name: 'ws',
          participants: [
            { email: JANE, role: 'admin' },
            { team: 'ws-admins', role: 'admin' },
          ],
        },
      ],
    },
    JANE,
    RAJ,
  );
}

/** The hostile workspace file: only the team stays; Jane is pruned. */
const WORKSPACE = `name: ws
fullName: Workspace
visibility: private
participants:
  - { team: ws-admins, role: admin }
prune: { participants: true }
`;

describe('an empty admin team', () => {
  it('does not count as an admin: blocked even with --allow-deletions, nothing written', async () => {
    const emu = await emulator(platform([]));
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile(), [`${ORG}/ws.yaml`]: WORKSPACE });

    for (const flags of [[], ['--allow-deletions']]) {
      const plan = await sync(emu.endpoint, dir, ['plan', ...flags]);
      expect(plan.code).toBe(1);
      expect(plan.stdout).toContain(
        'lastWorkspaceAdmin: workspace acme/ws would be left without an owner or admin (direct, or through a team with members): its remaining admin team ws-admins would have no members',
      );
    }
    emu.clearRequestLog();
    const apply = await sync(emu.endpoint, dir, ['apply', '--yes', '--allow-deletions']);
    expect(apply.code).toBe(1);
    expect(writes(emu)).toEqual([]);
  });

  it('a team the org file empties in the same change does not count either', async () => {
    const emu = await emulator(platform([RAJ]));
    const dir = await configDir({
      [`${ORG}/organization.yaml`]: orgFile(`teams:
  - { name: ws-admins, members: [] }
policy:
  prune: { teamMembers: true }
`),
      [`${ORG}/ws.yaml`]: WORKSPACE,
    });

    const plan = await sync(emu.endpoint, dir, ['plan', '--allow-deletions']);
    expect(plan.code).toBe(1);
    expect(plan.stdout).toContain(
      'lastWorkspaceAdmin: workspace acme/ws would be left without an owner or admin',
    );
  });

  it('a team with members still counts: the same file is allowed', async () => {
    const emu = await emulator(platform([RAJ]));
    const dir = await configDir({ [`${ORG}/organization.yaml`]: orgFile(), [`${ORG}/ws.yaml`]: WORKSPACE });

    const plan = await sync(emu.endpoint, dir, ['plan']);
    expect(plan.stdout).not.toContain('lastWorkspaceAdmin');
    expect(plan.code).toBe(0);
  });
});
