/**
 * Loads a seed into a fresh Store, checking every reference (emails of
 * registered users, team names, credential and compute-environment names,
 * duplicates). All problems are reported together in one SeedError.
 */
import { RESOURCE_NAME } from './names.js';
import { SeedError, type EmulatorSeed, type OrgSeed } from './seed.js';
import { loadWorkspace, uniqueNames, type Loader } from './seed-workspace.js';
import { DEFAULT_TOKEN } from './settings.js';
import { newOrgRecord, type Store, type UserRecord } from './store.js';

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
      id: store.nextId('user'),
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
      id: store.nextId('user'),
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

function loadOrg(loader: Loader, seed: OrgSeed, where: string): void {
  const { store, problems } = loader;
  if (!RESOURCE_NAME.test(seed.name))
    problems.push(`${where}.name: invalid organization name '${seed.name}'`);
  const org = newOrgRecord(
    store.nextId('org'),
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
  if (seed.customRolesEnabled === false) org.customRolesEnabled = false;
  for (const role of seed.customRoles ?? []) {
    const { name, description, permissions } = typeof role === 'string' ? { name: role } : role;
    org.customRoles.set(name, {
      name,
      description: description ?? name,
      permissions: [...(permissions ?? [])],
    });
  }
  if (seed.quotas === 'forbidden') org.quotas = { unavailable: 403 };
  else if (seed.quotas === 'absent') org.quotas = { unavailable: 404 };
  else if (seed.quotas !== undefined) org.quotas = { limits: { ...seed.quotas } };
  (seed.members ?? []).forEach((m, i) => {
    const user = store.findUser(m.email);
    if (user === undefined)
      problems.push(`${where}.members[${i}]: '${m.email}' is not a registered user (add it under users)`);
    else if (store.memberOf(org, user.id) !== undefined)
      problems.push(`${where}.members[${i}]: duplicate member '${m.email}'`);
    else store.addMember(org, user.id, m.role ?? 'member');
  });
  if (![...org.members.values()].some((m) => m.role === 'owner')) {
    const existing = store.memberOf(org, loader.tokenUser.id);
    if (existing === undefined) store.addMember(org, loader.tokenUser.id, 'owner');
    else existing.role = 'owner';
  }
  const teamName = uniqueNames(loader, 'team');
  (seed.teams ?? []).forEach((t, i) => {
    const tw = `${where}.teams[${i}]`;
    teamName(t.name, tw);
    if (!RESOURCE_NAME.test(t.name)) problems.push(`${tw}.name: invalid team name '${t.name}'`);
    const memberIds = new Set<number>();
    for (const email of t.members ?? []) {
      const user = store.findUser(email);
      const member = user === undefined ? undefined : store.memberOf(org, user.id);
      if (member === undefined)
        problems.push(`${tw}.members: '${email}' is not a member of organization '${org.name}'`);
      else memberIds.add(member.memberId);
    }
    const id = store.nextId('team');
    org.teams.set(id, {
      id,
      name: t.name,
      ...(t.description === undefined ? {} : { description: t.description }),
      ...(t.idpGroupId === undefined ? {} : { idpGroupId: t.idpGroupId }),
      memberIds,
      dateCreated: loader.timestamp,
      lastUpdated: loader.timestamp,
    });
  });
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
