/**
 * The live-state reader against the emulator over real HTTP: complete,
 * correct actual state for a seeded estate (lists that page), exactly the
 * documented minimum of requests, and nothing read that is not managed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import type { ApiClient } from '../../../src/api/api-client.js';
import { startEmulator, type RequestLogEntry, type RunningEmulator } from '../../../src/emulator/index.js';
import type { ActualWorkspace } from '../../../src/model/actual.js';
import type { DesiredState } from '../../../src/model/desired.js';
import { SENSITIVE } from '../../../src/model/secret-fields.js';
import { readActualState } from '../../../src/state/read-actual-state.js';
import { expectedReadRequests } from '../../../src/state/request-count.js';
import {
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aTeamParticipant,
  aUserParticipant,
} from '../../helpers/builders.js';
import {
  BOT,
  ESTATE_SIZES,
  estateSeed,
  fullyManaged,
  managedAusgen,
  orgWith,
  OUTSIDER,
  user,
} from './estate.js';

let emu: RunningEmulator;

beforeEach(async () => {
  emu = await startEmulator({ seed: estateSeed(), logBodies: false });
});

afterEach(async () => {
  await emu.stop();
});

function client(maxRps = 1000): ApiClient {
  return createApiClient({
    endpoint: emu.endpoint,
    token: emu.token,
    maxRps,
    verbose: false,
    log: () => undefined,
  });
}

const line = (e: RequestLogEntry): string => {
  const query = new URLSearchParams(e.query).toString();
  return `${e.method} ${e.path}${query === '' ? '' : `?${query}`}`;
};

async function readAndLog(desired: DesiredState, filter: readonly string[] = []) {
  emu.clearRequestLog();
  const c = client();
  const actual = await readActualState(c, desired, { workspaceFilter: filter });
  const log = emu.requestLog();
  return { actual, log, lines: log.map(line), stats: c.stats() };
}

function workspace(
  actual: { orgs: readonly { name: string; workspaces: readonly ActualWorkspace[] }[] },
  name: string,
) {
  const ws = actual.orgs.find((o) => o.name === 'biocommons')?.workspaces.find((w) => w.name === name);
  if (ws === undefined) throw new Error(`workspace ${name} not read`);
  return ws;
}

describe('readActualState against the emulator', () => {
  it('reads a fully managed estate completely and correctly', async () => {
    const { actual } = await readAndLog(fullyManaged());
    expect(actual.user.email).toBe(BOT.toLowerCase());
    expect(actual.orgs.map((o) => o.name)).toEqual(['biocommons']);
    const org = actual.orgs[0]!;
    expect(org.fullName).toBe('Australian BioCommons');
    expect(org.description).toBe('National infrastructure');

    // 150 members over two pages, emails lower-cased.
    expect(org.members).toHaveLength(150);
    expect(new Set(org.members!.map((m) => m.email)).size).toBe(150);
    expect(org.members!.find((m) => m.email === BOT.toLowerCase())?.role).toBe('owner');
    expect(org.members!.every((m) => m.email === m.email.toLowerCase())).toBe(true);

    // Teams; membership read only where it is managed.
    const teams = new Map(org.teams!.map((t) => [t.name, t]));
    expect([...teams.keys()].sort()).toEqual(['admins', 'other', 'readers']);
    expect(teams.get('admins')!.description).toBe('Admins');
    expect(
      teams
        .get('admins')!
        .members!.map((m) => m.email)
        .sort(),
    ).toEqual([user(0), user(1), user(2)]);
    expect(teams.get('readers')!.members).toHaveLength(120);
    expect(teams.get('other')!.members).toBeUndefined();

    // Every workspace of the org is listed; collections only for managed ones.
    expect(org.workspaces.map((w) => w.name).sort()).toEqual(['ausgen', 'community-shared', 'unmanaged-ws']);
    const shared = workspace(actual, 'community-shared');
    expect(shared.visibility).toBe('shared');
    expect(Object.keys(shared).sort()).toEqual(['fullName', 'id', 'name', 'visibility']);
    expect(workspace(actual, 'unmanaged-ws').participants).toBeUndefined();

    const ausgen = workspace(actual, 'ausgen');
    expect(ausgen.visibility).toBe('private');
    expect(ausgen.fullName).toBe('Australian Genomics');

    // 133 participants over two pages: members, a team, a collaborator.
    expect(ausgen.participants).toHaveLength(133);
    expect(ausgen.participants!.find((p) => p.type === 'team')).toMatchObject({
      teamName: 'admins',
      role: 'admin',
    });
    expect(ausgen.participants!.find((p) => p.type === 'collaborator')).toMatchObject({
      email: OUTSIDER.toLowerCase(),
      role: 'view',
    });
    expect(ausgen.participants!.filter((p) => p.type === 'member')).toHaveLength(131);

    // Credentials: fingerprint parsed off, discriminator dropped, readable secrets redacted.
    const creds = new Map(ausgen.credentials!.map((c) => [c.name, c]));
    expect(creds.get('aws-main')).toMatchObject({
      provider: 'aws',
      description: 'Main AWS',
      fingerprint: { salt: 'c2FsdC1hYmM=', hash: 'aGFzaC0xMjM=' },
      keys: { accessKey: 'AKIAEXAMPLE' },
    });
    expect(creds.get('aws-main')!.keys).not.toHaveProperty('secretKey');
    expect(creds.get('github')!.keys).toEqual({ username: 'bot', token: SENSITIVE });
    expect(JSON.stringify(actual)).not.toMatch(
      /AWS-SECRET-VALUE|GH-PASSWORD|ghp_READABLE_TOKEN|secret-value-/,
    );

    // Compute environments: described config, credentials resolved to a name.
    const ces = new Map(ausgen.computeEnvironments!.map((c) => [c.name, c]));
    const sydney = ces.get('aws-sydney')!;
    expect(sydney).toMatchObject({
      platform: 'aws-batch',
      status: 'AVAILABLE',
      primary: true,
      credentialsId: creds.get('aws-main')!.id,
      credentialsName: 'aws-main',
      description: 'Spot queue',
    });
    expect(sydney.config).toMatchObject({ region: 'ap-southeast-2', workDir: 's3://ausgen-work/scratch' });
    expect(sydney.config).not.toHaveProperty('discriminator');
    expect(sydney.labelIds).toHaveLength(1);
    expect(sydney.listedOnly).toBeUndefined();
    expect(ces.get('hpc')).toMatchObject({ primary: false, platform: 'slurm-platform' });

    // Pipelines: the default version's launch, CE as id and name.
    const pipelines = new Map(ausgen.pipelines!.map((p) => [p.name, p]));
    const rnaseq = pipelines.get('rnaseq')!;
    expect(rnaseq).toMatchObject({ description: 'nf-core/rnaseq', versionName: 'rnaseq-1' });
    expect(rnaseq.labelIds).toHaveLength(1);
    expect(rnaseq.launch).toMatchObject({
      pipeline: 'https://github.com/nf-core/rnaseq',
      revision: '3.14.0',
      workDir: 's3://ausgen-work/scratch',
      configProfiles: ['test'],
      paramsText: '{"outdir":"s3://ausgen-results"}',
      computeEnvId: sydney.id,
      computeEnvName: 'aws-sydney',
    });
    for (const key of ['computeEnv', 'id', 'dateCreated', 'lastUpdated'])
      expect(rnaseq.launch).not.toHaveProperty(key);
    expect(pipelines.get('sarek')!.launch).toMatchObject({
      computeEnvName: 'hpc',
      computeEnvId: ces.get('hpc')!.id,
    });

    expect(ausgen.secrets!.map((s) => s.name).sort()).toEqual(['LICENSE_A', 'LICENSE_B']);
  });

  it('makes exactly the documented minimum of requests, each once', async () => {
    const desired = fullyManaged();
    const { lines, stats } = await readAndLog(desired);
    const expected = expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] });
    // 1 user-info + 1 orgs + org[1 workspaces + 2 members + 1 teams + 1 admins + 2 readers]
    // + ausgen[2 participants + 1 credentials + 1 CE list + 2 describes + 1 pipelines + 2 launches + 1 secrets
    //   + 1 action list (a CE replace re-points the actions on it; there are none to describe)]
    expect(expected).toBe(20);
    expect(lines).toHaveLength(expected);
    expect(stats).toEqual({ requests: expected, writes: 0 });
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('other-org') || l.includes('unmanaged-ws'))).toEqual([]);
  });

  it('reads nothing that is not managed', async () => {
    const desired = orgWith(aDesiredWorkspace({ name: 'ausgen', participants: [] }));
    const { actual, lines } = await readAndLog(desired);
    const ausgen = workspace(actual, 'ausgen');
    expect(ausgen.participants).toHaveLength(133);
    for (const key of ['credentials', 'computeEnvironments', 'pipelines', 'secrets'] as const) {
      expect(ausgen[key]).toBeUndefined();
    }
    expect(actual.orgs[0]!.members).toBeUndefined();
    expect(actual.orgs[0]!.teams).toBeUndefined();
    expect(lines.some((l) => /\/members|\/teams|credentials|compute-envs|pipelines|secrets/.test(l))).toBe(
      false,
    );
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] }));
    expect(lines).toHaveLength(5);
  });

  it('with a workspace filter: no org members or team membership, teams only to resolve team participants', async () => {
    const base = fullyManaged();
    const org = base.orgs[0]!;
    const desired = aDesiredState(
      aDesiredOrg({
        ...org,
        workspaces: [
          aDesiredWorkspace({
            name: 'ausgen',
            participants: [aTeamParticipant('admins'), aUserParticipant(user(9))],
          }),
          ...org.workspaces.filter((w) => w.name !== 'ausgen'),
        ],
      }),
    );
    const filter = ['biocommons/ausgen'];
    const { actual, lines } = await readAndLog(desired, filter);
    const read = actual.orgs[0]!;
    expect(read.members).toBeUndefined();
    expect(read.teams!.map((t) => t.name).sort()).toEqual(['admins', 'other', 'readers']);
    expect(read.teams!.every((t) => t.members === undefined)).toBe(true);
    expect(lines.some((l) => /\/members/.test(l))).toBe(false);
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: filter }));
    expect(lines).toHaveLength(6);
  });

  it('an org outside the filter is not read at all', async () => {
    const desired = aDesiredState(
      aDesiredOrg({ name: 'biocommons', members: [], workspaces: [managedAusgen()] }),
      aDesiredOrg({
        name: 'other-org',
        members: [],
        workspaces: [aDesiredWorkspace({ name: 'elsewhere', participants: [] })],
      }),
    );
    const filter = ['other-org/elsewhere'];
    const { actual, lines } = await readAndLog(desired, filter);
    expect(actual.orgs.map((o) => o.name)).toEqual(['other-org']);
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: filter }));
    expect(lines).toHaveLength(4);
  });

  it('CEs managed, pipelines not: pipelines are listed (for re-pointing) without reading their launches', async () => {
    const desired = orgWith(
      managedAusgen({
        participants: undefined,
        credentials: undefined,
        pipelines: undefined,
        secrets: undefined,
      }),
    );
    const { actual, lines } = await readAndLog(desired);
    const ausgen = workspace(actual, 'ausgen');
    const sydney = ausgen.computeEnvironments!.find((c) => c.name === 'aws-sydney')!;
    expect(sydney.credentialsName).toBe('aws-main');
    expect(ausgen.pipelines!.map((p) => [p.name, p.listedOnly, p.launch])).toEqual([
      ['rnaseq', true, { computeEnvId: sydney.id, computeEnvName: 'aws-sydney' }],
      [
        'sarek',
        true,
        {
          computeEnvId: ausgen.computeEnvironments!.find((c) => c.name === 'hpc')!.id,
          computeEnvName: 'hpc',
        },
      ],
    ]);
    expect(lines.some((l) => l.includes('/launch'))).toBe(false);
    // credentials are read because the declared CE names its credentials.
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] }));
    // The action list too: a replace re-points the actions on the old CE.
    expect(lines).toHaveLength(1 + 1 + 1 + (1 + 1 + 2 + 1 + 1));
  });

  it('pipelines managed, CEs not: the CE list resolves names, no CE is described', async () => {
    const desired = orgWith(
      managedAusgen({
        participants: undefined,
        credentials: undefined,
        computeEnvironments: undefined,
        secrets: undefined,
      }),
    );
    const { actual, lines } = await readAndLog(desired);
    const ausgen = workspace(actual, 'ausgen');
    expect(
      ausgen.computeEnvironments!.every((c) => c.listedOnly === true && Object.keys(c.config).length === 0),
    ).toBe(true);
    expect(ausgen.credentials).toBeUndefined();
    expect(ausgen.pipelines!.every((p) => p.listedOnly === undefined)).toBe(true);
    expect(lines.some((l) => /compute-envs\/[^?]/.test(l))).toBe(false);
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] }));
    expect(lines).toHaveLength(1 + 1 + 1 + (1 + 1 + 2));
  });

  it('a workspace missing on the platform is not read', async () => {
    const desired = orgWith(aDesiredWorkspace({ name: 'nowhere', secrets: [] }));
    const { actual, lines } = await readAndLog(desired);
    expect([...lines].sort()).toEqual([
      'GET /orgs',
      `GET /orgs/${actual.orgs[0]!.orgId}/workspaces`,
      'GET /user-info',
    ]);
  });

  it('a workspace declared absent is only listed, to name what its deletion takes with it', async () => {
    const desired = orgWith(managedAusgen({ state: 'absent' }));
    const { actual, lines } = await readAndLog(desired);
    const ausgen = workspace(actual, 'ausgen');
    expect(ausgen.participants?.length).toBeGreaterThan(0);
    expect(ausgen.computeEnvironments?.every((c) => c.listedOnly === true)).toBe(true);
    expect(ausgen.pipelines?.every((p) => p.listedOnly === true)).toBe(true);
    expect(lines.some((l) => /compute-envs\/[^?]/.test(l) || /\/launch/.test(l))).toBe(false);
    expect(lines).toHaveLength(expectedReadRequests(desired, ESTATE_SIZES, { workspaceFilter: [] }));
  });
});

describe('errors', () => {
  it('a 403 names what was being read, and never shows the token', async () => {
    const memberToken = 'member-token-4e1f';
    const limited = await startEmulator({
      seed: {
        users: [
          { userName: 'owner-bot', email: 'owner@example.org', token: 'owner-token-77aa' },
          { userName: 'member-bot', email: 'member@example.org', token: memberToken },
        ],
        orgs: [
          {
            name: 'biocommons',
            members: [{ email: 'owner@example.org', role: 'owner' }],
            workspaces: [
              {
                name: 'ausgen',
                participants: [
                  { email: 'owner@example.org', role: 'owner' },
                  { email: 'member@example.org', role: 'admin' },
                ],
              },
            ],
          },
        ],
      },
    });
    try {
      const c = createApiClient({
        endpoint: limited.endpoint,
        token: memberToken,
        maxRps: 1000,
        verbose: false,
        log: () => undefined,
      });
      // A collaborator (a participant who is not an org member) cannot read the org's members.
      const desired = aDesiredState(aDesiredOrg({ name: 'biocommons', members: [], workspaces: [] }));
      const err: unknown = await readActualState(c, desired, { workspaceFilter: [] }).catch(
        (e: unknown) => e,
      );
      expect(err).toMatchObject({ kind: 'forbidden', status: 403 });
      const message = (err as Error).message;
      expect(message).toMatch(/^GET \/orgs\/\d+\/members\?max=100&offset=0 failed: 403 Forbidden/);
      expect(message).toMatch(/lacks permission on organisation \d+/);
      expect(message).toMatch(/\(reading members of biocommons\)$/);
      expect(message).not.toContain(memberToken);
    } finally {
      await limited.stop();
    }
  });

  it('an invalid token is reported as such, even when the platform answers 403', async () => {
    const forbidding = await startEmulator({ seed: estateSeed(), invalidTokenStatus: 403 });
    try {
      const c = createApiClient({
        endpoint: forbidding.endpoint,
        token: 'wrong-token',
        maxRps: 1000,
        verbose: false,
        log: () => undefined,
      });
      await expect(readActualState(c, fullyManaged(), { workspaceFilter: [] })).rejects.toMatchObject({
        kind: 'unauthorized',
        message:
          'GET /user-info failed: 403 Forbidden — the access token (TOWER_ACCESS_TOKEN) is invalid or expired',
      });
    } finally {
      await forbidding.stop();
    }
  });
});
