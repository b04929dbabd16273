/**
 * Compute environments: `description` and `credentials` update in
 * place; `platform`, any declared config key or the declared labels (set
 * only at creation) force a create-before-destroy replace, which names the pipelines it re-points and whether primary moves.
 * Only `primary: true` is acted on (the API cannot unset it): on a new CE it
 * is part of the create (one action), on an existing one its own action.
 */
import type { ActualComputeEnv, DesiredComputeEnv, RepointedAction, RepointedPipeline } from './model.js';
import { address } from '../../model/address.js';
import type { FieldChange } from '../../model/plan.js';
import { compareConfig } from '../kit/compare-config.js';
import { compareText } from '../kit/compare-text.js';
import { changedReason, deps, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { checkLabelRefs, labelDeps, liveLabelRefs } from '../labels/attached.js';
import { sortedRefs } from '../labels/reference.js';

export function planComputeEnvs(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'computeEnvironment',
    ...sameKeyCollection(s, 'computeEnvironments'),
    idOf: (ce) => ce.id,
    planDeclared: (ce, live) => {
      planDeclared(s, ce, live);
    },
    deleteAction: (ce, base) => ({
      ...base,
      kind: 'computeEnvironment',
      changes: [{ field: 'platform', from: ce.platform }],
      current: ce,
    }),
  });
}

function declaredChanges(ce: DesiredComputeEnv): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of Object.keys(ce.config).sort())
    changes.push({ field: `config.${key}`, to: ce.config[key] });
  if (ce.credentials !== undefined) changes.push({ field: 'credentials', to: ce.credentials });
  if (ce.description !== undefined) changes.push({ field: 'description', to: ce.description });
  if (ce.labels !== undefined) changes.push({ field: 'labels', to: sortedRefs(ce.labels) });
  changes.push({ field: 'platform', to: ce.platform });
  // A new CE's primary flag is part of its creation (set once it is AVAILABLE), not a change of its own.
  if (ce.primary) changes.push({ field: 'primary', to: true });
  return changes;
}

function planDeclared(s: WorkspaceScope, ce: DesiredComputeEnv, live: ActualComputeEnv | undefined): void {
  const org = s.org.name;
  const ceAddress = address.computeEnv(org, s.ws.name, ce.name);
  const credentialAddress =
    ce.credentials === undefined ? undefined : address.credential(org, s.ws.name, ce.credentials);
  const referenceDeps = deps(
    credentialAddress === undefined ? [] : s.out.dependencyOn(credentialAddress),
    labelDeps(s, ce.labels),
  );
  checkLabelRefs(s, ce.labels, `compute environment ${ce.name}`, ceAddress, ce.source);
  const base = {
    kind: 'computeEnvironment',
    address: ceAddress,
    org,
    workspace: s.ws.name,
    name: ce.name,
    desired: ce,
  } as const;
  if (live === undefined) {
    s.out.add({
      ...base,
      ...workspaceCreate(s, referenceDeps),
      changes: declaredChanges(ce),
    });
    return;
  }
  const forced = [
    ...(live.platform === ce.platform ? [] : [{ field: 'platform', from: live.platform, to: ce.platform }]),
    // A CE that was only listed has no config to compare (the reader describes managed ones).
    ...(live.listedOnly === true ? [] : compareConfig(ce.config, live.config)),
    ...labelChanges(s, ce, live),
  ];
  const inPlace = inPlaceChanges(s, ce, live);
  const credentialReplaced =
    credentialAddress !== undefined && s.out.get(credentialAddress)?.type === 'replace';
  if (forced.length > 0) {
    const changes = [...forced, ...inPlace].sort((a, b) => compareText(a.field, b.field));
    s.out.add({
      ...base,
      type: 'replace',
      reason: `${forced
        .map((c) => c.field)
        .sort()
        .join(
          ', ',
        )} cannot change in place: a new compute environment replaces it (created first, then the old one is deleted)`,
      changes,
      dependsOn: referenceDeps,
      current: live,
      forcedBy: forced.map((c) => c.field).sort(),
      repoint: repointed(s, live),
      ...optionalList('repointActions', repointedActions(s, live)),
      movesPrimary: live.primary,
    });
    if (ce.primary && !live.primary) planPrimary(s, ce, [ceAddress]);
    return;
  }
  if (inPlace.length > 0 || credentialReplaced) {
    const changes =
      inPlace.length > 0 || credentialAddress === undefined
        ? inPlace
        : [{ field: 'credentials', from: ce.credentials, to: ce.credentials }];
    s.out.add({
      ...base,
      type: 'update',
      reason:
        inPlace.length > 0
          ? changedReason(inPlace.map((c) => c.field))
          : `credential ${String(ce.credentials)} is replaced: the compute environment is pointed at the new one`,
      changes,
      dependsOn: referenceDeps,
      current: live,
    });
  }
  if (live.status !== 'AVAILABLE') {
    s.out.note(
      `compute environment ${ce.name} is ${live.status}${live.message === undefined ? '' : ` (${live.message})`}; its config matches the file, so it is kept`,
      ceAddress,
    );
  }
  if (ce.primary && !live.primary) planPrimary(s, ce, []);
}

