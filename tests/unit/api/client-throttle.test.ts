import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { createApiClientWithRuntime } from '../../../src/api/client.js';
import { HOST, makeClient } from './client-fixture.js';
import { fakeRuntime } from './fake-runtime.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';

useNockGuard();

describe('self-throttling and concurrency', () => {
  it('spaces request starts at 1000/maxRps ms across concurrent calls', async () => {
    nock(HOST).get('/orgs').times(5).reply(200, { organizations: [] });
    const { client, sleeps } = makeClient({ maxRps: 10 });
    await Promise.all([0, 1, 2, 3, 4].map(() => client.use(organizationReads).listOrganizations()));
    expect(sleeps).toEqual([100, 200, 300, 400]);
  });

  it('keeps at most maxConcurrency requests in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    nock(HOST)
      .get('/orgs')
      .times(6)
      .reply(async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= 1;
        return [200, { organizations: [] }];
      });
    const { client } = makeClient({ maxConcurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => client.use(organizationReads).listOrganizations()));
    expect(peak).toBe(2);
  });

  it('runs independent calls concurrently up to the bound', async () => {
    let inFlight = 0;
    let peak = 0;
    nock(HOST)
      .get('/orgs')
      .times(4)
      .reply(async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inFlight -= 1;
        return [200, { organizations: [] }];
      });
    const { client } = makeClient({ maxConcurrency: 8 });
    await Promise.all(Array.from({ length: 4 }, () => client.use(organizationReads).listOrganizations()));
    expect(peak).toBe(4);
  });

  it('a 429 with Retry-After holds back the requests that start meanwhile', async () => {
    nock(HOST)
      .get('/orgs')
      .reply(429, '', { 'Retry-After': '3' })
      .get('/orgs')
      .reply(200, { organizations: [] })
      .get('/orgs/1/workspaces')
      .reply(200, { workspaces: [] });
    const fake = fakeRuntime();
    let other: Promise<unknown> | undefined;
    const runtime = {
      ...fake.runtime,
      sleep: (ms: number) => {
        // While the first call waits out its Retry-After, another call starts.
        if (ms === 3000) other ??= client.use(workspaceReads).listWorkspaces(1);
        return fake.runtime.sleep(ms);
      },
    };
    const client = createApiClientWithRuntime(
      { endpoint: HOST, token: 't', maxRps: 10, verbose: false, log: () => undefined },
      runtime,
    );
    await client.use(organizationReads).listOrganizations();
    await other;
    // The retry waits 3000 ms; the other call waits for the held slot (3000 ms, not one 100 ms
    // slot), and the retry then takes the slot after it (100 ms later).
    expect(fake.sleeps).toEqual([3000, 3000, 100]);
  });
});
