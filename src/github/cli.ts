/**
 * `node dist/github/cli.js <command>`: the GitHub side of the workflows, as
 * code in this repository instead of inline scripts. It reads
 * `GITHUB_REPOSITORY`, `GITHUB_TOKEN` and `GITHUB_API_URL` from the
 * environment (the token is never printed: every line written is also
 * scrubbed of it) and returns an exit code: 0 done, 1 error.
 *
 *   pr-comment --pr N --body-file F [--marker M]   create or edit the PR's plan comment
 *   drift-issue --exit-code N [--body-file F]      2: open/update the drift issue; 0: close it; 1: fail
 *   find-drift-issue                               prints `open=true` or `open=false` (for $GITHUB_OUTPUT)
 *   close-drift-issue --sha S                      after an apply whose full re-plan is empty: close it, naming S and the run
 *   apply-report --sha S --body-file F             comment the report on the commit's merged PR
 *   compose-plan-comment --dir D --out F [--fork true|false] [--plan-job RESULT] [--sha S] [--plan-artifact-url U]
 *   compose-apply-report --dir D --out F [--sha S]
 *   compare-plan --sha S --plan F --out O [--marker M]   compare a saved plan with the merged PR's reviewed plan
 *   render-plan --plan F --out O [--format text|markdown]   a saved plan as text (for the artifact) or markdown
 *
 * The compose commands read the files the workflow steps wrote into D
 * (see `PLAN_FILES` and `APPLY_FILES`) and need no token.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SyncError } from '../errors.js';
import type { SavedPlan } from '../model/plan-document.js';
import { actionDigest } from './action-digest.js';
import { postApplyReport } from './apply-report.js';
import { PLAN_COMMENT_MARKER, parseRepo } from './body.js';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
import {
  composeApplyReport,
  composeDriftClosedComment,
  composeDriftIssueBody,
  composeDriftResolvedComment,
  composePlanComment,
  type RunInfo,
} from './compose.js';
import { compareWithReviewedPlan, describeComparison } from './compare-plan.js';
import { findOpenDriftIssues, syncDriftIssue } from './drift-issue.js';
import { upsertPrComment } from './pr-comment.js';

export interface GitHubCliDeps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Relative file arguments are resolved against it. */
  readonly cwd: string;
  readonly now: () => Date;
  readonly makeClient: (options: GitHubClientOptions) => GitHubClient;
}

/** The files `compose-plan-comment --dir D` reads (each optional). */
export const PLAN_FILES = {
  validationOutput: 'validate.txt',
  validateExitCode: 'validate.exit',
  planMarkdown: 'plan.md',
  planStderr: 'plan.err',
  planExitCode: 'plan.exit',
  /** The saved plan: its action digest goes into the comment's hidden marker lines. */
  planJson: 'plan.json',
} as const;

/** The files `compose-apply-report --dir D` reads (each optional). */
export const APPLY_FILES = {
  planMarkdown: 'plan.md',
  planStderr: 'plan.err',
  planExitCode: 'plan.exit',
  reportJson: 'report.json',
  applyStderr: 'apply.err',
  applyExitCode: 'apply.exit',
} as const;

type Handler = (args: readonly string[], deps: GitHubCliDeps) => Promise<void>;

/**
 * A saved plan read from its JSON (the kinds and the plan schema's
 * validator come with it): loaded only by the commands that read a plan, so
 * the others (`pr-comment`, `drift-issue`, ...) start in a fraction of the time.
 */
async function readPlanDocument(text: string, file: string): Promise<SavedPlan> {
  const reader = await import('../saved-plan/parse-document.js');
  return reader.parsePlanDocument(text, file, reader.WITHOUT_KEY);
}

const COMMANDS: Readonly<Record<string, Handler>> = {
  'pr-comment': prComment,
  'drift-issue': driftIssue,
  'find-drift-issue': findDriftIssue,
  'close-drift-issue': closeDriftIssue,
  'apply-report': applyReport,
  'compose-plan-comment': composePlanCommentCommand,
  'compose-apply-report': composeApplyReportCommand,
  'compare-plan': comparePlan,
  'render-plan': renderPlan,
};

