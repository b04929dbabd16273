import { describe, expect, it } from 'vitest';
import { DRIFT_ISSUE_MARKER, PLAN_COMMENT_MARKER } from '../../../src/github/body.js';
import {
  codeBlock,
  composeApplyReport,
  composeDriftClosedComment,
  composeDriftIssueBody,
  composeDriftResolvedComment,
  composePlanComment,
  parseAnnotations,
  type PlanCommentInput,
} from '../../../src/github/compose.js';

const RUN = {
  runUrl: 'https://github.com/o/r/actions/runs/5',
  sha: 'abcdef0123456789abcdef0123456789abcdef01',
};
const PLAN_MD = `${PLAN_COMMENT_MARKER}\n### biocommons/ausgen\n\nPlan: 1 to add, 0 to change, 0 to replace, 0 to destroy.\n`;

const base: PlanCommentInput = {
  ...RUN,
  validateExitCode: 0,
  validationOutput: '',
  planExitCode: 2,
  planMarkdown: PLAN_MD,
  planStderr: '',
  fork: false,
};

describe('composePlanComment', () => {
  it('starts with the marker once and carries the plan and the run link', () => {
    const body = composePlanComment(base);
    expect(body.split('\n')[0]).toBe(PLAN_COMMENT_MARKER);
    expect(body.split(PLAN_COMMENT_MARKER)).toHaveLength(2);
    // The plan brings its own heading; the comment adds none and no redundant "valid" line.
    expect(body.split('\n')[1]).toBe('### biocommons/ausgen');
    expect(body).not.toContain('The configuration is valid');
    expect(body).toContain('Plan: 1 to add');
    expect(body).toContain(
      '<sub>Commit `abcdef012345` · [workflow run](https://github.com/o/r/actions/runs/5)</sub>',
    );
  });

  it('lists validation errors with the PR-relative file, and says no plan was made', () => {
    const body = composePlanComment({
      ...base,
      validateExitCode: 1,
      validationOutput: [
        '::error file=pr/workspaces/biocommons/ausgen.yaml,line=4,col=3::secrets must not be committed',
        '::error file=pr/workspaces/biocommons/x.yaml,line=1,col=1::name must equal the file name%0A(got y)',
        '::warning file=pr/workspaces/biocommons/x.yaml,line=9,col=1::AUSGEN_KEY is not set',
        '2 errors, 1 warning',
      ].join('\n'),
      planExitCode: undefined,
      planMarkdown: '',
    });
    expect(body).toContain(':x: **The configuration is invalid** (2 errors).');
    expect(body).toContain('- `workspaces/biocommons/ausgen.yaml:4:3` secrets must not be committed');
    expect(body).toContain('- `workspaces/biocommons/x.yaml:1:1` name must equal the file name (got y)');
    expect(body).toContain('<details><summary>1 warning</summary>');
    expect(body).toContain('No plan was made.');
    expect(body).not.toContain('pr/workspaces');
  });

  it('escapes markup from the PR author in messages', () => {
    const body = composePlanComment({
      ...base,
      validateExitCode: 1,
      validationOutput:
        '::error file=pr/workspaces/o/w.yaml,line=1,col=1::unknown key <img src=x> [link](http://evil)',
      planExitCode: undefined,
    });
    expect(body).toContain('unknown key &lt;img src=x&gt; \\[link\\](http://evil)');
  });

  it('shows a failed plan’s errors (blocked rules) and the markdown it printed', () => {
    const body = composePlanComment({
      ...base,
      planExitCode: 1,
      planStderr: 'Error: plan blocked: maxDeletions (12 > 10)\n',
      planMarkdown: `${PLAN_COMMENT_MARKER}\n**Blocked**: maxDeletions\n`,
    });
    expect(body).toContain(':x: **The plan failed.**');
    expect(body).toContain('```\nError: plan blocked: maxDeletions (12 > 10)\n```');
    expect(body.indexOf('**Blocked**: maxDeletions')).toBeLessThan(body.indexOf('The plan failed'));
  });

  it('says a fork PR is validated only, under a heading of its own', () => {
    const body = composePlanComment({ ...base, fork: true, planExitCode: undefined, planMarkdown: '' });
    expect(body.split('\n').slice(0, 4)).toEqual([
      PLAN_COMMENT_MARKER,
      '## seqera-sync plan',
      '',
      ':white_check_mark: The configuration is valid.',
    ]);
    expect(body).toContain('No plan for pull requests from forks');
  });

  it('folds validation warnings below the plan', () => {
    const body = composePlanComment({
      ...base,
      validationOutput: '::warning file=pr/workspaces/o/w.yaml,line=3,col=1::AUSGEN_KEY is not set',
    });
    expect(body.indexOf('Plan: 1 to add')).toBeLessThan(
      body.indexOf('<details><summary>1 warning</summary>'),
    );
  });

  it('says when the plan did not run, with the job result', () => {
    const body = composePlanComment({ ...base, planExitCode: undefined, planJobResult: 'failure' });
    expect(body).toContain(':warning: **The plan did not run** (plan job: failure).');
  });

  it('says when validation did not run at all', () => {
    const body = composePlanComment({ ...base, validateExitCode: undefined, planExitCode: undefined });
    expect(body).toContain(':x: **Validation did not run.**');
  });
});

