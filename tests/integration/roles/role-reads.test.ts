/**
 * Reading custom roles: only when the organisation file has the `roles` key
 * (or a participant uses a role that is not predefined), every page of the
 * list, one describe per declared role that exists, the permission
 * catalogue when a declared role lists permissions; the requests match the
 * count `expectedReadRequests` derives. A platform without custom roles is
 * recorded, not an error.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import type { DesiredRole } from '../../../src/kinds/roles/model.js';
import { expectedReadRequests, type LiveSizes } from '../../../src/state/request-count.js';
import { aDesiredOrg, aDesiredState, aDesiredWorkspace, aSource } from '../../helpers/builders.js';
import { useEmulator } from '../../helpers/emulator.js';
import { readLogged } from '../../helpers/logged-read.js';

const BOT = 'reader-bot@example.org';
/** More than one page of 100 (the seed is not held to the platform's limit of 20 per organisation). */
const ROLES = 120;

function seed(enabled: boolean): EmulatorSeed {
  return {
    users: [{ userName: 'reader-bot', email: BOT, token: 'reader-token-72a' }],
    orgs: [
      {
        name: 'guild',
        customRolesEnabled: enabled,
        customRoles: Array.from({ length: ROLES }, (_, i) => ({
          name: `role${String(i).padStart(3, '0')}`,
          description: `Role ${String(i)}`,
          permissions: ['dataset:read', 'pipeline:execute'],
        })),
        members: [{ email: BOT, role: 'owner' }],
        workspaces: [{ name: 'lab', participants: [{ email: BOT, role: 'owner' }] }],
      },
    ],
  };
}

const SIZES: LiveSizes = {
  guild: {
    members: 1,
    teams: 0,
    teamMembers: {},
    roles: ROLES,
    customRoles: Object.fromEntries(
      Array.from({ length: ROLES }, (_, i) => [`role${String(i).padStart(3, '0')}`, 2]),
    ),
    workspaces: { lab: { participants: 1 } },
  },
};

const declared = (name: string, permissions: string[]): DesiredRole => ({
  name,
  description: name,
  permissions,
  source: aSource('workspaces/guild/organization.yaml', 3),
});

function useReader(enabled: boolean) {
  const fixture = useEmulator(() => ({ seed: seed(enabled), logBodies: false }));
  return async (roles: DesiredRole[] | undefined, participantRole?: string) => {
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'guild',
        ...(roles === undefined ? {} : { roles }),
        workspaces: [
          aDesiredWorkspace({
            name: 'lab',
            ...(participantRole === undefined
              ? {}
              : {
                  participants: [
                    { type: 'user', email: 'ann@example.org', role: participantRole, source: aSource() },
                  ],
                }),
          }),
        ],
      }),
    );
    const { actual, requests } = await readLogged(fixture.emu, desired);
    return { org: actual.orgs[0], requests, desired };
  };
}

describe('reading custom roles', () => {
  const read = useReader(true);

  it('lists every role, describes the declared ones that exist, reads the permission names once', async () => {
    const { org, requests, desired } = await read([
      declared('role003', ['dataset:read']),
      declared('role107', []),
      declared('missing', ['pipeline:execute']),
    ]);
    expect(org?.roles).toMatchObject({ available: true });
    const roles = org?.roles?.available === true ? org.roles : undefined;
    expect(roles?.custom).toHaveLength(ROLES);
    expect(roles?.custom.find((r) => r.name === 'role003')).toEqual({
      name: 'role003',
      description: 'Role 3',
      permissions: ['dataset:read', 'pipeline:execute'],
    });
    expect(roles?.custom.find((r) => r.name === 'role004')).toEqual({
      name: 'role004',
      description: 'Role 4',
    });
    expect(roles?.permissions).toContain('dataset:write');
    expect(requests.filter((r) => r === 'GET /roles')).toHaveLength(2);
    expect(requests.filter((r) => r.startsWith('GET /roles/role')).sort()).toEqual([
      'GET /roles/role003',
      'GET /roles/role107',
    ]);
    expect(requests.filter((r) => r === 'GET /roles/permissions')).toHaveLength(1);
    expect(requests).toHaveLength(expectedReadRequests(desired, SIZES, { workspaceFilter: [] }));
  });

  it('does not read roles when the key is absent and every participant role is predefined', async () => {
    const { org, requests, desired } = await read(undefined, 'launch');
    expect(org?.roles).toBeUndefined();
    expect(requests.some((r) => r.startsWith('GET /roles'))).toBe(false);
    expect(requests).toHaveLength(expectedReadRequests(desired, SIZES, { workspaceFilter: [] }));
  });

  it('lists them, without describes, when a participant uses a custom role and the file does not manage roles', async () => {
    const { requests, desired } = await read(undefined, 'role001');
    expect(requests.filter((r) => r.startsWith('GET /roles'))).toEqual(['GET /roles', 'GET /roles']);
    expect(requests).toHaveLength(expectedReadRequests(desired, SIZES, { workspaceFilter: [] }));
  });
});

describe('reading custom roles on a platform without them', () => {
  const read = useReader(false);

  it('records the 403 as "no custom roles" instead of failing the read', async () => {
    const { org } = await read([declared('role003', ['dataset:read'])]);
    expect(org?.roles).toEqual({ available: false, reason: 'GET /roles answered 403' });
  });
});
