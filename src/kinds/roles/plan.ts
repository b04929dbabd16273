/**
 * Custom roles of the organisation, identified by name: a declared role
 * missing on the platform is created; `description` and `permissions` (a
 * set) update in place. An undeclared live role is drift, or deleted with
 * prune, except while a participant still holds it (declared in a workspace
 * file or live on the platform): then it is kept and a note names each
 * participant and workspace. Unknown permission names and a platform
 * without custom roles block the plan.
 */
import type { ActualRole, DesiredRole } from './model.js';
import { address } from '../../model/address.js';
import { closest } from '../../model/closest.js';
import type { FieldChange } from '../../model/plan.js';
import { emailKey } from '../../model/resources.js';
import {
  changedReason,
  createReason,
  handleExtra,
  pruneReason,
  sourceOf,
  type OrgScope,
} from '../kit/scope.js';
import { participantName } from './uses.js';

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** Blocks the plan for each declared permission the platform does not know (when it published its list). */
function checkPermissions(
  s: OrgScope,
  desired: readonly DesiredRole[],
  known: readonly string[] | undefined,
): void {
  if (known === undefined) return;
  const names = new Set(known);
  for (const role of desired) {
    for (const permission of role.permissions) {
      if (names.has(permission)) continue;
      const guess = closest(permission, known);
      s.out.block({
        rule: 'customRoles',
        message:
          `${sourceOf(role.source)}: role ${role.name}: unknown permission '${permission}'` +
          (guess === undefined ? '' : ` (did you mean '${guess}'?)`),
        addresses: [address.role(s.org.name, role.name)],
      });
    }
  }
}

/** Each participant (declared, or live and not re-declared) that holds `role`, as `<who> in <org>/<ws>`. */
export function holdersOf(s: OrgScope, role: string): string[] {
  const org = s.org.name;
  const holders = new Set<string>();
  const managed = new Map<string, Set<string>>();
  for (const ws of s.org.workspaces) {
    if (ws.state === 'absent' || ws.participants === undefined) continue;
    const keys = new Set<string>();
    for (const p of ws.participants) {
      keys.add(p.type === 'team' ? `team:${p.team}` : emailKey(p.email));
      if (p.role === role) holders.add(`${participantName(p)} in ${org}/${ws.name}`);
    }
    managed.set(ws.name, keys);
  }
  for (const ws of s.actual?.workspaces ?? []) {
    for (const p of ws.participants ?? []) {
      if (p.role !== role) continue;
      const key = p.type === 'team' ? `team:${p.teamName}` : emailKey(p.email);
      // A declared participant gets its declared role before any delete runs.
      if (managed.get(ws.name)?.has(key) === true) continue;
      holders.add(`${p.type === 'team' ? `team ${p.teamName}` : p.email} in ${org}/${ws.name}`);
    }
  }
  return [...holders].sort();
}

function createChanges(role: DesiredRole): FieldChange[] {
  return [
    { field: 'description', to: role.description },
    { field: 'name', to: role.name },
    { field: 'permissions', to: role.permissions },
  ];
}

function planDeclared(s: OrgScope, role: DesiredRole, live: ActualRole | undefined): void {
  const org = s.org.name;
  const base = {
    kind: 'role',
    address: address.role(org, role.name),
    org,
    name: role.name,
    desired: role,
  } as const;
  if (live === undefined) {
    s.out.add({
      ...base,
      type: 'create',
      reason: createReason(s.org.source.file),
      changes: createChanges(role),
      dependsOn: s.orgCreated ? [address.org(org)] : [],
    });
    return;
  }
  const changes: FieldChange[] = [];
  if ((live.description ?? '') !== role.description) {
    changes.push({ field: 'description', from: live.description, to: role.description });
  }
  const permissions = live.permissions ?? [];
  if (!sameSet(permissions, role.permissions)) {
    changes.push({ field: 'permissions', from: permissions, to: role.permissions });
  }
  if (changes.length === 0) return;
  s.out.add({
    ...base,
    type: 'update',
    reason: changedReason(changes.map((c) => c.field)),
    changes,
    dependsOn: [],
    current: live,
  });
}

export function planRoles(s: OrgScope): void {
  const desired = s.org.roles;
  if (desired === undefined || !s.orgLevel) return;
  const org = s.org.name;
  const file = s.org.source.file;
  const live = s.actual?.roles;
  if (live?.available === false) {
    // `roles: []` asks for nothing the platform lacks: only declared roles are an error.
    if (desired.length === 0) return;
    s.out.block({
      rule: 'customRoles',
      message:
        `${file} declares custom roles (${desired.map((r) => r.name).join(', ')}), but the platform offers ` +
        `no custom roles to ${org} (${live.reason}): remove them from the file, or enable custom roles on the platform`,
      addresses: desired.map((r) => address.role(org, r.name)),
    });
    return;
  }
  const custom = live?.custom ?? [];
  s.out.collectionSize(`${org}/roles`, custom.length);
  checkPermissions(s, desired, live?.permissions);
  const liveByName = new Map(custom.map((r) => [r.name, r]));
  for (const role of desired) planDeclared(s, role, liveByName.get(role.name));
  const declared = new Set(desired.map((r) => r.name));
  for (const role of custom) {
    if (declared.has(role.name)) continue;
    const roleAddress = address.role(org, role.name);
    const doDelete = handleExtra(s.out, {
      address: roleAddress,
      kind: 'role',
      org,
      name: role.name,
      ignoreKeys: [role.name],
      ignore: s.org.ignore.roles,
      prune: s.org.policy.prune.roles,
      collection: 'roles',
      file,
    });
    if (!doDelete) continue;
    const holders = holdersOf(s, role.name);
    if (holders.length > 0) {
      s.out.note(
        `prune skipped custom role ${role.name}: still held by ${holders.join(', ')}; change their role first`,
        roleAddress,
      );
      continue;
    }
    s.out.add({
      kind: 'role',
      type: 'delete',
      address: roleAddress,
      org,
      name: role.name,
      reason: pruneReason(file, 'roles'),
      changes: role.description === undefined ? [] : [{ field: 'description', from: role.description }],
      dependsOn: [],
      current: role,
    });
    s.out.deletion({ org, collection: `${org}/roles`, address: roleAddress });
  }
}

/**
 * A pruned role is deleted only after the participants that held it have
 * been given their declared role (or removed): its delete depends on those
 * actions, so it is skipped when one of them fails.
 */
export function linkRoleDeletes(s: OrgScope): void {
  for (const action of s.out.actions) {
    if (action.kind !== 'role' || action.type !== 'delete' || action.org !== s.org.name) continue;
    const holders = s.out.actions
      .filter(
        (other) =>
          other.kind === 'participant' &&
          other.org === s.org.name &&
          (other.type === 'update' || other.type === 'delete') &&
          other.current?.role === action.name,
      )
      .map((other) => other.address);
    if (holders.length > 0) {
      s.out.replace({ ...action, dependsOn: [...new Set([...action.dependsOn, ...holders])].sort() });
    }
  }
}
