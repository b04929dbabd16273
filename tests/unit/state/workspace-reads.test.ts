/**
 * How `readActualState` schedules workspace reads: a bounded number of
 * workspaces at once (so memory holds a few workspaces' requests, not every
 * one's), and each workspace handed to `onWorkspaceRead` as soon as it is
 * read, before the whole state is (the plan hashes credential keys then).
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ActualWorkspace } from '../../../src/model/actual.js';
import { readActualState, WORKSPACES_IN_FLIGHT } from '../../../src/state/read-actual-state.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
} from '../../helpers/builders.js';
import { startEmulatedPlatform } from '../../helpers/emulated-platform.js';

const WORKSPACES = WORKSPACES_IN_FLIGHT + 8;
const name = (i: number): string => `ws-${String(i).padStart(2, '0')}`;

/**
 * A platform of `WORKSPACES` workspaces, each with one compute environment,
 * so a workspace needs two rounds of reads: lists, then the describe.
 *
 * With `holdDescribes`, the describes are slow: none is answered until as
 * many have arrived as the reader may have workspaces open (or ten seconds
 * have passed, when it opens fewer). A workspace counts as open from its
 * describe's arrival until it is handed to `onWorkspaceRead`.
 */
async function slowPlatform(holdDescribes = false) {
  const platform = await startEmulatedPlatform(
    {
      users: [{ userName: 'sync-bot', email: 'sync-bot@example.org', token: 'reads-token' }],
      orgs: [
        {
          name: 'biocommons',
          workspaces: Array.from({ length: WORKSPACES }, (_, i) => ({
            name: name(i),
            credentials: [{ name: 'aws-main', provider: 'aws', keys: { accessKey: 'AKIA', secretKey: 's' } }],
            computeEnvironments: [
              { name: 'aws-sydney', platform: 'aws-batch', credentials: 'aws-main', config: { region: 'x' } },
            ],
          })),
        },
      ],
    },
    { maxConcurrency: 1_000 },
  );
  let arrived = 0;
  if (holdDescribes) {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const fallback = setTimeout(release, 10_000);
    onTestFinished(() => {
      clearTimeout(fallback);
    });
    platform.emu.scriptFault({
      method: 'GET',
      path: /^\/compute-envs\/[^/]+$/,
      times: WORKSPACES,
      fault: {
        kind: 'slow',
        ms: 0,
        until: () => {
          arrived++;
          if (arrived >= WORKSPACES_IN_FLIGHT) release();
          return released;
        },
      },
    });
  }
  let done = 0;
  let maxOpen = 0;
  return {
    client: platform.client,
    requests: platform.requests,
    /** Called as a workspace is handed over: it is still open until then. */
    done: () => {
      maxOpen = Math.max(maxOpen, arrived - done);
      done++;
    },
    maxOpen: () => maxOpen,
  };
}

const desired = aDesiredState(
  aDesiredOrg({
    workspaces: Array.from({ length: WORKSPACES }, (_, i) =>
      aDesiredWorkspace({
        name: name(i),
        participants: [],
        credentials: [aDesiredCredential()],
        computeEnvironments: [aDesiredComputeEnv()],
      }),
    ),
  }),
);

describe('readActualState workspace scheduling', () => {
  it(`reads at most ${String(WORKSPACES_IN_FLIGHT)} workspaces at once, and that many when there are more`, async () => {
    const platform = await slowPlatform(true);
    const actual = await readActualState(platform.client, desired, {
      workspaceFilter: [],
      onWorkspaceRead: () => {
        platform.done();
      },
    });
    expect(actual.orgs[0]?.workspaces).toHaveLength(WORKSPACES);
    expect(platform.maxOpen()).toBe(WORKSPACES_IN_FLIGHT);
  });

  it('hands each read workspace to onWorkspaceRead once, before the whole state is read', async () => {
    const platform = await slowPlatform();
    const seen: { org: string; ws: ActualWorkspace }[] = [];
    let finished = false;
    const reading = readActualState(platform.client, desired, {
      workspaceFilter: [],
      onWorkspaceRead: (org, ws) => {
        expect(finished).toBe(false);
        seen.push({ org, ws });
      },
    }).then((state) => {
      finished = true;
      return state;
    });
    const actual = await reading;
    expect(seen.map((s) => s.ws.name).sort()).toEqual(Array.from({ length: WORKSPACES }, (_, i) => name(i)));
    expect(new Set(seen.map((s) => s.org))).toEqual(new Set(['biocommons']));
    // The very objects of the final state, credentials included.
    const final = new Map(actual.orgs[0]?.workspaces.map((w) => [w.name, w]));
    for (const { ws } of seen) {
      expect(final.get(ws.name)).toBe(ws);
      expect(ws.credentials?.map((c) => c.name)).toEqual(['aws-main']);
      expect(ws.computeEnvironments?.map((c) => c.name)).toEqual(['aws-sydney']);
    }
  });

  it('a workspace outside the filter is neither read nor handed over', async () => {
    const platform = await slowPlatform();
    const seen: string[] = [];
    await readActualState(platform.client, desired, {
      workspaceFilter: [`biocommons/${name(3)}`],
      onWorkspaceRead: (_org, ws) => seen.push(ws.name),
    });
    expect(seen).toEqual([name(3)]);
    expect(
      platform.requests().filter((r) => r === 'GET /orgs/{id}/workspaces/{id}/participants'),
    ).toHaveLength(1);
  });
});
