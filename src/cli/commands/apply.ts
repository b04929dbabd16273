/**
 * `seqera-sync apply [FILE]`: applies a fresh plan (shown first, confirmed on
 * a TTY unless `--yes`), or exactly a saved plan after checking that nothing
 * it was computed from has changed ("stale plan: re-run plan", no writes).
 * Refuses a blocked plan. Exit 1 when any action failed; pending people alone
 * are a warning.
 */
import type { Command } from 'commander';
import { applyPlan, applySucceeded, describeApplyEvent, renderApplyReport } from '../../apply/index.js';
import type { ApplyEvent, ApplyReport } from '../../apply/index.js';
import type { Variables } from '../../secrets/variables.js';
import { restrictToScope } from '../../config/change-scope.js';
import { ExitCode, PlanBlockedError, StalePlanError, UsageError } from '../../errors.js';
import type { Plan } from '../../model/plan.js';
import { renderText } from '../../render/index.js';
import { targetPhrase } from '../../render/summary.js';
import { assertSavedPlanFresh, desiredDigest, recheckSafety } from '../../saved-plan/index.js';
import { readPlanFile } from '../../usecases/plan-document-io.js';
import { requireToken } from '../../usecases/require-token.js';
import {
  createClientFor,
  loadConfigForPlan,
  readLiveState,
  runPlan,
  variablesFor,
} from '../../usecases/run-plan.js';
import type { ApiClient } from '../../api/api-client.js';
import type { CliDeps } from '../../usecases/deps.js';
import type { GlobalOptions } from '../../usecases/global-options.js';
import { chooseFormat, readGlobalOptions } from '../global-options.js';
import type { SetExit } from '../set-exit.js';
import { BASE_CONFIG_DIR_HELP, planOptionsFrom, VARS_FILE_HELP } from './plan.js';

/**
 * How often a compute-environment wait polls the platform. The applier's
 * default (5 s) made every create or replace wait at least 5 s per step even
 * when the CE was ready at once; 1 s keeps progress responsive and costs one
 * list request per second per waiting CE, well inside `--max-rps`.
 */
export const APPLY_POLL_INTERVAL_MS = 1_000;

interface ApplyFlags {
  yes?: boolean;
  varsFile?: string;
  allowDeletions?: boolean;
  allowWorkspaceDeletion?: boolean;
  rotateSecrets?: boolean;
  baseConfigDir?: string;
  allowOrgCreation?: boolean;
}

export function registerApplyCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('apply')
    .argument('[file]', 'a plan saved with `plan --out FILE`: applied exactly, after a staleness check')
    .description('apply a fresh plan, or exactly a saved one (format: text or json report)')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal, unless FILE is given)')
    .option('--vars-file <file>', VARS_FILE_HELP)
    .option('--allow-deletions', 'lift the deletion caps (maxDeletions, maxDeletionRatio)')
    .option('--allow-workspace-deletion', 'allow deleting workspaces whose file says state: absent')
    .option('--allow-org-creation', 'allow creating an organisation that has an organization.yaml')
    .option('--rotate-secrets', 'rewrite every declared pipeline secret from its variable')
    .option('--base-config-dir <dir>', BASE_CONFIG_DIR_HELP)
    .action(async (file: string | undefined, flags: ApplyFlags, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const format = chooseFormat(globals.format, ['text', 'json'] as const, 'text');
      const variables = await variablesFor(deps, flags.varsFile);
      const prepared =
        file === undefined
          ? await freshPlan(deps, globals, flags, format, variables)
          : await savedPlan(deps, globals, flags, file, variables);
      if (prepared === undefined) {
        // Declined at the prompt: nothing was applied, and a script must be able to tell.
        setExit(ExitCode.Failure);
        return;
      }
      const { plan, client } = prepared;
      const interrupt = new AbortController();
      const release = deps.onInterrupt?.(() => {
        if (!interrupt.signal.aborted) {
          deps.stderr(
            '\nInterrupting: no further action starts; waiting for those in progress (Ctrl+C again to stop at once).\n',
          );
        }
        interrupt.abort();
      });
      let report: ApplyReport;
      try {
        report = await applyPlan(plan, client, {
          variables,
          concurrency: globals.concurrency,
          waitTimeoutMs: globals.waitTimeoutSeconds * 1000,
          pollIntervalMs: APPLY_POLL_INTERVAL_MS,
          onEvent: progressPrinter(deps, globals),
          signal: interrupt.signal,
        });
      } finally {
        release?.();
      }
      if (interrupt.signal.aborted) {
        // No report: a partial one would read as the outcome of the whole plan.
        deps.stderr(`${interruptedLine(report, plan.actions.length)}\n`);
        setExit(ExitCode.Interrupted);
        return;
      }
      deps.stdout(renderApplyReport(report, { format, color: globals.color }));
      if (applySucceeded(report)) {
        setExit(ExitCode.Ok);
      } else {
        const failed = report.failed.length;
        deps.stderr(
          `Error: ${failed === 1 ? '1 action' : `${String(failed)} actions`} of ${String(plan.actions.length)} failed; see the report above. Fix the cause and run apply again.\n`,
        );
        setExit(ExitCode.Failure);
      }
    });
}

