/**
 * The shell steps of plan.yml, apply.yml, drift.yml and access-review.yml, run for real against
 * the emulator: the same `run:` scripts (same commands, same flags, the shell
 * the workflows declare), job by job and step by step with their `if:`
 * conditions, in a runner-like working folder per job (see support/runner.ts
 * for what is substituted: checkout, install/build, setup-node, artifacts).
 * `node dist/bin.js` runs the checked-out package's build as on the runner; the
 * GitHub API calls go to a fake GitHub on 127.0.0.1 (support/fake-github.ts).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { readWorkflow, type WorkflowName } from '../../unit/workflows/workflow-files.js';
import type { DesiredState } from '../../../src/model/desired.js';
import { startFakeGitHub, type FakeGitHub } from './support/fake-github.js';
import { preparePackage, type PreparedPackage } from './support/package.js';
import {
  addParticipantByHand,
  DEMO_DRIFT,
  estateCopy,
  loadEstate,
  startPlatform,
  type Platform,
} from './support/platform.js';
import { killRunningChildren, WorkflowRun, type JobResult, type RunContexts } from './support/runner.js';

const REPOSITORY = 'biocommons/seqera-workspaces';
const GITHUB_TOKEN = 'ghs_fakeWorkflowToken_0123456789abcdef';
const BASE_SHA = '1111111111111111111111111111111111111111';
const HEAD_SHA = '2222222222222222222222222222222222222222';
const MERGE_SHA = '3333333333333333333333333333333333333333';
const PR_NUMBER = 7;
const PLAN_MARKER = '<!-- seqera-sync:plan -->';
const DRIFT_MARKER = '<!-- seqera-sync:drift -->';

let root = '';
let pkg: PreparedPackage | undefined;
let skipReason: string | undefined;
let desired: DesiredState;
let runCount = 0;

// Per test; stopped in afterEach.
let github: FakeGitHub | undefined;
let platform: Platform | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'seqera-sync-workflows-'));
  await mkdir(join(root, 'home'));
  desired = await loadEstate();
  const prepared = await preparePackage(root, 240_000);
  if (!prepared.ok) {
    skipReason = prepared.reason;
    console.warn(`\n*** WORKFLOW INTEGRATION TESTS SKIPPED: ${prepared.reason}\n`);
    return;
  }
  pkg = prepared.pkg;
  if (pkg.warning !== undefined)
    console.warn(`\n*** the build reported errors (the tests go on):\n${pkg.warning}\n`);
}, 300_000);

afterEach(async () => {
  killRunningChildren();
  const [g, p] = [github, platform];
  github = undefined;
  platform = undefined;
  await Promise.all([g?.stop(), p?.emulator.stop()]);
});

afterAll(async () => {
  killRunningChildren();
  if (root !== '') await rm(root, { recursive: true, force: true });
});

/** Skips (loudly, in beforeAll) only when the package could not be built. */
function requirePackage(ctx: TestContext): PreparedPackage {
  if (pkg === undefined) ctx.skip(skipReason ?? 'the package is not prepared');
  return pkg;
}

async function startGitHub(): Promise<FakeGitHub> {
  github = await startFakeGitHub({ repository: REPOSITORY, token: GITHUB_TOKEN });
  return github;
}

async function startEstate(state: 'converged' | 'drifted'): Promise<Platform> {
  platform = await startPlatform(desired, { state });
  platform.emulator.clearRequestLog();
  return platform;
}

function contexts(
  p: Platform | undefined,
  event: Pick<RunContexts['github'], 'event_name' | 'ref' | 'sha' | 'event'>,
  inputs: RunContexts['inputs'] = {},
): RunContexts {
  return {
    github: { token: GITHUB_TOKEN, repository: REPOSITORY, run_id: String(4242 + runCount), ...event },
    secrets: {
      TOWER_ACCESS_TOKEN: p?.emulator.token ?? 'no-platform-token',
      SEQERA_SYNC_VARS: p?.varsJson ?? '{}',
    },
    // Never the default https://api.cloud.seqera.io: the runner refuses URLs that are not 127.0.0.1.
    // The emulator has no rate limit: the repository variable lifts the client's pacing (18 req/s).
    vars: { TOWER_API_ENDPOINT: p?.emulator.endpoint ?? 'http://127.0.0.1:9', SEQERA_SYNC_MAX_RPS: '1000' },
    inputs,
  };
}

