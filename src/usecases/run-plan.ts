/**
 * The `plan` use-case: the thin impure shell around the pure planner.
 * config files → desired state; API → actual state, with the scrypt checks of
 * credential keys run as each workspace is read → planner context; then
 * `computePlan`. `apply` reuses it.
 */
import type { ApiClient } from '../api/api-client.js';
import type { CliDeps } from '../cli/deps.js';
import type { GlobalOptions } from '../cli/global-options.js';
import { loadDesiredState } from '../config/load-desired-state.js';
import { resolveVariables } from '../config/variables.js';
import { ConfigInvalidError, SyncError, UsageError } from '../errors.js';
import type { ActualState, ActualWorkspace } from '../model/actual.js';
import type { DesiredState } from '../model/desired.js';
import type { Plan, PlanOptions } from '../model/plan.js';
import { computePlan } from '../plan/compute-plan.js';
import { startKeysMatch } from '../secrets/fingerprint.js';
import { readActualState } from '../state/read-actual-state.js';
import { requireToken } from './require-token.js';
import { resolve } from 'node:path';

export interface PlanRun {
  readonly desired: DesiredState;
  readonly actual: ActualState;
  readonly plan: Plan;
  readonly client: ApiClient;
  readonly variables: ReadonlyMap<string, string>;
}

/** Loads the config for `plan`/`apply`; throws ConfigInvalidError with every diagnostic. */
export async function loadConfigForPlan(deps: CliDeps, globals: GlobalOptions): Promise<DesiredState> {
  const loaded = await loadDesiredState(resolve(deps.cwd, globals.configDir), {
    displayFrom: deps.cwd,
    env: deps.env,
    mode: 'plan',
  });
  if (!loaded.ok) throw new ConfigInvalidError(loaded.diagnostics);
  for (const warning of loaded.warnings) {
    if (!globals.quiet) {
      deps.stderr(`${warning.file}:${warning.line}:${warning.column}: warning: ${warning.message}\n`);
    }
  }
  checkWorkspaceFilter(loaded.value, globals.workspaces);
  return loaded.value;
}

function checkWorkspaceFilter(desired: DesiredState, filter: readonly string[]): void {
  const declared = new Set(desired.orgs.flatMap((o) => o.workspaces.map((w) => `${o.name}/${w.name}`)));
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
    verbose: globals.verbose,
    log: (line) => {
      deps.stderr(`${line}\n`);
    },
  });
}

/**
 * Reads the live state of `desired` and checks that the token's user owns
 * every declared organisation that exists (SPEC 7). A plain member sees only
 * the workspaces it participates in, so without this check the plan would
 * quietly offer to create workspaces that exist and to promote the token's
 * own user. The role is the caller's `memberRole` from the `GET /orgs` list
 * the reader makes anyway: no extra request.
 */
export async function readLiveState(
  client: ApiClient,
  desired: DesiredState,
  workspaceFilter: readonly string[],
  onWorkspaceRead?: (orgName: string, workspace: ActualWorkspace) => void,
): Promise<ActualState> {
  const actual = await readActualState(client, desired, {
    workspaceFilter,
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
  deps: CliDeps,
  globals: GlobalOptions,
  options: PlanOptions,
): Promise<PlanRun> {
  const variables = resolveVariables(deps.env);
  // Hashing is CPU-bound and reading waits on the network: each workspace's keys are hashed as soon as it is read.
  const keys = startKeysMatch(desired, variables);
  let actual: ActualState;
  try {
    actual = await readLiveState(client, desired, globals.workspaces, keys.workspaceRead);
  } catch (error) {
    keys.cancel();
    throw error;
  }
  const keysMatch = await keys.result();
  const computed = computePlan(desired, actual, {
    options,
    setVariables: new Set(variables.keys()),
    keysMatch,
    workspaceFilter: globals.workspaces,
  });
  const plan: Plan = {
    ...computed,
    target: {
      endpoint: globals.endpoint,
      userName: actual.user.userName,
      email: actual.user.email,
      orgs: computed.scope.orgs,
    },
  };
  return { desired, actual, plan, client, variables };
}

export async function runPlan(deps: CliDeps, globals: GlobalOptions, options: PlanOptions): Promise<PlanRun> {
  const desired = await loadConfigForPlan(deps, globals);
  const client = createClientFor(deps, globals);
  return planAgainst(desired, client, deps, globals, options);
}
