/**
 * Reading data links: only when the workspace file has the `dataLinks` key
 * (and the credentials, for their ids, when a link names one); every page of
 * the list, which carries no total size; each 202 answer one more request.
 * The requests match the count `expectedReadRequests` derives, which the
 * bench's lower bound shares.
 */
import { describe, expect, it } from 'vitest';
import { systemRuntime } from '../../../src/api/runtime.js';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { expectedReadRequests, type LiveSizes } from '../../../src/state/request-count.js';
import { aDesiredOrg, aDesiredState, aDesiredWorkspace, aSource } from '../../helpers/builders.js';
import { useEmulator } from '../../helpers/emulator.js';
import { readLogged } from '../../helpers/logged-read.js';

const BOT = 'reader-bot@example.org';
const CUSTOM = 120;
const DISCOVERED = 80;
const FETCHING = 2;

const seed: EmulatorSeed = {
  users: [{ userName: 'reader-bot', email: BOT, token: 'reader-token-9d1' }],
  orgs: [
    {
      name: 'linked',
      members: [{ email: BOT, role: 'owner' }],
      workspaces: [
        {
          name: 'lab',
          participants: [{ email: BOT, role: 'owner' }],
          credentials: [{ name: 'aws-main', provider: 'aws', keys: { accessKey: 'AKIA' } }],
          dataLinks: [
            ...Array.from({ length: CUSTOM }, (_, i) => ({
              name: `custom-${String(i).padStart(3, '0')}`,
              provider: 'aws',
              resourceRef: `s3://custom-${String(i)}`,
              credentials: 'aws-main',
            })),
            ...Array.from({ length: DISCOVERED }, (_, i) => ({
              name: `found-${String(i).padStart(3, '0')}`,
              provider: 'aws',
              resourceRef: `s3://found-${String(i)}`,
              credentials: 'aws-main',
              discovered: true,
            })),
          ],
          dataLinksFetching: FETCHING,
        },
      ],
    },
  ],
};

const sizes = (fetching: number): LiveSizes => ({
  linked: {
    members: 1,
    teams: 0,
    teamMembers: {},
    workspaces: {
      lab: {
        participants: 1,
        credentials: 1,
        dataLinks: CUSTOM + DISCOVERED,
        dataLinksFetching: fetching,
      },
    },
  },
});

describe('reading data links', () => {
  const fixture = useEmulator(() => ({ seed, logBodies: false }));
  const read = async (dataLinks: 'none' | 'empty' | 'naming-credentials', fetching: number) => {
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'linked',
        workspaces: [
          aDesiredWorkspace({
            name: 'lab',
            ...(dataLinks === 'none'
              ? {}
              : {
                  dataLinks:
                    dataLinks === 'empty'
                      ? []
                      : [
                          {
                            name: 'custom-000',
                            provider: 'aws',
                            resourceRef: 's3://custom-0',
                            credentials: 'aws-main',
                            publicAccessible: false,
                            source: aSource(),
                          },
                        ],
                }),
          }),
        ],
      }),
    );
    // The 202 waits are not slept.
    const { actual, requests } = await readLogged(fixture.emu, desired, {
      ...systemRuntime,
      sleep: () => Promise.resolve(),
    });
    const expected = expectedReadRequests(desired, sizes(fetching), { workspaceFilter: [] });
    return { ws: actual.orgs[0]?.workspaces.find((w) => w.name === 'lab'), requests, expected };
  };

  it('waits out the 202 answers, reads every page, keeps the custom links and counts exactly', async () => {
    const { ws, requests, expected } = await read('naming-credentials', FETCHING);
    expect(ws?.dataLinks?.links).toHaveLength(CUSTOM);
    expect(ws?.dataLinks).toMatchObject({ waits: FETCHING, complete: true });
    expect(ws?.dataLinks?.links[0]).toEqual({
      id: expect.stringMatching(/^v1-user-[0-9a-f]{32}$/) as string,
      name: 'custom-000',
      provider: 'aws',
      resourceRef: 's3://custom-0',
      publicAccessible: false,
      credentialsId: ws?.credentials?.[0]?.id,
      credentialsName: 'aws-main',
    });
    // Two 202 answers (one first page each), then three pages of 200 links: 100, 100, and the empty one.
    expect(requests.filter((r) => r === 'GET /data-links')).toHaveLength(FETCHING + 3);
    expect(requests).toContain('GET /credentials');
    expect(requests).toHaveLength(expected);
  });

  it('does not read them when the key is absent, nor the credentials when no link names one', async () => {
    const absent = await read('none', 0);
    expect(absent.ws?.dataLinks).toBeUndefined();
    expect(absent.requests).not.toContain('GET /data-links');
    expect(absent.requests).toHaveLength(absent.expected);
    // Not reading the list leaves the platform still discovering: the next read gets the 202 answers.
    const empty = await read('empty', FETCHING);
    expect(empty.requests).not.toContain('GET /credentials');
    expect(empty.requests).toHaveLength(empty.expected);
  });
});