async function newRun(
  name: WorkflowName,
  ctx: TestContext,
  run: RunContexts,
  checkout: { base: string; pr?: string },
): Promise<WorkflowRun> {
  const prepared = requirePackage(ctx);
  const runDir = join(root, `run-${String(++runCount)}-${name}`);
  await mkdir(runDir);
  if (github === undefined) throw new Error('start the fake GitHub first');
  return new WorkflowRun(
    readWorkflow(name),
    runDir,
    { pkgDir: prepared.dir, home: join(root, 'home'), githubApiUrl: github.url, stepTimeoutMs: 60_000 },
    run,
    checkout,
  );
}

const pullRequestEvent = (
  headRepo: string,
): Pick<RunContexts['github'], 'event_name' | 'ref' | 'sha' | 'event'> => ({
  event_name: 'pull_request_target',
  ref: 'refs/heads/main',
  sha: BASE_SHA,
  event: {
    pull_request: { number: PR_NUMBER, head: { sha: HEAD_SHA, repo: { full_name: headRepo } } },
  },
});

function expectJob(job: JobResult, result: JobResult['result']): void {
  expect(job.result, job.log()).toBe(result);
}

async function filesUnder(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      const full = join(entry.parentPath, entry.name);
      out[full.slice(dir.length + 1)] = await readFile(full, 'utf8');
    }
  }
  return out;
}

/** No secret value, platform token or GitHub token in any output, file or posted body. */
async function expectNoSecrets(jobs: readonly JobResult[], p: Platform | undefined): Promise<void> {
  const secrets = [
    GITHUB_TOKEN,
    ...(p === undefined ? [] : [p.emulator.token, ...Object.values(p.variables)]),
  ];
  const texts: string[] = [];
  for (const job of jobs) {
    texts.push(job.summary, ...job.steps.flatMap((s) => [s.stdout, s.stderr]));
    texts.push(...Object.values(await filesUnder(job.workdir)));
  }
  texts.push(...(github?.calls.map((c) => JSON.stringify(c)) ?? []));
  for (const secret of secrets) {
    const leaks = texts.filter((t) => t.includes(secret)).map((t) => t.slice(0, 200));
    expect(leaks, `a secret value was printed or posted`).toEqual([]);
  }
}

