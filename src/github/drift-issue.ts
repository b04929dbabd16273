/**
 * The drift issue: one open issue labelled `drift` while the platform differs
 * from `workspaces/`. Contract: never more than one open drift issue after a
 * call (extra ones, from before, are closed as duplicates); a clean run
 * closes it with a comment; a clean run with none open writes nothing.
 */
import { DRIFT_ISSUE_MARKER, repoPath, truncateBody, withMarker, type RepoRef } from './body.js';
import { GitHubApiError, type GitHubClient } from './client.js';

export const DRIFT_LABEL = 'drift';
export const DRIFT_ISSUE_TITLE = 'Drift: the Seqera Platform differs from workspaces/';

interface IssueDto {
  readonly number: number;
  readonly body?: string | null;
  readonly html_url?: string;
  /** Present when the "issue" is a pull request (the issues API lists both). */
  readonly pull_request?: unknown;
}

export interface SyncDriftIssueInput {
  readonly repo: RepoRef;
  /** `drift`: the plan is not empty (exit 2); `clean`: it is (exit 0). */
  readonly state: 'drift' | 'clean';
  /** The markdown plan (for `drift`), or the closing comment (for `clean`). */
  readonly body: string;
}

export interface SyncDriftIssueResult {
  readonly action: 'created' | 'updated' | 'unchanged' | 'closed' | 'none';
  /** The issue acted on (undefined for `none`). */
  readonly issueNumber: number | undefined;
  readonly url: string | undefined;
  /** Duplicate open drift issues that were closed. */
  readonly closedDuplicates: readonly number[];
}

/** The open drift issues, oldest first (pull requests the issues API lists are left out). */
async function openDriftIssues(client: GitHubClient, repo: RepoRef): Promise<IssueDto[]> {
  return (
    await client.paginate<IssueDto>(`${repoPath(repo)}/issues`, {
      labels: DRIFT_LABEL,
      state: 'open',
      sort: 'created',
      direction: 'asc',
    })
  )
    .filter((issue) => issue.pull_request === undefined)
    .sort((a, b) => a.number - b.number);
}

/** The numbers of the open drift issues, oldest first (none when the platform was last found to match). */
export async function findOpenDriftIssues(client: GitHubClient, repo: RepoRef): Promise<number[]> {
  return (await openDriftIssues(client, repo)).map((issue) => issue.number);
}

/** Opens, updates or closes the drift issue to match `state`. */
export async function syncDriftIssue(
  client: GitHubClient,
  input: SyncDriftIssueInput,
): Promise<SyncDriftIssueResult> {
  const issuesPath = `${repoPath(input.repo)}/issues`;
  const open = await openDriftIssues(client, input.repo);

  if (input.state === 'clean') {
    if (open.length === 0)
      return { action: 'none', issueNumber: undefined, url: undefined, closedDuplicates: [] };
    for (const issue of open) await closeIssue(client, issuesPath, issue.number, input.body);
    const [first, ...rest] = open;
    return {
      action: 'closed',
      issueNumber: first?.number,
      url: first?.html_url,
      closedDuplicates: rest.map((i) => i.number),
    };
  }

  const body = truncateBody(withMarker(input.body, DRIFT_ISSUE_MARKER));
  const [current, ...duplicates] = open;
  const closedDuplicates: number[] = [];
  let result: SyncDriftIssueResult;
  if (current === undefined) {
    await ensureLabel(client, input.repo);
    const created = await client.request<IssueDto>('POST', issuesPath, {
      body: { title: DRIFT_ISSUE_TITLE, body, labels: [DRIFT_LABEL] },
    });
    result = { action: 'created', issueNumber: created.number, url: created.html_url, closedDuplicates };
  } else if (current.body === body) {
    result = { action: 'unchanged', issueNumber: current.number, url: current.html_url, closedDuplicates };
  } else {
    const updated = await client.request<IssueDto>('PATCH', `${issuesPath}/${String(current.number)}`, {
      body: { body },
    });
    result = { action: 'updated', issueNumber: updated.number, url: updated.html_url, closedDuplicates };
  }
  for (const dup of duplicates) {
    await closeIssue(
      client,
      issuesPath,
      dup.number,
      `Closing as a duplicate of #${String(result.issueNumber)}, which tracks the current drift.`,
    );
    closedDuplicates.push(dup.number);
  }
  return result;
}

async function closeIssue(
  client: GitHubClient,
  issuesPath: string,
  number: number,
  comment: string,
): Promise<void> {
  await client.request('POST', `${issuesPath}/${String(number)}/comments`, {
    body: { body: truncateBody(comment) },
  });
  await client.request('PATCH', `${issuesPath}/${String(number)}`, {
    body: { state: 'closed', state_reason: 'completed' },
  });
}

/** Creates the `drift` label when the repository does not have it yet. */
async function ensureLabel(client: GitHubClient, repo: RepoRef): Promise<void> {
  const labelsPath = `${repoPath(repo)}/labels`;
  try {
    await client.request('GET', `${labelsPath}/${DRIFT_LABEL}`);
  } catch (err) {
    if (!(err instanceof GitHubApiError) || err.status !== 404) throw err;
    await client.request('POST', labelsPath, {
      body: {
        name: DRIFT_LABEL,
        color: 'd93f0b',
        description: 'The Seqera Platform differs from workspaces/ (opened by the drift workflow)',
      },
    });
  }
}
