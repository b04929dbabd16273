/**
 * Attack: someone comments on the pull request with the plan comment's
 * hidden marker, so that the workflow edits *their* comment in place (our
 * plan under their name, or their text left looking like the tool's).
 * Outcome: `pr-comment` edits only a comment written by
 * `github-actions[bot]`; anyone else's marked comment is left untouched and a
 * new comment is created.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/github/cli.js';
import { createGitHubClient } from '../../src/github/client.js';
import { PLAN_COMMENT_MARKER } from '../../src/render/markdown.js';
import { tempDir } from './support/attack.js';

interface Comment {
  readonly id: number;
  body: string;
  readonly user: { readonly login: string; readonly type: string };
}

const GITHUB_TOKEN = 'ghs-Security-Suite-0b7c';
const REPO = 'biocommons/seqera-config';

/** A GitHub stand-in on 127.0.0.1 holding one PR's comments; records every write. */
async function fakeGitHub(
  comments: Comment[],
): Promise<{ url: string; writes: string[]; stop: () => Promise<void> }> {
  const writes: string[] = [];
  let nextId = 500;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const reply = (status: number, body: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`) {
        reply(401, { message: 'Bad credentials' });
        return;
      }
      const body = raw === '' ? {} : (JSON.parse(raw) as { body?: string });
      if (req.method === 'GET' && url.pathname === `/repos/${REPO}/issues/7/comments`) {
        reply(200, url.searchParams.get('page') === '1' ? comments : []);
        return;
      }
      writes.push(`${req.method ?? ''} ${url.pathname}`);
      if (req.method === 'POST' && url.pathname === `/repos/${REPO}/issues/7/comments`) {
        const created = {
          id: nextId++,
          body: body.body ?? '',
          user: { login: 'github-actions[bot]', type: 'Bot' },
        };
        comments.push(created);
        reply(201, created);
        return;
      }
      const patch = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(url.pathname);
      const target = comments.find((c) => String(c.id) === patch?.[1]);
      if (req.method === 'PATCH' && target !== undefined) {
        target.body = body.body ?? '';
        reply(200, target);
        return;
      }
      reply(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}`,
    writes,
    stop: () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  };
}

let stopServer: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stopServer?.();
  stopServer = undefined;
});

async function postPlanComment(apiUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = await tempDir();
  await writeFile(join(dir, 'comment.md'), `${PLAN_COMMENT_MARKER}\n## seqera-sync plan\n\nthe real plan\n`);
  let stdout = '';
  let stderr = '';
  const code = await main(['pr-comment', '--pr', '7', '--body-file', 'comment.md'], {
    env: { GITHUB_TOKEN, GITHUB_REPOSITORY: REPO, GITHUB_API_URL: apiUrl },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: dir,
    now: () => new Date('2026-01-01T00:00:00Z'),
    makeClient: createGitHubClient,
  });
  return { code, stdout, stderr };
}

describe('a hijacked sticky comment', () => {
  it('is ignored: a new comment is created and the other author’s stays as they wrote it', async () => {
    const forged = `${PLAN_COMMENT_MARKER}\nLooks good, ship it. Plan: 0 to add`;
    const comments: Comment[] = [
      { id: 11, body: forged, user: { login: 'mallory', type: 'User' } },
      { id: 12, body: `${PLAN_COMMENT_MARKER}\nme too`, user: { login: 'evil-app[bot]', type: 'Bot' } },
    ];
    const github = await fakeGitHub(comments);
    stopServer = github.stop;

    const result = await postPlanComment(github.url);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(github.writes).toEqual([`POST /repos/${REPO}/issues/7/comments`]);
    expect(comments.find((c) => c.id === 11)?.body).toBe(forged);
    expect(result.stdout).toMatch(/^created comment 500 on #7/);
  });

  it('the workflow’s own comment is still edited in place', async () => {
    const comments: Comment[] = [
      { id: 11, body: `${PLAN_COMMENT_MARKER}\nforged`, user: { login: 'mallory', type: 'User' } },
      {
        id: 20,
        body: `${PLAN_COMMENT_MARKER}\nold plan`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      },
    ];
    const github = await fakeGitHub(comments);
    stopServer = github.stop;

    const result = await postPlanComment(github.url);
    expect(result.code).toBe(0);
    expect(github.writes).toEqual([`PATCH /repos/${REPO}/issues/comments/20`]);
    expect(comments.find((c) => c.id === 20)?.body).toContain('the real plan');
    expect(comments.find((c) => c.id === 11)?.body).toBe(`${PLAN_COMMENT_MARKER}\nforged`);
  });
});