describe('plan.yml on a pull request', () => {
  it('validates and plans the PR files, and comments the plan with the role change (edited in place)', async (ctx) => {
    const gh = await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'plan-base'));
    const pr = await estateCopy(join(root, 'plan-pr'), {
      file: 'biocommons/community-pipelines.yaml',
      change: (t) =>
        t.replace(
          '{ email: pipeline.curator@example.org, role: maintain }',
          '{ email: pipeline.curator@example.org, role: launch }',
        ),
    });
    const run = await newRun('plan', ctx, contexts(p, pullRequestEvent(REPOSITORY)), { base, pr });

    const validate = await run.job('validate');
    expectJob(validate, 'success');
    expect(validate.step("Validate the PR's files").outputs['exit-code']).toBe('0');

    const plan = await run.job('plan');
    expectJob(plan, 'success');
    const planStep = plan.step("Plan the PR's files");
    expect(planStep.kind).toBe('run');
    expect(planStep.outputs['exit-code'], plan.log()).toBe('2');
    // The plan job holds the token; the PR's files are only read: nothing was written to the platform.
    expect(p.emulator.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);

    const comment = await run.job('comment');
    expectJob(comment, 'success');
    expect(comment.step('Post or update the plan comment').stdout).toMatch(/^created comment \d+ on #7/);
    expect(gh.unexpected).toEqual([]);
    expect(gh.comments).toHaveLength(1);
    const posted = gh.comments[0]!;
    expect(posted.issueNumber).toBe(PR_NUMBER);
    expect(posted.body.startsWith(PLAN_MARKER)).toBe(true);
    expect(posted.body).toContain(
      'participant biocommons/community-pipelines/participants/pipeline.curator@example.org',
    );
    expect(posted.body).toContain('role: "maintain" → "launch"');
    // Only that change: the converged platform otherwise matches the PR's files.
    expect(posted.body).toContain('**Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.**');
    expect(posted.body).toContain(`Commit \`${HEAD_SHA.slice(0, 12)}\``);
    expect(comment.summary).toContain('pipeline.curator@example.org');

    // A re-run (e.g. the PR synchronised with the same files) edits the one comment, never adds one.
    const again = await run.job('comment');
    expectJob(again, 'success');
    expect(again.step('Post or update the plan comment').stdout).toMatch(/^(unchanged|updated) comment/);
    expect(gh.comments).toHaveLength(1);
    expect(gh.writes().filter((c) => c.method === 'POST')).toHaveLength(1);

    await expectNoSecrets([validate, plan, comment, again], p);
  }, 90_000);

  it('puts validation errors in the comment when the PR files are invalid; the plan job does not run', async (ctx) => {
    const gh = await startGitHub();
    const base = await estateCopy(join(root, 'invalid-base'));
    const pr = await estateCopy(join(root, 'invalid-pr'), {
      file: 'biocommons/community-pipelines.yaml',
      change: (t) => t.replace('role: maintain }', 'role: Maintain }'),
    });
    const run = await newRun('plan', ctx, contexts(undefined, pullRequestEvent(REPOSITORY)), { base, pr });

    const validate = await run.job('validate');
    expectJob(validate, 'failure');
    expect(validate.step("Validate the PR's files").outputs['exit-code']).toBe('1');
    expect(validate.step("Validate the PR's files").stdout).toMatch(
      /^::error file=workspaces\/biocommons\/community-pipelines\.yaml,line=\d+,col=\d+::role 'Maintain' is not a role/m,
    );
    expect(validate.step('Fail when the files are invalid').conclusion).toBe('failure');

    const plan = await run.job('plan');
    expectJob(plan, 'skipped');

    const comment = await run.job('comment');
    expectJob(comment, 'success');
    expect(gh.comments).toHaveLength(1);
    const body = gh.comments[0]!.body;
    expect(body.startsWith(PLAN_MARKER)).toBe(true);
    expect(body).toContain(':x: **The configuration is invalid**');
    expect(body).toContain('`workspaces/biocommons/community-pipelines.yaml');
    expect(body).toContain('Maintain');
    expect(body).toContain('No plan was made.');
  }, 60_000);

  it('refuses symbolic links in the PR files before anything reads them', async (ctx) => {
    const gh = await startGitHub();
    const base = await estateCopy(join(root, 'symlink-base'));
    const pr = await estateCopy(join(root, 'symlink-pr'));
    await symlink('/etc/passwd', join(pr, 'workspaces', 'biocommons', 'passwd.yaml'));
    const run = await newRun('plan', ctx, contexts(undefined, pullRequestEvent(REPOSITORY)), { base, pr });

    const validate = await run.job('validate');
    expectJob(validate, 'failure');
    const refuse = validate.step("Refuse symbolic links in the PR's files");
    expect(refuse.conclusion).toBe('failure');
    expect(refuse.stdout).toContain(
      '::error::symbolic links are not allowed under workspaces/: pr/workspaces/biocommons/passwd.yaml',
    );
    expect(validate.step("Validate the PR's files").conclusion).toBe('skipped');
    expectJob(await run.job('plan'), 'skipped');

    const comment = await run.job('comment');
    expectJob(comment, 'success');
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('symbolic links are not allowed');
    expect(gh.comments[0]!.body).toContain(':x: **The configuration is invalid**');
  }, 60_000);

  it('validates a fork PR without planning it: the job holding the token never runs', async (ctx) => {
    const gh = await startGitHub();
    const base = await estateCopy(join(root, 'fork-base'));
    const pr = await estateCopy(join(root, 'fork-pr'));
    const run = await newRun(
      'plan',
      ctx,
      contexts(undefined, pullRequestEvent('someone/seqera-workspaces')),
      {
        base,
        pr,
      },
    );
    expectJob(await run.job('validate'), 'success');
    expectJob(await run.job('plan'), 'skipped');
    const comment = await run.job('comment');
    expectJob(comment, 'success');
    expect(comment.step('Compose the comment').env).toMatchObject({ IS_FORK: 'true', PLAN_JOB: 'skipped' });
    expect(gh.comments).toHaveLength(1);
    expect(gh.comments[0]!.body).toContain('**No plan for pull requests from forks.**');
    expect(gh.comments[0]!.body).toContain(':white_check_mark: The configuration is valid.');
  }, 60_000);
});