/** `interrupted: 7 of 12 actions done; re-run plan` (with the failures, when any). */
export function interruptedLine(report: ApplyReport, total: number): string {
  const failed = report.failed.length === 0 ? '' : `, ${report.failed.length} failed`;
  return `interrupted: ${report.applied.length} of ${total} actions done${failed}; re-run plan`;
}

interface Prepared {
  readonly plan: Plan;
  readonly client: ApiClient;
}

function refuseBlocked(plan: Pick<Plan, 'blocked'>): void {
  if (plan.blocked.length === 0) return;
  const rules = plan.blocked.map((b) => `  - ${b.rule}: ${b.message}${b.override ? ` (${b.override})` : ''}`);
  throw new PlanBlockedError(`apply refuses a blocked plan; nothing was written:\n${rules.join('\n')}`);
}

async function freshPlan(
  deps: CliDeps,
  globals: GlobalOptions,
  flags: ApplyFlags,
  format: 'text' | 'json',
  variables: Variables,
): Promise<Prepared | undefined> {
  if (flags.yes !== true && !deps.stdinIsTTY) {
    throw new UsageError('apply needs --yes (or a saved plan FILE) when not run on a terminal');
  }
  const run = await runPlan(deps, globals, planOptionsFrom(flags), {
    baseConfigDir: flags.baseConfigDir,
    variables,
  });
  const shown = renderText(run.plan, { color: globals.color });
  if (format === 'text') deps.stdout(shown);
  else deps.stderr(shown);
  refuseBlocked(run.plan);
  if (run.plan.actions.length > 0 && flags.yes !== true) {
    const where = run.plan.target === undefined ? '' : ` ${targetPhrase(run.plan.target)}`;
    const ok = await deps.confirm(
      `Do you want to perform these actions${where}? Only "yes" will be accepted to approve.\n  Enter a value:`,
    );
    if (!ok) {
      deps.stderr('Apply cancelled: nothing was written.\n');
      return undefined;
    }
  }
  return { plan: run.plan, client: run.client };
}

