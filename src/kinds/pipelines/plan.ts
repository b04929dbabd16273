/**
 * Pipelines: launch fields, description and declared labels update in
 * place (the labels as a whole set). On
 * the platform a launch change creates a draft version, which the applier
 * names after `launchDigest` and promotes to default. A pipeline whose CE is
 * replaced is re-pointed by that replace, not by an update here; when it has
 * other changes too, its update waits for the replace.
 */
import { parse } from 'yaml';
import type { ActualPipeline, DesiredPipeline, LaunchDeclaration } from './model.js';
import { address } from '../../model/address.js';
import type { FieldChange } from '../../model/plan.js';
import { compareDeclared, isEmpty, trimSlash, type CompareRules } from '../kit/compare-declared.js';
import { compareText } from '../kit/compare-text.js';
import { changedReason, deps, workspaceCreate, type WorkspaceScope } from '../kit/scope.js';
import { planNamedCollection, sameKeyCollection } from '../kit/named-collection.js';
import { sameData } from '../kit/stable-json.js';
import { checkLabelRefs, labelDeps, liveLabelRefs } from '../labels/attached.js';
import { sortedRefs } from '../labels/reference.js';

/** Launch keys with their own YAML key (compared specially); passthrough never compares them. */
const OWNED = new Set(['pipeline', 'revision', 'workDir', 'configProfiles', 'paramsText', 'computeEnvId']);

const PASSTHROUGH_RULES: CompareRules = {
  setKeys: new Set(['workspaceSecrets', 'userSecrets']),
  pathKeys: new Set(['workDir', 'outputDir']),
  ignoredKeys: OWNED,
};

export function planPipelines(s: WorkspaceScope): void {
  planNamedCollection(s, {
    kind: 'pipeline',
    ...sameKeyCollection(s, 'pipelines'),
    idOf: (pipeline) => pipeline.pipelineId,
    planDeclared: (pipeline, live) => {
      planDeclared(s, pipeline, live);
    },
    deleteAction: (pipeline, base) => ({
      ...base,
      kind: 'pipeline',
      changes:
        typeof pipeline.launch['pipeline'] === 'string'
          ? [{ field: 'launch.pipeline', from: pipeline.launch['pipeline'] }]
          : [],
      current: pipeline,
    }),
  });
  noteStrandedPipelines(s);
}

function planDeclared(s: WorkspaceScope, pipeline: DesiredPipeline, live: ActualPipeline | undefined): void {
  const org = s.org.name;
  const pipelineAddress = address.pipeline(org, s.ws.name, pipeline.name);
  const dependsOn = deps(
    pipeline.computeEnvironment === undefined
      ? []
      : s.out.dependencyOn(address.computeEnv(org, s.ws.name, pipeline.computeEnvironment)),
    labelDeps(s, pipeline.labels),
  );
  checkLabelRefs(s, pipeline.labels, `pipeline ${pipeline.name}`, pipelineAddress, pipeline.source);
  const base = {
    kind: 'pipeline',
    address: pipelineAddress,
    org,
    workspace: s.ws.name,
    name: pipeline.name,
    desired: pipeline,
  } as const;
  if (live === undefined) {
    s.out.add({
      ...base,
      ...workspaceCreate(s, dependsOn),
      changes: declaredChanges(pipeline),
    });
    return;
  }
  // A pipeline that was only listed has no launch to compare (the reader describes managed ones).
  const launch = live.listedOnly === true ? [] : launchChanges(s, pipeline, live.launch);
  const description =
    pipeline.description !== undefined && pipeline.description !== (live.description ?? '')
      ? [{ field: 'description', from: live.description, to: pipeline.description }]
      : [];
  const labels = labelChanges(s, pipeline, live);
  const changes = [...launch, ...description, ...labels].sort((a, b) => compareText(a.field, b.field));
  if (changes.length === 0) return;
  s.out.add({
    ...base,
    type: 'update',
    reason:
      launch.length > 0
        ? `launch fields changed (${launch.map((c) => c.field).join(', ')}): a new default version will be created`
        : changedReason([...description, ...labels].map((c) => c.field)),
    changes,
    dependsOn,
    current: live,
  });
}

