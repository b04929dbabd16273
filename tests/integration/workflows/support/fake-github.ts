/**
 * A tiny stand-in for the GitHub REST API on 127.0.0.1, for the workflow
 * steps that run `node dist/github/cli.js pr-comment|drift-issue|apply-report`
 * (and access-review.yml's `curl` calls) with `GITHUB_API_URL` pointing here. It keeps issues, comments, labels and
 * the commit → pull request association in memory, answers like GitHub
 * (lists as arrays, create → 201, unknown label → 404) and records every call.
 * A request without the expected bearer token gets 401; a route it does not
 * know gets 404 and is recorded as unexpected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly status: number;
}

export interface FakeComment {
  readonly id: number;
  readonly issueNumber: number;
  body: string;
}

export interface FakeIssue {
  readonly number: number;
  readonly title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  readonly labels: readonly string[];
}

export interface FakePull {
  readonly number: number;
  readonly merged_at: string | null;
  readonly merge_commit_sha: string;
  readonly state: string;
}

export interface FakeGitHub {
  /** `http://127.0.0.1:PORT` (for `GITHUB_API_URL`). */
  readonly url: string;
  readonly calls: readonly RecordedCall[];
  /** Calls no route matched. */
  readonly unexpected: readonly RecordedCall[];
  readonly comments: readonly FakeComment[];
  readonly issues: readonly FakeIssue[];
  readonly labels: ReadonlySet<string>;
  /** What `GET /repos/{o}/{r}/commits/{sha}/pulls` answers for `sha`. */
  setPullsForCommit(sha: string, pulls: readonly FakePull[]): void;
  /** Records a successful run of workflow `file` (newest last), for `GET …/actions/workflows/{file}/runs`. */
  addSuccessfulRun(file: string, runId: number): void;
  /** Write calls (POST, PATCH, PUT, DELETE) so far. */
  writes(): RecordedCall[];
  stop(): Promise<void>;
}

export interface FakeGitHubOptions {
  readonly repository: string;
  readonly token: string;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
}