const ROLE_CHANGE = {
  file: 'biocommons/community-pipelines.yaml',
  change: (t: string): string =>
    t.replace(
      '{ email: pipeline.curator@example.org, role: maintain }',
      '{ email: pipeline.curator@example.org, role: launch }',
    ),
};

/** Runs plan.yml for PR #7 (base: the estate; PR: the role change): the plan comment lands on #7. */
async function reviewThePr(
  ctx: TestContext,
  p: Platform,
  dirs: { base: string; pr: string },
): Promise<JobResult> {
  const run = await newRun('plan', ctx, contexts(p, pullRequestEvent(REPOSITORY)), dirs);
  expectJob(await run.job('validate'), 'success');
  const plan = await run.job('plan');
  expectJob(plan, 'success');
  expectJob(await run.job('comment'), 'success');
  return plan;
}

/** The push of the merge of #7: `before` is the base, the checkout the merged tree. */
async function mergeRun(
  ctx: TestContext,
  p: Platform,
  dirs: { base: string; before: string },
): Promise<WorkflowRun> {
  github?.setPullsForCommit(MERGE_SHA, [
    { number: PR_NUMBER, merged_at: '2025-01-02T03:04:05Z', merge_commit_sha: MERGE_SHA, state: 'closed' },
  ]);
  return newRun(
    'apply',
    ctx,
    contexts(p, { event_name: 'push', ref: 'refs/heads/main', sha: MERGE_SHA, event: { before: BASE_SHA } }),
    dirs,
  );
}

