/** The reader's pure parts: DTO mapping, what to read, and the request-count formula. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/errors.js';
import { SENSITIVE } from '../../../src/model/secret-fields.js';
import { mapComputeEnv, mapListedComputeEnv } from '../../../src/kinds/compute-environments/api.js';
import { mapCredential, redactKeys, splitFingerprint } from '../../../src/kinds/credentials/api.js';
import { mapMember } from '../../../src/kinds/members/api.js';
import { mapWorkspace } from '../../../src/kinds/workspace/api.js';
import { mapParticipant } from '../../../src/kinds/participants/api.js';
import { mapLaunch, mapListedPipeline, mapPipeline } from '../../../src/kinds/pipelines/api.js';
import { planReads, workspaceReads } from '../../../src/state/read-needs.js';
import { expectedReadRequests, pages } from '../../../src/state/request-count.js';
import {
  aDesiredComputeEnv,
  aDesiredOrg,
  aDesiredPipeline,
  aDesiredState,
  aDesiredTeam,
  aDesiredWorkspace,
  aSource,
  aTeamParticipant,
  aUserParticipant,
} from '../../helpers/builders.js';

describe('credential mapping', () => {
  it('splits the keys fingerprint off the description', () => {
    expect(splitFingerprint('Main AWS [seqera-sync:v1:c2FsdA==:aGFzaA==]')).toEqual({
      description: 'Main AWS',
      fingerprint: { salt: 'c2FsdA==', hash: 'aGFzaA==' },
    });
    expect(splitFingerprint('[seqera-sync:v1:a_b-c:d/e+f]  ')).toEqual({
      description: '',
      fingerprint: { salt: 'a_b-c', hash: 'd/e+f' },
    });
  });

  it('leaves descriptions without a well-formed suffix alone', () => {
    for (const text of [
      'Main',
      'x [seqera-sync:v1:salt]',
      'x [seqera-sync:v2:a:b]',
      '[seqera-sync:v1:a:b] trailing',
    ]) {
      expect(splitFingerprint(text)).toEqual({ description: text });
    }
  });

  it('drops the discriminator and redacts readable secret fields', () => {
    expect(
      redactKeys('github', { discriminator: 'github', username: 'bot', token: 'ghp_x', password: null }),
    ).toEqual({
      username: 'bot',
      token: SENSITIVE,
    });
    expect(redactKeys('aws', { accessKey: 'AKIA', secretKey: 'leak' })).toEqual({
      accessKey: 'AKIA',
      secretKey: SENSITIVE,
    });
    expect(redactKeys('brand-new', { anything: 1 })).toEqual({ anything: 1 });
    expect(redactKeys('aws', 'not an object')).toEqual({});
  });

  it('maps a listed credential; an empty description is absent; no keys returned is marked', () => {
    expect(
      mapCredential({
        id: 'c1',
        name: 'gh',
        provider: 'github',
        description: '',
        baseUrl: 'https://github.com',
      }),
    ).toEqual({
      id: 'c1',
      name: 'gh',
      provider: 'github',
      baseUrl: 'https://github.com',
      keys: {},
      keysUnknown: true,
    });
    expect(
      mapCredential({ id: 'c1', name: 'gh', provider: 'github', keys: { discriminator: 'github' } }),
    ).toEqual({ id: 'c1', name: 'gh', provider: 'github', keys: {} });
    expect(() => mapCredential({ name: 'x', provider: 'aws' })).toThrow(ApiError);
  });
});

describe('participant mapping', () => {
  const path = '/orgs/1/workspaces/2/participants';
  it('maps the three types, lower-casing emails and keeping custom roles', () => {
    expect(
      mapParticipant(
        {
          participantId: 1,
          type: 'MEMBER',
          memberId: 5,
          userName: 'jane',
          email: 'Jane@X.org',
          wspRole: 'analyst',
        },
        path,
      ),
    ).toEqual({
      type: 'member',
      participantId: 1,
      memberId: 5,
      userName: 'jane',
      email: 'jane@x.org',
      role: 'analyst',
    });
    expect(
      mapParticipant(
        { participantId: 2, type: 'COLLABORATOR', memberId: 6, email: 'a@b.c', wspRole: 'view' },
        path,
      ),
    ).toMatchObject({
      type: 'collaborator',
      userName: 'a@b.c',
    });
    expect(
      mapParticipant(
        { participantId: 3, type: 'TEAM', teamId: 9, teamName: 'admins', wspRole: 'admin' },
        path,
      ),
    ).toEqual({
      type: 'team',
      participantId: 3,
      teamId: 9,
      teamName: 'admins',
      role: 'admin',
    });
  });

  it('classifies an unknown type by what the row carries, never failing', () => {
    expect(
      mapParticipant({ participantId: 4, type: 'GROUP', teamId: 9, teamName: 't', wspRole: 'view' }, path)
        .type,
    ).toBe('team');
    expect(
      mapParticipant(
        {
          participantId: 5,
          type: 'GUEST',
          memberId: 1,
          email: 'g@x.org',
          orgRole: 'collaborator',
          wspRole: 'view',
        },
        path,
      ).type,
    ).toBe('collaborator');
    expect(
      mapParticipant(
        { participantId: 6, type: 'NEW', memberId: 1, email: 'g@x.org', orgRole: 'member', wspRole: 'v' },
        path,
      ).type,
    ).toBe('member');
  });

  it('a row with no identity is an invalid response', () => {
    expect(() => mapParticipant({ participantId: 7, type: 'TEAM', wspRole: 'view' }, path)).toThrow(
      /team participant 7/,
    );
    expect(() => mapParticipant({ participantId: 8, type: 'MEMBER', wspRole: 'view' }, path)).toThrow(
      /participant 8/,
    );
  });
});

describe('other mappings', () => {
  it('lower-cases member emails and visibility, keeping unknown values', () => {
    expect(
      mapMember({ memberId: 1, userId: 2, userName: 'u', email: ' U@X.ORG ', role: 'billing' }),
    ).toMatchObject({
      email: 'u@x.org',
      role: 'billing',
    });
    expect(
      mapWorkspace({ id: 1, name: 'w', fullName: 'W', visibility: 'SHARED', description: null }),
    ).toEqual({
      id: 1,
      name: 'w',
      fullName: 'W',
      visibility: 'shared',
    });
    expect(mapWorkspace({ id: 1, name: 'w', fullName: 'W', visibility: 'ORG_WIDE' }).visibility).toBe(
      'org_wide',
    );
  });

  it('maps a described CE (config without discriminator) and a listed one', () => {
    const names = new Map([['c1', 'aws-main']]);
    const described = mapComputeEnv(
      {
        id: 'ce1',
        name: 'n',
        platform: 'aws-batch',
        status: 'SOMETHING_NEW',
        credentialsId: 'c1',
        config: { discriminator: 'aws-batch', region: 'r' },
        labels: [{ id: 3, name: 'l' }],
      },
      { id: 'ce1', name: 'n', platform: 'aws-batch', status: 'AVAILABLE', primary: true },
      names,
    );
    expect(described).toEqual({
      id: 'ce1',
      name: 'n',
      platform: 'aws-batch',
      status: 'SOMETHING_NEW',
      primary: true,
      credentialsId: 'c1',
      credentialsName: 'aws-main',
      config: { region: 'r' },
      labelIds: [3],
    });
    expect(
      mapListedComputeEnv(
        { id: 'ce2', name: 'm', platform: 'p', status: 'AVAILABLE', credentialsId: 'c9' },
        undefined,
      ),
    ).toEqual({
      id: 'ce2',
      name: 'm',
      platform: 'p',
      status: 'AVAILABLE',
      primary: false,
      credentialsId: 'c9',
      config: {},
      labelIds: [],
      listedOnly: true,
    });
  });

  it('maps a launch to WorkflowLaunchRequest shape with the CE as id and name', () => {
    expect(
      mapLaunch({
        id: 'l1',
        dateCreated: 'x',
        lastUpdated: 'y',
        workspaceId: 3,
        resumeLaunchId: 'r',
        computeEnv: { id: 'ce1', name: 'sydney' },
        pipeline: 'https://g/x',
        revision: null,
        headJobCpus: 2,
        brandNewField: 'kept',
      }),
    ).toEqual({
      pipeline: 'https://g/x',
      headJobCpus: 2,
      brandNewField: 'kept',
      computeEnvId: 'ce1',
      computeEnvName: 'sydney',
    });
    const dto = {
      pipelineId: 1,
      name: 'p',
      labels: [{ id: 4, name: 'l' }],
      version: { id: 'v1', name: 'one' },
      computeEnv: { id: 'ce1' },
    };
    expect(mapPipeline(dto, { pipeline: 'u' })).toEqual({
      pipelineId: 1,
      name: 'p',
      labelIds: [4],
      versionId: 'v1',
      versionName: 'one',
      launch: { pipeline: 'u' },
    });
    expect(mapListedPipeline(dto).launch).toEqual({ computeEnvId: 'ce1' });
  });
});

describe('what is read', () => {
  it('reads a collection when it is managed, or when a managed one needs its ids', () => {
    expect(workspaceReads(aDesiredWorkspace())).toEqual({
      participants: false,
      credentials: false,
      computeEnvList: false,
      computeEnvDescribe: false,
      pipelines: 'no',
      secrets: false,
      labels: false,
      dataLinks: false,
      studios: false,
      datasets: false,
      actions: 'no',
    });
    expect(workspaceReads(aDesiredWorkspace({ labels: [] })).labels).toBe(true);
    expect(workspaceReads(aDesiredWorkspace({ dataLinks: [] }))).toMatchObject({
      dataLinks: true,
      credentials: false,
    });
    expect(
      workspaceReads(
        aDesiredWorkspace({
          dataLinks: [
            {
              name: 'refs',
              provider: 'aws',
              resourceRef: 's3://refs',
              credentials: 'aws-main',
              publicAccessible: false,
              source: aSource(),
            },
          ],
        }),
      ),
    ).toMatchObject({ dataLinks: true, credentials: true });
    expect(workspaceReads(aDesiredWorkspace({ studios: { source: aSource() } })).studios).toBe(true);
    expect(workspaceReads(aDesiredWorkspace({ computeEnvironments: [aDesiredComputeEnv()] }))).toMatchObject({
      credentials: true,
      computeEnvList: true,
      computeEnvDescribe: true,
      pipelines: 'if-any-ce',
      actions: 'if-any-ce',
    });
    expect(
      workspaceReads(
        aDesiredWorkspace({ computeEnvironments: [aDesiredComputeEnv({ credentials: undefined })] }),
      ).credentials,
    ).toBe(false);
    expect(workspaceReads(aDesiredWorkspace({ pipelines: [aDesiredPipeline()] }))).toMatchObject({
      computeEnvList: true,
      computeEnvDescribe: false,
      pipelines: 'managed',
    });
    expect(
      workspaceReads(aDesiredWorkspace({ pipelines: [aDesiredPipeline({ computeEnvironment: undefined })] }))
        .computeEnvList,
    ).toBe(false);
  });

  it('with a filter: no org members or team membership; teams only for team participants; other orgs skipped', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'a',
        members: [],
        teams: [aDesiredTeam({ name: 't', members: [] })],
        workspaces: [
          aDesiredWorkspace({ name: 'w1', participants: [aUserParticipant('x@y.z')] }),
          aDesiredWorkspace({ name: 'w2', participants: [aTeamParticipant('t')] }),
        ],
      }),
      aDesiredOrg({ name: 'b', workspaces: [aDesiredWorkspace({ name: 'w3' })] }),
    );
    const unfiltered = planReads(desired, []);
    expect(unfiltered.map((r) => [r.org.name, r.members, r.teams, r.teamMembers])).toEqual([
      ['a', true, true, ['t']],
      ['b', false, false, []],
    ]);
    expect(
      planReads(desired, ['a/w1']).map((r) => [
        r.org.name,
        r.members,
        r.teams,
        r.teamMembers,
        [...r.workspaces.keys()],
      ]),
    ).toEqual([['a', false, false, [], ['w1']]]);
    expect(planReads(desired, ['a/w2']).map((r) => [r.teams, [...r.workspaces.keys()]])).toEqual([
      [true, ['w2']],
    ]);
  });
});

describe('the request-count formula', () => {
  it('pages by 100, an empty list being one request', () => {
    expect([0, 1, 100, 101, 250].map(pages)).toEqual([1, 1, 1, 2, 3]);
  });

  it('adds up a fully managed org as documented', () => {
    const desired = aDesiredState(
      aDesiredOrg({
        name: 'o',
        members: [],
        teams: [
          aDesiredTeam({ name: 't1', members: [] }),
          aDesiredTeam({ name: 't2' }),
          aDesiredTeam({ name: 'ghost', members: [] }),
        ],
        workspaces: [
          aDesiredWorkspace({
            name: 'w',
            participants: [],
            credentials: [],
            computeEnvironments: [],
            pipelines: [],
            secrets: [],
          }),
        ],
      }),
    );
    const live = {
      o: {
        members: 230,
        teams: 2,
        teamMembers: { t1: 101, t2: 5 },
        workspaces: { w: { participants: 100, computeEnvs: 4, pipelines: 150, listedPipelines: 201 } },
      },
    };
    // 1 + 1 + [1 + 3 (members) + 1 (teams) + 2 (t1) + (1 + 1 + 1 + 4 + 3 + 150 + 1 + 1 action list)]
    expect(expectedReadRequests(desired, live, { workspaceFilter: [] })).toBe(
      1 + 1 + (1 + 3 + 1 + 2 + (1 + 1 + 1 + 4 + 3 + 150 + 1 + 1)),
    );
    // An org that does not exist costs nothing beyond user-info and the orgs list.
    expect(expectedReadRequests(desired, {}, { workspaceFilter: [] })).toBe(2);
  });
});
