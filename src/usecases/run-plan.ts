/**
 * The `plan` use-case: the thin impure shell around the pure planner.
 * config files → desired state; API → actual state, with the scrypt checks of
 * credential keys run as each workspace is read → planner context; then
 * `computePlan`. `apply` reuses it.
 */
import type { ApiClient } from '../api/api-client.js';
import { withConfigProgress } from './config-progress.js';
import type { CliDeps } from './deps.js';
import type { GlobalOptions } from './global-options.js';
import { restrictToScope, scopeChange, workspacesLeftOut } from '../config/change-scope.js';
import { loadChange } from '../config/load-change.js';
import { loadDesiredState } from '../config/load-desired-state.js';
import { readVariables } from '../config/read-variables.js';
import type { Variables } from '../secrets/variables.js';
import { ConfigInvalidError, SyncError, UsageError } from '../errors.js';
import { countOf } from '../model/count-of.js';
import type { ActualState, ActualWorkspace } from '../model/actual.js';
import type { DesiredState } from '../model/desired.js';
import type { Loaded } from '../model/diagnostics.js';
import type { Plan, PlanOptions } from '../model/plan.js';
import { filterSelection, intersectSelections, isFilter, type Selection } from '../model/selection.js';
import { computePlan } from '../plan/compute-plan.js';
import { orgsToCheck, withQuotaWarnings } from '../plan/quota-check.js';
import { startKeysMatch } from '../secrets/fingerprint.js';
import { readActualState } from '../state/read-actual-state.js';
import { readQuotas } from '../state/read-quotas.js';
import { requireToken } from './require-token.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface PlanRun {
  /**
   * The configuration as loaded, with its own safety settings (not the ones
   * in force); with a base, only the organisations and workspaces planned.
   */
  readonly desired: DesiredState;
  readonly actual: ActualState;
  readonly plan: Plan;
  readonly client: ApiClient;
  readonly variables: Variables;
}

/** Loads the config for `plan`/`apply`; throws ConfigInvalidError with every diagnostic. */
export async function loadConfigForPlan(deps: CliDeps, globals: GlobalOptions): Promise<DesiredState> {
  const loaded = await withConfigProgress(deps, globals.quiet, (progress) =>
    loadDesiredState(resolve(deps.cwd, globals.configDir), { displayFrom: deps.cwd, progress }),
  );
  const desired = acceptConfig(deps, globals, loaded);
  checkWorkspaceFilter(
    desired.orgs.flatMap((o) => o.workspaces.map((w) => `${o.name}/${w.name}`)),
    globals.workspaces,
  );
  return desired;
}

/** The loaded config, its warnings shown; throws ConfigInvalidError with every diagnostic. */
function acceptConfig(deps: CliDeps, globals: GlobalOptions, loaded: Loaded<DesiredState>): DesiredState {
  if (!loaded.ok) throw new ConfigInvalidError(loaded.diagnostics);
  for (const warning of loaded.warnings) {
    if (!globals.quiet) {
      deps.stderr(`${warning.file}:${warning.line}:${warning.column}: warning: ${warning.message}\n`);
    }
  }
  return loaded.value;
}

function checkWorkspaceFilter(declaredNames: readonly string[], filter: readonly string[]): void {
  const declared = new Set(declaredNames);
  const unknown = filter.filter((f) => !declared.has(f));
  if (unknown.length > 0) {
    throw new UsageError(`--workspace names no declared workspace: ${unknown.join(', ')}`);
  }
}

export function createClientFor(deps: CliDeps, globals: GlobalOptions): ApiClient {
  return deps.makeClient({
    endpoint: globals.endpoint,
    token: requireToken(deps.env),
    maxRps: globals.maxRps,
    maxResponseBytes: globals.maxResponseBytes,
    verbose: globals.verbose,
    log: (line) => {
      deps.stderr(`${line}\n`);
    },
  });
}

/**
 * Reads the live state of `desired` and checks that the token's user owns
 * every declared organisation that exists (tokens have no scopes). A plain member sees only
 * the workspaces it participates in, so without this check the plan would
 * quietly offer to create workspaces that exist and to promote the token's
 * own user. The role is the caller's `memberRole` from the `GET /orgs` list
 * the reader makes anyway: no extra request.
 */
export async function readLiveState(
  client: ApiClient,
  desired: DesiredState,
  scope: readonly string[] | Selection,
  onWorkspaceRead?: (orgName: string, workspace: ActualWorkspace) => void,
): Promise<ActualState> {
  const actual = await readActualState(client, desired, {
    ...(isFilter(scope) ? { workspaceFilter: scope } : { workspaceFilter: [], selection: scope }),
    ...(onWorkspaceRead === undefined ? {} : { onWorkspaceRead }),
  });
  for (const org of actual.orgs) {
    const role = org.callerRole ?? org.members?.find((m) => m.email === actual.user.email)?.role;
    if (role === undefined || role === 'owner') continue;
    throw new SyncError(
      `the token's user ${actual.user.email} is a ${role}, not an owner, of organisation ${org.name}: ` +
        'it cannot see or manage every workspace there, so no reliable plan can be made. ' +
        `Make that user an owner of ${org.name}, or use the token of a user who is one.`,
    );
  }
  return actual;
}