async function savedPlan(
  deps: CliDeps,
  globals: GlobalOptions,
  flags: ApplyFlags,
  file: string,
  variables: Variables,
): Promise<Prepared> {
  if (
    flags.allowDeletions === true ||
    flags.allowWorkspaceDeletion === true ||
    flags.allowOrgCreation === true ||
    flags.rotateSecrets === true
  ) {
    throw new UsageError(
      'a saved plan is applied with the overrides it was made with; re-run `plan --out` with the flags instead',
    );
  }
  if (flags.baseConfigDir !== undefined) {
    throw new UsageError(
      'a saved plan is applied with the scope it was made with; give --base-config-dir to `plan --out` instead',
    );
  }
  // The digest is keyed with the token: a file edited by someone without it does not match.
  const saved = await readPlanFile(deps.cwd, file, requireToken(deps.env));
  refuseBlocked(saved);
  if (saved.endpoint.replace(/\/+$/, '') !== globals.endpoint) {
    // Before any request: a plan made for one platform says nothing about another.
    throw new StalePlanError(
      `stale plan: re-run plan\n  - the plan was made against ${saved.endpoint}, not ${globals.endpoint}`,
    );
  }
  refuseNarrowerFilter(saved, globals.workspaces);
  const desired = await loadConfigForPlan(deps, globals);
  // A plan scoped to a change was made from the part of the configuration it covers.
  const reviewed = saved.changeScope === undefined ? desired : restrictToScope(desired, saved.scope);
  if (desiredDigest(reviewed) !== saved.desiredDigest && !globals.quiet) {
    deps.stderr(
      'Warning: the configuration changed since this plan was made; applying the plan as it was reviewed.\n',
    );
  }
  const client = createClientFor(deps, globals);
  const fresh = await readLiveState(client, desired, freshReadFilter(saved, globals.workspaces));
  await assertSavedPlanFresh(saved, {
    endpoint: globals.endpoint,
    fresh,
    variables,
  });
  // The file's own `blocked` list is not trusted: the rules are checked again on its actions.
  refuseBlocked({ blocked: recheckSafety(saved, desired, fresh) });
  return { plan: saved, client };
}

const workspaceOf = (action: Plan['actions'][number]): string | undefined =>
  action.workspace === undefined ? undefined : `${action.org}/${action.workspace}`;

/**
 * A saved plan is applied as a whole. `--workspace` is accepted with FILE
 * (a CI job may pass the same filter to `plan` and `apply`), but only when
 * it covers every action: otherwise the actions outside it could not be
 * verified, and the user meant something else.
 */
function refuseNarrowerFilter(saved: Plan, filter: readonly string[]): void {
  if (filter.length === 0) return;
  const outside = saved.actions.filter((action) => {
    const ws = workspaceOf(action);
    return ws === undefined || !filter.includes(ws);
  });
  if (outside.length === 0) return;
  const shown = outside
    .slice(0, 3)
    .map((a) => a.address)
    .join(', ');
  const more = outside.length > 3 ? ` and ${outside.length - 3} more` : '';
  throw new UsageError(
    `the saved plan has actions outside --workspace ${filter.join(', ')} (${shown}${more}); ` +
      'a saved plan is applied as a whole: drop --workspace, or re-run plan --out with it',
  );
}

/**
 * What to re-read before applying a saved plan: the workspaces its actions
 * are in (org-level actions need the unfiltered read), so that checking a
 * plan made with `--workspace` costs no more than making it did.
 */
function freshReadFilter(saved: Plan, filter: readonly string[]): readonly string[] {
  if (filter.length > 0) return filter;
  const workspaces = saved.actions.map(workspaceOf);
  if (workspaces.length === 0 || workspaces.includes(undefined)) return [];
  return [...new Set(workspaces.filter((ws): ws is string => ws !== undefined))].sort();
}

/** Carriage return + erase line: rewrites the live status line of a terminal. */
const REWRITE_LINE = '\r\u001b[2K';

/**
 * Progress on stderr: one line per finished action. Compute
 * environment waits poll every second, so their status is a single live line
 * on a terminal (rewritten in place, replaced by the next finished action),
 * left out otherwise, and printed line by line only with `--verbose` (whose
 * request log lines would break a live line).
 */
function progressPrinter(deps: CliDeps, globals: GlobalOptions): (event: ApplyEvent) => void {
  const live = deps.stderrIsTTY && !globals.verbose;
  let statusShown = false;
  return (event) => {
    if (globals.quiet || event.type === 'started') return;
    const line = describeApplyEvent(event);
    if (event.type === 'waiting') {
      if (live) {
        deps.stderr(`${REWRITE_LINE}${line}`);
        statusShown = true;
      } else if (globals.verbose) {
        deps.stderr(`${line}\n`);
      }
      return;
    }
    deps.stderr(`${statusShown ? REWRITE_LINE : ''}${line}\n`);
    statusShown = false;
  };
}
