/**
 * The read engine's generic behaviour, on kinds made of pure data: a kind
 * without a read facet is skipped, asks reach the kind asked, a reader that
 * uses another's starts after it and gets its reading, and the request count
 * is the kinds' declared costs, priced exactly or at the API's floor. Also
 * checks that the registry's read facets are consistent.
 */
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { KINDS } from '../../../src/kinds/index.js';
import type { Kind } from '../../../src/kinds/kind.js';
import type { OrgRead, WorkspaceRead } from '../../../src/kinds/kind-read.js';
import type { ActualParticipant } from '../../../src/kinds/participants/model.js';
import type { ActualSecret } from '../../../src/kinds/secrets/model.js';
import {
  deletedWorkspaceReads,
  mergeFlags,
  orgFacets,
  planReads,
  workspaceFacets,
  workspaceReads,
} from '../../../src/state/read-needs.js';
import { startOrder, readWorkspace } from '../../../src/state/read-workspace.js';
import {
  expectedReadRequests,
  readCriticalPath,
  readRequestsByRoute,
} from '../../../src/state/request-count.js';
import { aDesiredOrg, aDesiredState, aDesiredWorkspace } from '../../helpers/builders.js';

const kind = (id: string, read?: Kind['read']): Kind => ({
  id,
  resources: [],
  ...(read === undefined ? {} : { read }),
});

/**
 * Reads `participants` when the workspace is named `full`, or as another kind
 * asks; asks the org for `roster` when it is named `asks`.
 */
const people: WorkspaceRead<'participants'> = {
  field: 'participants',
  asksOfOrg: (present) => ({ roster: present.some((ws) => ws.name === 'asks') }),
  needs: (ws, asked) => ({ people: ws.name === 'full' || (asked.people ?? false) }),
  whenDeleted: { people: true },
  read: (ctx, reads) => {
    const result = Promise.resolve(
      reads.people === true
        ? [{ type: 'user', email: ctx.label('people'), role: 'view' } as unknown as ActualParticipant]
        : undefined,
    );
    return { result, listed: result.then((r) => r?.length) };
  },
  requests: (reads, live) =>
    reads.people === true ? [{ route: 'GET /people', listOf: live.people ?? 0 }] : [],
};

/** Uses `participants`; asks `people: 'partly'` of the other kinds when named `asks`. */
const tokens: WorkspaceRead<'secrets'> = {
  field: 'secrets',
  uses: ['participants'],
  asks: (ws) => (ws.name === 'asks' ? { people: 'partly' } : {}),
  needs: () => ({ tokens: true }),
  whenDeleted: { tokens: false },
  read: (ctx) => {
    const result = (async (): Promise<ActualSecret[]> => {
      const listed = (await ctx.used('participants')?.listed) ?? 0;
      return [{ id: listed, name: `after ${String(listed)} people` }];
    })();
    return { result, listed: result.then((r) => r.length) };
  },
  requests: () => [{ route: 'GET /tokens', requests: 1, after: 'GET /people' }],
};

const roster: OrgRead<'members'> = {
  field: 'members',
  needs: (org, orgLevel, asked) => ({
    roster: (orgLevel && org.members !== undefined) || asked.roster === true,
  }),
  read: () => Promise.resolve(undefined),
  requests: (reads, live) =>
    reads.roster === true
      ? [
          {
            route: 'GET /roster',
            listOf: typeof live.roster === 'number' ? live.roster : 0,
            withoutTotal: true,
          },
        ]
      : [],
};

const KINDS_UNDER_TEST: readonly Kind[] = [
  kind('plain'),
  kind('tokens', { workspace: tokens }),
  kind('people', { workspace: people }),
  kind('roster', { org: roster }),
];

describe('what the engine reads, from the kinds', () => {
  it('skips a kind without a read facet and merges the others’ flags', () => {
    expect(workspaceReads(aDesiredWorkspace({ name: 'full' }), KINDS_UNDER_TEST)).toEqual({
      people: true,
      tokens: true,
    });
    expect(workspaceReads(aDesiredWorkspace({ name: 'w' }), [kind('plain')])).toEqual({});
  });

  it('hands a kind what the others ask of it', () => {
    const asking = aDesiredWorkspace({ name: 'asks' });
    expect(workspaceReads(asking, [kind('p', { workspace: people })]).people).toBe(false);
    // `tokens` (listed before `people`) asks `people: 'partly'` of this workspace.
    expect(workspaceReads(asking, KINDS_UNDER_TEST).people).toBe('partly');
    // The org's kinds get what the workspaces' kinds ask of them.
    const desired = aDesiredState(
      aDesiredOrg({ name: 'o', members: undefined, workspaces: [aDesiredWorkspace({ name: 'asks' })] }),
    );
    expect(planReads(desired, [], KINDS_UNDER_TEST).map((r) => r.flags)).toEqual([{ roster: true }]);
    const quiet = aDesiredState(
      aDesiredOrg({ name: 'o', members: undefined, workspaces: [aDesiredWorkspace({ name: 'w' })] }),
    );
    expect(planReads(quiet, [], KINDS_UNDER_TEST).map((r) => r.flags)).toEqual([{ roster: false }]);
  });

  it('merges flags: a set flag wins over an unset one, the first set value over later ones', () => {
    expect(mergeFlags([{ a: false, b: 'x' }, { a: 'partly', b: 'y' }, { a: true }])).toEqual({
      a: 'partly',
      b: 'x',
    });
  });

  it('reads what each kind lists of a workspace deleted whole', () => {
    expect(deletedWorkspaceReads(KINDS_UNDER_TEST)).toEqual({ people: true, tokens: false });
    const desired = aDesiredState(
      aDesiredOrg({ name: 'o', workspaces: [aDesiredWorkspace({ name: 'gone', state: 'absent' })] }),
    );
    expect([...(planReads(desired, [], KINDS_UNDER_TEST)[0]?.workspaces.values() ?? [])]).toEqual([
      { people: true, tokens: false },
    ]);
  });
});