const BOT = { login: 'github-actions[bot]', type: 'Bot' } as const;

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const calls: RecordedCall[] = [];
  const unexpected: RecordedCall[] = [];
  const comments: FakeComment[] = [];
  const issues: FakeIssue[] = [];
  const labels = new Set<string>();
  const pullsByCommit = new Map<string, readonly FakePull[]>();
  const successfulRuns = new Map<string, number[]>();
  let nextCommentId = 9001;
  // Issues and pull requests share numbers on GitHub; the tests' PRs use small ones.
  let nextIssueNumber = 101;
  const base = `/repos/${options.repository}`;
  let url = '';

  const commentDto = (c: FakeComment): Record<string, unknown> => ({
    id: c.id,
    body: c.body,
    html_url: `https://github.com/${options.repository}/issues/${String(c.issueNumber)}#issuecomment-${String(c.id)}`,
    user: BOT,
  });
  const issueDto = (i: FakeIssue): Record<string, unknown> => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.stateReason,
    labels: i.labels.map((name) => ({ name })),
    html_url: `https://github.com/${options.repository}/issues/${String(i.number)}`,
  });
  const page = <T>(items: readonly T[], query: Readonly<Record<string, string>>): readonly T[] => {
    const perPage = Number(query.per_page ?? '30');
    const n = Number(query.page ?? '1');
    return items.slice((n - 1) * perPage, n * perPage);
  };

  const route = (
    method: string,
    path: string,
    query: Record<string, string>,
    body: unknown,
  ): Reply | undefined => {
    const rest = path.startsWith(`${base}/`) ? path.slice(base.length) : undefined;
    if (rest === undefined) return undefined;
    const obj = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    let m: RegExpExecArray | null;
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest)) !== null) {
      const issueNumber = Number(m[1]);
      if (method === 'GET') {
        return {
          status: 200,
          body: page(
            comments.filter((c) => c.issueNumber === issueNumber),
            query,
          ).map(commentDto),
        };
      }
      if (method === 'POST' && typeof obj.body === 'string') {
        const comment: FakeComment = { id: nextCommentId++, issueNumber, body: obj.body };
        comments.push(comment);
        return { status: 201, body: commentDto(comment) };
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) !== null && method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(m?.[1]));
      if (comment === undefined) return { status: 404, body: { message: 'Not Found' } };
      if (typeof obj.body === 'string') comment.body = obj.body;
      return { status: 200, body: commentDto(comment) };
    }
    if (rest === '/issues') {
      if (method === 'GET') {
        const wanted = query.labels?.split(',').filter((l) => l !== '') ?? [];
        const state = query.state ?? 'open';
        const matching = issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => wanted.every((l) => i.labels.includes(l)))
          .sort((a, b) => (query.direction === 'asc' ? a.number - b.number : b.number - a.number));
        return { status: 200, body: page(matching, query).map(issueDto) };
      }
      if (method === 'POST' && typeof obj.title === 'string') {
        const wantedLabels = Array.isArray(obj.labels) ? obj.labels.filter((l) => typeof l === 'string') : [];
        const issue: FakeIssue = {
          number: nextIssueNumber++,
          title: obj.title,
          body: typeof obj.body === 'string' ? obj.body : '',
          state: 'open',
          stateReason: null,
          labels: wantedLabels,
        };
        issues.push(issue);
        for (const l of wantedLabels) labels.add(l);
        return { status: 201, body: issueDto(issue) };
      }
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) !== null && method === 'PATCH') {
      const issue = issues.find((i) => i.number === Number(m?.[1]));
      if (issue === undefined) return { status: 404, body: { message: 'Not Found' } };
      if (typeof obj.body === 'string') issue.body = obj.body;
      if (obj.state === 'open' || obj.state === 'closed') issue.state = obj.state;
      if (typeof obj.state_reason === 'string') issue.stateReason = obj.state_reason;
      return { status: 200, body: issueDto(issue) };
    }
    if ((m = /^\/labels\/([^/]+)$/.exec(rest)) !== null && method === 'GET') {
      const name = decodeURIComponent(m[1] ?? '');
      return labels.has(name)
        ? { status: 200, body: { name } }
        : { status: 404, body: { message: 'Not Found' } };
    }
    if (rest === '/labels' && method === 'POST' && typeof obj.name === 'string') {
      if (labels.has(obj.name)) return { status: 422, body: { message: 'Validation Failed' } };
      labels.add(obj.name);
      return { status: 201, body: { name: obj.name } };
    }
    if ((m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest)) !== null && method === 'GET') {
      // Newest first; only successful runs are recorded, so `status=success` is the only filter known.
      if (query.status !== undefined && query.status !== 'success') return undefined;
      const runs = [...(successfulRuns.get(decodeURIComponent(m[1] ?? '')) ?? [])].reverse();
      return {
        status: 200,
        body: {
          total_count: runs.length,
          workflow_runs: page(runs, query).map((id) => ({ id, status: 'completed', conclusion: 'success' })),
        },
      };
    }
    if ((m = /^\/actions\/workflows\/([^/]+)\/runs$/.exec(rest)) !== null && method === 'GET') {
      // Newest first; only successful runs are recorded, so `status=success` is the only filter known.
      if (query.status !== undefined && query.status !== 'success') return undefined;
      const runs = [...(successfulRuns.get(decodeURIComponent(m[1] ?? '')) ?? [])].reverse();
      return {
        status: 200,
        body: {
          total_count: runs.length,
          workflow_runs: page(runs, query).map((id) => ({ id, status: 'completed', conclusion: 'success' })),
        },
      };
    }
    if ((m = /^\/commits\/([0-9a-f]+)\/pulls$/i.exec(rest)) !== null && method === 'GET') {
      return { status: 200, body: page(pullsByCommit.get(m[1] ?? '') ?? [], query) };
    }
    return undefined;
  };

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    const parsed = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(parsed.searchParams.entries());
    let body: unknown;
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as unknown);
    } catch {
      body = raw;
    }
    let reply: Reply;
    let known = true;
    if (req.headers.authorization !== `Bearer ${options.token}`) {
      reply = { status: 401, body: { message: 'Bad credentials' } };
    } else {
      const routed = route(method, parsed.pathname, query, body);
      known = routed !== undefined;
      reply = routed ?? { status: 404, body: { message: 'Not Found (no route in the fake GitHub)' } };
    }
    const call: RecordedCall = { method, path: parsed.pathname, query, body, status: reply.status };
    calls.push(call);
    if (!known) unexpected.push(call);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(reply.body));
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      raw += chunk;
    });
    req.on('end', () => {
      handle(req, res, raw);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve();
    });
  });
  url = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;

  return {
    url,
    calls,
    unexpected,
    comments,
    issues,
    labels,
    setPullsForCommit(sha, pulls) {
      pullsByCommit.set(sha, pulls);
    },
    addSuccessfulRun(file, runId) {
      successfulRuns.set(file, [...(successfulRuns.get(file) ?? []), runId]);
    },
    writes: () => calls.filter((c) => c.method !== 'GET'),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
