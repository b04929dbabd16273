/**
 * The benchmark's lower bound, on small estates computed by hand (the
 * comments show the arithmetic), independent of the reader's own formula.
 */
import { describe, expect, it } from 'vitest';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import type { DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
import {
  accessReportBound,
  accessReportReadBound,
  applyBound,
  applyWriteBound,
  applyWriteChain,
  livePlatform,
  pages,
  planBound,
  planCriticalPath,
  planReadBound,
  timeBoundMs,
} from '../../../src/bench/lower-bound.js';
import { routeOf, totalOf } from '../../../src/bench/routes.js';
import { ROUTE } from '../../helpers/bench-routes.js';
import {} from '../../../src/kinds/datasets/api.js';
import { DATASETS_ROUTE } from '../../../src/kinds/datasets/read.js';
import { DATASET_VERSIONS_ROUTE } from '../../../src/kinds/datasets/read.js';
import { DATASET_DOWNLOAD_ROUTE } from '../../../src/kinds/datasets/read.js';
import {
  DATASET_CREATE_ROUTE,
  DATASET_LABELS_ROUTE,
  DATASET_UPLOAD_ROUTE,
} from '../../../src/kinds/datasets/writes.js';
import {
  aDesiredComputeEnv,
  aDesiredCredential,
  aDesiredMember,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredSecret,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  aSource,
  aTeamParticipant,
  aUserParticipant,
} from '../../helpers/builders.js';

const emails = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@x.org`);
const ROLES = { member: 'member', participant: 'launch' };

describe('pages', () => {
  it('is one request for an empty list and ceil(n / 100) otherwise', () => {
    expect([0, 1, 100, 101, 200, 201, 1000].map(pages)).toEqual([1, 1, 1, 2, 2, 3, 10]);
  });
});

describe('planReadBound', () => {
  // Desired: members, teams t1 and t2 (members managed), workspaces w1 (live), w2 (not live), w3 (absent).
  const desired = aDesiredState(
    aDesiredOrg({
      name: 'o',
      members: [aDesiredMember('a@x.org', 'owner')],
      teams: [aDesiredTeam({ name: 't1', members: [] }), aDesiredTeam({ name: 't2', members: [] })],
      workspaces: [
        aDesiredWorkspace({
          name: 'w1',
          participants: [],
          credentials: [],
          computeEnvironments: [],
          pipelines: [],
          secrets: [],
        }),
        aDesiredWorkspace({
          name: 'w2',
          participants: [],
          credentials: [],
          computeEnvironments: [],
          pipelines: [],
          secrets: [],
        }),
        aDesiredWorkspace({
          name: 'w3',
          state: 'absent',
          participants: [],
          credentials: [],
          computeEnvironments: [],
          pipelines: [],
          secrets: [],
        }),
      ],
    }),
  );
  // Live: 250 members, teams t1 (120 members), t2 (empty), t3 (undeclared); w1 and w3 exist.
  const memberEmails = emails('m', 250);
  const seed: EmulatorSeed = {
    orgs: [
      {
        name: 'o',
        members: memberEmails.map((email) => ({ email })),
        teams: [
          { name: 't1', members: memberEmails.slice(0, 120) },
          { name: 't2', members: [] },
          { name: 't3', members: memberEmails.slice(0, 5) },
        ],
        workspaces: [
          {
            name: 'w1',
            participants: memberEmails.slice(0, 101).map((email) => ({ email, role: 'view' })),
            credentials: [
              { name: 'c1', provider: 'aws' },
              { name: 'c2', provider: 'ssh' },
            ],
            computeEnvironments: ['e1', 'e2', 'e3'].map((name) => ({ name, platform: 'slurm-platform' })),
            pipelines: Array.from({ length: 205 }, (_, i) => ({
              name: `p${i}`,
              launch: { pipeline: 'https://github.com/x/y' },
            })),
            secrets: ['S1', 'S2', 'S3', 'S4'].map((name) => ({ name, value: 'v' })),
          },
          { name: 'w3' },
        ],
      },
    ],
  };
  const live = livePlatform(seed, 'launch');

  it('counts lists once (paged by 100), one describe per CE and one launch per pipeline', () => {
    const bound = planReadBound(desired, live);
    // org: workspaces 1 + members pages(250)=3 + teams pages(3)=1 + t1 pages(120)=2 + t2 pages(0)=1 (t3 undeclared: 0)
    // w1: participants pages(101)=2 + credentials 1 + CE list 1 + 3 describes + pipelines pages(205)=3 + 205 launches + secrets 1
    //     + the action list 1 (actions unmanaged, but a CE replace re-points them: read when there is a CE; none to describe)
    // w2 does not exist, w3 is absent: nothing; the plan creates w2, so the org's quotas are read once.
    expect(bound).toEqual({
      [ROUTE.userInfo]: 1,
      [ROUTE.orgs]: 1,
      [ROUTE.workspaces]: 1,
      [ROUTE.members]: 3,
      [ROUTE.teams]: 1,
      [ROUTE.teamMembers]: 3,
      [ROUTE.participants]: 2,
      [ROUTE.credentials]: 1,
      [ROUTE.computeEnvs]: 1,
      [ROUTE.computeEnv]: 3,
      [ROUTE.pipelines]: 3,
      [ROUTE.pipelineLaunch]: 205,
      [ROUTE.secrets]: 1,
      [ROUTE.actions]: 1,
      [ROUTE.quotas]: 1,
    });
    expect(totalOf(bound)).toBe(2 + 8 + 216 + 1 + 1);
  });

  it('bounds the access report by the list floor of every live collection, declared or not', () => {
    // orgs 1 + workspaces 1 + members pages(250)=3 + teams pages(3)=1
    // + team members t1 pages(120)=2, t2 pages(0)=1, t3 pages(5)=1 (undeclared teams count too)
    // + participants w1 pages(101)=2, w3 pages(0)=1 (w3 exists, whatever its file says)
    expect(accessReportReadBound(live, 'o')).toEqual({
      [ROUTE.orgs]: 1,
      [ROUTE.workspaces]: 1,
      [ROUTE.members]: 3,
      [ROUTE.teams]: 1,
      [ROUTE.teamMembers]: 4,
      [ROUTE.participants]: 3,
    });
    const bound = accessReportBound(live, 'o');
    expect(bound.total).toBe(13);
    expect(bound.writes).toBe(0);
    // orgs (1) → members page 1 (2) → page 2 (3); participants (3) → w1's page 2 (4).
    expect(bound.criticalPath).toBe(4);
    expect(totalOf(accessReportReadBound(live, 'missing'))).toBe(1);
  });

  it('reads only user-info and the org list when the org does not exist', () => {
    expect(totalOf(planReadBound(desired, new Map()))).toBe(2);
  });

  it('computes the critical path through paged lists', () => {
    // user-info∥orgs 1 → pipelines page 1 at 3 → page 3 at 4 → launches of its items at 5
    // → the quotas, read once the plan (which creates w2) is computed, at 6.
    expect(planCriticalPath(desired, live)).toBe(6);
    expect(planBound(desired, live).criticalPath).toBe(6);
  });

  it('refuses an estate with an unmanaged collection', () => {
    const partial = aDesiredState(
      aDesiredOrg({ name: 'o', members: [], teams: [], workspaces: [aDesiredWorkspace({ name: 'w1' })] }),
    );
    expect(() => planReadBound(partial, live)).toThrow(/every collection managed/);
  });
});

describe('applyWriteBound', () => {
  const desired = aDesiredState(
    aDesiredOrg({
      name: 'o',
      members: [
        aDesiredMember('a@x.org', 'owner'),
        aDesiredMember('b@x.org', 'member'),
        aDesiredMember('c@x.org', 'owner'),
      ],
      teams: [
        aDesiredTeam({ name: 't1', members: ['a@x.org', 'b@x.org'] }),
        aDesiredTeam({ name: 't2', members: ['c@x.org'] }),
      ],
      workspaces: [
        aDesiredWorkspace({
          name: 'w1',
          participants: [
            aUserParticipant('a@x.org', 'view'),
            aUserParticipant('b@x.org', 'launch'),
            aTeamParticipant('t2', 'admin'),
          ],
          credentials: [aDesiredCredential({ name: 'c1' }), aDesiredCredential({ name: 'c2' })],
          computeEnvironments: [
            aDesiredComputeEnv({ name: 'e1', credentials: 'c1', primary: true }),
            aDesiredComputeEnv({ name: 'e2', credentials: 'c2' }),
          ],
          pipelines: [aDesiredPipeline({ name: 'p1', computeEnvironment: 'e2' })],
          secrets: [aDesiredSecret('S1')],
        }),
        aDesiredWorkspace({
          name: 'w2',
          participants: [aUserParticipant('b@x.org', 'maintain')],
          credentials: [aDesiredCredential({ name: 'c1' })],
          computeEnvironments: [aDesiredComputeEnv({ name: 'e1', credentials: 'c1', primary: true })],
          pipelines: [aDesiredPipeline({ name: 'p1', computeEnvironment: 'e1' })],
          secrets: [aDesiredSecret('S1')],
        }),
      ],
    }),
  );
  const seed: EmulatorSeed = {
    orgs: [
      {
        name: 'o',
        members: [
          { email: 'a@x.org', role: 'owner' },
          { email: 'b@x.org', role: 'owner' },
        ],
        teams: [{ name: 't1', members: ['a@x.org'] }],
        workspaces: [
          {
            name: 'w1',
            participants: [{ email: 'a@x.org', role: 'launch' }],
            credentials: [{ name: 'c1', provider: 'aws' }],
            computeEnvironments: [{ name: 'e1', platform: 'aws-batch', credentials: 'c1' }],
            secrets: [{ name: 'S1', value: 'v' }],
          },
        ],
      },
    ],
  };
  const live = livePlatform(seed, 'launch');

  it('counts one write per missing object, plus role calls where the add gives another role', () => {
    const writes = applyWriteBound(desired, live, ROLES);
    // members: b role owner→member 1; c add 1 + role (owner ≠ member) 1 = 3
    // teams: t1 add b 1; t2 create 1 + add c 1 = 3
    // w1: a role 1; b add 1 (launch = the add's role); t2 add 1 + role 1; c2 1; e2 1; e1 primary 1; p1 1 = 8
    // w2: create 1; b add 1 + role 1; c1 1; e1 1 + primary 1; p1 1; S1 1 = 8
    expect(writes).toEqual({
      [ROUTE.memberRole]: 2,
      [ROUTE.addMember]: 1,
      [ROUTE.addTeamMember]: 2,
      [ROUTE.createTeam]: 1,
      [ROUTE.createWorkspace]: 1,
      [ROUTE.addParticipant]: 3,
      [ROUTE.participantRole]: 3,
      [ROUTE.createCredentials]: 2,
      [ROUTE.createComputeEnv]: 2,
      [ROUTE.primaryComputeEnv]: 2,
      [ROUTE.createPipeline]: 2,
      [ROUTE.createSecret]: 1,
    });
    expect(totalOf(writes)).toBe(22);
  });

  it('is zero on the platform the desired state describes', () => {
    const converged = applyWriteBound(desired, live, ROLES);
    expect(totalOf(converged)).toBeGreaterThan(0);
    const same: EmulatorSeed = {
      orgs: [
        {
          name: 'o',
          members: [
            { email: 'a@x.org', role: 'owner' },
            { email: 'b@x.org', role: 'member' },
            { email: 'c@x.org', role: 'owner' },
          ],
          teams: [
            { name: 't1', members: ['a@x.org', 'b@x.org'] },
            { name: 't2', members: ['c@x.org'] },
          ],
          workspaces: ['w1', 'w2'].map((name) => ({
            name,
            participants:
              name === 'w1'
                ? [
                    { email: 'a@x.org', role: 'view' },
                    { email: 'b@x.org', role: 'launch' },
                    { team: 't2', role: 'admin' },
                  ]
                : [{ email: 'b@x.org', role: 'maintain' }],
            credentials: [
              { name: 'c1', provider: 'aws' },
              { name: 'c2', provider: 'aws' },
            ],
            computeEnvironments: [
              { name: 'e1', platform: 'aws-batch', primary: true },
              { name: 'e2', platform: 'aws-batch' },
            ],
            pipelines: [{ name: 'p1', launch: { pipeline: 'https://github.com/x/y' } }],
            secrets: [{ name: 'S1', value: 'v' }],
          })),
        },
      ],
    };
    const liveSame = livePlatform(same, 'launch');
    expect(applyWriteBound(desired, liveSame, ROLES)).toEqual({});
    expect(applyWriteChain(desired, liveSame, ROLES)).toBe(0);
  });

  it('adds the longest write chain to the plan’s critical path', () => {
    // w2: create 1 → credential 2 → CE 3 → status read 4 → primary 5.
    expect(applyWriteChain(desired, live, ROLES)).toBe(5);
    const bound = applyBound(desired, live, ROLES);
    expect(bound.criticalPath).toBe(planCriticalPath(desired, live) + 5);
    expect(bound.writes).toBe(22);
    expect(bound.total).toBe(totalOf(planReadBound(desired, live)) + 22);
  });
});

/** Organisation `o` with these workspaces, its members and teams managed (none declared). */
function orgO(workspaces: DesiredWorkspace[]): DesiredState {
  return aDesiredState(aDesiredOrg({ name: 'o', members: [], teams: [], workspaces }));
}

/** The collections the bound needs managed (empty lists: nothing declared in them). */
const EVERY_COLLECTION = {
  participants: [],
  credentials: [],
  computeEnvironments: [],
  pipelines: [],
  secrets: [],
} as const;

describe('timeBoundMs', () => {
  it('is the larger of requests ÷ rate and critical path × latency', () => {
    const bound = { requests: {}, total: 400, writes: 0, criticalPath: 4 };
    expect(timeBoundMs(bound, 200, 20)).toBe(2000);
    expect(timeBoundMs(bound, 200_000, 20)).toBe(80);
  });
});

describe('the bound with labels', () => {
  // w1 exists with 150 labels, of which the file declares `a` (live) and `new` (missing); w2 is created.
  const labels = (...names: string[]) =>
    names.map((name) => ({ name, resource: false, isDefault: false, source: aSource() }));
  const managed = EVERY_COLLECTION;
  const desired = orgO([
    aDesiredWorkspace({ name: 'w1', ...managed, labels: labels('a', 'new') }),
    aDesiredWorkspace({ name: 'w2', ...managed, labels: labels('b') }),
  ]);
  const seed: EmulatorSeed = {
    orgs: [
      {
        name: 'o',
        workspaces: [
          {
            name: 'w1',
            labels: Array.from({ length: 150 }, (_, i) => ({ name: i === 0 ? 'a' : `l${String(i)}` })),
          },
        ],
      },
    ],
  };
  const live = livePlatform(seed, 'launch');

  it('reads every page of the labels of a workspace that declares them', () => {
    // w1: pages(150) = 2 label pages, besides its other lists; w2 does not exist
    expect(planReadBound(desired, live)[ROUTE.labels]).toBe(2);
  });

  it('creates each missing label with one request, after its workspace', () => {
    // w1: `new` 1; w2: `b` 1 (and the workspace)
    expect(applyWriteBound(desired, live, ROLES)[ROUTE.createLabel]).toBe(2);
    // w2's create, then its label
    expect(applyWriteChain(desired, live, ROLES)).toBe(2);
  });

  it('reads the quotas once when a plan only creates a label (labels count toward maxLabelsPerWorkspace)', () => {
    const onlyW1 = orgO([aDesiredWorkspace({ name: 'w1', ...managed, labels: labels('a', 'new') })]);
    expect(planReadBound(onlyW1, live)[ROUTE.quotas]).toBe(1);
    const nothingNew = orgO([aDesiredWorkspace({ name: 'w1', ...managed, labels: labels('a') })]);
    expect(planReadBound(nothingNew, live)[ROUTE.quotas]).toBeUndefined();
  });
});

describe('custom roles', () => {
  // Desired: roles r1 (live) and r2 (missing), both with permissions; no workspace.
  const desired = aDesiredState(
    aDesiredOrg({
      name: 'o',
      members: [],
      teams: [],
      roles: [
        { name: 'r1', description: 'one', permissions: ['pipeline:read'], source: aSource() },
        { name: 'r2', description: 'two', permissions: ['label:read'], source: aSource() },
      ],
    }),
  );
  const live = livePlatform({ orgs: [{ name: 'o', customRoles: ['r1', 'r3'] }] }, 'launch');

  it('reads the role list, describes each declared role that exists and reads the permissions once', () => {
    // org: workspaces 1 + members 1 + teams 1 + roles pages(2)=1 + describe r1 1 (r2 missing, r3 undeclared) + permissions 1,
    // and its quotas once: creating r2 counts toward maxCustomRolesPerOrg
    expect(planReadBound(desired, live)).toEqual({
      [ROUTE.userInfo]: 1,
      [ROUTE.orgs]: 1,
      [ROUTE.workspaces]: 1,
      [ROUTE.members]: 1,
      [ROUTE.teams]: 1,
      [ROUTE.roles]: 1,
      [ROUTE.role]: 1,
      [ROUTE.rolePermissions]: 1,
      [ROUTE.quotas]: 1,
    });
  });

  it('creates each missing role in one request, one step after the organisation', () => {
    expect(applyWriteBound(desired, live, ROLES)).toEqual({ [ROUTE.createRole]: 1 });
    expect(applyWriteChain(desired, live, ROLES)).toBe(1);
    expect(applyWriteChain(desired, new Map(), ROLES)).toBe(2);
  });

  it('names the role routes as the reader does', () => {
    expect(routeOf('GET', '/roles')).toBe(ROUTE.roles);
    expect(routeOf('GET', '/roles/bench-runner-1')).toBe(ROUTE.role);
    expect(routeOf('GET', '/roles/permissions')).toBe(ROUTE.rolePermissions);
    expect(routeOf('POST', '/roles')).toBe(ROUTE.createRole);
  });

  it('counts a path by the route the emulator matched it to, a refused method included', () => {
    expect(routeOf('PUT', '/orgs/12/members/add')).toBe(ROUTE.addMember);
    // The emulator answers 405 here (the literal `add` wins over a member id), so the log names `add`.
    expect(routeOf('GET', '/orgs/12/members/add')).toBe('GET /orgs/{id}/members/add');
    expect(routeOf('GET', '/no/such/path/7')).toBe('GET /no/such/path/{id}');
  });
});

describe('datasets', () => {
  // w1 exists: a (its latest version a.csv, 10 bytes), b (b.csv, 5 bytes), e (undeclared), f (no version).
  // The file declares a (a.csv, 10 bytes), b (b.csv, 20 bytes) and c (missing) in w1, and d (labelled) in w2, which is created.
  const managed = {
    ...EVERY_COLLECTION,
    labels: [{ name: 'x', resource: false, isDefault: false, source: aSource() }],
  } as const;
  const dataset = (name: string, size: number, labels?: readonly string[]) => ({
    name,
    file: `${name}.csv`,
    header: true,
    ...(labels === undefined ? {} : { labels }),
    size,
    sha256: '0'.repeat(64),
    path: `/nowhere/${name}.csv`,
    source: aSource(),
  });
  const desired = orgO([
    aDesiredWorkspace({
      name: 'w1',
      ...managed,
      datasets: [dataset('a', 10), dataset('b', 20), dataset('c', 3)],
    }),
    aDesiredWorkspace({ name: 'w2', ...managed, datasets: [dataset('d', 4, ['x'])] }),
  ]);
  const seed: EmulatorSeed = {
    orgs: [
      {
        name: 'o',
        workspaces: [
          {
            name: 'w1',
            labels: [{ name: 'x' }],
            datasets: [
              { name: 'a', versions: [{ fileName: 'a.csv', content: '0123456789' }] },
              { name: 'b', versions: [{ fileName: 'b.csv', content: '12345' }] },
              { name: 'e', versions: [{ fileName: 'e.csv', content: 'e' }] },
              { name: 'f' },
            ],
          },
        ],
      },
    ],
  };
  const live = livePlatform(seed, 'launch');

  it('reads the list and the latest versions, and downloads only where file name and size match', () => {
    // w1: datasets pages(4) = 1, latest versions pages(3) = 1, a's content 1 (b's size differs, c is missing)
    const bound = planReadBound(desired, live);
    expect(bound[ROUTE.datasets]).toBe(1);
    expect(bound[ROUTE.datasetVersions]).toBe(1);
    expect(bound[ROUTE.datasetDownload]).toBe(1);
  });

  it('creates a missing dataset, uploads its first version and applies its labels', () => {
    // w1: c 1 + its upload 1; w2: d 1 + its upload 1 + its labels 1
    const writes = applyWriteBound(desired, live, ROLES);
    expect(writes[ROUTE.createDataset]).toBe(2);
    expect(writes[ROUTE.uploadDataset]).toBe(2);
    expect(writes[ROUTE.applyDatasetLabels]).toBe(1);
    // w2's create 1 → its label's create 2 → d's create 3 (it references the label) → its upload and labels 4
    expect(applyWriteChain(desired, live, ROLES)).toBe(4);
  });

  it('writes nothing for datasets the platform holds', () => {
    const held: EmulatorSeed = {
      orgs: [
        {
          name: 'o',
          workspaces: ['w1', 'w2'].map((name) => ({
            name,
            labels: [{ name: 'x' }],
            datasets: (name === 'w1' ? ['a', 'b', 'c'] : ['d']).map((d) => ({
              name: d,
              versions: [{ fileName: `${d}.csv`, content: 'x' }],
            })),
          })),
        },
      ],
    };
    expect(totalOf(applyWriteBound(desired, livePlatform(held, 'launch'), ROLES))).toBe(0);
  });

  it('names the dataset routes as the reader, the applier and the emulator log do', () => {
    expect(routeOf('GET', '/datasets')).toBe(ROUTE.datasets);
    expect(routeOf('GET', '/datasets/versions')).toBe(ROUTE.datasetVersions);
    expect(routeOf('GET', '/datasets/Ab12Cd34/v/3/n/samplesheet-1.csv')).toBe(ROUTE.datasetDownload);
    expect(routeOf('POST', '/datasets')).toBe(ROUTE.createDataset);
    expect(routeOf('POST', '/datasets/Ab12Cd34/upload')).toBe(ROUTE.uploadDataset);
    expect(routeOf('POST', '/datasets/labels/apply')).toBe(ROUTE.applyDatasetLabels);
    expect([ROUTE.datasets, ROUTE.datasetVersions, ROUTE.datasetDownload]).toEqual([
      DATASETS_ROUTE,
      DATASET_VERSIONS_ROUTE,
      DATASET_DOWNLOAD_ROUTE,
    ]);
    expect([ROUTE.createDataset, ROUTE.uploadDataset, ROUTE.applyDatasetLabels]).toEqual([
      DATASET_CREATE_ROUTE,
      DATASET_UPLOAD_ROUTE,
      DATASET_LABELS_ROUTE,
    ]);
  });
});