/** The subcommands, for tests that check the workflows call only these. */
export const GITHUB_CLI_COMMANDS: readonly string[] = Object.keys(COMMANDS);

const USAGE = `usage: node dist/github/cli.js <command> [options]
commands:
  pr-comment --pr N --body-file F [--marker M]
  drift-issue --exit-code N [--body-file F]
  find-drift-issue
  close-drift-issue --sha S
  apply-report --sha S --body-file F
  compose-plan-comment --dir D --out F [--fork true|false] [--plan-job RESULT] [--sha S] [--plan-artifact-url U]
  compose-apply-report --dir D --out F [--sha S]
  compare-plan --sha S --plan F --out O [--marker M]
  render-plan --plan F --out O [--format text|markdown]
`;

/** Runs one command; never throws; returns the exit code. */
export async function main(argv: readonly string[], rawDeps: GitHubCliDeps): Promise<number> {
  const scrub = scrubber(rawDeps.env.GITHUB_TOKEN);
  const deps: GitHubCliDeps = {
    ...rawDeps,
    stdout: (t) => {
      rawDeps.stdout(scrub(t));
    },
    stderr: (t) => {
      rawDeps.stderr(scrub(t));
    },
  };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? deps.stderr : deps.stdout)(USAGE);
    return name === undefined ? 1 : 0;
  }
  const handler = COMMANDS[name];
  if (handler === undefined) {
    deps.stderr(`Error: unknown command '${name}'\n${USAGE}`);
    return 1;
  }
  try {
    await handler(rest, deps);
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    deps.stderr(`Error: ${name}: ${message}\n`);
    return 1;
  }
}

async function prComment(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { pr: 'string', 'body-file': 'string', marker: 'string' });
  const prNumber = positiveInt('--pr', required(values, 'pr'));
  const body = await readText(deps, required(values, 'body-file'));
  const { client, repo } = connect(deps);
  const result = await upsertPrComment(client, {
    repo,
    prNumber,
    body,
    marker: values.marker ?? PLAN_COMMENT_MARKER,
  });
  deps.stdout(
    `${result.action} comment ${String(result.commentId)} on #${String(prNumber)}${at(result.url)}\n`,
  );
}

async function driftIssue(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { 'exit-code': 'string', 'body-file': 'string' });
  const exitCode = required(values, 'exit-code');
  const run = runInfo(deps.env, undefined);
  if (exitCode === '1') {
    throw new SyncError(
      'the drift plan failed (exit 1): the drift issue is left as it is; see the plan step',
    );
  }
  if (exitCode !== '0' && exitCode !== '2') {
    throw new SyncError(`--exit-code must be 0, 1 or 2 (plan --detailed-exitcode), got '${exitCode}'`);
  }
  const { client, repo } = connect(deps);
  const now = deps.now();
  const result =
    exitCode === '2'
      ? await syncDriftIssue(client, {
          repo,
          state: 'drift',
          body: composeDriftIssueBody(await readText(deps, required(values, 'body-file')), now, run),
        })
      : await syncDriftIssue(client, { repo, state: 'clean', body: composeDriftClosedComment(now, run) });
  const which =
    result.issueNumber === undefined ? 'no open drift issue' : `issue #${String(result.issueNumber)}`;
  deps.stdout(`drift issue: ${result.action} (${which})${at(result.url)}\n`);
  if (result.closedDuplicates.length > 0) {
    deps.stdout(
      `closed duplicate drift issues: ${result.closedDuplicates.map((n) => `#${String(n)}`).join(', ')}\n`,
    );
  }
}

/**
 * Whether a drift issue is open, as `open=true|false` for `$GITHUB_OUTPUT`:
 * the apply workflow re-plans everything only when there is one to close.
 */
async function findDriftIssue(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  parse(args, {});
  const { client, repo } = connect(deps);
  const open = await findOpenDriftIssues(client, repo);
  deps.stdout(`open=${open.length > 0 ? 'true' : 'false'}\n`);
}

/**
 * After an apply whose full re-plan found nothing to change: closes the open
 * drift issue with a comment naming the applied commit and the run, instead
 * of leaving it open until the next scheduled check.
 */
