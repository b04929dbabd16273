/**
 * Custom roles and IdP-delegated teams end to end, through the real CLI
 * against the emulator: validate → plan → apply → plan shows no changes;
 * description and permissions updated in place; a role made by hand is
 * drift, then pruned, but never while a participant holds it; participants
 * use a custom role by name (checked on load against the organisation file,
 * else at plan time against the platform); a platform without custom roles;
 * a team whose members come from an identity provider; export → validate →
 * plan shows no changes. The emulator, read through its API, is the witness.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';

const TOKEN = 'roles-token-5c1d';
const BOT = 'role-bot@example.org';
const JANE = 'jane@example.org';
const ORG = 'guild';
const WS = 'lab';
const NO_CHANGES = 'No changes. The platform matches the configuration.';

type OrgSeed = NonNullable<EmulatorSeed['orgs']>[number];

function seed(org: Partial<OrgSeed> = {}): EmulatorSeed {
  return {
    users: [
      { userName: 'role-bot', email: BOT, token: TOKEN },
      { userName: 'jane', email: JANE },
    ],
    orgs: [
      {
        name: ORG,
        members: [
          { email: BOT, role: 'owner' },
          { email: JANE, role: 'member' },
        ],
        workspaces: [{ name: WS, fullName: 'Lab', participants: [{ email: BOT, role: 'owner' }] }],
        ...org,
      },
    ],
  };
}

let tmp = '';
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'seqera-sync-roles-'));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function writeOrg(body: string): Promise<void> {
  await mkdir(path.join(tmp, 'workspaces', ORG), { recursive: true });
  await writeFile(path.join(tmp, 'workspaces', ORG, 'organization.yaml'), `name: ${ORG}\n${body}`);
}

async function writeWorkspace(body: string): Promise<void> {
  await mkdir(path.join(tmp, 'workspaces', ORG), { recursive: true });
  await writeFile(path.join(tmp, 'workspaces', ORG, `${WS}.yaml`), `name: ${WS}\nfullName: Lab\n${body}`);
}

async function orgId(api: ApiCall): Promise<number> {
  const orgs = (await api('GET', '/orgs')).body as { organizations: { orgId: number; name: string }[] };
  return orgs.organizations.find((o) => o.name === ORG)?.orgId ?? 0;
}

interface LiveRole {
  readonly name: string;
  readonly description: string;
  readonly permissions: string[];
}

function useCli(fixture: ReturnType<typeof useEmulator>) {
  const cli = cliAgainst(fixture, () => tmp);
  const api = (): ApiCall => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const liveRoles = async (): Promise<LiveRole[]> => {
    const id = await orgId(api());
    const listed = (await api()('GET', '/roles', { query: { orgId: id, type: 'custom' } })).body as {
      roles: { name: string }[];
    };
    const described = await Promise.all(
      listed.roles.map(
        async (r) =>
          ((await api()('GET', `/roles/${r.name}`, { query: { orgId: id } })).body as { role: LiveRole })
            .role,
      ),
    );
    return described
      .map((r) => ({ name: r.name, description: r.description, permissions: [...r.permissions].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  return { cli, api, liveRoles };
}

const ROLES =
  'roles:\n' +
  '  - name: launcher-plus\n' +
  '    description: Launch, and manage datasets\n' +
  '    permissions: [pipeline:execute, dataset:write, dataset:read]\n';

describe('custom roles against the emulator', () => {
  const fixture = useEmulator(() => ({ seed: seed() }));
  const { cli, api, liveRoles } = useCli(fixture);

  it('validate → plan → apply → no changes; a participant holds the new role; then an update in place', async () => {
    await writeOrg(ROLES);
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: launcher-plus }\n`,
    );
    expect((await cli(['validate'])).stdout).toBe('2 files valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ custom role ${ORG}/roles/launcher-plus`);
    expect(planned.stdout).toContain(`participants/${JANE}`);

    const json = JSON.parse((await cli(['plan', '--format', 'json'])).stdout) as {
      actions: { kind: string; address: string; dependsOn: string[] }[];
    };
    expect(json.actions.map((a) => a.kind)).toEqual(['role', 'participant']);
    expect((await cli(['plan', '--format', 'markdown'])).stdout).toContain(`${ORG}/roles/launcher-plus`);

    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.code).toBe(0);
    expect(await liveRoles()).toEqual([
      {
        name: 'launcher-plus',
        description: 'Launch, and manage datasets',
        permissions: ['dataset:read', 'dataset:write', 'pipeline:execute'],
      },
    ]);
    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    // The order of permissions does not matter; a change of the set and the description is an update.
    await writeOrg(
      'roles:\n  - name: launcher-plus\n    description: Launch only\n    permissions: [pipeline:execute, pipeline:read]\n',
    );
    const update = await cli(['plan', '--no-color']);
    expect(update.stdout).toContain(`~ custom role ${ORG}/roles/launcher-plus`);
    expect(update.stdout).toContain('description, permissions differ from the platform');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(await liveRoles()).toEqual([
      {
        name: 'launcher-plus',
        description: 'Launch only',
        permissions: ['pipeline:execute', 'pipeline:read'],
      },
    ]);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a role made by hand is drift, is kept while a participant holds it, and is pruned once free', async () => {
    const id = await orgId(api());
    await api()('POST', '/roles', {
      query: { orgId: id },
      body: { name: 'by-hand', description: 'Made in the UI', permissions: ['label:read'] },
    });
    await writeOrg('roles: []\n');
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: by-hand }\n`,
    );
    // A participant may hold a role the organisation file does not declare only when roles are unmanaged.
    const refused = await cli(['validate']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      "role 'by-hand' is neither a predefined role (owner, admin, maintain, launch, connect, view) nor a custom role",
    );

    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: view }\n`,
    );
    const drift = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(`${ORG}/roles/by-hand`);
    expect(drift.stdout).toContain('prune is off for roles');

    // Jane holds it on the platform (set by hand), and the workspace file does not manage participants.
    await writeWorkspace('');
    const wsId = await workspaceIdOf(api(), id);
    const participants = (await api()('GET', `/orgs/${id}/workspaces/${wsId}/participants`)).body as {
      participants: { participantId: number; email: string | null }[];
    };
    const jane = participants.participants.find((p) => p.email === JANE);
    const added =
      jane ??
      (
        (
          await api()('PUT', `/orgs/${id}/workspaces/${wsId}/participants/add`, {
            body: { userNameOrEmail: JANE },
          })
        ).body as { participant: { participantId: number } }
      ).participant;
    await api()('PUT', `/orgs/${id}/workspaces/${wsId}/participants/${added.participantId}/role`, {
      body: { role: 'by-hand' },
    });
    await writeOrg('policy: { prune: { roles: true } }\nroles: []\n');
    const kept = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(kept.stdout).toContain(`prune skipped custom role by-hand: still held by ${JANE} in ${ORG}/${WS}`);
    expect(kept.stdout).not.toContain(`- custom role ${ORG}/roles/by-hand`);

    await api()('PUT', `/orgs/${id}/workspaces/${wsId}/participants/${added.participantId}/role`, {
      body: { role: 'view' },
    });
    const pruning = await cli(['plan', '--no-color']);
    expect(pruning.stdout).toContain(`- custom role ${ORG}/roles/by-hand`);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect(await liveRoles()).toEqual([]);
  });

  it('without roles in the organisation file, a participant role is checked on the platform, with did-you-mean', async () => {
    const id = await orgId(api());
    await api()('POST', '/roles', {
      query: { orgId: id },
      body: { name: 'runner', description: 'Runs pipelines', permissions: ['pipeline:execute'] },
    });
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: runer }\n`,
    );
    expect((await cli(['validate'])).code).toBe(0);
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/${WS}.yaml:5: ${JANE} has role 'runer', which is neither a predefined role nor a custom role of ${ORG} on the platform (did you mean 'runner'?)`,
    );

    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: runner }\n`,
    );
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a typo of a predefined role or of a declared custom role gets did-you-mean from validate', async () => {
    await writeOrg(ROLES);
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: Owner }\n  - { email: ${JANE}, role: launcher-pls }\n`,
    );
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(
      `workspaces/${ORG}/${WS}.yaml:4:42: error: role 'Owner' is not a role: roles are lower case (did you mean 'owner'?) (/participants/0/role)`,
    );
    expect(validated.stdout).toContain("did you mean 'launcher-plus'?");
  });

  it('an unknown permission name blocks the plan, with did-you-mean', async () => {
    await writeOrg('roles:\n  - name: reader\n    description: Reads\n    permissions: [dataset:raed]\n');
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/organization.yaml:3: role reader: unknown permission 'dataset:raed' (did you mean 'dataset:read'?)`,
    );
  });

  it('a saved plan applies the role actions it holds', async () => {
    await writeOrg(ROLES);
    await writeWorkspace('');
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    const applied = await cli(['apply', 'plan.json']);
    expect(applied.stdout).toContain(`+ ${ORG}/roles/launcher-plus: created`);
    expect(applied.code).toBe(0);
    expect((await liveRoles()).map((r) => r.name)).toEqual(['launcher-plus']);
    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);
  });
});

async function workspaceIdOf(api: ApiCall, id: number): Promise<number> {
  const wss = (await api('GET', `/orgs/${String(id)}/workspaces`)).body as {
    workspaces: { id: number; name: string }[];
  };
  return wss.workspaces.find((w) => w.name === WS)?.id ?? 0;
}

describe('a platform without custom roles (GET /roles answers 403)', () => {
  const fixture = useEmulator(() => ({ seed: seed({ customRolesEnabled: false }) }));
  const { cli } = useCli(fixture);

  it('plans as usual when the files neither declare nor use custom roles', async () => {
    await writeOrg('roles: []\n');
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: view }\n`,
    );
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout + planned.stderr).not.toContain('custom role');
  });

  it('is a clear plan error when the organisation file declares roles', async () => {
    await writeOrg(ROLES);
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/organization.yaml declares custom roles (launcher-plus), but the platform offers no custom roles to ${ORG} (GET /roles answered 403)`,
    );
  });

  it('is a clear plan error when a participant uses a role that is not predefined', async () => {
    await writeWorkspace(
      `participants:\n  - { email: ${BOT}, role: owner }\n  - { email: ${JANE}, role: runner }\n`,
    );
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `${JANE} has role 'runner', which is not a predefined role, and the platform offers no custom roles to ${ORG} (GET /roles answered 403)`,
    );
  });

  it('exports roles: [] and the export plans no changes', async () => {
    expect((await cli(['export', '--org', ORG, '--out-dir', 'out'])).code).toBe(0);
    const text = await readFile(path.join(tmp, 'out', ORG, 'organization.yaml'), 'utf8');
    expect(text).toContain('roles: []');
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });
});

describe('export of custom roles and IdP-delegated teams', () => {
  const fixture = useEmulator(() => ({
    seed: seed({
      customRoles: [
        { name: 'launcher-plus', description: 'Launch', permissions: ['pipeline:execute', 'dataset:write'] },
      ],
      teams: [
        { name: 'sso-researchers', description: 'From the university IdP', members: [JANE], idpGroupId: 42 },
        { name: 'core', description: 'Core team', members: [JANE] },
      ],
      workspaces: [
        {
          name: WS,
          fullName: 'Lab',
          participants: [
            { email: BOT, role: 'owner' },
            { email: JANE, role: 'launcher-plus' },
          ],
        },
      ],
    }),
  }));
  const { cli, api } = useCli(fixture);

  it('export → validate → plan shows no changes; the IdP team is written without members', async () => {
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.code).toBe(0);
    const text = await readFile(path.join(tmp, 'out', ORG, 'organization.yaml'), 'utf8');
    expect(text).toContain(
      'roles:\n  - name: launcher-plus\n    description: Launch\n    permissions: [dataset:write, pipeline:execute]\n',
    );
    expect(text).toContain('  - name: sso-researchers\n    description: From the university IdP\n');
    expect(text).not.toMatch(/sso-researchers\n.*\n\s+members:/);
    expect(text).toMatch(/name: core\n\s+description: Core team\n\s+members: \[jane@example.org\]/);
    const ws = await readFile(path.join(tmp, 'out', ORG, `${WS}.yaml`), 'utf8');
    expect(ws).toContain(`{ email: ${JANE}, role: launcher-plus }`);

    expect((await cli(['validate', '--config-dir', 'out'])).code).toBe(0);
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });

  it('an IdP team without members: membership never drifts, its description updates and keeps the IdP link', async () => {
    await writeOrg(
      'teams:\n  - name: sso-researchers\n    description: Researchers (SSO)\n  - name: core\n    description: Core team\n    members: []\n',
    );
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`~ team ${ORG}/teams/sso-researchers`);
    // `members: []` still means "no members": Jane is drift in core, never in the IdP team.
    expect(planned.stdout).toContain(`${ORG}/teams/core/members/${JANE}`);
    expect(planned.stdout).not.toContain(`${ORG}/teams/sso-researchers/members/`);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const id = await orgId(api());
    const teams = (await api()('GET', `/orgs/${id}/teams`)).body as {
      teams: { name: string; description: string; idpGroupId: number | null; membersCount: number }[];
    };
    expect(teams.teams.find((t) => t.name === 'sso-researchers')).toMatchObject({
      description: 'Researchers (SSO)',
      idpGroupId: 42,
      membersCount: 1,
    });
  });

  it('declaring members for an IdP team blocks the plan, naming the team', async () => {
    await writeOrg(`teams:\n  - name: sso-researchers\n    members: [${JANE}]\n`);
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(1);
    expect(planned.stdout + planned.stderr).toContain(
      `workspaces/${ORG}/organization.yaml:3: team sso-researchers takes its members from an identity provider group (idp-group-42): remove its members: list`,
    );
  });
});