describe('apply.yml on a push to main', () => {
  it('plans the scope the PR had, finds it is the reviewed plan, applies exactly it and reports on the PR', async (ctx) => {
    const gh = await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'merge-base'));
    const merged = await estateCopy(join(root, 'merge-pr'), ROLE_CHANGE);
    await reviewThePr(ctx, p, { base, pr: merged });
    const reviewed = gh.comments.find((c) => c.issueNumber === PR_NUMBER)?.body ?? '';
    expect(reviewed).toMatch(
      /^<!-- seqera-sync:plan -->\n<!-- seqera-sync:plan-actions sha256:[0-9a-f]{64} -->\n/,
    );
    expect(reviewed).toContain('2 workspaces not changed here; drift is reported by the scheduled check.');
    expect(reviewed).toContain('The full plan, as JSON and text, is the `plan-full` artifact');

    p.emulator.clearRequestLog();
    const run = await mergeRun(ctx, p, { base: merged, before: base });
    const plan = await run.job('plan');
    expectJob(plan, 'success');
    expect(plan.outputs['exit-code'], plan.log()).toBe('2');
    expect(p.emulator.requestLog().filter((e) => e.write)).toEqual([]);
    const compare = plan.step('Compare with the reviewed plan');
    expect(compare.stdout).toMatch(
      /^::notice title=Plan matches the review::the plan to apply is the one reviewed on #7/,
    );
    expect(plan.summary).toContain(':white_check_mark: **This plan is the one reviewed on #7**');
    expect(plan.summary).toContain('role: "maintain" → "launch"');
    const saved = JSON.parse(await readFile(join(plan.workdir, 'apply-output', 'plan.json'), 'utf8')) as {
      actions: { address: string }[];
      changeScope: { notChanged: number };
    };
    expect(saved.actions.map((a) => a.address)).toEqual([
      'biocommons/community-pipelines/participants/pipeline.curator@example.org',
    ]);
    expect(saved.changeScope.notChanged).toBe(2);
    expect(await readFile(join(plan.workdir, 'apply-output', 'plan.txt'), 'utf8')).toContain(
      'Plan: 0 to add, 1 to change, 0 to replace, 0 to destroy.',
    );

    const apply = await run.job('apply');
    expectJob(apply, 'success');
    expect(apply.step('Apply the saved plan').outputs['exit-code'], apply.log()).toBe('0');
    expect(
      p.emulator
        .requestLog()
        .filter((e) => e.write)
        .map((e) => `${e.method} ${e.path}`),
    ).toHaveLength(1);
    const after = await p.cli(['plan', '--detailed-exitcode', '--config-dir', join(merged, 'workspaces')]);
    expect(after.code, after.stdout + after.stderr).toBe(0);

    const report = await run.job('report');
    expectJob(report, 'success');
    expect(report.step('Post the report').stdout).toMatch(/^created apply report on #7/);

    // No drift issue is open: nothing is re-planned and nothing is closed.
    const recheck = await run.job('recheck');
    expectJob(recheck, 'success');
    expect(recheck.step('Find the open drift issue').outputs.open).toBe('false');
    expect(recheck.step('Plan everything again').conclusion).toBe('skipped');
    expectJob(await run.job('close-drift'), 'skipped');
    expect(gh.unexpected).toEqual([]);
    await expectNoSecrets([plan, apply, report, recheck], p);
  }, 120_000);

  it('says loudly when the plan to apply differs from the reviewed one', async (ctx) => {
    const gh = await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'differ-base'));
    const merged = await estateCopy(join(root, 'differ-pr'), ROLE_CHANGE);
    await reviewThePr(ctx, p, { base, pr: merged });
    // Between review and merge, someone adds a person by hand where participants are pruned.
    await addParticipantByHand(p, 'biocommons', 'community-pipelines', DEMO_DRIFT.handAddedParticipant);

    const run = await mergeRun(ctx, p, { base: merged, before: base });
    const plan = await run.job('plan');
    expectJob(plan, 'success');
    expect(plan.step('Compare with the reviewed plan').stdout).toMatch(
      /^::error title=Plan differs from the review::the plan to apply \(actions sha256:[0-9a-f]{64}\) is NOT the one reviewed on #7/,
    );
    expect(plan.summary).toContain('> [!CAUTION]\n> **This plan differs from the plan reviewed on #7.**');
    expect(plan.summary).toContain(DEMO_DRIFT.handAddedParticipant);
    expect(gh.unexpected).toEqual([]);
  }, 120_000);

  it('needs no approval when the merge changes nothing on the platform', async (ctx) => {
    await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'noop-base'));
    const merged = await estateCopy(join(root, 'noop-pr'), {
      file: 'biocommons/community-pipelines.yaml',
      change: (t) =>
        t.replace("maintainers: ['@biocommons/seqera-service']", "maintainers: ['@biocommons/pipelines']"),
    });
    const run = await mergeRun(ctx, p, { base: merged, before: base });
    const plan = await run.job('plan');
    expectJob(plan, 'success');
    expect(plan.outputs['exit-code'], plan.log()).toBe('0');
    expectJob(await run.job('apply'), 'skipped');
    expectJob(await run.job('report'), 'skipped');
  }, 90_000);
});

