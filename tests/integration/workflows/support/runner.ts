/**
 * Runs the jobs of a workflow file the way a GitHub-hosted runner would, as
 * far as the shell steps go: every step in order, each `if:` evaluated, the
 * `run:` scripts executed for real with the shell the workflow declares, in a
 * fresh working folder per job, with the runner's environment variables
 * (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STEP_SUMMARY`, …) and the step's
 * own `env:` with its `${{ }}` expressions substituted from test values.
 *
 * Substituted, because they need GitHub or the network:
 * - `actions/checkout`: copies the test's estate (and for `path: pr`, the
 *   PR's `workspaces/`, for `path: before`, the one before a push; symbolic
 *   links kept) plus package.json and schemas/;
 * - the "Install and build" step (`npm ci … && npm run build`): links the
 *   prepared package's node_modules/ and dist/ (see package.ts);
 * - `actions/setup-node`: nothing (the test's Node is used);
 * - `actions/upload-artifact` / `download-artifact`: folder copies within
 *   the workflow run, following the steps' `name`, `pattern`, `path` and
 *   `merge-multiple`; a download with `run-id` copies from the artifacts of
 *   an earlier run the test names in `RunnerEnvironment.earlierRuns`.
 * Any other `uses:` fails the test. Child processes run in their own process
 * group with a timeout; `killRunningChildren()` stops any still alive.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  findStep,
  type Job,
  type LoadedWorkflow,
  type Step,
} from '../../../unit/workflows/workflow-files.js';
import { evaluateCondition, stringify, substitute, type EvalContext, type ExprValue } from './expressions.js';

export type Conclusion = 'success' | 'failure' | 'skipped';

export interface StepRecord {
  readonly name: string;
  readonly id: string | undefined;
  /** `run`: executed for real; `substituted`: done by the test (see the module comment). */
  readonly kind: 'run' | 'substituted' | 'skipped';
  readonly conclusion: Conclusion;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** The env the step's own `env:` evaluated to. */
  readonly env: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

export interface JobResult {
  readonly id: string;
  readonly result: Conclusion;
  readonly workdir: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly steps: readonly StepRecord[];
  /** The job summary (every step's `GITHUB_STEP_SUMMARY`, in order). */
  readonly summary: string;
  /** The record of the step with this name (the name must exist in the workflow). */
  step(name: string): StepRecord;
  /** Every step's outcome and output, for assertion messages. */
  log(): string;
}

/** The contexts a workflow run sees (the `github` context's fields are also exported as GITHUB_* variables). */
export interface RunContexts {
  readonly github: {
    readonly token: string;
    readonly repository: string;
    readonly event_name: string;
    readonly ref: string;
    readonly sha: string;
    readonly run_id: string;
    readonly event: { readonly [key: string]: ExprValue };
  };
  readonly secrets: Readonly<Record<string, string>>;
  readonly vars: Readonly<Record<string, string>>;
  readonly inputs: Readonly<Record<string, string | boolean>>;
}

export interface Checkout {
  /** A folder holding the base branch's `workspaces/`. */
  readonly base: string;
  /** A folder holding the PR's `workspaces/` (for `actions/checkout` with `path: pr`). */
  readonly pr?: string;
  /** A folder holding `workspaces/` as of the commit before a push (for `actions/checkout` with `path: before`). */
  readonly before?: string;
}

export interface RunnerEnvironment {
  /** The prepared package folder (dist/, schemas/, node_modules/, package.json). */
  readonly pkgDir: string;
  /** HOME and the npm cache of the child processes. */
  readonly home: string;
  /** `GITHUB_API_URL` (the fake GitHub). */
  readonly githubApiUrl: string;
  /** Per-step timeout. */
  readonly stepTimeoutMs: number;
  /** Run id → artifacts folder of an earlier `WorkflowRun` (`artifacts`), for downloads with `run-id`. */
  readonly earlierRuns?: Readonly<Record<string, string>>;
}

const running = new Set<ChildProcess>();