/** Reads live state for `desired` and computes the plan. */
export async function planAgainst(
  desired: DesiredState,
  client: ApiClient,
  globals: GlobalOptions,
  options: PlanOptions,
  variables: Variables,
  selection?: Selection,
): Promise<PlanRun> {
  // Hashing is CPU-bound and reading waits on the network: each workspace's keys are hashed as soon as it is read.
  const keys = startKeysMatch(desired, variables);
  let actual: ActualState;
  try {
    actual = await readLiveState(client, desired, selection ?? globals.workspaces, keys.workspaceRead);
  } catch (error) {
    keys.cancel();
    throw error;
  }
  const keysMatch = await keys.result();
  const computed = computePlan(desired, actual, {
    options,
    setVariables: new Map([...variables.scopes].map(([key, values]) => [key, new Set(values.keys())])),
    keysMatch,
    workspaceFilter: globals.workspaces,
    ...(selection === undefined ? {} : { selection }),
  });
  // The quotas are read only for organisations whose plan creates something they count.
  const quotas = await readQuotas(client, actual, orgsToCheck(computed, actual));
  const plan: Plan = {
    ...withQuotaWarnings(computed, actual, quotas),
    target: {
      endpoint: globals.endpoint,
      userName: actual.user.userName,
      email: actual.user.email,
      orgs: computed.scope.orgs,
    },
  };
  return { desired, actual, plan, client, variables };
}

/** The variables of `plan`/`apply`: `--vars-file FILE` or `SEQERA_SYNC_VARS`, never both. */
export function variablesFor(deps: CliDeps, varsFile: string | undefined): Promise<Variables> {
  return readVariables(deps.env, deps.cwd, varsFile);
}

/** What `plan`/`apply` are given besides the configuration. */
export interface PlanInputs {
  /** `--base-config-dir`: the configuration the change is proposed against. */
  readonly baseConfigDir?: string | undefined;
  /** `--vars-file`: the variables (else `SEQERA_SYNC_VARS`). */
  readonly varsFile?: string | undefined;
  /** Variables already read by the caller (apply reads them once for the plan and the apply). */
  readonly variables?: Variables | undefined;
}

/** The base dir, resolved; a clear error when it is not a directory. */
async function baseRoot(deps: CliDeps, dir: string): Promise<string> {
  const root = resolve(deps.cwd, dir);
  const isDirectory = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory) {
    throw new UsageError(
      `--base-config-dir '${dir}' does not exist or is not a directory: ` +
        "give the configuration the change is proposed against (in CI, the base branch's workspaces/)",
    );
  }
  return root;
}

export async function runPlan(
  deps: CliDeps,
  globals: GlobalOptions,
  options: PlanOptions,
  inputs: PlanInputs = {},
): Promise<PlanRun> {
  const variables = inputs.variables ?? (await variablesFor(deps, inputs.varsFile));
  if (inputs.baseConfigDir === undefined) {
    const desired = await loadConfigForPlan(deps, globals);
    return planAgainst(desired, createClientFor(deps, globals), globals, options, variables);
  }
  return runScopedPlan(deps, globals, options, inputs.baseConfigDir, variables);
}

/**
 * A plan of a change against its base. Only the files that differ from the
 * base are loaded (see `loadChange`): rules that span the whole tree are
 * left to `validate`, which the pull request workflow runs on it. The base
 * must validate as far as it is loaded (in CI it is the base branch's,
 * which validated when it merged); values of variables are not needed
 * there, as only declarations and safety settings are compared.
 */
async function runScopedPlan(
  deps: CliDeps,
  globals: GlobalOptions,
  options: PlanOptions,
  baseConfigDir: string,
  variables: Variables,
): Promise<PlanRun> {
  const baseDir = await baseRoot(deps, baseConfigDir);
  const loaded = await withConfigProgress(deps, globals.quiet, (progress) =>
    loadChange(resolve(deps.cwd, globals.configDir), baseDir, { displayFrom: deps.cwd, progress }),
  );
  const desired = acceptConfig(deps, globals, loaded.change);
  checkWorkspaceFilter(
    loaded.workspaceFiles.map((w) => `${w.org}/${w.name}`),
    globals.workspaces,
  );
  if (loaded.base?.ok !== true) {
    const errors = (loaded.base?.ok === false ? loaded.base.diagnostics : []).filter(
      (d) => d.severity === 'error',
    );
    throw new ConfigInvalidError(
      errors,
      `the base configuration --base-config-dir '${baseConfigDir}' does not validate (${countOf(errors.length, 'error')}): ` +
        'a change can only be judged against a valid base',
    );
  }
  const change = scopeChange(loaded.base.value, desired);
  const selection = intersectSelections(change.selection, filterSelection(globals.workspaces));
  const run = await planAgainst(
    change.desired,
    createClientFor(deps, globals),
    globals,
    options,
    variables,
    selection,
  );
  const changeScope = {
    notChanged: workspacesLeftOut(loaded.workspaceFiles, selection),
    files: change.files,
    policyChanges: change.policyChanges,
  };
  return {
    ...run,
    desired: restrictToScope(desired, run.plan.scope),
    plan: { ...run.plan, changeScope },
  };
}