/** The declared labels against the live ones (only when declared: otherwise they are kept). */
function labelChanges(s: WorkspaceScope, pipeline: DesiredPipeline, live: ActualPipeline): FieldChange[] {
  if (pipeline.labels === undefined) return [];
  const current = liveLabelRefs(s, live.labelIds);
  const declared = sortedRefs(pipeline.labels);
  if (current === undefined || current.join('\n') === declared.join('\n')) return [];
  return [{ field: 'labels', from: current, to: declared }];
}

/**
 * A pipeline naming a workspace secret this plan creates waits for it.
 * Secrets are planned after pipelines, so this runs once the whole
 * workspace is planned.
 */
export function linkPipelineSecrets(s: WorkspaceScope): void {
  for (const pipeline of s.ws.pipelines ?? []) {
    const action = s.out.get(address.pipeline(s.org.name, s.ws.name, pipeline.name));
    if (action?.kind !== 'pipeline' || action.type === 'delete') continue;
    const secretDeps = workspaceSecretsOf(pipeline).flatMap((name) =>
      s.out.dependencyOn(address.secret(s.org.name, s.ws.name, name), ['create']),
    );
    if (secretDeps.length > 0) s.out.replace({ ...action, dependsOn: deps(action.dependsOn, secretDeps) });
  }
}

function workspaceSecretsOf(pipeline: DesiredPipeline): readonly string[] {
  const names = pipeline.launch?.['workspaceSecrets'];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}

function declaredChanges(pipeline: DesiredPipeline): FieldChange[] {
  const changes = declaredLaunchChanges(pipeline);
  if (pipeline.description !== undefined) changes.push({ field: 'description', to: pipeline.description });
  if (pipeline.labels !== undefined) changes.push({ field: 'labels', to: sortedRefs(pipeline.labels) });
  return changes.sort((a, b) => compareText(a.field, b.field));
}

/** The declared launch fields as the changes of a create (shared with pipeline actions). */
export function declaredLaunchChanges(pipeline: LaunchDeclaration): FieldChange[] {
  const changes: FieldChange[] = [{ field: 'launch.pipeline', to: pipeline.url }];
  if (pipeline.revision !== undefined) changes.push({ field: 'launch.revision', to: pipeline.revision });
  if (pipeline.computeEnvironment !== undefined)
    changes.push({ field: 'launch.computeEnvironment', to: pipeline.computeEnvironment });
  if (pipeline.workDir !== undefined) changes.push({ field: 'launch.workDir', to: pipeline.workDir });
  if (pipeline.profiles !== undefined)
    changes.push({ field: 'launch.configProfiles', to: pipeline.profiles });
  if (pipeline.params !== undefined) changes.push({ field: 'launch.params', to: pipeline.params });
  for (const [key, value] of Object.entries(pipeline.launch ?? {})) {
    if (!OWNED.has(key)) changes.push({ field: `launch.${key}`, to: value });
  }
  // Unsorted: each caller adds its own fields and sorts the whole list.
  return changes;
}

/**
 * Declared launch fields that differ from a live launch (shared with
 * pipeline actions): only what the file declares is compared, the URL and
 * paths without a trailing `/`, profiles as a set, params after parsing.
 */
