/**
 * The applier's integration harness: the emulator over real HTTP, the real
 * client, the real state reader and planner, and `applyPlan`. Every helper is
 * a step a real `apply` takes: read live state → fingerprints → plan → apply.
 */
import { createApiClient } from '../../../src/api/client.js';
import type { ApiClient } from '../../../src/api/api-client.js';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import type { ApplyOptions, ApplyReport } from '../../../src/apply/types.js';
import {
  startEmulator,
  type EmulatorOptions,
  type RunningEmulator,
} from '../../../src/emulator/start-emulator.js';
import type { RequestLogEntry } from '../../../src/emulator/request-log.js';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import type { DesiredState } from '../../../src/model/desired.js';
import type { Plan, PlanOptions } from '../../../src/model/plan.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import { computeKeysMatch } from '../../../src/secrets/fingerprint.js';
import { readActualState } from '../../../src/state/read-actual-state.js';
import { sameVariablesEverywhere, setEverywhere } from '../../helpers/variables.js';

export const TOKEN_EMAIL = 'sync-bot@example.org';

/** Secret values the tests plant; nothing the tool prints may contain them. */
export const VARIABLES: ReadonlyMap<string, string> = new Map([
  ['AWS_SECRET_KEY', 'planted-aws-Secret-0451'],
  ['SENTIEON_VAR', 'planted-license-Secret-0452'],
  ['OTHER_VAR', 'planted-other-Secret-0453'],
]);

/** Registered users (every person the tests add has signed in, unless a test says otherwise). */
export function usersSeed(...emails: string[]): NonNullable<EmulatorSeed['users']> {
  return [
    { userName: 'sync-bot', email: TOKEN_EMAIL, token: 'integration-token' },
    ...emails.map((email) => ({ userName: email.split('@')[0] ?? email, email })),
  ];
}

export interface Harness {
  readonly emulator: RunningEmulator;
  readonly client: ApiClient;
  plan(desired: DesiredState, options?: Partial<PlanOptions>): Promise<Plan>;
  apply(plan: Plan, options?: Partial<ApplyOptions>): Promise<ApplyReport>;
  /** Write requests the emulator received since the last `clearRequestLog`. */
  writes(): RequestLogEntry[];
  stop(): Promise<void>;
}

export interface HarnessOptions extends EmulatorOptions {
  readonly maxRps?: number;
  readonly retryBudgetMs?: number;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const { maxRps, retryBudgetMs, ...emulatorOptions } = options;
  const emulator = await startEmulator({ ceCreateDelayMs: 30, ceDeleteDelayMs: 30, ...emulatorOptions });
  const client = createApiClient({
    endpoint: emulator.endpoint,
    token: emulator.token,
    maxRps: maxRps ?? 500,
    verbose: false,
    log: () => undefined,
    timeoutMs: 5_000,
    retryBudgetMs: retryBudgetMs ?? 30_000,
  });
  return {
    emulator,
    client,
    async plan(desired, planOptions = {}) {
      const actual = await readActualState(client, desired, { workspaceFilter: [] });
      const keysMatch = await computeKeysMatch(desired, actual, sameVariablesEverywhere(VARIABLES));
      return computePlan(desired, actual, {
        options: {
          allowDeletions: false,
          allowWorkspaceDeletion: false,
          rotateSecrets: false,
          ...planOptions,
        },
        setVariables: setEverywhere(desired, VARIABLES.keys()),
        keysMatch,
        workspaceFilter: [],
      });
    },
    apply(plan, applyOptions = {}) {
      return applyPlan(plan, client, {
        variables: sameVariablesEverywhere(VARIABLES),
        concurrency: 4,
        waitTimeoutMs: 20_000,
        pollIntervalMs: 25,
        ...applyOptions,
      });
    },
    writes() {
      return emulator.requestLog().filter((entry) => entry.write);
    },
    stop: () => emulator.stop(),
  };
}

/** `METHOD /path` of each entry, for readable assertions. */
export function calls(entries: readonly RequestLogEntry[]): string[] {
  return entries.map((entry) => `${entry.method} ${entry.path}`);
}

/** A short, secret-free description of a plan's actions. */
export function actionsOf(plan: Plan): string[] {
  return plan.actions.map((action) => `${action.type} ${action.address}`);
}
