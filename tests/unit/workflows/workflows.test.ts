import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/program.js';
import { GITHUB_CLI_COMMANDS } from '../../../src/github/cli.js';
import {
  WORKFLOW_NAMES,
  actionsParserErrors,
  findStep,
  jobsOf,
  readWorkflow,
  runScripts,
  type LoadedWorkflow,
} from './workflow-files.js';
import { lintWorkflow, usesSecrets } from './workflow-rules.js';

const workflows = Object.fromEntries(WORKFLOW_NAMES.map((n) => [n, readWorkflow(n)])) as Record<
  (typeof WORKFLOW_NAMES)[number],
  LoadedWorkflow
>;

function on(wf: LoadedWorkflow): Record<string, unknown> {
  return wf.doc.on as Record<string, unknown>;
}

/** Every `seqera-sync …` and `dist/github/cli.js …` command line of a workflow. */
function commandLines(wf: LoadedWorkflow): string[] {
  return runScripts(wf)
    .flatMap((r) => r.run.split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.includes('node dist/bin.js') || l.includes('dist/github/cli.js'));
}

describe.each(WORKFLOW_NAMES)('%s.yml', (name) => {
  const wf = workflows[name];

  it("passes GitHub's workflow parser (schema, expressions, jobs)", async () => {
    expect(await actionsParserErrors(`${name}.yml`, wf.text)).toEqual([]);
  });

  it('follows the hardening rules', () => {
    expect(lintWorkflow(wf)).toEqual([]);
  });

  it('calls only seqera-sync commands and GitHub helper commands that exist', () => {
    const known = new Set(
      buildProgram(
        {
          stdout: () => undefined,
          stderr: () => undefined,
          env: {},
          cwd: '.',
          stdinIsTTY: false,
          stdoutIsTTY: false,
          stderrIsTTY: false,
          confirm: () => Promise.resolve(false),
          makeClient: () => {
            throw new Error('not used');
          },
        },
        () => undefined,
      ).commands.map((c) => c.name()),
    );
    for (const line of commandLines(wf)) {
      const sync = /node dist\/bin\.js (\S+)/.exec(line);
      if (sync) expect(known, line).toContain(sync[1]);
      const gh = /dist\/github\/cli\.js (\S+)/.exec(line);
      if (gh) expect(GITHUB_CLI_COMMANDS, line).toContain(gh[1]);
    }
  });

  it('gives the GitHub helper its token only through env, and only in jobs that use pull requests or issues', () => {
    for (const [id, job] of jobsOf(wf)) {
      for (const step of job.steps ?? []) {
        if (step.env?.GITHUB_TOKEN === undefined) continue;
        expect(step.env.GITHUB_TOKEN, `${id}/${step.name ?? ''}`).toBe('${{ github.token }}');
        const perms = job.permissions as Record<string, string>;
        const scopes = Object.keys(perms).filter((k) => k === 'pull-requests' || k === 'issues');
        expect(scopes, `${id} grants no pull-requests or issues scope`).not.toEqual([]);
        // A job that holds the Seqera token may only read GitHub.
        if (usesSecrets(job)) expect(Object.values(perms), id).not.toContain('write');
      }
    }
  });
});

describe('ci.yml', () => {
  const wf = workflows.ci;
  const lines = runScripts(wf).map((r) => r.run);

  it('runs on pull requests and pushes to main', () => {
    expect(Object.keys(on(wf))).toEqual(expect.arrayContaining(['pull_request', 'push']));
  });

  it('typechecks, lints, checks formatting, tests, validates and checks CODEOWNERS', () => {
    for (const cmd of [
      'npm run typecheck',
      'npm run lint',
      'npm run format:check',
      'npm run test:unit',
      'node dist/bin.js validate --format github',
      'node dist/bin.js codeowners --check',
    ]) {
      expect(
        lines.some((l) => l.includes(cmd)),
        cmd,
      ).toBe(true);
    }
  });

  it('has an aggregator job that needs every other job', () => {
    const jobs = Object.keys(wf.doc.jobs).filter((j) => j !== 'ci-ok');
    expect(wf.doc.jobs['ci-ok']?.needs).toEqual(jobs);
    expect(wf.doc.jobs['ci-ok']?.if).toBe('always()');
  });

  it('holds no secrets', () => {
    for (const [id, job] of jobsOf(wf)) expect(usesSecrets(job), id).toBe(false);
  });
});