describe('drift.yml on schedule', () => {
  it('opens the drift issue after a change by hand, leaves it on a failed plan, and closes it after an apply', async (ctx) => {
    const gh = await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'drift-base'));
    const schedule = { event_name: 'schedule', ref: 'refs/heads/main', sha: BASE_SHA, event: {} };
    const driftRun = async (
      runContexts: RunContexts = contexts(p, schedule),
    ): Promise<{ detect: JobResult; issue: JobResult }> => {
      const run = await newRun('drift', ctx, runContexts, { base });
      const detect = await run.job('detect');
      const issue = await run.job('issue');
      return { detect, issue };
    };

    // 1. The platform matches: no issue, nothing written.
    const clean = await driftRun();
    expectJob(clean.detect, 'success');
    expect(clean.detect.outputs['exit-code']).toBe('0');
    expectJob(clean.issue, 'success');
    expect(clean.issue.step('Sync the drift issue').stdout).toContain('drift issue: none');
    expect(gh.writes()).toEqual([]);

    // 2. Someone adds a participant in the web UI: exit 2, one issue opened with the plan.
    await addParticipantByHand(p, 'biocommons', 'community-pipelines', DEMO_DRIFT.handAddedParticipant);
    const drifted = await driftRun();
    expectJob(drifted.detect, 'success');
    expect(drifted.detect.outputs['exit-code']).toBe('2');
    expect(drifted.detect.summary).toContain(DEMO_DRIFT.handAddedParticipant);
    expectJob(drifted.issue, 'success');
    expect(drifted.issue.step('Sync the drift issue').stdout).toMatch(/^drift issue: created \(issue #\d+\)/);
    expect(gh.issues).toHaveLength(1);
    const issue = gh.issues[0]!;
    expect(issue.state).toBe('open');
    expect(issue.labels).toEqual(['drift']);
    expect(gh.labels.has('drift')).toBe(true);
    expect(issue.body.startsWith(DRIFT_MARKER)).toBe(true);
    expect(issue.body).toContain(DEMO_DRIFT.handAddedParticipant);

    // 3. The plan fails (a revoked token): the detect job fails and the issue is left as it is.
    const writesBefore = gh.writes().length;
    const failing = await driftRun({
      ...contexts(p, schedule),
      secrets: { ...contexts(p, schedule).secrets, TOWER_ACCESS_TOKEN: 'revoked-token' },
    });
    expect(failing.detect.outputs['exit-code']).toBe('1');
    expectJob(failing.detect, 'failure');
    expect(failing.detect.step('Fail when the plan failed').conclusion).toBe('failure');
    expectJob(failing.issue, 'skipped');
    expect(gh.writes()).toHaveLength(writesBefore);
    expect(gh.issues[0]!.state).toBe('open');

    // 4. Staff run the apply workflow by hand (its inputs become the --allow-* flags); it closes the issue itself.
    const applyContexts = contexts(
      p,
      { event_name: 'workflow_dispatch', ref: 'refs/heads/main', sha: BASE_SHA, event: {} },
      { 'allow-deletions': true, 'allow-workspace-deletion': false, 'rotate-secrets': true },
    );
    const applyRun = await newRun('apply', ctx, applyContexts, { base });
    const manualPlan = await applyRun.job('plan');
    expectJob(manualPlan, 'success');
    // A manual run has no base: it reconciles everything, and compares with no PR.
    expect(manualPlan.step('Compare with the reviewed plan').conclusion).toBe('skipped');
    const apply = await applyRun.job('apply');
    expectJob(apply, 'success');
    expect(apply.step('Apply the saved plan').outputs['exit-code']).toBe('0');
    const saved = JSON.parse(await readFile(join(apply.workdir, 'apply-output', 'plan.json'), 'utf8')) as {
      options: unknown;
      changeScope?: unknown;
    };
    expect(saved.changeScope).toBeUndefined();
    expect(saved.options).toEqual({
      allowDeletions: true,
      allowWorkspaceDeletion: false,
      rotateSecrets: true,
    });
    expectJob(await applyRun.job('report'), 'skipped');

    // The drift issue is open: the workflow plans everything again, finds no changes and closes it.
    const recheck = await applyRun.job('recheck');
    expectJob(recheck, 'success');
    expect(recheck.step('Find the open drift issue').outputs.open).toBe('true');
    expect(recheck.outputs['exit-code'], recheck.log()).toBe('0');
    expect(recheck.summary).toContain('No changes');
    const closeDrift = await applyRun.job('close-drift');
    expectJob(closeDrift, 'success');
    expect(closeDrift.step('Close the drift issue, naming the apply that resolved it').stdout).toMatch(
      /^drift issue: closed \(issue #\d+\)/,
    );
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.state).toBe('closed');
    expect(gh.issues[0]!.stateReason).toBe('completed');
    const closing = gh.comments.filter((c) => c.issueNumber === issue.number);
    expect(closing).toHaveLength(1);
    expect(closing[0]!.body).toContain(
      `Resolved: after the apply workflow at commit \`${BASE_SHA.slice(0, 12)}\` ([workflow run](https://github.com/${REPOSITORY}/actions/runs/${applyContexts.github.run_id}))`,
    );
    expect(closing[0]!.body).toContain('the platform matches `workspaces/` again');

    // The next scheduled check has nothing left to close.
    const after = await driftRun();
    expect(after.detect.outputs['exit-code']).toBe('0');
    expectJob(after.issue, 'success');
    expect(after.issue.step('Sync the drift issue').stdout).toContain('drift issue: none');
    expect(gh.comments.filter((c) => c.issueNumber === issue.number)).toHaveLength(1);
    expect(gh.unexpected).toEqual([]);

    await expectNoSecrets(
      [
        ...[clean, drifted, failing, after].flatMap((r) => [r.detect, r.issue]),
        manualPlan,
        apply,
        recheck,
        closeDrift,
      ],
      p,
    );
  }, 180_000);
});

