/**
 * Compares the plan made after a merge with the plan that was reviewed: the
 * action digest of the saved plan against the one carried by the plan
 * comment of the merged pull request. A difference (the platform or the
 * base changed since the review, or the PR was planned without its latest
 * commit) is said loudly, so the approver of the apply job knows that what
 * they would approve is not what the PR showed.
 */
import { repoPath, PLAN_COMMENT_MARKER, type RepoRef } from './body.js';
import { readActionDigest } from './action-digest.js';
import { findMergedPull } from './apply-report.js';
import type { GitHubClient } from './client.js';
import { findMarkedComment, type IssueCommentDto } from './pr-comment.js';

export type PlanComparison =
  | { readonly outcome: 'match' | 'differ'; readonly prNumber: number; readonly reviewed: string }
  /** The PR's plan comment carries no digest (no plan was made for it, or it predates digests). */
  | { readonly outcome: 'no-review'; readonly prNumber: number }
  /** No merged pull request brought the commit (a direct push). */
  | { readonly outcome: 'no-pr' };

export async function compareWithReviewedPlan(
  client: GitHubClient,
  input: {
    readonly repo: RepoRef;
    readonly sha: string;
    readonly digest: string;
    /** The plan comment's marker (one comment per organisation in a matrix has its own). */
    readonly marker?: string;
  },
): Promise<PlanComparison> {
  const pr = await findMergedPull(client, input.repo, input.sha);
  if (pr === undefined) return { outcome: 'no-pr' };
  const comments = await client.paginate<IssueCommentDto>(
    `${repoPath(input.repo)}/issues/${String(pr.number)}/comments`,
  );
  const comment = findMarkedComment(comments, input.marker ?? PLAN_COMMENT_MARKER);
  const reviewed = typeof comment?.body === 'string' ? readActionDigest(comment.body) : undefined;
  if (reviewed === undefined) return { outcome: 'no-review', prNumber: pr.number };
  return { outcome: reviewed === input.digest ? 'match' : 'differ', prNumber: pr.number, reviewed };
}

export interface ComparisonReport {
  /** A workflow command (`::error …::`, `::warning::`, `::notice::`) for the run's annotations. */
  readonly annotation: string;
  /** Markdown for the job summary, above the plan. */
  readonly markdown: string;
}

/** What the job says about a comparison; `digest` is the plan's own. */
export function describeComparison(result: PlanComparison, digest: string): ComparisonReport {
  const short = (d: string): string => `\`${d.slice(0, 'sha256:'.length + 12)}\``;
  switch (result.outcome) {
    case 'match':
      return {
        annotation: `::notice title=Plan matches the review::the plan to apply is the one reviewed on #${String(result.prNumber)} (actions ${digest})`,
        markdown: `:white_check_mark: **This plan is the one reviewed on #${String(result.prNumber)}** (actions ${short(digest)}).\n\n`,
      };
    case 'differ':
      return {
        annotation: `::error title=Plan differs from the review::the plan to apply (actions ${digest}) is NOT the one reviewed on #${String(result.prNumber)} (actions ${result.reviewed}): read it before approving the apply job`,
        markdown:
          '> [!CAUTION]\n' +
          `> **This plan differs from the plan reviewed on #${String(result.prNumber)}.** ` +
          `Reviewed: ${short(result.reviewed)}; to apply: ${short(digest)}. The platform or the base ` +
          'changed since the review, or the review did not see the last commit. Read the plan below ' +
          'before approving the apply job, or reject it and re-plan.\n\n',
      };
    case 'no-review':
      return {
        annotation: `::warning title=No reviewed plan::the plan comment of #${String(result.prNumber)} carries no plan digest: nothing to compare with`,
        markdown:
          '> [!WARNING]\n' +
          `> **No reviewed plan to compare with**: the plan comment of #${String(result.prNumber)} carries no plan digest ` +
          '(no plan was made for it). Read the plan below before approving.\n\n',
      };
    case 'no-pr':
      return {
        annotation:
          '::warning title=No reviewed plan::no merged pull request brought this commit: nothing to compare with',
        markdown:
          '> [!WARNING]\n' +
          '> **No reviewed plan to compare with**: no merged pull request brought this commit. Read the plan ' +
          'below before approving.\n\n',
      };
  }
}