describe('plan.yml', () => {
  const wf = workflows.plan;

  it('runs on pull_request_target for PRs to main that touch workspaces/**', () => {
    expect(on(wf)).toEqual({
      pull_request_target: {
        branches: ['main'],
        types: ['opened', 'synchronize', 'reopened'],
        paths: ['workspaces/**'],
      },
    });
  });

  it('validates the PR files with annotations, in a job without secrets', () => {
    const step = findStep(wf, 'validate', "Validate the PR's files");
    expect(step.run).toContain('node dist/bin.js validate --config-dir pr/workspaces --format github');
    expect(usesSecrets(wf.doc.jobs.validate!)).toBe(false);
    expect(wf.doc.jobs.validate?.environment).toBeUndefined();
  });

  it('plans same-repository PRs only, with the token from the environment', () => {
    const job = wf.doc.jobs.plan!;
    expect(job.if).toBe('github.event.pull_request.head.repo.full_name == github.repository');
    expect(job.environment).toBe('seqera-plan');
    expect(job.needs).toBe('validate');
    const step = findStep(wf, 'plan', "Plan the PR's files");
    expect(step.run).toContain(
      'node dist/bin.js plan --config-dir pr/workspaces --base-config-dir workspaces --format markdown --detailed-exitcode --out plan.json > plan.md',
    );
    expect(step.env).toMatchObject({
      TOWER_ACCESS_TOKEN: '${{ secrets.TOWER_ACCESS_TOKEN }}',
      SEQERA_SYNC_VARS: '${{ secrets.SEQERA_SYNC_VARS }}',
    });
    expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('uploads the full plan as JSON and text, and links it from the comment', () => {
    expect(findStep(wf, 'plan', 'Render the full plan').run).toContain(
      'node dist/github/cli.js render-plan --plan plan.json --format text --out plan-full/plan.txt',
    );
    const upload = findStep(wf, 'plan', 'Upload the full plan');
    expect(upload.with).toMatchObject({ name: 'plan-full', path: 'plan-full/' });
    expect(wf.doc.jobs.plan?.outputs).toEqual({
      'plan-artifact-url': '${{ steps.upload-full.outputs.artifact-url }}',
    });
    const compose = findStep(wf, 'comment', 'Compose the comment');
    expect(compose.env?.PLAN_ARTIFACT_URL).toBe('${{ needs.plan.outputs.plan-artifact-url }}');
    expect(compose.run).toContain('--plan-artifact-url "$PLAN_ARTIFACT_URL"');
  });

  it('treats plan exit 2 (changes) as success and anything but 0/2 as failure', () => {
    const run = findStep(wf, 'plan', 'Fail when the plan failed').run ?? '';
    expect(run).toContain('"$PLAN_EXIT" != "0" ] && [ "$PLAN_EXIT" != "2"');
  });

  it('comments from a separate job that alone may write to pull requests, even when validation failed', () => {
    const job = wf.doc.jobs.comment!;
    expect(job.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(job.if).toBe('always() && !cancelled()');
    expect(job.needs).toEqual(['validate', 'plan']);
    expect(findStep(wf, 'comment', 'Compose the comment').run).toContain('>> "$GITHUB_STEP_SUMMARY"');
    expect(findStep(wf, 'comment', 'Post or update the plan comment').run).toBe(
      'node dist/github/cli.js pr-comment --pr "$PR_NUMBER" --body-file comment.md',
    );
    for (const [id, other] of jobsOf(wf)) {
      if (id !== 'comment') expect(JSON.stringify(other.permissions), id).not.toContain('write');
    }
  });

  it('checks out the PR head commit as data into pr/ in both jobs that read it', () => {
    for (const jobId of ['validate', 'plan']) {
      const step = findStep(wf, jobId, "Check out the PR's workspace files (data only)");
      expect(step.with).toMatchObject({
        repository: '${{ github.event.pull_request.head.repo.full_name }}',
        ref: '${{ github.event.pull_request.head.sha }}',
        path: 'pr',
        'sparse-checkout-cone-mode': false,
        'persist-credentials': false,
      });
      expect(findStep(wf, jobId, "Refuse symbolic links in the PR's files").run).toContain('find pr -type l');
    }
  });
});

describe('apply.yml', () => {
  const wf = workflows.apply;

  it('runs on pushes to main that touch workspaces/, and manually with the override inputs', () => {
    const triggers = on(wf);
    expect(triggers.push).toEqual({ branches: ['main'], paths: ['workspaces/**'] });
    const inputs = (
      triggers.workflow_dispatch as { inputs: Record<string, { type: string; default: boolean }> }
    ).inputs;
    expect(Object.keys(inputs).sort()).toEqual([
      'allow-deletions',
      'allow-workspace-deletion',
      'rotate-secrets',
    ]);
    for (const input of Object.values(inputs))
      expect(input).toMatchObject({ type: 'boolean', default: false });
  });

  it('never overlaps or cancels an apply', () => {
    expect(wf.doc.concurrency).toEqual({ group: 'seqera-apply', 'cancel-in-progress': false });
  });

  it('plans without approval, and applies in the protected environment only after the plan', () => {
    const plan = wf.doc.jobs.plan!;
    expect(plan.environment).toBe('seqera-plan');
    expect(plan.if).toBe("github.ref == 'refs/heads/main'");
    expect(plan.permissions).toEqual({ contents: 'read', 'pull-requests': 'read' });
    const apply = wf.doc.jobs.apply!;
    expect(apply.environment).toBe('seqera-production');
    expect(apply.needs).toBe('plan');
    expect(apply.if).toBe("needs.plan.outputs.exit-code == '2'");
    expect(apply.permissions).toEqual({ contents: 'read' });
  });

  it('plans the scope of the merge against the commit before it, and everything on a manual run', () => {
    const before = findStep(wf, 'plan', 'Check out the workspace files before the merge (the base)');
    expect(before.if).toBe("github.event_name == 'push'");
    expect(before.with).toMatchObject({
      ref: '${{ github.event.before }}',
      path: 'before',
      'sparse-checkout-cone-mode': false,
      'persist-credentials': false,
    });
    const plan = findStep(wf, 'plan', 'Plan');
    expect(plan.run).toContain('if [ "$GITHUB_EVENT_NAME" = "push" ]; then');
    expect(plan.run).toContain('flags+=(--base-config-dir before/workspaces)');
  });

  it('maps each input to its flag through env, saves the plan, and applies exactly that saved plan', () => {
    const plan = findStep(wf, 'plan', 'Plan');
    expect(plan.env).toMatchObject({
      ALLOW_DELETIONS: '${{ inputs.allow-deletions }}',
      ALLOW_WORKSPACE_DELETION: '${{ inputs.allow-workspace-deletion }}',
      ROTATE_SECRETS: '${{ inputs.rotate-secrets }}',
    });
    for (const flag of ['--allow-deletions', '--allow-workspace-deletion', '--rotate-secrets']) {
      expect(plan.run).toContain(`flags+=(${flag})`);
    }
    expect(plan.run).toContain(
      'node dist/bin.js plan --format markdown --detailed-exitcode --out apply-output/plan.json "${flags[@]}" > apply-output/plan.md',
    );
    expect(findStep(wf, 'plan', 'Upload the saved plan').with).toMatchObject({
      name: 'apply-plan',
      path: 'apply-output/',
    });
    expect(findStep(wf, 'apply', 'Download the saved plan').with).toMatchObject({
      name: 'apply-plan',
      path: 'apply-output',
    });
    expect(findStep(wf, 'apply', 'Apply the saved plan').run).toContain(
      'node dist/bin.js apply apply-output/plan.json --yes --format json > apply-output/report.json',
    );
  });

  it("compares the plan with the merged PR's reviewed plan and writes both to the job summary", () => {
    const compare = findStep(wf, 'plan', 'Compare with the reviewed plan');
    expect(compare.run).toBe(
      'node dist/github/cli.js compare-plan --sha "$GITHUB_SHA" --plan apply-output/plan.json --out apply-output/compare.md',
    );
    expect(compare.if).toBe("github.event_name == 'push' && steps.plan.outputs.exit-code != '1'");
    const summary = findStep(wf, 'plan', 'Write the plan to the job summary').run ?? '';
    expect(summary.indexOf('compare.md')).toBeLessThan(summary.indexOf('plan.md'));
    expect(summary).toContain('>> "$GITHUB_STEP_SUMMARY"');
  });

  it('uploads the plan and the report, and posts the report on the merged PR from a separate job', () => {
    const upload = findStep(wf, 'apply', 'Upload the plan and the report');
    expect(upload.if).toBe('always()');
    expect(upload.with?.path).toBe('apply-output/');
    const report = wf.doc.jobs.report!;
    expect(report.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    expect(report.if).toContain("github.event_name == 'push'");
    expect(findStep(wf, 'report', 'Post the report').run).toBe(
      'node dist/github/cli.js apply-report --sha "$GITHUB_SHA" --body-file apply-output/report.md',
    );
  });

  it('after an apply, re-plans everything when a drift issue is open, and closes it from a separate job when nothing is left', () => {
    const recheck = wf.doc.jobs.recheck!;
    expect(recheck.needs).toEqual(['plan', 'apply']);
    expect(recheck.if).toContain("needs.apply.result == 'success'");
    expect(recheck.if).toContain(
      "(needs.apply.result == 'skipped' && github.event_name == 'workflow_dispatch')",
    );
    expect(recheck.if).toContain("needs.plan.result == 'success'");
    expect(recheck.environment).toBe('seqera-plan');
    expect(recheck.permissions).toEqual({ contents: 'read', issues: 'read' });
    expect(recheck.outputs).toEqual({ 'exit-code': '${{ steps.recheck.outputs.exit-code }}' });
    expect(findStep(wf, 'recheck', 'Find the open drift issue').run).toBe(
      'node dist/github/cli.js find-drift-issue >> "$GITHUB_OUTPUT"',
    );
    const replan = findStep(wf, 'recheck', 'Plan everything again');
    expect(replan.if).toBe("steps.drift.outputs.open == 'true'");
    expect(replan.run).toContain(
      'node dist/bin.js plan --detailed-exitcode --format markdown > recheck-output/plan.md',
    );
    expect(replan.run).not.toContain('--base-config-dir');
    const close = wf.doc.jobs['close-drift']!;
    expect(close.needs).toBe('recheck');
    expect(close.if).toBe("needs.recheck.outputs.exit-code == '0'");
    expect(close.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(usesSecrets(close)).toBe(false);
    expect(findStep(wf, 'close-drift', 'Close the drift issue, naming the apply that resolved it').run).toBe(
      'node dist/github/cli.js close-drift-issue --sha "$GITHUB_SHA"',
    );
  });

  it('fails each job on its own failure, after reporting', () => {
    expect(wf.doc.jobs.plan!.steps!.map((s) => s.name).at(-1)).toBe('Fail when the plan failed');
    expect(wf.doc.jobs.apply!.steps!.map((s) => s.name).at(-1)).toBe('Fail when the apply failed');
  });
});

describe('drift.yml', () => {
  const wf = workflows.drift;

  it('runs daily and manually', () => {
    const triggers = on(wf);
    expect(Object.keys(triggers).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(triggers.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) }]);
  });

  it('plans with --detailed-exitcode in the environment, and fails on anything but 0 or 2', () => {
    const plan = findStep(wf, 'detect', 'Plan');
    expect(plan.run).toContain(
      'node dist/bin.js plan --detailed-exitcode --format markdown > drift-output/drift.md',
    );
    expect(wf.doc.jobs.detect?.environment).toBe('seqera-plan');
    expect(findStep(wf, 'detect', 'Fail when the plan failed').run).toContain(
      '"$PLAN_EXIT" != "0" ] && [ "$PLAN_EXIT" != "2"',
    );
  });

  it('syncs the drift issue from a separate job that alone may write issues', () => {
    const job = wf.doc.jobs.issue!;
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(job.needs).toBe('detect');
    expect(findStep(wf, 'issue', 'Sync the drift issue').run).toBe(
      'node dist/github/cli.js drift-issue --exit-code "$PLAN_EXIT" --body-file drift-output/drift.md',
    );
    expect(wf.doc.jobs.detect?.permissions).toEqual({ contents: 'read' });
  });
});

describe('access-review.yml', () => {
  const wf = workflows['access-review'];

  it('runs monthly and manually, never two at once', () => {
    const triggers = on(wf);
    expect(Object.keys(triggers).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(triggers.schedule).toEqual([{ cron: expect.stringMatching(/^\d+ \d+ \d+ \* \*$/) }]);
    expect(wf.doc.concurrency).toEqual({ group: 'seqera-access-review', 'cancel-in-progress': false });
  });

  it('reports every organisation folder in the environment, with --previous from the last successful run', () => {
    const job = wf.doc.jobs.report!;
    expect(job.environment).toBe('seqera-plan');
    expect(job.permissions).toEqual({ contents: 'read', actions: 'read' });
    const find = findStep(wf, 'report', 'Find the previous review');
    expect(find.run).toContain('/actions/workflows/access-review.yml/runs?status=success&per_page=1');
    const download = findStep(wf, 'report', 'Download the previous review');
    expect(download.if).toBe("steps.previous.outputs.run-id != ''");
    expect(download.with).toMatchObject({
      name: 'access-review',
      path: 'previous',
      'run-id': '${{ steps.previous.outputs.run-id }}',
    });
    const report = findStep(wf, 'report', 'Report each organisation');
    expect(report.run).toContain('for dir in workspaces/*/; do');
    expect(report.run).toContain(
      'args=(--org "$org" --out "review/$org.html" --out "review/$org.json" --out "review/$org.md")',
    );
    expect(report.run).toContain('args+=(--previous "previous/$org.json")');
    expect(report.run).toContain('node dist/bin.js access-report "${args[@]}"');
    expect(report.env).toMatchObject({ TOWER_ACCESS_TOKEN: '${{ secrets.TOWER_ACCESS_TOKEN }}' });
    const upload = findStep(wf, 'report', 'Upload the review');
    expect(upload.with).toMatchObject({ name: 'access-review', path: 'review/' });
  });

  it('opens the issues from a separate job that alone may write issues and holds no secrets', () => {
    const job = wf.doc.jobs.issue!;
    expect(job.needs).toBe('report');
    expect(job.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(usesSecrets(job)).toBe(false);
    expect(findStep(wf, 'issue', 'Open one issue per organisation').run).toContain(
      '"$GITHUB_API_URL/repos/$GITHUB_REPOSITORY/issues"',
    );
  });
});
