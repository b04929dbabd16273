/**
 * Loads a seed into a fresh Store, checking every reference (emails of
 * registered users, team names, credential and compute-environment names,
 * duplicates). All problems are reported together in one SeedError. The
 * containers (users, organisations, workspaces) load here; what they hold,
 * kind by kind in the order of kinds.ts (each route module's `loadSeed`).
 */
import { uniqueNames, type Loader } from './kind.js';
import { EMULATOR_KINDS } from './kinds.js';
import { RESOURCE_NAME } from './names.js';
import { SeedError } from './seed.js';
import type { EmulatorSeed, OrgSeed, WorkspaceSeed } from './seed-types.js';
import { DEFAULT_TOKEN } from './settings.js';
import { ORG_IDS, USER_IDS, WORKSPACE_IDS, type OrgRecord, type Store, type UserRecord } from './store.js';

function loadUsers(store: Store, seed: EmulatorSeed, problems: string[], timestamp: string): UserRecord {
  const users = seed.users ?? [];
  const emails = new Set<string>();
  const names = new Set<string>();
  const tokens = new Set<string>();
  const hasToken = users.some((u) => u.token !== undefined);
  users.forEach((u, i) => {
    const where = `users[${i}]`;
    if (emails.has(u.email.toLowerCase())) problems.push(`${where}: duplicate email '${u.email}'`);
    if (names.has(u.userName.toLowerCase())) problems.push(`${where}: duplicate userName '${u.userName}'`);
    if (u.token !== undefined && tokens.has(u.token)) problems.push(`${where}: duplicate token`);
    emails.add(u.email.toLowerCase());
    names.add(u.userName.toLowerCase());
    const token = u.token ?? (!hasToken && i === 0 ? DEFAULT_TOKEN : undefined);
    if (token !== undefined) tokens.add(token);
    store.addUser({
      id: store.nextId(USER_IDS),
      userName: u.userName,
      email: u.email,
      ...(u.firstName === undefined ? {} : { firstName: u.firstName }),
      ...(u.lastName === undefined ? {} : { lastName: u.lastName }),
      ...(token === undefined ? {} : { token }),
      dateCreated: timestamp,
    });
  });
  if (users.length === 0) {
    store.addUser({
      id: store.nextId(USER_IDS),
      userName: 'emulator-user',
      email: 'emulator-user@example.org',
      token: DEFAULT_TOKEN,
      dateCreated: timestamp,
    });
  }
  const tokenUser = [...store.users.values()].find((u) => u.token !== undefined);
  if (tokenUser === undefined) throw new Error('seed loading left no token user');
  return tokenUser;
}

/** Loads one workspace and everything in it. */
function loadWorkspace(loader: Loader, org: OrgRecord, seed: WorkspaceSeed, where: string): void {
  const { store, problems, timestamp } = loader;
  if (!RESOURCE_NAME.test(seed.name)) problems.push(`${where}.name: invalid workspace name '${seed.name}'`);
  const ws = store.newWorkspaceRecord(
    store.nextId(WORKSPACE_IDS),
    org.id,
    {
      name: seed.name,
      fullName: seed.fullName ?? seed.name,
      visibility: seed.visibility?.toUpperCase() === 'SHARED' ? 'SHARED' : 'PRIVATE',
      ...(seed.description === undefined ? {} : { description: seed.description }),
    },
    timestamp,
  );
  store.addWorkspace(org, ws);
  for (const kind of EMULATOR_KINDS) kind.workspace?.loadSeed?.(loader, org, ws, seed, where);
}

function loadOrg(loader: Loader, seed: OrgSeed, where: string): void {
  const { store, problems } = loader;
  if (!RESOURCE_NAME.test(seed.name))
    problems.push(`${where}.name: invalid organization name '${seed.name}'`);
  const org = store.newOrgRecord(
    store.nextId(ORG_IDS),
    {
      name: seed.name,
      fullName: seed.fullName ?? seed.name,
      sso: seed.sso ?? false,
      ...(seed.description === undefined ? {} : { description: seed.description }),
      ...(seed.location === undefined ? {} : { location: seed.location }),
      ...(seed.website === undefined ? {} : { website: seed.website }),
    },
    loader.timestamp,
  );
  store.addOrg(org);
  for (const kind of EMULATOR_KINDS) kind.org?.loadSeed?.(loader, store, org, seed, where);
  const wsName = uniqueNames(loader, 'workspace');
  (seed.workspaces ?? []).forEach((w, i) => {
    wsName(w.name, `${where}.workspaces[${i}]`);
    loadWorkspace(loader, org, w, `${where}.workspaces[${i}]`);
  });
}

/** Fills `store` from the seed and returns the token user; throws SeedError listing every problem. */
export function loadSeedIntoStore(
  store: Store,
  seed: EmulatorSeed,
  options: { readonly timestamp: string; readonly defaultRole: string; readonly source: string },
): UserRecord {
  const problems: string[] = [];
  const tokenUser = loadUsers(store, seed, problems, options.timestamp);
  const loader: Loader = {
    store,
    problems,
    timestamp: options.timestamp,
    defaultRole: options.defaultRole,
    tokenUser,
  };
  const orgName = uniqueNames(loader, 'organization');
  (seed.orgs ?? []).forEach((org, i) => {
    orgName(org.name, `orgs[${i}]`);
    loadOrg(loader, org, `orgs[${i}]`);
  });
  if (problems.length > 0) throw new SeedError(options.source, problems);
  return tokenUser;
}
