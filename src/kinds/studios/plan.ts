/**
 * A workspace's Studios settings: one object that exists with the workspace,
 * so the only action is an update in place. Only the fields the file
 * declares are compared (and later sent); the others are left as they are.
 * A workspace created by the same plan gets the platform's defaults first,
 * so every declared field is set once it exists.
 */
import { address } from '../../model/address.js';
import type { FieldChange } from '../../model/plan.js';
import { changedReason, workspaceDeps, type WorkspaceScope } from '../kit/scope.js';
import { declaredFields, liveValue } from './fields.js';

export function planStudios(s: WorkspaceScope): void {
  const desired = s.ws.studios;
  if (desired === undefined) return;
  const live = s.actualWs?.studios;
  const changes: FieldChange[] = declaredFields(desired)
    .filter((field) => live === undefined || liveValue(live, field) !== desired[field])
    .map((field) => ({
      field,
      ...(live === undefined ? {} : { from: liveValue(live, field) }),
      to: desired[field],
    }));
  if (changes.length === 0) return;
  s.out.add({
    kind: 'studiosSettings',
    type: 'update',
    address: address.studios(s.org.name, s.ws.name),
    org: s.org.name,
    workspace: s.ws.name,
    name: 'studios',
    reason:
      s.actualWs === undefined
        ? `declared in ${s.ws.source.file}; set once the workspace is created`
        : changedReason(changes.map((c) => c.field)),
    changes,
    dependsOn: workspaceDeps(s),
    desired,
    ...(live === undefined ? {} : { current: live }),
  });
}