/** The declared labels against the live ones (only when declared: a CE's labels are otherwise kept). */
function labelChanges(s: WorkspaceScope, ce: DesiredComputeEnv, live: ActualComputeEnv): FieldChange[] {
  if (ce.labels === undefined || live.listedOnly === true) return [];
  const current = liveLabelRefs(s, live.labelIds);
  const declared = sortedRefs(ce.labels);
  if (current === undefined || current.join('\n') === declared.join('\n')) return [];
  return [{ field: 'labels', from: current, to: declared }];
}

/** Description and credentials differences (declared fields only). */
function inPlaceChanges(s: WorkspaceScope, ce: DesiredComputeEnv, live: ActualComputeEnv): FieldChange[] {
  const changes: FieldChange[] = [];
  if (ce.credentials !== undefined) {
    const liveName = liveCredentialsName(s, live);
    if (liveName.known && liveName.name !== ce.credentials) {
      changes.push({ field: 'credentials', from: liveName.name, to: ce.credentials });
    }
  }
  if (ce.description !== undefined && ce.description !== (live.description ?? '')) {
    changes.push({ field: 'description', from: live.description, to: ce.description });
  }
  return changes;
}

/**
 * The live CE's credential by name: through the workspace's read credentials,
 * or the `credentialsName` the reader resolved; unknown (not compared) when
 * neither can name the live id.
 */
function liveCredentialsName(
  s: WorkspaceScope,
  live: ActualComputeEnv,
): { readonly known: boolean; readonly name?: string } {
  if (live.credentialsId === undefined) return { known: true };
  const read =
    s.actualWs?.credentials?.find((c) => c.id === live.credentialsId)?.name ?? live.credentialsName;
  if (read !== undefined) return { known: true, name: read };
  return s.actualWs?.credentials === undefined ? { known: false } : { known: true, name: live.credentialsId };
}

/** Every pipeline in the read state whose launch uses the old CE, managed or not. */
function repointed(s: WorkspaceScope, live: ActualComputeEnv): RepointedPipeline[] {
  return (s.actualWs?.pipelines ?? [])
    .filter((p) => p.launch['computeEnvId'] === live.id)
    .map((p) => ({ pipelineId: p.pipelineId, name: p.name }))
    .sort((a, b) => compareText(a.name, b.name) || a.pipelineId - b.pipelineId);
}

/** Every pipeline action in the read state whose launch uses the old CE, managed or not. */
function repointedActions(s: WorkspaceScope, live: ActualComputeEnv): RepointedAction[] {
  return (s.actualWs?.actions ?? [])
    .filter((a) => a.launch['computeEnvId'] === live.id)
    .map((a) => ({ actionId: a.id, name: a.name }))
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.actionId, b.actionId));
}

/** `{ [key]: list }` when the list is not empty (a plan without actions keeps its shape). */
function optionalList<K extends string, T>(key: K, list: readonly T[]): { [P in K]?: readonly T[] } {
  return (list.length === 0 ? {} : { [key]: list }) as { [P in K]?: readonly T[] };
}

function planPrimary(s: WorkspaceScope, ce: DesiredComputeEnv, dependsOn: readonly string[]): void {
  s.out.add({
    kind: 'primaryComputeEnvironment',
    type: 'update',
    address: address.primary(s.org.name, s.ws.name, ce.name),
    org: s.org.name,
    workspace: s.ws.name,
    name: ce.name,
    computeEnvironment: ce.name,
    reason: `primary: true in ${s.ws.source.file}, not the primary compute environment on the platform`,
    changes: [{ field: 'primary', from: false, to: true }],
    dependsOn,
  });
}
