import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { GITHUB_BODY_LIMIT, PLAN_COMMENT_MARKER } from '../../../src/github/body.js';
import { findMarkedComment, upsertPrComment } from '../../../src/github/pr-comment.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { API, REPO, REPO_PATH, plainComments, testClient } from './github-fixtures.js';

useNockGuard();

const COMMENTS = `${REPO_PATH}/issues/42/comments`;
const PLAN = `${PLAN_COMMENT_MARKER}\n## Plan: 1 to add\n`;

function listPage(page: number, items: unknown[]): void {
  nock(API)
    .get(COMMENTS)
    .query({ per_page: '100', page: String(page) })
    .reply(200, items);
}

describe('upsertPrComment', () => {
  it('creates the comment when the PR has none with the marker', async () => {
    listPage(1, plainComments(3, 1));
    nock(API).post(COMMENTS, { body: PLAN }).reply(201, { id: 99, html_url: 'https://github.test/c/99' });
    const result = await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: PLAN,
      marker: PLAN_COMMENT_MARKER,
    });
    expect(result).toEqual({ action: 'created', commentId: 99, url: 'https://github.test/c/99' });
  });

  it('edits the marked comment in place instead of adding a second one', async () => {
    listPage(1, [
      ...plainComments(2, 1),
      {
        id: 7,
        body: `${PLAN_COMMENT_MARKER}\nold plan`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
      },
    ]);
    nock(API).patch(`${REPO_PATH}/issues/comments/7`, { body: PLAN }).reply(200, { id: 7, html_url: 'u7' });
    const result = await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: PLAN,
      marker: PLAN_COMMENT_MARKER,
    });
    expect(result).toEqual({ action: 'updated', commentId: 7, url: 'u7' });
  });

  it('finds the marked comment on a later page (follows pages until a short one)', async () => {
    listPage(1, plainComments(100, 1));
    listPage(2, [
      ...plainComments(40, 101),
      { id: 500, body: `${PLAN_COMMENT_MARKER}\nold`, user: { login: 'github-actions[bot]', type: 'Bot' } },
    ]);
    nock(API).patch(`${REPO_PATH}/issues/comments/500`).reply(200, { id: 500 });
    const result = await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: PLAN,
      marker: PLAN_COMMENT_MARKER,
    });
    expect(result.action).toBe('updated');
    expect(result.commentId).toBe(500);
  });

  it('writes nothing when the comment already says the same', async () => {
    listPage(1, [{ id: 7, body: PLAN, user: { login: 'github-actions[bot]', type: 'Bot' } }]);
    const result = await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: PLAN,
      marker: PLAN_COMMENT_MARKER,
    });
    expect(result.action).toBe('unchanged');
  });

  it('puts the marker first when the body lacks it, so the next run finds the comment', async () => {
    listPage(1, []);
    let posted = '';
    nock(API)
      .post(COMMENTS, (b: { body: string }) => {
        posted = b.body;
        return true;
      })
      .reply(201, { id: 1 });
    await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: 'no marker here',
      marker: PLAN_COMMENT_MARKER,
    });
    expect(posted).toBe(`${PLAN_COMMENT_MARKER}\nno marker here`);
  });

  it('truncates a body over GitHub’s limit, keeping the marker and adding a note', async () => {
    listPage(1, []);
    let posted = '';
    nock(API)
      .post(COMMENTS, (b: { body: string }) => {
        posted = b.body;
        return true;
      })
      .reply(201, { id: 1 });
    const huge = `${PLAN_COMMENT_MARKER}\n${'| row | value |\n'.repeat(10_000)}`;
    await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: huge,
      marker: PLAN_COMMENT_MARKER,
    });
    expect(posted.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(posted.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(posted).toContain('Truncated');
  });

  it('run twice against a PR without the comment, creates one then edits it (never a duplicate)', async () => {
    listPage(1, []);
    nock(API).post(COMMENTS).reply(201, { id: 11 });
    await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: 'v1',
      marker: PLAN_COMMENT_MARKER,
    });
    listPage(1, [
      { id: 11, body: `${PLAN_COMMENT_MARKER}\nv1`, user: { login: 'github-actions[bot]', type: 'Bot' } },
    ]);
    nock(API)
      .patch(`${REPO_PATH}/issues/comments/11`, { body: `${PLAN_COMMENT_MARKER}\nv2` })
      .reply(200, { id: 11 });
    const second = await upsertPrComment(testClient(), {
      repo: REPO,
      prNumber: 42,
      body: 'v2',
      marker: PLAN_COMMENT_MARKER,
    });
    expect(second).toMatchObject({ action: 'updated', commentId: 11 });
  });
});

describe('findMarkedComment', () => {
  it('takes the oldest github-actions[bot] comment; a person’s or another bot’s never', () => {
    const comments = [
      { id: 3, body: `quoting ${PLAN_COMMENT_MARKER}`, user: { login: 'mallory', type: 'User' } },
      { id: 2, body: `${PLAN_COMMENT_MARKER} fake`, user: { login: 'evil-app[bot]', type: 'Bot' } },
      { id: 9, body: `${PLAN_COMMENT_MARKER} newer`, user: { login: 'github-actions[bot]', type: 'Bot' } },
      { id: 5, body: `${PLAN_COMMENT_MARKER} older`, user: { login: 'github-actions[bot]', type: 'Bot' } },
      { id: 1, body: null, user: null },
    ];
    expect(findMarkedComment(comments, PLAN_COMMENT_MARKER)?.id).toBe(5);
    expect(findMarkedComment(comments.slice(0, 2), PLAN_COMMENT_MARKER)).toBeUndefined();
    expect(findMarkedComment([], PLAN_COMMENT_MARKER)).toBeUndefined();
  });
});
