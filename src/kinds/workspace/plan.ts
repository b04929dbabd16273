/**
 * One workspace file: create, update in place (always the
 * full name/fullName/description/visibility set, so SHARED is never reset),
 * delete only with `state: absent` and `--allow-workspace-deletion`. The
 * workspace's contents are planned by their own kinds.
 */
import type { ActualWorkspace } from '../../model/actual.js';
import { address } from '../../model/address.js';
import type { DesiredWorkspace } from '../../model/desired.js';
import type { FieldChange, WorkspaceDesired } from '../../model/plan.js';
import { coversWorkspace } from '../../model/selection.js';
import type { WorkspaceCollection } from '../kind-read.js';
import { changedReason, createReason, type OrgScope, type WorkspaceScope } from '../kit/scope.js';

/** Plans the workspace itself; returns the scope its contents are planned in (none when it is absent). */
export function planWorkspace(s: OrgScope, ws: DesiredWorkspace): WorkspaceScope | undefined {
  const org = s.org.name;
  const wsAddress = address.workspace(org, ws.name);
  const live = s.actual?.workspaces.find((w) => w.name === ws.name);
  if (live !== undefined) s.out.liveId(wsAddress, live.id);
  if (ws.state === 'absent') {
    if (live !== undefined) planWorkspaceDeletion(s, ws, live, wsAddress);
    return undefined;
  }
  if (live === undefined) planWorkspaceCreate(s, ws, wsAddress);
  else planWorkspaceUpdate(s, ws, live, wsAddress);
  return { ...s, ws, actualWs: live, wsAddress };
}

/** Workspaces on the platform with no file: reported, never deleted (under a selection, only those it covers). */
export function reportUnmanagedWorkspaces(s: OrgScope): void {
  const declared = new Set(s.org.workspaces.map((ws) => ws.name));
  for (const ws of s.actual?.workspaces ?? []) {
    const wsAddress = address.workspace(s.org.name, ws.name);
    if (declared.has(ws.name) || !coversWorkspace(s.selection, s.org.name, ws.name)) continue;
    s.out.liveId(wsAddress, ws.id);
    s.out.drift({
      address: wsAddress,
      kind: 'workspace',
      org: s.org.name,
      workspace: ws.name,
      name: ws.name,
      reason: `on the platform, no file ${s.org.name}/${ws.name}.yaml: unmanaged workspaces are never deleted`,
    });
  }
}

function desiredOf(ws: DesiredWorkspace, live: ActualWorkspace | undefined): WorkspaceDesired {
  const description = ws.description ?? live?.description;
  return {
    name: ws.name,
    fullName: ws.fullName,
    ...(description === undefined ? {} : { description }),
    visibility: ws.visibility,
  };
}

function currentOf(live: ActualWorkspace): Omit<ActualWorkspace, WorkspaceCollection> {
  return {
    id: live.id,
    name: live.name,
    fullName: live.fullName,
    ...(live.description === undefined ? {} : { description: live.description }),
    visibility: live.visibility,
  };
}

function planWorkspaceCreate(s: OrgScope, ws: DesiredWorkspace, wsAddress: string): void {
  const org = s.org.name;
  s.out.add({
    kind: 'workspace',
    type: 'create',
    address: wsAddress,
    org,
    workspace: ws.name,
    name: ws.name,
    reason: createReason(ws.source.file),
    changes: [
      ...(ws.description === undefined ? [] : [{ field: 'description', to: ws.description }]),
      { field: 'fullName', to: ws.fullName },
      { field: 'name', to: ws.name },
      { field: 'visibility', to: ws.visibility },
    ],
    dependsOn: s.out.dependencyOn(address.org(org), ['create']),
    desired: desiredOf(ws, undefined),
  });
  const declaredNames = new Set(s.org.workspaces.map((w) => w.name));
  // Every unmanaged namesake, sorted: the note must not depend on the order the platform lists them in.
  const namesakes = (s.actual?.workspaces ?? [])
    .filter((w) => w.fullName === ws.fullName && !declaredNames.has(w.name))
    .map((w) => w.name)
    .sort();
  if (namesakes.length > 0) {
    const which = namesakes.join(', ');
    s.out.note(
      `${ws.name} is new, but unmanaged workspace ${which} has the same full name: renaming creates a new workspace and leaves ${which} as it is`,
      wsAddress,
    );
  }
}

function planWorkspaceUpdate(
  s: OrgScope,
  ws: DesiredWorkspace,
  live: ActualWorkspace,
  wsAddress: string,
): void {
  const changes: FieldChange[] = [];
  if (ws.description !== undefined && ws.description !== (live.description ?? '')) {
    changes.push({ field: 'description', from: live.description, to: ws.description });
  }
  if (ws.fullName !== live.fullName)
    changes.push({ field: 'fullName', from: live.fullName, to: ws.fullName });
  if (ws.visibility !== live.visibility)
    changes.push({ field: 'visibility', from: live.visibility, to: ws.visibility });
  if (changes.length === 0) return;
  s.out.add({
    kind: 'workspace',
    type: 'update',
    address: wsAddress,
    org: s.org.name,
    workspace: ws.name,
    name: ws.name,
    reason: changedReason(changes.map((c) => c.field)),
    changes,
    dependsOn: [],
    desired: desiredOf(ws, live),
    current: currentOf(live),
  });
}

function planWorkspaceDeletion(
  s: OrgScope,
  ws: DesiredWorkspace,
  live: ActualWorkspace,
  wsAddress: string,
): void {
  s.out.add({
    kind: 'workspace',
    type: 'delete',
    address: wsAddress,
    org: s.org.name,
    workspace: ws.name,
    name: ws.name,
    reason: `state: absent in ${ws.source.file}`,
    changes: [
      { field: 'fullName', from: live.fullName },
      { field: 'visibility', from: live.visibility },
    ],
    dependsOn: [],
    current: currentOf(live),
    cascade: [...s.workspaceContents(live)],
  });
  if (!s.context.options.allowWorkspaceDeletion) {
    s.out.block({
      rule: 'workspaceDeletion',
      message: `${ws.source.file} sets state: absent: workspace ${s.org.name}/${ws.name} would be deleted with everything in it`,
      addresses: [wsAddress],
      override: '--allow-workspace-deletion',
    });
  }
}
