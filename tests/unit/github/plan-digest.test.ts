/**
 * The action digest carried by the PR plan comment, and the comparison the
 * apply workflow makes with it after the merge.
 */
import { describe, expect, it } from 'vitest';
import { actionDigest, actionDigestLine, readActionDigest } from '../../../src/github/action-digest.js';
import { PLAN_COMMENT_MARKER } from '../../../src/github/body.js';
import type { GitHubClient } from '../../../src/github/client.js';
import { compareWithReviewedPlan, describeComparison } from '../../../src/github/compare-plan.js';
import { composePlanComment } from '../../../src/github/compose.js';
import type { ParticipantAction } from '../../../src/kinds/participants/model.js';
import { REPO } from './github-fixtures.js';

function roleChange(email: string, from: string, to: string, line = 9): ParticipantAction {
  return {
    kind: 'participant',
    address: `biocommons/ausgen/participants/${email}`,
    type: 'update',
    org: 'biocommons',
    workspace: 'ausgen',
    name: email,
    reason: `role differs from the platform (workspaces/biocommons/ausgen.yaml:${String(line)})`,
    changes: [{ field: 'role', from, to }],
    dependsOn: [],
  };
}

describe('actionDigest', () => {
  const a = roleChange('a@example.org', 'view', 'launch');
  const b = roleChange('b@example.org', 'launch', 'admin');

  it('is the same for the same actions in any order, whatever their reasons or line numbers', () => {
    expect(actionDigest({ actions: [a, b] })).toBe(
      actionDigest({ actions: [b, roleChange('a@example.org', 'view', 'launch', 40)] }),
    );
    expect(actionDigest({ actions: [a] })).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes when an action, its type or a value changes', () => {
    const digest = actionDigest({ actions: [a, b] });
    expect(actionDigest({ actions: [a] })).not.toBe(digest);
    expect(actionDigest({ actions: [a, roleChange('b@example.org', 'launch', 'owner')] })).not.toBe(digest);
    expect(actionDigest({ actions: [a, { ...b, type: 'delete' }] })).not.toBe(digest);
  });

  it('is read back from the hidden line, and only from it', () => {
    const digest = actionDigest({ actions: [a] });
    expect(readActionDigest(`${PLAN_COMMENT_MARKER}\n${actionDigestLine(digest)}\nbody`)).toBe(digest);
    expect(readActionDigest(`text mentioning ${digest}`)).toBeUndefined();
  });
});

describe('the plan comment', () => {
  const input = {
    validateExitCode: 0,
    validationOutput: '',
    planExitCode: 2,
    planMarkdown: `${PLAN_COMMENT_MARKER}\n## seqera-sync plan\n\nbody\n`,
    planStderr: '',
    fork: false,
    runUrl: 'https://github.com/biocommons/seqera-workspaces/actions/runs/42',
    sha: 'abc',
  };

  it('carries the digest right after the marker, and links the full plan artifact', () => {
    const digest = actionDigest({ actions: [] });
    const body = composePlanComment({ ...input, actionDigest: digest });
    expect(body.split('\n').slice(0, 2)).toEqual([PLAN_COMMENT_MARKER, actionDigestLine(digest)]);
    expect(body).toContain(
      'The full plan, as JSON and text, is the `plan-full` artifact of [the workflow run](https://github.com/biocommons/seqera-workspaces/actions/runs/42#artifacts).',
    );
    const linked = composePlanComment({
      ...input,
      planArtifactUrl: 'https://github.com/x/y/actions/runs/42/artifacts/7',
    });
    expect(linked).toContain('[this workflow run](https://github.com/x/y/actions/runs/42/artifacts/7)');
  });

  it('carries no digest when no plan was made (fork)', () => {
    const body = composePlanComment({ ...input, fork: true, actionDigest: actionDigest({ actions: [] }) });
    expect(readActionDigest(body)).toBeUndefined();
  });
});

/** A GitHub client answering the merged-PR lookup and its comments. */
function fakeClient(pulls: unknown[], comments: unknown[]): GitHubClient {
  return {
    request: () => Promise.reject(new Error('no writes expected')),
    paginate: <T>(path: string) => Promise.resolve((path.includes('/commits/') ? pulls : comments) as T[]),
  };
}

describe('compareWithReviewedPlan', () => {
  const sha = 'a'.repeat(40);
  const merged = [{ number: 7, merged_at: '2025-01-01T00:00:00Z', merge_commit_sha: sha }];
  const digest = actionDigest({ actions: [roleChange('a@example.org', 'view', 'launch')] });
  const other = actionDigest({ actions: [] });
  const comment = (d: string): unknown => ({
    id: 1,
    body: `${PLAN_COMMENT_MARKER}\n${actionDigestLine(d)}\n## seqera-sync plan`,
    user: { login: 'github-actions[bot]', type: 'Bot' },
  });

  it('matches the digest of the merged PR plan comment', async () => {
    const result = await compareWithReviewedPlan(fakeClient(merged, [comment(digest)]), {
      repo: REPO,
      sha,
      digest,
    });
    expect(result).toEqual({ outcome: 'match', prNumber: 7, reviewed: digest });
    expect(describeComparison(result, digest).annotation).toMatch(/^::notice /);
  });

  it('says loudly when they differ', async () => {
    const result = await compareWithReviewedPlan(fakeClient(merged, [comment(other)]), {
      repo: REPO,
      sha,
      digest,
    });
    expect(result).toEqual({ outcome: 'differ', prNumber: 7, reviewed: other });
    const report = describeComparison(result, digest);
    expect(report.annotation).toMatch(/^::error title=Plan differs from the review::/);
    expect(report.markdown).toContain('> [!CAUTION]');
  });

  it('warns when there is no reviewed plan or no PR', async () => {
    const none = await compareWithReviewedPlan(fakeClient(merged, []), { repo: REPO, sha, digest });
    expect(none).toEqual({ outcome: 'no-review', prNumber: 7 });
    const direct = await compareWithReviewedPlan(fakeClient([], []), { repo: REPO, sha, digest });
    expect(direct).toEqual({ outcome: 'no-pr' });
    expect(describeComparison(direct, digest).annotation).toMatch(/^::warning /);
  });
});