describe('parseAnnotations', () => {
  it('decodes properties and data, and keeps other lines', () => {
    const parsed = parseAnnotations(
      '::error file=a%2Cb.yaml,line=2::50%25 of 100%0Anext\nsummary\n::group::x',
    );
    expect(parsed.errors).toEqual([
      { level: 'error', file: 'a,b.yaml', line: '2', col: undefined, message: '50% of 100\nnext' },
    ]);
    expect(parsed.other).toEqual(['summary']);
  });
});

describe('composeApplyReport', () => {
  it('reports success with the applied plan and the JSON report folded', () => {
    const body = composeApplyReport({
      ...RUN,
      planExitCode: 0,
      planMarkdown: PLAN_MD,
      planStderr: '',
      applyExitCode: 0,
      reportJson: '{"applied":[{"address":"biocommons/ausgen"}]}',
      applyStderr: '',
    });
    expect(body).toContain(':white_check_mark: **Applied.**');
    expect(body).toContain('<details><summary>The plan that was applied</summary>');
    expect(body).toContain('```json\n{\n  "applied": [');
    expect(body).not.toContain(PLAN_COMMENT_MARKER);
  });

  it('reports a failed plan: nothing applied, with its errors', () => {
    const body = composeApplyReport({
      ...RUN,
      planExitCode: 1,
      planMarkdown: '',
      planStderr: 'Error: 401 token invalid',
      applyExitCode: undefined,
      reportJson: '',
      applyStderr: '',
    });
    expect(body).toContain(':x: **The plan failed**: nothing was applied.');
    expect(body).toContain('Error: 401 token invalid');
  });

  it('reports a partial apply and shows a report that is not JSON as it is', () => {
    const body = composeApplyReport({
      ...RUN,
      planExitCode: 0,
      planMarkdown: PLAN_MD,
      planStderr: '',
      applyExitCode: 1,
      reportJson: 'not json',
      applyStderr: 'warning: jane@example.org is pending',
    });
    expect(body).toContain(':x: **The apply failed or was partial.**');
    expect(body).toContain('```json\nnot json\n```');
    expect(body).toContain('jane@example.org is pending');
  });
});

describe('drift bodies', () => {
  it('puts the drift marker first, the plan, and when it was checked', () => {
    const body = composeDriftIssueBody(PLAN_MD, new Date('2026-03-04T05:06:07Z'), RUN);
    expect(body.startsWith(`${DRIFT_ISSUE_MARKER}\n`)).toBe(true);
    expect(body).toContain('Plan: 1 to add');
    expect(body).not.toContain(PLAN_COMMENT_MARKER);
    expect(body).toContain('Last checked 2026-03-04T05:06:07.000Z.');
  });

  it('closing comment names the check time', () => {
    expect(composeDriftClosedComment(new Date('2026-03-04T05:06:07Z'), RUN)).toContain(
      'matches `workspaces/` again (checked 2026-03-04T05:06:07.000Z)',
    );
  });

  it('the comment of an apply that resolved the drift names its commit and run', () => {
    expect(composeDriftResolvedComment(new Date('2026-03-04T05:06:07Z'), RUN)).toBe(
      ':white_check_mark: Resolved: after the apply workflow at commit `abcdef012345` ([workflow run](https://github.com/o/r/actions/runs/5)), ' +
        'a full plan found no changes, so the platform matches `workspaces/` again ' +
        '(checked 2026-03-04T05:06:07.000Z). Closing.\n',
    );
    expect(
      composeDriftResolvedComment(new Date('2026-03-04T05:06:07Z'), { runUrl: undefined, sha: undefined }),
    ).toMatch(/^:white_check_mark: Resolved: after the apply workflow, a full plan found no changes/);
  });
});

describe('codeBlock', () => {
  it('uses a fence longer than any backtick run inside', () => {
    expect(codeBlock('a ```` b')).toBe('`````\na ```` b\n`````');
    expect(codeBlock('plain')).toBe('```\nplain\n```');
  });
});
