/**
 * The current state in seed form: what tests assert on, and a seed that
 * loads back into the same state (secret values included, so keep snapshots
 * out of logs). The changes due by `now` are applied first (a kind's
 * `settle`: compute environments CREATING or DELETING), and what is still in
 * progress is captured as it is (a CREATING compute environment). The
 * containers are written here; what they hold, kind by kind in the order of
 * kinds.ts (each route module's `snapshot`).
 */
import { EMULATOR_KINDS } from './kinds.js';
import type { EmulatorSeed, OrgSeed, WorkspaceSeed } from './seed-types.js';
import type { OrgRecord, Store, WorkspaceRecord } from './store.js';

function workspaceSeed(store: Store, org: OrgRecord, ws: WorkspaceRecord): WorkspaceSeed {
  return Object.assign(
    {
      name: ws.name,
      fullName: ws.fullName,
      ...(ws.description === undefined ? {} : { description: ws.description }),
      visibility: ws.visibility === 'SHARED' ? 'shared' : 'private',
    },
    ...EMULATOR_KINDS.map((kind) => kind.workspace?.snapshot?.(store, org, ws) ?? {}),
  ) as WorkspaceSeed;
}

function orgSeed(store: Store, org: OrgRecord): OrgSeed {
  return Object.assign(
    {
      name: org.name,
      fullName: org.fullName,
      ...(org.description === undefined ? {} : { description: org.description }),
      ...(org.location === undefined ? {} : { location: org.location }),
      ...(org.website === undefined ? {} : { website: org.website }),
      ...(org.sso ? { sso: true } : {}),
    },
    ...EMULATOR_KINDS.map((kind) => kind.org?.snapshot?.(store, store, org) ?? {}),
    { workspaces: [...org.workspaces.values()].map((ws) => workspaceSeed(store, org, ws)) },
  ) as OrgSeed;
}

/** The whole state as a seed. */
export function snapshotStore(store: Store, now: number): EmulatorSeed {
  for (const kind of EMULATOR_KINDS) {
    for (const org of store.orgs.values()) kind.org?.settle?.(org, now);
    for (const ws of store.workspaces.values()) kind.workspace?.settle?.(ws, now);
  }
  return {
    users: [...store.users.values()].map((u) => ({
      userName: u.userName,
      email: u.email,
      ...(u.token === undefined ? {} : { token: u.token }),
      ...(u.firstName === undefined ? {} : { firstName: u.firstName }),
      ...(u.lastName === undefined ? {} : { lastName: u.lastName }),
    })),
    orgs: [...store.orgs.values()].map((org) => orgSeed(store, org)),
  };
}
