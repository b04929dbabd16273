import { inspect } from 'node:util';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { GitHubApiError, createGitHubClient } from '../../../src/github/client.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { API, REPO_PATH, TOKEN, testClient } from './github-fixtures.js';

useNockGuard();

async function caught(promise: Promise<unknown>): Promise<GitHubApiError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(GitHubApiError);
    return err as GitHubApiError;
  }
  throw new Error('expected a rejection');
}

describe('GitHub client', () => {
  it('sends the bearer token, the API version and a JSON body', async () => {
    nock(API, {
      reqheaders: {
        authorization: `Bearer ${TOKEN}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
      },
    })
      .post(`${REPO_PATH}/issues/7/comments`, { body: 'hello' })
      .reply(201, { id: 1 });
    await expect(
      testClient().request('POST', `${REPO_PATH}/issues/7/comments`, { body: { body: 'hello' } }),
    ).resolves.toEqual({ id: 1 });
  });

  it('pages with per_page=100 until a short page', async () => {
    const page = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ id: from + i }));
    nock(API)
      .get('/items')
      .query({ state: 'open', per_page: '100', page: '1' })
      .reply(200, page(100, 0))
      .get('/items')
      .query({ state: 'open', per_page: '100', page: '2' })
      .reply(200, page(100, 100))
      .get('/items')
      .query({ state: 'open', per_page: '100', page: '3' })
      .reply(200, page(7, 200));
    const items = await testClient().paginate<{ id: number }>('/items', { state: 'open' });
    expect(items).toHaveLength(207);
    expect(items.at(-1)).toEqual({ id: 206 });
  });

  it('asks for one more page after a full one, and stops on an empty page', async () => {
    nock(API)
      .get('/items')
      .query({ per_page: '100', page: '1' })
      .reply(
        200,
        Array.from({ length: 100 }, (_, i) => i),
      )
      .get('/items')
      .query({ per_page: '100', page: '2' })
      .reply(200, []);
    await expect(testClient().paginate('/items')).resolves.toHaveLength(100);
  });

  it('names the request, the status and GitHub message in errors, never the token', async () => {
    nock(API)
      .patch(`${REPO_PATH}/issues/comments/5`)
      .reply(403, { message: 'Resource not accessible by integration' });
    const err = await caught(
      testClient().request('PATCH', `${REPO_PATH}/issues/comments/5`, { body: { body: 'x' } }),
    );
    expect(err.message).toBe(
      `GitHub API PATCH ${REPO_PATH}/issues/comments/5 failed with 403: Resource not accessible by integration` +
        ' (does the job grant the permission this call needs, e.g. pull-requests: write or issues: write?)',
    );
    expect(err.status).toBe(403);
    expect(inspect(err, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
  });

  it('includes the query of a failed list call', async () => {
    nock(API)
      .get('/items')
      .query({ labels: 'drift', per_page: '100', page: '1' })
      .reply(404, { message: 'Not Found' });
    const err = await caught(testClient().paginate('/items', { labels: 'drift' }));
    expect(err.message).toContain('GET /items?labels=drift&per_page=100&page=1 failed with 404: Not Found');
  });

  it('hints at the token on 401', async () => {
    nock(API).get('/x').reply(401, { message: 'Bad credentials' });
    const err = await caught(testClient().request('GET', '/x'));
    expect(err.message).toContain('Bad credentials (is GITHUB_TOKEN set to the workflow token?)');
  });

  it('retries a GET on 502/503/504 and on network errors, then succeeds', async () => {
    nock(API)
      .get('/x')
      .reply(502, 'bad gateway')
      .get('/x')
      .replyWithError('socket hang up')
      .get('/x')
      .reply(200, {
        ok: true,
      });
    await expect(testClient().request('GET', '/x')).resolves.toEqual({ ok: true });
  });

  it('gives up on a GET after two retries', async () => {
    nock(API).get('/x').times(3).reply(503, { message: 'busy' });
    const err = await caught(testClient().request('GET', '/x'));
    expect(err.message).toContain('GET /x failed with 503: busy');
  });

  it('never retries a POST (it may have been applied)', async () => {
    nock(API).post('/x').reply(502, {});
    const err = await caught(testClient().request('POST', '/x', { body: {} }));
    expect(err.status).toBe(502);
  });

  it('reports a network failure without the axios error (which holds the headers)', async () => {
    nock(API).post('/x').replyWithError(`connection reset; header was Bearer ${TOKEN}`);
    const err = await caught(testClient().request('POST', '/x', { body: {} }));
    expect(err.message).toBe('GitHub API POST /x failed (no response)');
    expect(inspect(err, { depth: 10 })).not.toContain(TOKEN);
  });

  it('rejects a list endpoint that does not return an array', async () => {
    nock(API).get('/x').query(true).reply(200, { message: 'not a list' });
    const err = await caught(testClient().paginate('/x'));
    expect(err.message).toContain('expected a JSON array');
  });

  it('defaults to api.github.com', async () => {
    nock('https://api.github.com').get('/rate_limit').reply(200, {});
    await expect(createGitHubClient({ token: TOKEN }).request('GET', '/rate_limit')).resolves.toEqual({});
  });
});