describe('access-review.yml on schedule', () => {
  const FIRST_RUN = '5101';

  async function reviewRun(
    ctx: TestContext,
    p: Platform,
    base: string,
    earlierRuns: Record<string, string> = {},
  ) {
    const prepared = requirePackage(ctx);
    const runDir = join(root, `run-${String(++runCount)}-access-review`);
    await mkdir(runDir);
    if (github === undefined) throw new Error('start the fake GitHub first');
    return new WorkflowRun(
      readWorkflow('access-review'),
      runDir,
      {
        pkgDir: prepared.dir,
        home: join(root, 'home'),
        githubApiUrl: github.url,
        stepTimeoutMs: 60_000,
        earlierRuns,
      },
      contexts(p, { event_name: 'schedule', ref: 'refs/heads/main', sha: BASE_SHA, event: {} }),
      { base },
    );
  }

  it('reports each organisation, opens one issue each, and lists the changes since the previous run', async (ctx) => {
    const gh = await startGitHub();
    const p = await startEstate('converged');
    const base = await estateCopy(join(root, 'review-base'));

    // 1. The first review: no earlier run, so no changes section; HTML, JSON and markdown uploaded.
    const first = await reviewRun(ctx, p, base);
    p.emulator.clearRequestLog();
    const report = await first.job('report');
    expectJob(report, 'success');
    expect(report.step('Find the previous review').outputs['run-id']).toBe('');
    expect(report.step('Download the previous review').conclusion).toBe('skipped');
    expect(p.emulator.requestLog().filter((e) => e.method !== 'GET')).toEqual([]);
    const files = await filesUnder(join(first.artifacts, 'access-review'));
    expect(Object.keys(files).sort()).toEqual(['biocommons.html', 'biocommons.json', 'biocommons.md']);
    expect(files['biocommons.html']).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(files['biocommons.json']!)).toMatchObject({
      formatVersion: '1',
      previousGeneratedAt: null,
    });
    expect(report.summary).toContain('## Access review: `biocommons`');
    const issue = await first.job('issue');
    expectJob(issue, 'success');
    expect(issue.step('Open one issue per organisation').stdout).toMatch(
      /^opened issue #\d+ for biocommons$/m,
    );
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]!.title).toMatch(/^Access review \d{4}-\d{2}: biocommons$/);
    expect(gh.issues[0]!.labels).toEqual(['access-review']);
    expect(gh.issues[0]!.body).toContain('| People | Workspaces | Org owners |');
    expect(gh.issues[0]!.body).toContain('`access-review` artifact of [this run]');

    // 2. Someone is added by hand; the next review compares with the first run's JSON.
    gh.addSuccessfulRun('access-review.yml', Number(FIRST_RUN));
    await addParticipantByHand(p, 'biocommons', 'community-pipelines', DEMO_DRIFT.handAddedParticipant);
    const second = await reviewRun(ctx, p, base, { [FIRST_RUN]: first.artifacts });
    const again = await second.job('report');
    expectJob(again, 'success');
    expect(again.step('Find the previous review').outputs['run-id']).toBe(FIRST_RUN);
    expect(again.step('Download the previous review').conclusion).toBe('success');
    const json = JSON.parse(
      (await filesUnder(join(second.artifacts, 'access-review')))['biocommons.json']!,
    ) as { changes: { change: string; email: string; workspace: string }[] };
    expect(json.changes).toEqual([
      expect.objectContaining({
        change: 'granted',
        email: DEMO_DRIFT.handAddedParticipant,
        workspace: 'community-pipelines',
      }),
    ]);
    expectJob(await second.job('issue'), 'success');
    expect(gh.issues).toHaveLength(2);
    expect(gh.issues[1]!.body).toContain('### Changes since the previous report');
    expect(gh.issues[1]!.body).toContain(
      `| granted | \`${DEMO_DRIFT.handAddedParticipant}\` | \`community-pipelines\` |`,
    );
    expect(gh.unexpected).toEqual([]);

    await expectNoSecrets([report, issue, again], p);
  }, 180_000);
});
