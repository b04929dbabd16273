/** Shared values for the GitHub tests: a fake API host, a recognisable token, a client without real waits. */
import { createGitHubClient, type GitHubClient } from '../../../src/github/client.js';
import type { RepoRef } from '../../../src/github/body.js';

export const API = 'https://api.github.test';
export const TOKEN = 'ghs_TopSecretWorkflowToken0123456789';
export const REPO: RepoRef = { owner: 'biocommons', name: 'seqera-workspaces' };
export const REPO_PATH = '/repos/biocommons/seqera-workspaces';

/** A client against `API` whose retries do not wait. */
export function testClient(): GitHubClient {
  return createGitHubClient({ token: TOKEN, baseUrl: API, sleep: () => Promise.resolve() });
}

/** `n` comments with ids starting at `firstId`, none carrying a marker. */
export function plainComments(
  n: number,
  firstId: number,
): { id: number; body: string; user: { type: string } }[] {
  return Array.from({ length: n }, (_, i) => ({
    id: firstId + i,
    body: `LGTM ${String(i)}`,
    user: { type: 'User' },
  }));
}
