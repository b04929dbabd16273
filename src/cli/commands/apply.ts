/**
 * `seqera-sync apply [FILE]`: applies a fresh plan (shown first, confirmed on
 * a TTY unless `--yes`), or exactly a saved plan after checking that nothing
 * it was computed from has changed ("stale plan: re-run plan", no writes).
 * Refuses a blocked plan. Exit 1 when any action failed; pending people alone
 * are a warning.
 */
import type { Command } from 'commander';
import { applyPlan, applySucceeded, describeApplyEvent, renderApplyReport } from '../../apply/index.js';
import type { ApplyEvent } from '../../apply/index.js';
import { resolveVariables } from '../../config/variables.js';
import { ExitCode, PlanBlockedError, UsageError } from '../../errors.js';
import type { Plan } from '../../model/plan.js';
import { renderText } from '../../render/index.js';
import { assertSavedPlanFresh, desiredDigest } from '../../saved-plan/index.js';
import { readPlanFile } from '../../usecases/plan-document-io.js';
import { createClientFor, loadConfigForPlan, runPlan } from '../../usecases/run-plan.js';
import { readActualState } from '../../state/read-actual-state.js';
import type { ApiClient } from '../../api/api-client.js';
import type { CliDeps } from '../deps.js';
import { chooseFormat, readGlobalOptions, type GlobalOptions } from '../global-options.js';
import type { SetExit } from '../program.js';
import { planOptionsFrom } from './plan.js';

interface ApplyFlags {
  yes?: boolean;
  allowDeletions?: boolean;
  allowWorkspaceDeletion?: boolean;
  rotateSecrets?: boolean;
}

export function registerApplyCommand(program: Command, deps: CliDeps, setExit: SetExit): Command {
  return program
    .command('apply')
    .argument('[file]', 'a plan saved with `plan --out FILE`: applied exactly, after a staleness check')
    .description('apply a fresh plan, or exactly a saved one (format: text or json report)')
    .option('--yes', 'do not ask for confirmation (required when not on a terminal, unless FILE is given)')
    .option('--allow-deletions', 'lift the deletion caps (maxDeletions, maxDeletionRatio)')
    .option('--allow-workspace-deletion', 'allow deleting workspaces whose file says state: absent')
    .option('--rotate-secrets', 'rewrite every declared pipeline secret from its variable')
    .action(async (file: string | undefined, flags: ApplyFlags, cmd: Command) => {
      const globals = readGlobalOptions(cmd, deps);
      const format = chooseFormat(globals.format, ['text', 'json'] as const, 'text');
      const prepared =
        file === undefined
          ? await freshPlan(deps, globals, flags, format)
          : await savedPlan(deps, globals, flags, file);
      if (prepared === undefined) return; // declined at the prompt
      const { plan, client } = prepared;
      const variables = resolveVariables(deps.env);
      const report = await applyPlan(plan, client, {
        variables,
        concurrency: globals.concurrency,
        waitTimeoutMs: globals.waitTimeoutSeconds * 1000,
        onEvent: progressPrinter(deps, globals),
      });
      deps.stdout(renderApplyReport(report, { format, color: globals.color }));
      setExit(applySucceeded(report) ? ExitCode.Ok : ExitCode.Failure);
    });
}

interface Prepared {
  readonly plan: Plan;
  readonly client: ApiClient;
}

function refuseBlocked(plan: Plan): void {
  if (plan.blocked.length === 0) return;
  const rules = plan.blocked.map((b) => `  - ${b.rule}: ${b.message}${b.override ? ` (${b.override})` : ''}`);
  throw new PlanBlockedError(`apply refuses a blocked plan; nothing was written:\n${rules.join('\n')}`);
}

async function freshPlan(
  deps: CliDeps,
  globals: GlobalOptions,
  flags: ApplyFlags,
  format: 'text' | 'json',
): Promise<Prepared | undefined> {
  if (flags.yes !== true && !deps.stdinIsTTY) {
    throw new UsageError('apply needs --yes (or a saved plan FILE) when not run on a terminal');
  }
  const run = await runPlan(deps, globals, planOptionsFrom(flags));
  const shown = renderText(run.plan, { color: globals.color });
  if (format === 'text') deps.stdout(shown);
  else deps.stderr(shown);
  refuseBlocked(run.plan);
  if (run.plan.actions.length > 0 && flags.yes !== true) {
    const ok = await deps.confirm(
      'Do you want to perform these actions? Only "yes" will be accepted to approve.\n  Enter a value:',
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
): Promise<Prepared> {
  if (
    flags.allowDeletions === true ||
    flags.allowWorkspaceDeletion === true ||
    flags.rotateSecrets === true
  ) {
    throw new UsageError(
      'a saved plan is applied with the overrides it was made with; re-run `plan --out` with the flags instead',
    );
  }
  const saved = await readPlanFile(deps.cwd, file);
  refuseBlocked(saved);
  const desired = await loadConfigForPlan(deps, globals);
  if (desiredDigest(desired) !== saved.desiredDigest && !globals.quiet) {
    deps.stderr(
      'Warning: the configuration changed since this plan was made; applying the plan as it was reviewed.\n',
    );
  }
  const client = createClientFor(deps, globals);
  const fresh = await readActualState(client, desired, { workspaceFilter: globals.workspaces });
  await assertSavedPlanFresh(saved, {
    endpoint: globals.endpoint,
    fresh,
    variables: resolveVariables(deps.env),
  });
  return { plan: saved, client };
}

function progressPrinter(deps: CliDeps, globals: GlobalOptions): (event: ApplyEvent) => void {
  return (event) => {
    if (globals.quiet || event.type === 'started') return;
    if (event.type === 'waiting' && !deps.stderrIsTTY && !globals.verbose) return;
    deps.stderr(`${describeApplyEvent(event)}\n`);
  };
}