describe('how the engine reads a workspace', () => {
  it('starts a reader after the ones it uses, and refuses a cycle', () => {
    expect(startOrder([tokens, people]).map((f) => f.field)).toEqual(['participants', 'secrets']);
    // A used collection that no kind reads does not hold the reader back.
    expect(startOrder([tokens]).map((f) => f.field)).toEqual(['secrets']);
    const loop: WorkspaceRead<'participants'> = { ...people, uses: ['secrets'] };
    expect(() => startOrder([tokens, loop])).toThrow(/cycle among secrets, participants/);
  });

  it('passes a reader the reading it uses and keeps only the collections read', async () => {
    // The made-up kinds' readers never call the client: a real one, pointed at nothing, is enough.
    const client = createApiClient({
      endpoint: 'http://127.0.0.1:9',
      token: 'unused',
      maxRps: 100,
      verbose: false,
      log: () => undefined,
      retryBudgetMs: 0,
    });
    const dto = { id: 7, name: 'full', fullName: 'Full', visibility: 'PRIVATE' };
    const target = { orgId: 1, orgName: 'o', dto, reads: { people: true, tokens: true } };
    const read = await readWorkspace(client, target, KINDS_UNDER_TEST);
    expect(read).toEqual({
      id: 7,
      name: 'full',
      fullName: 'Full',
      visibility: 'private',
      participants: [{ type: 'user', email: 'people of o/full', role: 'view' }],
      secrets: [{ id: 1, name: 'after 1 people' }],
    });
    const partial = await readWorkspace(client, { ...target, reads: { tokens: true } }, KINDS_UNDER_TEST);
    expect(partial).not.toHaveProperty('participants');
    expect(partial.secrets).toEqual([{ id: 0, name: 'after 0 people' }]);
  });
});

describe('what the reads cost, from the kinds', () => {
  const desired = aDesiredState(
    aDesiredOrg({
      name: 'o',
      members: [],
      workspaces: [aDesiredWorkspace({ name: 'full' }), aDesiredWorkspace({ name: 'new' })],
    }),
  );
  const live = { o: { roster: 100, workspaces: { full: { people: 250 } } } };

  it('adds up the declared costs of the workspaces that exist, by route', () => {
    // user-info, orgs, workspaces; roster: 100 rows without a total = 2 pages; full: people pages(250) = 3 + tokens 1.
    expect(readRequestsByRoute(desired, live, { workspaceFilter: [] }, 'exact', KINDS_UNDER_TEST)).toEqual({
      'GET /user-info': 1,
      'GET /orgs': 1,
      'GET /orgs/{id}/workspaces': 1,
      'GET /roster': 2,
      'GET /people': 3,
      'GET /tokens': 1,
    });
    expect(expectedReadRequests(desired, live, { workspaceFilter: [] }, KINDS_UNDER_TEST)).toBe(9);
  });

  it('prices a list without a total at the API’s floor for the lower bound', () => {
    expect(
      readRequestsByRoute(desired, live, { workspaceFilter: [] }, 'floor', KINDS_UNDER_TEST)['GET /roster'],
    ).toBe(1);
  });

  it('follows the costs for the critical path: later pages one step on, `after` one step after the last page', () => {
    // user-info (1) → roster (2); full: people page 1 (3) → pages 2-3 (4) → tokens, after people (5).
    expect(readCriticalPath(desired, live, { workspaceFilter: [] }, 'floor', KINDS_UNDER_TEST)).toBe(5);
    // `new` alone: it does not exist, so only the org's lists (2).
    expect(readCriticalPath(desired, live, { workspaceFilter: ['o/new'] }, 'floor', KINDS_UNDER_TEST)).toBe(
      2,
    );
    // Without `people` read, `tokens` needs only the workspace's id (3).
    const small = { o: { workspaces: { full: { people: 250 } } } };
    const onlyTokens = [kind('tokens', { workspace: tokens })];
    expect(readCriticalPath(desired, small, { workspaceFilter: [] }, 'floor', onlyTokens)).toBe(3);
  });

  it('costs nothing for a kind without a read facet, nor beyond the org list for a missing org', () => {
    expect(expectedReadRequests(desired, live, { workspaceFilter: [] }, [kind('plain')])).toBe(3);
    expect(expectedReadRequests(desired, {}, { workspaceFilter: [] }, KINDS_UNDER_TEST)).toBe(2);
  });
});

describe('the registry’s read facets', () => {
  it('read each collection once, and use only collections some kind reads', () => {
    const fields = workspaceFacets(KINDS).map((f) => f.field);
    expect(new Set(fields).size).toBe(fields.length);
    for (const facet of workspaceFacets(KINDS)) {
      for (const used of facet.uses ?? []) expect(fields).toContain(used);
    }
    const orgFields = orgFacets(KINDS).map((f) => f.field);
    expect(new Set(orgFields).size).toBe(orgFields.length);
    expect(() => startOrder(workspaceFacets(KINDS))).not.toThrow();
  });
});