async function closeDriftIssue(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { sha: 'string' });
  const run = runInfo(deps.env, required(values, 'sha'));
  const { client, repo } = connect(deps);
  const result = await syncDriftIssue(client, {
    repo,
    state: 'clean',
    body: composeDriftResolvedComment(deps.now(), run),
  });
  const which =
    result.issueNumber === undefined ? 'no open drift issue' : `issue #${String(result.issueNumber)}`;
  deps.stdout(`drift issue: ${result.action} (${which})${at(result.url)}\n`);
}

async function applyReport(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { sha: 'string', 'body-file': 'string' });
  const sha = required(values, 'sha');
  const body = await readText(deps, required(values, 'body-file'));
  const { client, repo } = connect(deps);
  const result = await postApplyReport(client, { repo, sha, body });
  if (result.action === 'no-pr') {
    deps.stdout(`no merged pull request is associated with ${sha.slice(0, 12)}: report not posted\n`);
    return;
  }
  deps.stdout(`${result.action} apply report on #${String(result.prNumber)}${at(result.url)}\n`);
}

async function composePlanCommentCommand(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, {
    dir: 'string',
    out: 'string',
    fork: 'string',
    'plan-job': 'string',
    sha: 'string',
    'plan-artifact-url': 'string',
  });
  const dir = required(values, 'dir');
  const out = required(values, 'out');
  const fork = values.fork ?? 'false';
  if (fork !== 'true' && fork !== 'false') throw new SyncError(`--fork must be true or false, got '${fork}'`);
  const file = (name: string): Promise<string | undefined> => readOptional(deps, `${dir}/${name}`);
  const planJson = await file(PLAN_FILES.planJson);
  const digest =
    planJson === undefined
      ? undefined
      : actionDigest(await readPlanDocument(planJson, `${dir}/${PLAN_FILES.planJson}`));
  const body = composePlanComment({
    validationOutput: (await file(PLAN_FILES.validationOutput)) ?? '',
    validateExitCode: exitCodeOf(await file(PLAN_FILES.validateExitCode)),
    planMarkdown: (await file(PLAN_FILES.planMarkdown)) ?? '',
    planStderr: (await file(PLAN_FILES.planStderr)) ?? '',
    planExitCode: exitCodeOf(await file(PLAN_FILES.planExitCode)),
    fork: fork === 'true',
    planJobResult: values['plan-job'],
    actionDigest: digest,
    planArtifactUrl: values['plan-artifact-url'] === '' ? undefined : values['plan-artifact-url'],
    ...runInfo(deps.env, values.sha),
  });
  await writeFile(resolve(deps.cwd, out), body, 'utf8');
  deps.stdout(`wrote ${out} (${String(body.length)} characters)\n`);
}

async function composeApplyReportCommand(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { dir: 'string', out: 'string', sha: 'string' });
  const dir = required(values, 'dir');
  const out = required(values, 'out');
  const file = (name: string): Promise<string | undefined> => readOptional(deps, `${dir}/${name}`);
  const body = composeApplyReport({
    planMarkdown: (await file(APPLY_FILES.planMarkdown)) ?? '',
    planStderr: (await file(APPLY_FILES.planStderr)) ?? '',
    planExitCode: exitCodeOf(await file(APPLY_FILES.planExitCode)),
    reportJson: (await file(APPLY_FILES.reportJson)) ?? '',
    applyStderr: (await file(APPLY_FILES.applyStderr)) ?? '',
    applyExitCode: exitCodeOf(await file(APPLY_FILES.applyExitCode)),
    ...runInfo(deps.env, values.sha ?? deps.env.GITHUB_SHA),
  });
  await writeFile(resolve(deps.cwd, out), body, 'utf8');
  deps.stdout(`wrote ${out} (${String(body.length)} characters)\n`);
}

async function comparePlan(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { sha: 'string', plan: 'string', out: 'string', marker: 'string' });
  const sha = required(values, 'sha');
  const planFile = required(values, 'plan');
  const out = required(values, 'out');
  const digest = actionDigest(await readPlanDocument(await readText(deps, planFile), planFile));
  const { client, repo } = connect(deps);
  const marker = values.marker ?? PLAN_COMMENT_MARKER;
  const report = describeComparison(
    await compareWithReviewedPlan(client, { repo, sha, digest, marker }),
    digest,
  );
  await writeFile(resolve(deps.cwd, out), report.markdown, 'utf8');
  deps.stdout(`${report.annotation}\n`);
}

