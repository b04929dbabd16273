/**
 * Text helpers shared by the comment, issue and report code: GitHub's body
 * size limit, hidden markers, and `owner/name` parsing. Pure functions.
 */
import { SyncError } from '../errors.js';

/** GitHub refuses issue and comment bodies longer than this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/**
 * The hidden first line of the PR plan comment. The markdown renderer
 * (`src/render/markdown.ts`, `PLAN_COMMENT_MARKER`) emits the same line first;
 * the comment is found by it and edited in place.
 */
export const PLAN_COMMENT_MARKER = '<!-- seqera-sync:plan -->';

/** The hidden first line of the drift issue body. */
export const DRIFT_ISSUE_MARKER = '<!-- seqera-sync:drift -->';

/** The hidden first line of an apply report comment, one per applied commit. */
export function applyReportMarker(sha: string): string {
  return `<!-- seqera-sync:apply ${sha} -->`;
}

const TRUNCATION_NOTE =
  '\n\n---\n:warning: **Truncated**: this text was longer than GitHub allows. ' +
  'The full output is in the workflow run (job summary, log and artifacts).\n';

/**
 * Returns `body` unchanged when it fits `limit`, else a prefix cut at a line
 * boundary, with open code fences and `<details>` blocks closed and a note
 * appended, whose total length is at most `limit`.
 */
export function truncateBody(body: string, limit: number = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  // Reserve room for the note and for closing whatever the cut leaves open.
  const reserve = TRUNCATION_NOTE.length + 200;
  let kept = body.slice(0, Math.max(0, limit - reserve));
  const lastNewline = kept.lastIndexOf('\n');
  if (lastNewline > kept.length / 2) kept = kept.slice(0, lastNewline);
  let closing = '';
  const fences = (kept.match(/^\s*```/gm) ?? []).length;
  if (fences % 2 === 1) closing += '\n```';
  const opened = (kept.match(/<details\b/g) ?? []).length;
  const closed = (kept.match(/<\/details>/g) ?? []).length;
  const openDetails = Math.max(0, opened - closed);
  // At most a few nested blocks are realistic; the reserve covers 10.
  closing += '\n</details>'.repeat(Math.min(openDetails, 10));
  return `${kept}${closing}${TRUNCATION_NOTE}`.slice(0, limit);
}

/** Puts `marker` on the first line unless the body already contains it. */
export function withMarker(body: string, marker: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

export interface RepoRef {
  readonly owner: string;
  readonly name: string;
}

/** Parses `owner/name` (as in `GITHUB_REPOSITORY`). */
export function parseRepo(value: string | undefined): RepoRef {
  const match = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/.exec(value ?? '');
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new SyncError(`expected the repository as OWNER/NAME (GITHUB_REPOSITORY), got '${value ?? ''}'`);
  }
  return { owner: match[1], name: match[2] };
}

/** `/repos/{owner}/{name}` with both parts URL-encoded. */
export function repoPath(repo: RepoRef): string {
  return `/repos/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`;
}
