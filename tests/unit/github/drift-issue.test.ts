import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { DRIFT_ISSUE_MARKER } from '../../../src/github/body.js';
import { DRIFT_ISSUE_TITLE, syncDriftIssue } from '../../../src/github/drift-issue.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { API, REPO, REPO_PATH, testClient } from './github-fixtures.js';

useNockGuard();

const ISSUES = `${REPO_PATH}/issues`;
const LIST_QUERY = {
  labels: 'drift',
  state: 'open',
  sort: 'created',
  direction: 'asc',
  per_page: '100',
  page: '1',
};
const DRIFT = '## Plan: 1 to change\n';
const MARKED = `${DRIFT_ISSUE_MARKER}\n${DRIFT}`;

function openDriftIssues(items: unknown[]): void {
  nock(API).get(ISSUES).query(LIST_QUERY).reply(200, items);
}

function expectClose(number: number, comment: RegExp): void {
  nock(API)
    .post(`${ISSUES}/${String(number)}/comments`, (b: { body: string }) => comment.test(b.body))
    .reply(201, { id: 1 })
    .patch(`${ISSUES}/${String(number)}`, { state: 'closed', state_reason: 'completed' })
    .reply(200, { number });
}

describe('syncDriftIssue', () => {
  it('opens one labelled issue on drift when none is open (creating the label if missing)', async () => {
    openDriftIssues([]);
    nock(API)
      .get(`${REPO_PATH}/labels/drift`)
      .reply(404, { message: 'Not Found' })
      .post(`${REPO_PATH}/labels`, (b: { name: string }) => b.name === 'drift')
      .reply(201, {})
      .post(ISSUES, { title: DRIFT_ISSUE_TITLE, body: MARKED, labels: ['drift'] })
      .reply(201, { number: 12, html_url: 'https://github.test/i/12' });
    const result = await syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT });
    expect(result).toEqual({
      action: 'created',
      issueNumber: 12,
      url: 'https://github.test/i/12',
      closedDuplicates: [],
    });
  });

  it('uses the existing label', async () => {
    openDriftIssues([]);
    nock(API)
      .get(`${REPO_PATH}/labels/drift`)
      .reply(200, { name: 'drift' })
      .post(ISSUES)
      .reply(201, { number: 13 });
    await expect(
      syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT }),
    ).resolves.toMatchObject({
      action: 'created',
    });
  });

  it('updates the open issue’s body on later drift instead of opening another', async () => {
    openDriftIssues([{ number: 12, body: `${DRIFT_ISSUE_MARKER}\nolder plan` }]);
    nock(API).patch(`${ISSUES}/12`, { body: MARKED }).reply(200, { number: 12 });
    const result = await syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT });
    expect(result).toMatchObject({ action: 'updated', issueNumber: 12 });
  });

  it('leaves an issue that already says the same alone', async () => {
    openDriftIssues([{ number: 12, body: MARKED }]);
    const result = await syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT });
    expect(result).toMatchObject({ action: 'unchanged', issueNumber: 12 });
  });

  it('ignores pull requests the issues list returns, and closes duplicate drift issues', async () => {
    openDriftIssues([
      { number: 30, body: 'dup' },
      { number: 3, body: 'a PR labelled drift', pull_request: { url: 'x' } },
      { number: 20, body: 'oldest' },
    ]);
    nock(API).patch(`${ISSUES}/20`, { body: MARKED }).reply(200, { number: 20 });
    expectClose(30, /duplicate of #20/);
    const result = await syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT });
    expect(result).toMatchObject({ action: 'updated', issueNumber: 20, closedDuplicates: [30] });
  });

  it('closes the open issue with a comment when the platform matches again', async () => {
    openDriftIssues([{ number: 12, body: MARKED, html_url: 'u12' }]);
    expectClose(12, /matches/);
    const result = await syncDriftIssue(testClient(), {
      repo: REPO,
      state: 'clean',
      body: 'The platform matches again.',
    });
    expect(result).toEqual({ action: 'closed', issueNumber: 12, url: 'u12', closedDuplicates: [] });
  });

  it('writes nothing when clean and no drift issue is open', async () => {
    openDriftIssues([]);
    const result = await syncDriftIssue(testClient(), { repo: REPO, state: 'clean', body: 'clean' });
    expect(result).toEqual({ action: 'none', issueNumber: undefined, url: undefined, closedDuplicates: [] });
  });

  it('propagates a failed label lookup other than 404', async () => {
    openDriftIssues([]);
    nock(API)
      .get(`${REPO_PATH}/labels/drift`)
      .reply(403, { message: 'Resource not accessible by integration' });
    await expect(syncDriftIssue(testClient(), { repo: REPO, state: 'drift', body: DRIFT })).rejects.toThrow(
      /GET \/repos\/biocommons\/seqera-workspaces\/labels\/drift failed with 403/,
    );
  });
});