async function renderPlan(args: readonly string[], deps: GitHubCliDeps): Promise<void> {
  const { values } = parse(args, { plan: 'string', out: 'string', format: 'string' });
  const planFile = required(values, 'plan');
  const out = required(values, 'out');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'markdown') {
    throw new SyncError(`--format must be text or markdown, got '${format}'`);
  }
  const plan = await readPlanDocument(await readText(deps, planFile), planFile);
  const { renderMarkdown, renderText } = await import('../render/index.js');
  const text = format === 'text' ? renderText(plan, { color: false }) : renderMarkdown(plan);
  await writeFile(resolve(deps.cwd, out), text, 'utf8');
  deps.stdout(`wrote ${out} (${String(text.length)} characters)\n`);
}

type Spec = Readonly<Record<string, 'string'>>;

function parse<S extends Spec>(
  args: readonly string[],
  spec: S,
): { values: Partial<Record<keyof S & string, string>> } {
  const options = Object.fromEntries(Object.keys(spec).map((k) => [k, { type: 'string' as const }]));
  try {
    const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
    return { values: values as Partial<Record<keyof S & string, string>> };
  } catch (err) {
    throw new SyncError(err instanceof Error ? err.message : String(err));
  }
}

function required<K extends string>(values: Partial<Record<K, string>>, key: K): string {
  const value = values[key];
  if (value === undefined || value === '') throw new SyncError(`--${key} is required`);
  return value;
}

function positiveInt(flag: string, raw: string): number {
  if (!/^[1-9]\d{0,9}$/.test(raw))
    throw new SyncError(`${flag} must be a positive whole number, got '${raw}'`);
  return Number(raw);
}

function exitCodeOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : undefined;
}

function connect(deps: GitHubCliDeps): { client: GitHubClient; repo: ReturnType<typeof parseRepo> } {
  const token = deps.env.GITHUB_TOKEN;
  if (token === undefined || token === '') {
    throw new SyncError(
      'GITHUB_TOKEN is not set (pass `env: GITHUB_TOKEN: ${{ github.token }}` to the step)',
    );
  }
  const repo = parseRepo(deps.env.GITHUB_REPOSITORY);
  const baseUrl = deps.env.GITHUB_API_URL;
  return {
    client: deps.makeClient(baseUrl === undefined || baseUrl === '' ? { token } : { token, baseUrl }),
    repo,
  };
}

function runInfo(env: GitHubCliDeps['env'], sha: string | undefined): RunInfo {
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repo = env.GITHUB_REPOSITORY;
  const runId = env.GITHUB_RUN_ID;
  const runUrl =
    repo !== undefined && repo !== '' && runId !== undefined && /^\d+$/.test(runId)
      ? `${server}/${repo}/actions/runs/${runId}`
      : undefined;
  return { runUrl, sha };
}

async function readText(deps: GitHubCliDeps, path: string): Promise<string> {
  try {
    return await readFile(resolve(deps.cwd, path), 'utf8');
  } catch {
    throw new SyncError(`cannot read ${path}`);
  }
}

async function readOptional(deps: GitHubCliDeps, path: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(deps.cwd, path), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SyncError(`cannot read ${path}`);
  }
}

function at(url: string | undefined): string {
  return url === undefined ? '' : `: ${url}`;
}

function scrubber(token: string | undefined): (text: string) => string {
  if (token === undefined || token.length < 4) return (text) => text;
  return (text) => text.split(token).join('***');
}

/** True when `moduleUrl` is the script Node was started with (`node dist/github/cli.js`). */
export function isEntryModule(moduleUrl: string, argv1: string | undefined): boolean {
  if (argv1 === undefined) return false;
  let path = resolve(argv1);
  try {
    path = realpathSync(path);
  } catch {
    // Not a file on disk (e.g. `node -e`): compare the resolved path as it is.
  }
  return pathToFileURL(path).href === moduleUrl;
}

if (isEntryModule(import.meta.url, process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2), {
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    now: () => new Date(),
    makeClient: createGitHubClient,
  });
}
