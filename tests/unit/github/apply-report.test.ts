import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { applyReportMarker } from '../../../src/github/body.js';
import { postApplyReport } from '../../../src/github/apply-report.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { API, REPO, REPO_PATH, testClient } from './github-fixtures.js';

useNockGuard();

const SHA = '0123456789abcdef0123456789abcdef01234567';
const PULLS = `${REPO_PATH}/commits/${SHA}/pulls`;
const REPORT = '## seqera-sync apply\nApplied.\n';

function pulls(items: unknown[]): void {
  nock(API).get(PULLS).query({ per_page: '100', page: '1' }).reply(200, items);
}

describe('postApplyReport', () => {
  it('comments on the merged PR whose merge commit is the applied commit', async () => {
    pulls([
      { number: 8, merged_at: '2026-01-01T00:00:00Z', merge_commit_sha: 'ffff' },
      { number: 9, merged_at: '2026-01-02T00:00:00Z', merge_commit_sha: SHA },
    ]);
    nock(API).get(`${REPO_PATH}/issues/9/comments`).query(true).reply(200, []);
    nock(API)
      .post(`${REPO_PATH}/issues/9/comments`, { body: `${applyReportMarker(SHA)}\n${REPORT}` })
      .reply(201, { id: 1, html_url: 'c1' });
    await expect(postApplyReport(testClient(), { repo: REPO, sha: SHA, body: REPORT })).resolves.toEqual({
      action: 'created',
      prNumber: 9,
      url: 'c1',
    });
  });

  it('edits its own report when the apply of the same commit is re-run', async () => {
    pulls([{ number: 9, merged_at: '2026-01-02T00:00:00Z', merge_commit_sha: SHA }]);
    nock(API)
      .get(`${REPO_PATH}/issues/9/comments`)
      .query(true)
      .reply(200, [
        { id: 4, body: 'the plan comment', user: { login: 'github-actions[bot]', type: 'Bot' } },
        {
          id: 5,
          body: `${applyReportMarker(SHA)}\nold report`,
          user: { login: 'github-actions[bot]', type: 'Bot' },
        },
      ]);
    nock(API).patch(`${REPO_PATH}/issues/comments/5`).reply(200, { id: 5 });
    await expect(
      postApplyReport(testClient(), { repo: REPO, sha: SHA, body: REPORT }),
    ).resolves.toMatchObject({
      action: 'updated',
      prNumber: 9,
    });
  });

  it('falls back to another merged PR containing the commit, never an open one', async () => {
    pulls([
      { number: 3, merged_at: null, state: 'open' },
      { number: 2, merged_at: '2026-01-01T00:00:00Z', merge_commit_sha: 'other' },
    ]);
    nock(API).get(`${REPO_PATH}/issues/2/comments`).query(true).reply(200, []);
    nock(API).post(`${REPO_PATH}/issues/2/comments`).reply(201, { id: 1 });
    await expect(
      postApplyReport(testClient(), { repo: REPO, sha: SHA, body: REPORT }),
    ).resolves.toMatchObject({
      prNumber: 2,
    });
  });

  it('posts nothing when no merged PR is associated (a direct push or a manual run)', async () => {
    pulls([{ number: 3, merged_at: null, state: 'open' }]);
    await expect(postApplyReport(testClient(), { repo: REPO, sha: SHA, body: REPORT })).resolves.toEqual({
      action: 'no-pr',
    });
  });

  it('refuses something that is not a SHA before calling GitHub', async () => {
    await expect(
      postApplyReport(testClient(), { repo: REPO, sha: 'main; rm -rf', body: REPORT }),
    ).rejects.toThrow(/not a commit SHA/);
  });
});
