/**
 * How `readActualState` schedules workspace reads: a bounded number of
 * workspaces at once (so memory holds a few workspaces' requests, not every
 * one's), and each workspace handed to `onWorkspaceRead` as soon as it is
 * read, before the whole state is (the plan hashes credential keys then).
 */
import { describe, expect, it } from 'vitest';
import type { ActualWorkspace } from '../../../src/model/actual.js';
import { readActualState, WORKSPACES_IN_FLIGHT } from '../../../src/state/read-actual-state.js';
import { aDesiredCredential, aDesiredOrg, aDesiredState, aDesiredWorkspace } from '../../helpers/builders.js';
import { FakeApiClient } from '../../helpers/fake-client.js';

const WORKSPACES = WORKSPACES_IN_FLIGHT + 8;
const name = (i: number): string => `ws-${String(i).padStart(2, '0')}`;

/** A platform of `WORKSPACES` workspaces whose per-workspace reads take a few ms each. */
function slowPlatform() {
  const client = new FakeApiClient();
  const org = client.seedOrg('biocommons');
  const ids = new Map<number, string>();
  for (let i = 0; i < WORKSPACES; i++) ids.set(client.seedWorkspace(org.orgId, name(i)).id, name(i));
  const open = new Set<string>();
  let maxOpen = 0;
  const touch = (workspaceId: number): void => {
    const ws = ids.get(workspaceId);
    if (ws === undefined) return;
    open.add(ws);
    maxOpen = Math.max(maxOpen, open.size);
  };
  const slow = <A extends unknown[], R>(
    fn: (...args: A) => Promise<R>,
    workspaceArg: number,
  ): ((...args: A) => Promise<R>) => {
    return async (...args: A) => {
      touch(args[workspaceArg] as number);
      await new Promise((resolve) => setTimeout(resolve, 2));
      return fn(...args);
    };
  };
  client.listParticipants = slow(client.listParticipants.bind(client), 1);
  client.listCredentials = slow(client.listCredentials.bind(client), 0);
  return {
    client,
    done: (ws: string) => open.delete(ws),
    maxOpen: () => maxOpen,
  };
}

const desired = aDesiredState(
  aDesiredOrg({
    workspaces: Array.from({ length: WORKSPACES }, (_, i) =>
      aDesiredWorkspace({ name: name(i), participants: [], credentials: [aDesiredCredential()] }),
    ),
  }),
);

describe('readActualState workspace scheduling', () => {
  it(`reads at most ${String(WORKSPACES_IN_FLIGHT)} workspaces at once, and that many when there are more`, async () => {
    const platform = slowPlatform();
    const actual = await readActualState(platform.client, desired, {
      workspaceFilter: [],
      onWorkspaceRead: (_org, ws) => platform.done(ws.name),
    });
    expect(actual.orgs[0]?.workspaces).toHaveLength(WORKSPACES);
    expect(platform.maxOpen()).toBe(WORKSPACES_IN_FLIGHT);
  });

  it('hands each read workspace to onWorkspaceRead once, before the whole state is read', async () => {
    const platform = slowPlatform();
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
      expect(ws.credentials).toEqual([]);
    }
  });

  it('a workspace outside the filter is neither read nor handed over', async () => {
    const platform = slowPlatform();
    const seen: string[] = [];
    await readActualState(platform.client, desired, {
      workspaceFilter: [`biocommons/${name(3)}`],
      onWorkspaceRead: (_org, ws) => seen.push(ws.name),
    });
    expect(seen).toEqual([name(3)]);
    expect(platform.client.callsTo('listParticipants')).toHaveLength(1);
  });
});