export function launchChanges(
  s: WorkspaceScope,
  pipeline: LaunchDeclaration,
  launch: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const changes: FieldChange[] = [];
  const liveUrl = launch['pipeline'];
  if (typeof liveUrl !== 'string' || trimSlash(liveUrl) !== trimSlash(pipeline.url)) {
    changes.push({ field: 'launch.pipeline', from: liveUrl, to: pipeline.url });
  }
  if (pipeline.revision !== undefined && pipeline.revision !== launch['revision']) {
    changes.push({ field: 'launch.revision', from: launch['revision'], to: pipeline.revision });
  }
  if (pipeline.computeEnvironment !== undefined) {
    const liveCe = liveComputeEnvName(s, launch);
    if (liveCe.known && liveCe.name !== pipeline.computeEnvironment) {
      changes.push({
        field: 'launch.computeEnvironment',
        from: liveCe.name,
        to: pipeline.computeEnvironment,
      });
    }
  }
  const liveWorkDir = launch['workDir'];
  if (
    pipeline.workDir !== undefined &&
    (typeof liveWorkDir !== 'string' || trimSlash(liveWorkDir) !== trimSlash(pipeline.workDir))
  ) {
    changes.push({ field: 'launch.workDir', from: liveWorkDir, to: pipeline.workDir });
  }
  if (pipeline.profiles !== undefined) {
    const liveProfiles = Array.isArray(launch['configProfiles'])
      ? (launch['configProfiles'] as readonly unknown[])
      : [];
    if (!sameData(asSet(pipeline.profiles), asSet(liveProfiles))) {
      changes.push({ field: 'launch.configProfiles', from: launch['configProfiles'], to: pipeline.profiles });
    }
  }
  if (pipeline.params !== undefined) {
    const liveParams = parseParams(launch['paramsText']);
    if (!(isEmpty(pipeline.params) && isEmpty(liveParams)) && !sameData(pipeline.params, liveParams)) {
      changes.push({ field: 'launch.params', from: liveParams, to: pipeline.params });
    }
  }
  changes.push(...compareDeclared(pipeline.launch ?? {}, launch, 'launch', PASSTHROUGH_RULES));
  return changes;
}

function asSet(items: readonly unknown[]): unknown[] {
  return [...new Set(items.map((item) => JSON.stringify(item)))].sort();
}

/** The live `paramsText` parsed as JSON or YAML; the raw text when it does not parse. */
export function parseParams(paramsText: unknown): unknown {
  if (typeof paramsText !== 'string' || paramsText.trim() === '') return undefined;
  try {
    return parse(paramsText) as unknown;
  } catch {
    return paramsText;
  }
}

/** The live launch's CE by name: through the read CE list, or a `computeEnvName` the reader added; unknown otherwise. */
function liveComputeEnvName(
  s: WorkspaceScope,
  launch: Readonly<Record<string, unknown>>,
): { readonly known: boolean; readonly name?: string } {
  const id = launch['computeEnvId'];
  const named = launch['computeEnvName'];
  if (id === undefined || id === null)
    return typeof named === 'string' ? { known: true, name: named } : { known: true };
  const match = s.actualWs?.computeEnvironments?.find((ce) => ce.id === id);
  if (match !== undefined) return { known: true, name: match.name };
  if (typeof named === 'string') return { known: true, name: named };
  if (s.actualWs?.computeEnvironments === undefined) return { known: false };
  return { known: true, name: typeof id === 'string' ? id : JSON.stringify(id) };
}

/** Notes live pipelines that stay while the CE they launch on is deleted. */
function noteStrandedPipelines(s: WorkspaceScope): void {
  for (const ce of s.actualWs?.computeEnvironments ?? []) {
    if (s.out.get(address.computeEnv(s.org.name, s.ws.name, ce.name))?.type !== 'delete') continue;
    for (const pipeline of s.actualWs?.pipelines ?? []) {
      const pipelineAddress = address.pipeline(s.org.name, s.ws.name, pipeline.name);
      if (pipeline.launch['computeEnvId'] !== ce.id || s.out.get(pipelineAddress)?.type === 'delete')
        continue;
      const declared = s.ws.pipelines?.find((p) => p.name === pipeline.name);
      if (declared?.computeEnvironment !== undefined && declared.computeEnvironment !== ce.name) continue;
      s.out.note(
        `pipeline ${pipeline.name} launches on compute environment ${ce.name}, which is deleted`,
        pipelineAddress,
      );
    }
  }
}
