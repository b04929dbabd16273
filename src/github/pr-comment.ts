/**
 * One comment per pull request, found by a hidden marker and edited in place.
 * Contract: at most one comment is created per (PR, marker); a later call
 * edits it (PATCH) rather than adding a second one, whatever the page it is on.
 * Only a comment written by the workflow's own identity (`github-actions[bot]`)
 * is ever edited: anyone can post a comment carrying the marker, and editing
 * theirs would put our text under their name (or leave theirs looking like
 * ours), so such comments are ignored and a new one is created.
 */
import { truncateBody, withMarker, repoPath, type RepoRef } from './body.js';
import type { GitHubClient } from './client.js';

/** The fields of an issue comment this module reads. */
export interface IssueCommentDto {
  readonly id: number;
  readonly body?: string | null;
  readonly html_url?: string;
  readonly user?: { readonly login?: string; readonly type?: string } | null;
}

export interface UpsertCommentInput {
  readonly repo: RepoRef;
  /** The pull request (or issue) number. */
  readonly prNumber: number;
  readonly body: string;
  /** A hidden line (an HTML comment) that identifies this comment. */
  readonly marker: string;
}

export interface UpsertCommentResult {
  readonly action: 'created' | 'updated' | 'unchanged';
  readonly commentId: number;
  readonly url: string | undefined;
}

/** The login of the identity the workflows post as (the `GITHUB_TOKEN` of Actions). */
export const WORKFLOW_BOT_LOGIN = 'github-actions[bot]';

/**
 * Creates the marked comment, or edits the existing one: the oldest comment by
 * `github-actions[bot]` that carries the marker. The body is truncated to
 * GitHub's limit with a note, and starts with the marker.
 */
export async function upsertPrComment(
  client: GitHubClient,
  input: UpsertCommentInput,
): Promise<UpsertCommentResult> {
  const base = `${repoPath(input.repo)}/issues/${String(input.prNumber)}/comments`;
  const body = truncateBody(withMarker(input.body, input.marker));
  const comments = await client.paginate<IssueCommentDto>(base);
  const existing = findMarkedComment(comments, input.marker);
  if (existing === undefined) {
    const created = await client.request<IssueCommentDto>('POST', base, { body: { body } });
    return { action: 'created', commentId: created.id, url: created.html_url };
  }
  if (existing.body === body) {
    return { action: 'unchanged', commentId: existing.id, url: existing.html_url };
  }
  const updated = await client.request<IssueCommentDto>(
    'PATCH',
    `${repoPath(input.repo)}/issues/comments/${String(existing.id)}`,
    { body: { body } },
  );
  return { action: 'updated', commentId: updated.id, url: updated.html_url };
}

/** The comment to edit: the oldest (lowest id) by `github-actions[bot]` carrying `marker`; no other author's. */
export function findMarkedComment(
  comments: readonly IssueCommentDto[],
  marker: string,
): IssueCommentDto | undefined {
  return comments
    .filter(
      (c) => c.user?.login === WORKFLOW_BOT_LOGIN && typeof c.body === 'string' && c.body.includes(marker),
    )
    .sort((a, b) => a.id - b.id)[0];
}
