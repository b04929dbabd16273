/**
 * Posts the apply report on the pull request that brought a commit to main.
 * Contract: the PR is the one GitHub associates with the commit
 * (`GET /repos/{o}/{r}/commits/{sha}/pulls`): the merged PR whose merge commit
 * is `sha`, else another merged one (never an open PR that merely contains
 * it); one report comment per commit, edited in place when the apply is
 * re-run; no PR (a direct push or a manual run) is not an error.
 */
import { SyncError } from '../errors.js';
import { applyReportMarker, repoPath, type RepoRef } from './body.js';
import type { GitHubClient } from './client.js';
import { upsertPrComment } from './pr-comment.js';

interface PullDto {
  readonly number: number;
  readonly merged_at?: string | null;
  readonly merge_commit_sha?: string | null;
  readonly state?: string;
}

export interface PostApplyReportInput {
  readonly repo: RepoRef;
  /** The commit that was applied (`GITHUB_SHA`). */
  readonly sha: string;
  readonly body: string;
}

export type PostApplyReportResult =
  | {
      readonly action: 'created' | 'updated' | 'unchanged';
      readonly prNumber: number;
      readonly url: string | undefined;
    }
  | { readonly action: 'no-pr' };

export async function postApplyReport(
  client: GitHubClient,
  input: PostApplyReportInput,
): Promise<PostApplyReportResult> {
  if (!/^[0-9a-f]{7,64}$/i.test(input.sha)) {
    throw new SyncError(`not a commit SHA: '${input.sha}'`);
  }
  const pr = await findMergedPull(client, input.repo, input.sha);
  if (pr === undefined) return { action: 'no-pr' };
  const result = await upsertPrComment(client, {
    repo: input.repo,
    prNumber: pr.number,
    body: input.body,
    marker: applyReportMarker(input.sha),
  });
  return { action: result.action, prNumber: pr.number, url: result.url };
}

/** The merged pull request that brought `sha` to main (see the module comment), if any. */
export async function findMergedPull(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
): Promise<{ readonly number: number } | undefined> {
  if (!/^[0-9a-f]{7,64}$/i.test(sha)) throw new SyncError(`not a commit SHA: '${sha}'`);
  const pulls = await client.paginate<PullDto>(`${repoPath(repo)}/commits/${sha}/pulls`);
  return choosePull(pulls, sha);
}

function choosePull(pulls: readonly PullDto[], sha: string): PullDto | undefined {
  const lower = sha.toLowerCase();
  return (
    pulls.find((p) => p.merge_commit_sha?.toLowerCase() === lower && p.merged_at != null) ??
    pulls.find((p) => p.merged_at != null)
  );
}
