/**
 * One comment per pull request, found by a hidden marker and edited in place.
 * Contract: at most one comment is created per (PR, marker); a later call
 * edits it (PATCH) rather than adding a second one, whatever the page it is on.
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

/**
 * Creates the marked comment, or edits the existing one. When several
 * comments carry the marker (e.g. one quoted by a person), a comment written
 * by a bot is preferred, then the oldest. The body is truncated to GitHub's
 * limit with a note, and starts with the marker.
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

/** The comment to edit among those carrying `marker`: a bot's first, then the oldest (lowest id). */
export function findMarkedComment(
  comments: readonly IssueCommentDto[],
  marker: string,
): IssueCommentDto | undefined {
  const marked = comments
    .filter((c) => typeof c.body === 'string' && c.body.includes(marker))
    .sort((a, b) => a.id - b.id);
  return marked.find((c) => c.user?.type === 'Bot') ?? marked[0];
}