/** Kills (SIGKILL, whole process group) every child a step started that is still running. */
export function killRunningChildren(): void {
  for (const child of running) {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  running.clear();
}

interface ShellCommand {
  readonly command: string;
  readonly args: (file: string) => string[];
}

/**
 * GitHub's shells: `shell: bash` runs `bash --noprofile --norc -eo pipefail {0}`;
 * no shell at all runs `bash -e {0}`.
 */
function shellFor(name: unknown): ShellCommand {
  if (name === undefined) return { command: 'bash', args: (f) => ['-e', f] };
  if (name === 'bash')
    return { command: 'bash', args: (f) => ['--noprofile', '--norc', '-eo', 'pipefail', f] };
  if (name === 'sh') return { command: 'sh', args: (f) => ['-e', f] };
  throw new Error(`the test runner does not support shell ${JSON.stringify(name)}`);
}

function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] !== undefined && heredoc[2] !== undefined) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '');
      out[heredoc[1]] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`malformed line in a GitHub command file: ${line}`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

async function readOr(path: string, fallback: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return fallback;
  }
}

interface Spawned {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runProcess(
  command: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<Spawned> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      stderr += `\n[test runner] killed after ${String(timeoutMs)} ms`;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      running.delete(child);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      running.delete(child);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

function withString(step: Step, key: string, ctx: EvalContext): string | undefined {
  const raw = step.with?.[key];
  if (raw === undefined) return undefined;
  if (typeof raw === 'boolean' || typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') throw new Error(`step '${step.name ?? ''}': with.${key} is not a string`);
  return substitute(raw, ctx);
}

/** One run of one workflow file: its jobs share the artifacts and the `needs` results. */
export class WorkflowRun {
  private readonly results = new Map<string, JobResult>();
  private readonly artifactsDir: string;

  constructor(
    private readonly wf: LoadedWorkflow,
    private readonly root: string,
    private readonly runner: RunnerEnvironment,
    private readonly contexts: RunContexts,
    private readonly checkout: Checkout,
  ) {
    this.artifactsDir = join(root, 'artifacts');
  }

  /** The folder holding this run's uploaded artifacts (one sub-folder per artifact name). */
  get artifacts(): string {
    return this.artifactsDir;
  }

  /** Runs job `id` (its `needs` must have been run first, as GitHub orders them). */
  async job(id: string): Promise<JobResult> {
    const job = this.wf.doc.jobs[id];
    if (job === undefined) throw new Error(`${this.wf.file}: no job '${id}'`);
    const needs = typeof job.needs === 'string' ? [job.needs] : [...(job.needs ?? [])];
    const needsCtx: Record<string, ExprValue> = {};
    for (const need of needs) {
      const done = this.results.get(need);
      if (done === undefined) throw new Error(`job '${id}' needs '${need}', which the test has not run`);
      needsCtx[need] = { result: done.result, outputs: { ...done.outputs } };
    }
    const needResults = needs.map((n) => this.results.get(n)?.result);
    const status = {
      success: needResults.every((r) => r === 'success'),
      failure: needResults.some((r) => r === 'failure'),
    };
    const workdir = await mkdtemp(join(this.root, `${id}-`));
    const jobCtx = this.evalContext({}, needsCtx, {}, status);
    const result = evaluateCondition(job.if, jobCtx)
      ? await this.runSteps(id, job, workdir, needsCtx)
      : this.skipped(id, workdir);
    this.results.set(id, result);
    return result;
  }

  private skipped(id: string, workdir: string): JobResult {
    return this.jobResult(id, 'skipped', workdir, {}, []);
  }

  private evalContext(
    steps: Record<string, ExprValue>,
    needs: Record<string, ExprValue>,
    env: Record<string, string>,
    status: EvalContext['status'],
  ): EvalContext {
    return {
      contexts: {
        github: this.contexts.github,
        secrets: this.contexts.secrets,
        vars: this.contexts.vars,
        inputs: this.contexts.inputs,
        steps,
        needs,
        env,
      },
      lenientRoots: new Set(['inputs', 'vars', 'env']),
      status,
    };
  }

  private runnerEnv(jobId: string, workdir: string, temp: string): Record<string, string> {
    const g = this.contexts.github;
    return {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.runner.home,
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      RUNNER_OS: 'Linux',
      RUNNER_TEMP: temp,
      GITHUB_WORKSPACE: workdir,
      GITHUB_JOB: jobId,
      GITHUB_WORKFLOW: this.wf.doc.name ?? '',
      GITHUB_REPOSITORY: g.repository,
      GITHUB_REPOSITORY_OWNER: g.repository.split('/')[0] ?? '',
      GITHUB_EVENT_NAME: g.event_name,
      GITHUB_REF: g.ref,
      GITHUB_SHA: g.sha,
      GITHUB_RUN_ID: g.run_id,
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: this.runner.githubApiUrl,
      // npm: a private cache, no network, and no lifecycle scripts (the build step already built dist/).
      npm_config_cache: join(this.runner.home, '.npm'),
      npm_config_offline: 'true',
      npm_config_ignore_scripts: 'true',
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
  }

  private async runSteps(
    jobId: string,
    job: Job,
    workdir: string,
    needsCtx: Record<string, ExprValue>,
  ): Promise<JobResult> {
    const temp = join(workdir, '..', `${jobId}-temp-${randomUUID().slice(0, 8)}`);
    await mkdir(temp, { recursive: true });
    const stepsCtx: Record<string, ExprValue> = {};
    const jobEnv: Record<string, string> = {};
    const declaredEnv = {
      ...((this.wf.doc as { env?: Record<string, unknown> }).env ?? {}),
      ...((job as { env?: Record<string, unknown> }).env ?? {}),
    };
    const envCtx = this.evalContext({}, needsCtx, {}, { success: true, failure: false });
    for (const [key, raw] of Object.entries(declaredEnv)) {
      jobEnv[key] = typeof raw === 'string' ? substitute(raw, envCtx) : stringify(raw as ExprValue);
    }
    const records: StepRecord[] = [];
    let failed = false;
    const jobDefaults = (job as { defaults?: { run?: { shell?: unknown; 'working-directory'?: string } } })
      .defaults;
    const wfDefaults = (this.wf.doc.defaults ?? {}) as {
      run?: { shell?: unknown; 'working-directory'?: string };
    };

    for (const step of job.steps ?? []) {
      const name = step.name ?? step.uses ?? '(unnamed)';
      const ctx = this.evalContext(stepsCtx, needsCtx, jobEnv, { success: !failed, failure: failed });
      if (!evaluateCondition(step.if, ctx)) {
        records.push(skippedStep(name, step.id));
        if (step.id !== undefined)
          stepsCtx[step.id] = { outputs: {}, outcome: 'skipped', conclusion: 'skipped' };
        continue;
      }
      const stepEnv: Record<string, string> = {};
      for (const [key, raw] of Object.entries(step.env ?? {})) {
        stepEnv[key] = typeof raw === 'string' ? substitute(raw, ctx) : stringify(raw as ExprValue);
      }
      let record: StepRecord;
      if (step.uses !== undefined) {
        record = await this.usesStep(step, name, workdir, ctx, stepEnv);
      } else if (typeof step.run === 'string') {
        if (isInstallStep(step.run)) {
          await this.install(workdir);
          record = done(name, step.id, 'substituted', stepEnv);
        } else {
          const shell = shellFor(
            (step as { shell?: unknown }).shell ?? jobDefaults?.run?.shell ?? wfDefaults.run?.shell,
          );
          const wd =
            step['working-directory'] ??
            jobDefaults?.run?.['working-directory'] ??
            wfDefaults.run?.['working-directory'];
          record = await this.runStep(
            step,
            name,
            workdir,
            wd,
            temp,
            shell,
            { ...jobEnv, ...stepEnv },
            stepEnv,
            jobId,
          );
        }
      } else {
        throw new Error(`step '${name}' has neither uses nor run`);
      }
      records.push(record);
      const continueOnError = step['continue-on-error'] === true || step['continue-on-error'] === 'true';
      if (record.conclusion === 'failure' && !continueOnError) failed = true;
      if (step.id !== undefined) {
        stepsCtx[step.id] = {
          outputs: { ...record.outputs },
          outcome: record.conclusion,
          conclusion: record.conclusion === 'failure' && continueOnError ? 'success' : record.conclusion,
        };
      }
    }
    const finalCtx = this.evalContext(stepsCtx, needsCtx, jobEnv, { success: !failed, failure: failed });
    const outputs: Record<string, string> = {};
    for (const [key, expr] of Object.entries(job.outputs ?? {})) outputs[key] = substitute(expr, finalCtx);
    return this.jobResult(jobId, failed ? 'failure' : 'success', workdir, outputs, records);
  }

  private jobResult(
    id: string,
    result: Conclusion,
    workdir: string,
    outputs: Record<string, string>,
    steps: StepRecord[],
  ): JobResult {
    const wf = this.wf;
    return {
      id,
      result,
      workdir,
      outputs,
      steps,
      summary: steps.map((s) => s.summary).join(''),
      step(name: string): StepRecord {
        findStep(wf, id, name);
        const record = steps.find((s) => s.name === name);
        if (record === undefined) throw new Error(`job '${id}' did not reach step '${name}' (job ${result})`);
        return record;
      },
      log(): string {
        return [
          `job ${id}: ${result}`,
          ...steps.map(
            (s) =>
              `--- ${s.name}: ${s.conclusion} (${s.kind}${s.exitCode === null ? '' : `, exit ${String(s.exitCode)}`}, ${String(s.durationMs)} ms)` +
              (s.stdout === '' ? '' : `\n[stdout]\n${s.stdout.slice(-3000)}`) +
              (s.stderr === '' ? '' : `\n[stderr]\n${s.stderr.slice(-3000)}`),
          ),
        ].join('\n');
      },
    };
  }

  private async runStep(
    step: Step,
    name: string,
    workdir: string,
    workingDirectory: string | undefined,
    temp: string,
    shell: ShellCommand,
    env: Record<string, string>,
    stepEnv: Record<string, string>,
    jobId: string,
  ): Promise<StepRecord> {
    const files = {
      GITHUB_OUTPUT: join(temp, `output-${randomUUID()}`),
      GITHUB_ENV: join(temp, `env-${randomUUID()}`),
      GITHUB_STEP_SUMMARY: join(temp, `summary-${randomUUID()}`),
      GITHUB_PATH: join(temp, `path-${randomUUID()}`),
      GITHUB_STATE: join(temp, `state-${randomUUID()}`),
    };
    await Promise.all(Object.values(files).map((f) => writeFile(f, '')));
    const script = join(temp, `${randomUUID()}.sh`);
    await writeFile(script, step.run ?? '');
    const cwd = workingDirectory === undefined ? workdir : resolve(workdir, workingDirectory);
    for (const [key, value] of Object.entries(env)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('http://127.0.0.1:')) {
        throw new Error(`step '${name}' would reach ${key}=${value}: the test allows 127.0.0.1 only`);
      }
    }
    const fullEnv = { ...this.runnerEnv(jobId, workdir, temp), ...env, ...files };
    const started = Date.now();
    const result = await runProcess(
      shell.command,
      shell.args(script),
      cwd,
      fullEnv,
      this.runner.stepTimeoutMs,
    );
    const durationMs = Date.now() - started;
    const outputs = parseCommandFile(await readOr(files.GITHUB_OUTPUT, ''));
    const envWrites = parseCommandFile(await readOr(files.GITHUB_ENV, ''));
    if (Object.keys(envWrites).length > 0) {
      throw new Error(`step '${name}' writes GITHUB_ENV; the test runner does not carry it over yet`);
    }
    return {
      name,
      id: step.id,
      kind: 'run',
      conclusion: result.code === 0 ? 'success' : 'failure',
      exitCode: result.code,
      stdout: result.stdout,
      stderr: result.stderr,
      outputs,
      summary: await readOr(files.GITHUB_STEP_SUMMARY, ''),
      env: stepEnv,
      durationMs,
    };
  }

  /** `npm ci … && npm run build`, substituted: the prepared node_modules/ and dist/. */
  private async install(workdir: string): Promise<void> {
    await symlink(join(this.runner.pkgDir, 'node_modules'), join(workdir, 'node_modules'));
    await symlink(join(this.runner.pkgDir, 'dist'), join(workdir, 'dist'));
  }

  private async usesStep(
    step: Step,
    name: string,
    workdir: string,
    ctx: EvalContext,
    stepEnv: Record<string, string>,
  ): Promise<StepRecord> {
    const action = (step.uses ?? '').split('@')[0] ?? '';
    try {
      switch (action) {
        case 'actions/checkout':
          await this.checkoutStep(step, workdir, ctx);
          break;
        case 'actions/setup-node':
          break;
        case 'actions/upload-artifact':
          await this.upload(step, workdir, ctx);
          break;
        case 'actions/download-artifact':
          await this.download(step, workdir, ctx);
          break;
        default:
          throw new Error(`the test runner does not know the action '${step.uses ?? ''}'`);
      }
    } catch (err) {
      if (err instanceof ArtifactError) {
        return { ...done(name, step.id, 'substituted', stepEnv), conclusion: 'failure', stderr: err.message };
      }
      throw err;
    }
    return done(name, step.id, 'substituted', stepEnv);
  }

  private async checkoutStep(step: Step, workdir: string, ctx: EvalContext): Promise<void> {
    const path = withString(step, 'path', ctx);
    if (path === undefined) {
      await cp(join(this.checkout.base, 'workspaces'), join(workdir, 'workspaces'), { recursive: true });
      await cp(join(this.runner.pkgDir, 'package.json'), join(workdir, 'package.json'));
      await symlink(join(this.runner.pkgDir, 'schemas'), join(workdir, 'schemas'));
      return;
    }
    const source = path === 'pr' ? this.checkout.pr : path === 'before' ? this.checkout.before : undefined;
    if (source === undefined)
      throw new Error(`step '${step.name ?? ''}' checks out '${path}', but the test gave no folder for it`);
    const sparse = (withString(step, 'sparse-checkout', ctx) ?? '').trim();
    if (sparse !== '/workspaces/')
      throw new Error(`unexpected sparse-checkout '${sparse}' (the runner copies workspaces/ only)`);
    // The expressions must resolve (the PR's repository and head; the commit before a push).
    const ref = withString(step, 'ref', ctx);
    const repository = withString(step, 'repository', ctx);
    if (
      ref === undefined ||
      ref === '' ||
      (path === 'pr' && (repository === undefined || repository === ''))
    ) {
      throw new Error(`step '${step.name ?? ''}': the checkout of '${path}' has no ref or repository`);
    }
    await mkdir(join(workdir, path), { recursive: true });
    await cp(join(source, 'workspaces'), join(workdir, path, 'workspaces'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }

  private async upload(step: Step, workdir: string, ctx: EvalContext): Promise<void> {
    const name = withString(step, 'name', ctx);
    const path = withString(step, 'path', ctx)?.trim();
    if (name === undefined || path === undefined || path.includes('\n')) {
      throw new Error(`upload step '${step.name ?? ''}' needs a name and a single path`);
    }
    const source = resolve(workdir, path);
    const target = join(this.artifactsDir, name);
    if (!existsSync(source) || (await readdir(source)).length === 0) {
      const ifNone = withString(step, 'if-no-files-found', ctx) ?? 'warn';
      if (ifNone === 'error') throw new ArtifactError(`no files found at ${path}`);
      return;
    }
    if (existsSync(target)) {
      if (withString(step, 'overwrite', ctx) !== 'true')
        throw new ArtifactError(`artifact ${name} already exists`);
      await rm(target, { recursive: true, force: true });
    }
    await cp(source, target, { recursive: true });
  }

  private async download(step: Step, workdir: string, ctx: EvalContext): Promise<void> {
    const name = withString(step, 'name', ctx);
    const pattern = withString(step, 'pattern', ctx);
    const into = resolve(workdir, withString(step, 'path', ctx) ?? '.');
    const merge = withString(step, 'merge-multiple', ctx) === 'true';
    const runId = withString(step, 'run-id', ctx);
    const from = runId === undefined || runId === '' ? this.artifactsDir : this.runner.earlierRuns?.[runId];
    if (from === undefined) throw new ArtifactError(`no run ${runId ?? ''} to download artifacts from`);
    const stored = existsSync(from) ? await readdir(from) : [];
    if (name !== undefined) {
      if (!stored.includes(name)) throw new ArtifactError(`Artifact not found for name: ${name}`);
      await cp(join(from, name), into, { recursive: true });
      return;
    }
    if (pattern === undefined)
      throw new Error(`download step '${step.name ?? ''}' needs a name or a pattern`);
    const re = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    const matching = stored.filter((a) => re.test(a));
    await mkdir(into, { recursive: true });
    for (const artifact of matching) {
      await cp(join(from, artifact), merge ? into : join(into, artifact), { recursive: true });
    }
  }
}

class ArtifactError extends Error {}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The "Install and build" steps: `npm ci …` then `npm run build`, nothing else. */
export function isInstallStep(run: string): boolean {
  const lines = run
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (!lines.some((l) => /^npm ci\b/.test(l))) return false;
  const other = lines.filter((l) => !/^npm ci\b/.test(l) && l !== 'npm run build');
  if (other.length > 0)
    throw new Error(`an install step runs more than npm ci and npm run build: ${other.join('; ')}`);
  return true;
}

function done(
  name: string,
  id: string | undefined,
  kind: StepRecord['kind'],
  env: Record<string, string>,
): StepRecord {
  return {
    name,
    id,
    kind,
    conclusion: 'success',
    exitCode: null,
    stdout: '',
    stderr: '',
    outputs: {},
    summary: '',
    env,
    durationMs: 0,
  };
}

function skippedStep(name: string, id: string | undefined): StepRecord {
  return { ...done(name, id, 'skipped', {}), conclusion: 'skipped' };
}
