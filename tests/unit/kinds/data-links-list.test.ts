/**
 * The data-link list: paged to the end without `totalSize`; a 202 answer
 * (the platform still discovering buckets) is waited out with the bounded
 * waits and read again from the first page; after the last wait the list is
 * returned incomplete, with only that answer's links. The recorded list
 * decodes, and discovered links (`v1-cloud-…`) map to no live link.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { DATA_LINK_FETCH_WAITS_MS, dataLinkReads, mapDataLink } from '../../../src/kinds/data-links/api.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { readRecorded, recordedOrSkip } from '../../helpers/recorded.js';
import { HOST, makeClient } from '../api/client-fixture.js';

useNockGuard();

const link = (i: number) => ({
  id: `v1-user-${String(i).padStart(32, '0')}`,
  name: `link-${String(i).padStart(3, '0')}`,
  description: null,
  resourceRef: `s3://link-${String(i)}`,
  type: 'bucket',
  provider: 'aws',
  region: null,
  credentials: [{ id: 'c1', name: 'aws-main', provider: 'aws' }],
  publicAccessible: false,
  hidden: false,
  status: null,
  message: null,
});

/** The waits for the platform (the client's own pacing sleeps a few ms between requests). */
const waited = (sleeps: readonly number[]): number[] => sleeps.filter((ms) => ms >= 1000);

describe('listing data links', () => {
  it('pages to the end without a total size (a full last page costs one empty page)', async () => {
    const all = Array.from({ length: 100 }, (_, i) => link(i));
    nock(HOST)
      .get('/data-links')
      .query({ workspaceId: '2', max: '100', offset: '0' })
      .reply(200, { dataLinks: all })
      .get('/data-links')
      .query({ workspaceId: '2', max: '100', offset: '100' })
      .reply(200, { dataLinks: [] });
    const { client, sleeps } = makeClient();
    const listing = await client.use(dataLinkReads).listDataLinks(2);
    expect(listing.dataLinks).toHaveLength(100);
    expect(listing).toMatchObject({ waits: 0, complete: true });
    expect(waited(sleeps)).toEqual([]);
  });

  it('waits out 202 answers and reads the list again from the first page', async () => {
    nock(HOST)
      .get('/data-links')
      .query({ workspaceId: '2', max: '100', offset: '0' })
      .times(2)
      .reply(202, { dataLinks: [link(1)] })
      .get('/data-links')
      .query({ workspaceId: '2', max: '100', offset: '0' })
      .reply(200, { dataLinks: [link(1), link(2)] });
    const { client, sleeps } = makeClient();
    const listing = await client.use(dataLinkReads).listDataLinks(2);
    expect(listing.dataLinks.map((l) => l.name)).toEqual(['link-001', 'link-002']);
    expect(listing).toMatchObject({ waits: 2, complete: true });
    expect(waited(sleeps)).toEqual(DATA_LINK_FETCH_WAITS_MS.slice(0, 2));
  });

  it('gives up after the last wait, returning what the last 202 answer held, marked incomplete', async () => {
    const answers = DATA_LINK_FETCH_WAITS_MS.length + 1;
    nock(HOST)
      .get('/data-links')
      .query({ workspaceId: '2', max: '100', offset: '0' })
      .times(answers)
      .reply(202, { dataLinks: [link(1)] });
    const { client, sleeps } = makeClient();
    const listing = await client.use(dataLinkReads).listDataLinks(2);
    expect(listing).toMatchObject({ waits: answers, complete: false });
    expect(listing.dataLinks.map((l) => l.name)).toEqual(['link-001']);
    expect(waited(sleeps)).toEqual(DATA_LINK_FETCH_WAITS_MS);
    expect(waited(sleeps).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000);
  });
});

const { dir, skipReason } = recordedOrSkip();

describe.skipIf(skipReason !== undefined)('the recorded data-link list', () => {
  it('decodes, and its discovered links are not live links', async () => {
    nock(HOST)
      .get('/data-links')
      .query(true)
      .reply(200, readRecorded(dir ?? '', 'data-links.json') as Record<string, unknown>);
    const { client } = makeClient();
    const listing = await client.use(dataLinkReads).listDataLinks(2);
    expect(listing.dataLinks.map((l) => [l.name, l.provider, l.credentials?.[0]?.name])).toEqual([
      ['a-test-bucket-eend-us-east-1', 'aws', 'aws'],
      ['adrian-navarro-test', 'aws', 'aws'],
      ['adrian-navarro-test-us-west-2', 'aws', 'aws'],
    ]);
    expect(listing.dataLinks.map(mapDataLink)).toEqual([undefined, undefined, undefined]);
    expect(mapDataLink({ ...listing.dataLinks[0]!, id: 'v1-user-0123' })).toEqual({
      id: 'v1-user-0123',
      name: 'a-test-bucket-eend-us-east-1',
      provider: 'aws',
      resourceRef: 's3://a-test-bucket-eend-us-east-1',
      publicAccessible: false,
      credentialsId: '3irHXig7k3TG3mKRnFR75e',
      credentialsName: 'aws',
    });
  });
});
