import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PLAN_COMMENT_MARKER } from '../../../src/github/body.js';
import { isEntryModule, main, type GitHubCliDeps } from '../../../src/github/cli.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { API, REPO_PATH, TOKEN } from './github-fixtures.js';

useNockGuard();

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gh-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ENV = {
  GITHUB_TOKEN: TOKEN,
  GITHUB_REPOSITORY: 'biocommons/seqera-workspaces',
  GITHUB_API_URL: API,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '777',
};

async function cli(argv: string[], env: Record<string, string | undefined> = ENV) {
  let stdout = '';
  let stderr = '';
  const deps: GitHubCliDeps = {
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    now: () => new Date('2026-05-06T07:08:09Z'),
    makeClient: (o) => createGitHubClient({ ...o, sleep: () => Promise.resolve() }),
  };
  const code = await main(argv, deps);
  expect(stdout + stderr).not.toContain(TOKEN);
  return { code, stdout, stderr };
}

describe('github cli', () => {
  it('prints usage: exit 1 without a command, 0 for --help, 1 for an unknown command', async () => {
    expect((await cli([])).code).toBe(1);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('pr-comment --pr N --body-file F');
    const unknown = await cli(['frob']);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toContain("unknown command 'frob'");
  });

  it('pr-comment posts the body file on the PR', async () => {
    await writeFile(join(dir, 'comment.md'), `${PLAN_COMMENT_MARKER}\nplan`);
    nock(API).get(`${REPO_PATH}/issues/42/comments`).query(true).reply(200, []);
    nock(API)
      .post(`${REPO_PATH}/issues/42/comments`, { body: `${PLAN_COMMENT_MARKER}\nplan` })
      .reply(201, { id: 5, html_url: 'https://github.com/c/5' });
    const r = await cli(['pr-comment', '--pr', '42', '--body-file', 'comment.md']);
    expect(r).toMatchObject({ code: 0, stdout: 'created comment 5 on #42: https://github.com/c/5\n' });
  });

  it('pr-comment rejects a bad --pr and a missing body file without calling GitHub', async () => {
    const bad = await cli(['pr-comment', '--pr', '4x', '--body-file', 'c.md']);
    expect(bad).toMatchObject({
      code: 1,
      stderr: "Error: pr-comment: --pr must be a positive whole number, got '4x'\n",
    });
    const missing = await cli(['pr-comment', '--pr', '4', '--body-file', 'nope.md']);
    expect(missing.stderr).toBe('Error: pr-comment: cannot read nope.md\n');
    const unknownFlag = await cli(['pr-comment', '--pr', '4', '--bodyfile', 'x']);
    expect(unknownFlag.code).toBe(1);
  });

  it('says clearly when GITHUB_TOKEN or GITHUB_REPOSITORY is missing', async () => {
    await writeFile(join(dir, 'c.md'), 'x');
    const noToken = await cli(['pr-comment', '--pr', '1', '--body-file', 'c.md'], {
      ...ENV,
      GITHUB_TOKEN: undefined,
    });
    expect(noToken.stderr).toContain('GITHUB_TOKEN is not set');
    const noRepo = await cli(['pr-comment', '--pr', '1', '--body-file', 'c.md'], {
      ...ENV,
      GITHUB_REPOSITORY: '',
    });
    expect(noRepo.stderr).toContain('GITHUB_REPOSITORY');
  });

  it('never prints the token, even when GitHub echoes it back', async () => {
    await writeFile(join(dir, 'c.md'), 'x');
    nock(API)
      .get(`${REPO_PATH}/issues/1/comments`)
      .query(true)
      .reply(401, { message: `Bad credentials for ${TOKEN}` });
    const r = await cli(['pr-comment', '--pr', '1', '--body-file', 'c.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Error: pr-comment: GitHub API GET ${REPO_PATH}/issues/1/comments?per_page=100&page=1 failed with 401: Bad credentials for ***`,
    );
  });

  it('drift-issue 2 opens the issue with the plan, the check time and the run link', async () => {
    await writeFile(join(dir, 'drift.md'), 'Plan: 0 to add, 1 to change');
    let body = '';
    nock(API)
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [])
      .get(`${REPO_PATH}/labels/drift`)
      .reply(200, {})
      .post(`${REPO_PATH}/issues`, (b: { body: string }) => {
        body = b.body;
        return true;
      })
      .reply(201, { number: 3, html_url: 'https://github.com/i/3' });
    const r = await cli(['drift-issue', '--exit-code', '2', '--body-file', 'drift.md']);
    expect(r).toMatchObject({ code: 0, stdout: 'drift issue: created (issue #3): https://github.com/i/3\n' });
    expect(body).toContain('Plan: 0 to add, 1 to change');
    expect(body).toContain('Last checked 2026-05-06T07:08:09.000Z.');
    expect(body).toContain('https://github.com/biocommons/seqera-workspaces/actions/runs/777');
  });

  it('drift-issue 0 closes the open issue (no body file needed)', async () => {
    nock(API)
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [{ number: 3 }])
      .post(`${REPO_PATH}/issues/3/comments`)
      .reply(201, {})
      .patch(`${REPO_PATH}/issues/3`)
      .reply(200, { number: 3 });
    const r = await cli(['drift-issue', '--exit-code', '0']);
    expect(r).toMatchObject({ code: 0, stdout: 'drift issue: closed (issue #3)\n' });
  });

  it('find-drift-issue says whether a drift issue is open, for $GITHUB_OUTPUT (pull requests do not count)', async () => {
    nock(API)
      .get(`${REPO_PATH}/issues`)
      .query((q) => q.labels === 'drift' && q.state === 'open')
      .reply(200, [{ number: 4 }])
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [{ number: 5, pull_request: {} }]);
    expect(await cli(['find-drift-issue'])).toMatchObject({ code: 0, stdout: 'open=true\n' });
    expect(await cli(['find-drift-issue'])).toMatchObject({ code: 0, stdout: 'open=false\n' });
    const extra = await cli(['find-drift-issue', '--sha', 'x']);
    expect(extra.code).toBe(1);
    expect(extra.stderr).toMatch(/^Error: find-drift-issue: /);
  });

  it('close-drift-issue closes the open issue with a comment naming the applied commit and the run', async () => {
    const sha = 'c'.repeat(40);
    let comment = '';
    nock(API)
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [{ number: 3 }])
      .post(`${REPO_PATH}/issues/3/comments`, (b: { body: string }) => {
        comment = b.body;
        return true;
      })
      .reply(201, {})
      .patch(`${REPO_PATH}/issues/3`, { state: 'closed', state_reason: 'completed' })
      .reply(200, { number: 3 });
    const r = await cli(['close-drift-issue', '--sha', sha]);
    expect(r).toMatchObject({ code: 0, stdout: 'drift issue: closed (issue #3)\n' });
    expect(comment).toContain(
      'Resolved: after the apply workflow at commit `cccccccccccc` ([workflow run](https://github.com/biocommons/seqera-workspaces/actions/runs/777))',
    );
    expect(comment).toContain('(checked 2026-05-06T07:08:09.000Z)');
  });

  it('close-drift-issue writes nothing when no drift issue is open, and needs --sha', async () => {
    nock(API).get(`${REPO_PATH}/issues`).query(true).reply(200, []);
    const none = await cli(['close-drift-issue', '--sha', 'd'.repeat(40)]);
    expect(none).toMatchObject({ code: 0, stdout: 'drift issue: none (no open drift issue)\n' });
    const missing = await cli(['close-drift-issue']);
    expect(missing).toMatchObject({ code: 1, stderr: 'Error: close-drift-issue: --sha is required\n' });
  });

  it('drift-issue 1 fails without touching the issue; other codes are usage errors', async () => {
    const failed = await cli(['drift-issue', '--exit-code', '1', '--body-file', 'drift.md']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('the drift plan failed (exit 1): the drift issue is left as it is');
    const odd = await cli(['drift-issue', '--exit-code', '3']);
    expect(odd.stderr).toContain("--exit-code must be 0, 1 or 2 (plan --detailed-exitcode), got '3'");
  });

  it('apply-report posts on the merged PR, or says there is none', async () => {
    const sha = 'a'.repeat(40);
    await writeFile(join(dir, 'report.md'), 'Applied.');
    nock(API).get(`${REPO_PATH}/commits/${sha}/pulls`).query(true).reply(200, []);
    const none = await cli(['apply-report', '--sha', sha, '--body-file', 'report.md']);
    expect(none).toMatchObject({
      code: 0,
      stdout: `no merged pull request is associated with aaaaaaaaaaaa: report not posted\n`,
    });

    nock(API)
      .get(`${REPO_PATH}/commits/${sha}/pulls`)
      .query(true)
      .reply(200, [{ number: 9, merged_at: '2026-01-01T00:00:00Z', merge_commit_sha: sha }])
      .get(`${REPO_PATH}/issues/9/comments`)
      .query(true)
      .reply(200, [])
      .post(`${REPO_PATH}/issues/9/comments`)
      .reply(201, { id: 1, html_url: 'https://github.com/c/1' });
    const posted = await cli(['apply-report', '--sha', sha, '--body-file', 'report.md']);
    expect(posted.stdout).toBe('created apply report on #9: https://github.com/c/1\n');
  });

  it('compose-plan-comment reads the step files and writes the comment', async () => {
    await writeFile(join(dir, 'validate.txt'), '');
    await writeFile(join(dir, 'validate.exit'), '0\n');
    await writeFile(join(dir, 'plan.md'), `${PLAN_COMMENT_MARKER}\nPlan: 1 to add`);
    await writeFile(join(dir, 'plan.err'), '');
    await writeFile(join(dir, 'plan.exit'), '2\n');
    const r = await cli([
      'compose-plan-comment',
      '--dir',
      '.',
      '--out',
      'comment.md',
      '--fork',
      'false',
      '--sha',
      'b'.repeat(40),
    ]);
    expect(r.code).toBe(0);
    const body = await readFile(join(dir, 'comment.md'), 'utf8');
    expect(body.startsWith(`${PLAN_COMMENT_MARKER}\n`)).toBe(true);
    expect(body).toContain('Plan: 1 to add');
    expect(body).toContain(
      '[workflow run](https://github.com/biocommons/seqera-workspaces/actions/runs/777)',
    );
  });

  it('compose-plan-comment copes with a missing plan (fork) and rejects a bad --fork', async () => {
    await writeFile(join(dir, 'validate.exit'), '0');
    expect((await cli(['compose-plan-comment', '--dir', '.', '--out', 'c.md', '--fork', 'true'])).code).toBe(
      0,
    );
    expect(await readFile(join(dir, 'c.md'), 'utf8')).toContain('No plan for pull requests from forks');
    const bad = await cli(['compose-plan-comment', '--dir', '.', '--out', 'c.md', '--fork', 'yes']);
    expect(bad.stderr).toContain("--fork must be true or false, got 'yes'");
  });

  it('compose-apply-report reads the step files and writes the report', async () => {
    await writeFile(join(dir, 'plan.exit'), '0');
    await writeFile(join(dir, 'plan.md'), 'Plan: 1 to add');
    await writeFile(join(dir, 'apply.exit'), '0');
    await writeFile(join(dir, 'report.json'), '{"ok":true}');
    const r = await cli([
      'compose-apply-report',
      '--dir',
      '.',
      '--out',
      'report.md',
      '--sha',
      'c'.repeat(40),
    ]);
    expect(r.code).toBe(0);
    const body = await readFile(join(dir, 'report.md'), 'utf8');
    expect(body).toContain(':white_check_mark: **Applied.**');
    expect(body).toContain('Commit `cccccccccccc`');
  });
});

describe('isEntryModule', () => {
  it('is true only for the script node was started with, through symlinks too', async () => {
    const file = join(dir, 'cli.js');
    await writeFile(file, '');
    const link = join(dir, 'link.js');
    await symlink(file, link);
    const { realpathSync } = await import('node:fs');
    const url = pathToFileURL(realpathSync(file)).href;
    expect(isEntryModule(url, file)).toBe(true);
    expect(isEntryModule(url, link)).toBe(true);
    expect(isEntryModule(url, join(dir, 'other.js'))).toBe(false);
    expect(isEntryModule(url, undefined)).toBe(false);
  });

  it('is false under the test runner, so importing the module ran nothing', () => {
    expect(isEntryModule(new URL('../../../src/github/cli.ts', import.meta.url).href, process.argv[1])).toBe(
      false,
    );
  });
});
