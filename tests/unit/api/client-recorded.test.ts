/**
 * The client reads what the real platform sends: every recorded response of
 * an endpoint the tool uses (../shared/seqera-api/recorded/) decodes, with the
 * platform's quirks mapped once (member rows without `userId`, the 2021
 * credential shape, nulls, several primary CEs, lists without `totalSize`).
 * Skips outside CI when the recordings are absent.
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { readRecorded, recordedOrSkip } from '../../helpers/recorded.js';
import { mapAction } from '../../../src/kinds/actions/api.js';
import { labelWrites } from '../../../src/kinds/labels/api.js';
import { labelReads, mapLabel } from '../../../src/kinds/labels/api.js';
import { HOST, makeClient, rejectionOf } from './client-fixture.js';
import { actionReads } from '../../../src/kinds/actions/api.js';
import { actionWrites } from '../../../src/kinds/actions/api.js';
import { credentialReads } from '../../../src/kinds/credentials/api.js';
import { computeEnvReads } from '../../../src/kinds/compute-environments/api.js';
import { pipelineReads } from '../../../src/kinds/pipelines/api.js';
import { pipelineSecretReads } from '../../../src/kinds/secrets/api.js';
import { organizationReads } from '../../../src/kinds/organization/api.js';
import { memberReads, memberWrites } from '../../../src/kinds/members/api.js';
import { teamReads, teamWrites } from '../../../src/kinds/teams/api.js';
import { workspaceReads, workspaceWrites } from '../../../src/kinds/workspace/api.js';
import { participantReads, participantWrites } from '../../../src/kinds/participants/api.js';
import { userReads } from '../../../src/api/user-operations.js';

useNockGuard();

const { dir, skipReason } = recordedOrSkip();
const recorded = (fixture: string): Record<string, unknown> => {
  if (dir === undefined) throw new Error('unreachable: the suite is skipped');
  return readRecorded(dir, fixture) as Record<string, unknown>;
};

/** Serves `body[key]` page by page (`max`/`offset`), with or without `totalSize`, `times` requests exactly. */
function servePaged(
  path: string,
  body: Record<string, unknown>,
  key: string,
  withTotal: boolean,
  times: number,
): string[] {
  const items = body[key] as unknown[];
  const seen: string[] = [];
  nock(HOST)
    .get(path)
    .query(true)
    .times(times)
    .reply((uri) => {
      const url = new URL(uri, HOST);
      seen.push(url.search);
      const max = Number(url.searchParams.get('max'));
      const offset = Number(url.searchParams.get('offset'));
      const page = { ...body, [key]: items.slice(offset, offset + max) };
      if (withTotal) page.totalSize = items.length;
      else delete page.totalSize;
      return [200, page];
    });
  return seen;
}

describe.skipIf(skipReason !== undefined)('recorded platform responses decode', () => {
  it('org member rows carry memberId and no userId', async () => {
    nock(HOST).get('/orgs/1/members').query(true).reply(200, recorded('org-members.json'));
    const { client } = makeClient();
    const members = await client.use(memberReads).listMembers(1);
    expect(members.map((m) => [m.memberId, m.email, m.role])).toEqual([
      [175703974560466, 'jfernandez74@gmail.com', 'owner'],
      [255080245994226, 'julio@seqera.io', 'member'],
    ]);
    expect(members.every((m) => m.userId === undefined)).toBe(true);
  });

  it('team members, member and team-member add responses', async () => {
    nock(HOST)
      .get('/orgs/1/teams/2/members')
      .query(true)
      .reply(200, recorded('team-members.json'))
      .put('/orgs/1/members/add')
      .reply(200, recorded('member-add-response.json'))
      .post('/orgs/1/teams/2/members')
      .reply(200, recorded('team-member-add-response.json'))
      .post('/orgs/1/teams')
      .reply(200, recorded('team-add-response.json'));
    const { client } = makeClient();
    expect((await client.use(teamReads).listTeamMembers(1, 2)).map((m) => m.userName)).toEqual([
      'julio2',
      'julio789',
      'julio7899',
    ]);
    expect((await client.use(memberWrites).addMember(1, 'julio123@seqera.io')).memberId).toBe(440905637173);
    expect((await client.use(teamWrites).addTeamMember(1, 2, 'abc@seqera.io')).email).toBe('abc@seqera.io');
    expect(await client.use(teamWrites).createTeam(1, { name: 'team-test-3' })).toEqual({
      teamId: 249211453903161,
      name: 'team-test-3',
      description: 'AAAAAA',
      membersCount: 0,
    });
  });

  it('user info, organisations (totalSize null) and workspaces', async () => {
    const view = recorded('workspace-view.json');
    nock(HOST)
      .get('/user-info')
      .reply(200, recorded('user-info.json'))
      .get('/orgs')
      .reply(200, recorded('orgs.json'))
      .get('/orgs/1/workspaces')
      .reply(200, { workspaces: [view.workspace] })
      .post('/orgs/1/workspaces')
      .reply(200, recorded('workspace-add-response.json'))
      .put('/orgs/1/workspaces/75887156211589')
      .reply(200, recorded('workspace-update-response.json'));
    const { client } = makeClient();
    const info = await client.use(userReads).getUserInfo();
    expect(info.user).toEqual({ id: 1264, userName: 'jordi', email: 'jordi@seqera.io' });
    expect(JSON.stringify(info)).not.toContain('gho_');
    const orgs = await client.use(organizationReads).listOrganizations();
    expect(orgs.map((o) => [o.orgId, o.name, o.memberRole])).toEqual([
      [81702924135038, 'org-jfernandez', 'owner'],
      [27736513644467, 'organization1', 'owner'],
    ]);
    expect(orgs[0]?.description).toBeUndefined();
    expect(await client.use(workspaceReads).listWorkspaces(1)).toEqual([
      {
        id: 75887156211589,
        name: 'workspace1',
        fullName: 'workspace 1',
        description: 'Workspace description',
        visibility: 'PRIVATE',
      },
    ]);
    const body = { name: 'wspNew', fullName: 'wsp-new', visibility: 'PRIVATE' as const };
    expect((await client.use(workspaceWrites).createWorkspace(1, body)).id).toBe(52957572657821);
    const updated = await client
      .use(workspaceWrites)
      .updateWorkspace(1, 75887156211589, { ...body, description: null });
    expect(updated.name).toBe('workspace2');
  });

  it('participants: member rows and a team row full of nulls', async () => {
    nock(HOST)
      .get('/orgs/1/workspaces/2/participants')
      .query(true)
      .reply(200, recorded('participants.json'))
      .put('/orgs/1/workspaces/2/participants/add')
      .reply(200, recorded('participant-team-add.json'));
    const { client } = makeClient();
    const list = await client.use(participantReads).listParticipants(1, 2);
    expect(list).toHaveLength(5);
    expect(list[4]).toEqual({
      participantId: 179548688376545,
      type: 'TEAM',
      teamId: 255717345477198,
      teamName: 'team-test-2',
      wspRole: 'launch',
    });
    expect((await client.use(participantWrites).addParticipant(1, 2, { teamId: 255717345477198 })).type).toBe(
      'TEAM',
    );
  });

  it('credentials: rows without keys, the 2021 shape (discriminator, no provider), and a describe', async () => {
    nock(HOST)
      .get('/credentials')
      .query({ workspaceId: '2' })
      .reply(200, recorded('credentials.json'))
      .get('/credentials')
      .query({ workspaceId: '3' })
      .reply(200, recorded('credentials-legacy-discriminator.json'))
      .get('/credentials/3cz5A8cuBkB5iJliCwJCFU')
      .query({ workspaceId: '2' })
      .reply(200, recorded('credential-aws-role.json'));
    const { client } = makeClient();
    const list = await client.use(credentialReads).listCredentials(2);
    expect(list.map((c) => [c.name, c.provider, c.keys])).toEqual([
      ['ssh', 'ssh', undefined],
      ['azure', 'azure', undefined],
    ]);
    const legacy = await client.use(credentialReads).listCredentials(3);
    expect(legacy.map((c) => [c.id, c.name, c.provider])).toEqual([['6g0ER59L4ZoE5zpOmUP48D', 'aws', 'aws']]);
    const described = await client.use(credentialReads).describeCredentials(2, '3cz5A8cuBkB5iJliCwJCFU');
    expect(described.provider).toBe('aws');
    expect(described.keys).toEqual({
      discriminator: 'aws',
      mode: 'role',
      assumeRoleArn: 'arn:aws:iam::123456789012:role/MyRole',
    });
  });

  it('compute environments: several primary, primary null, and the described configs', async () => {
    nock(HOST)
      .get('/compute-envs')
      .query({ workspaceId: '2' })
      .reply(200, recorded('compute-envs.json'))
      .get('/compute-envs')
      .query({ workspaceId: '3' })
      .reply(200, recorded('compute-envs-primary-null.json'));
    const describes = [
      'ce-aws-forge-demo.json',
      'ce-aws-forge-fusion.json',
      'ce-aws-manual-errored.json',
      'ce-google-lifesciences.json',
      'ce-azure-batch.json',
    ];
    for (const fixture of describes) {
      const body = recorded(fixture);
      const id = (body.computeEnv as { id: string }).id;
      nock(HOST).get(`/compute-envs/${id}`).query(true).reply(200, body);
    }
    const { client } = makeClient();
    expect((await client.use(computeEnvReads).listComputeEnvs(2)).map((ce) => ce.primary)).toEqual([
      true,
      true,
      true,
    ]);
    const [nullPrimary] = await client.use(computeEnvReads).listComputeEnvs(3);
    expect(nullPrimary?.primary).toBeUndefined();
    const platforms: string[] = [];
    for (const fixture of describes) {
      const id = (recorded(fixture).computeEnv as { id: string }).id;
      const ce = await client.use(computeEnvReads).describeComputeEnv(2, id);
      expect(ce.primary).toBeUndefined();
      expect(typeof ce.config).toBe('object');
      platforms.push(ce.platform);
    }
    expect(platforms).toEqual(['aws-batch', 'aws-batch', 'aws-batch', 'google-lifesciences', 'azure-batch']);
  });

  it('pipelines: rows with null labels and computeEnv, unknown fields, the launch with its CE', async () => {
    nock(HOST)
      .get('/pipelines')
      .query(true)
      .reply(200, recorded('pipelines-labels-null.json'))
      .get('/pipelines')
      .query(true)
      .reply(200, recorded('pipelines-sarek.json'))
      .get('/pipelines/213164477645856/launch')
      .query(true)
      .reply(200, recorded('pipeline-launch-sleep.json'))
      .get('/pipeline-secrets')
      .query(true)
      .reply(200, recorded('pipeline-secrets.json'));
    const { client } = makeClient();
    expect(await client.use(pipelineReads).listPipelines(2)).toEqual([
      {
        pipelineId: 213164477645856,
        name: 'sleep_one_minute',
        repository: 'https://github.com/pditommaso/nf-sleep',
      },
    ]);
    expect((await client.use(pipelineReads).listPipelines(2)).map((p) => p.name)).toEqual(['sarek']);
    const launch = await client.use(pipelineReads).describePipelineLaunch(2, 213164477645856);
    expect(launch.computeEnv).toEqual({ id: 'vYOK4vn7spw7bHHWBDXZ2', name: 'demo' });
    expect(launch.paramsText).toBe('timeout: 60\n');
    expect((await client.use(pipelineSecretReads).listPipelineSecrets(2)).map((s) => s.name)).toEqual([
      'name01',
      'name02',
    ]);
  });

  it('pipeline actions: the recorded list, describe and create answer, mapped to a live action', async () => {
    nock(HOST)
      .get('/actions')
      .query({ workspaceId: '2' })
      .reply(200, recorded('actions.json'))
      .get('/actions/57byWxhmUDLLWIF4J97XEP')
      .query({ workspaceId: '2', attributes: 'labels' })
      .reply(200, recorded('action-view.json'))
      .post('/actions')
      .query({ workspaceId: '2' })
      .reply(200, recorded('action-add-response.json'));
    const { client } = makeClient();
    const listed = await client.use(actionReads).listActions(2);
    expect(listed.map((a) => [a.name, a.source, a.pipeline])).toEqual([
      ['hello', 'github', 'https://github.com/pditommaso/hello'],
      ['Bye', 'github', 'https://github.com/pditommaso/hello'],
    ]);
    const [first] = listed;
    if (first === undefined) throw new Error('no action listed');
    const live = mapAction(first, await client.use(actionReads).describeAction(2, first.id));
    expect(live).toMatchObject({
      id: '57byWxhmUDLLWIF4J97XEP',
      name: 'hello',
      trigger: 'github',
      status: 'ACTIVE',
      hookUrl: 'https://api.github.com/repos/pditommaso/hello/hooks/303166158',
      labels: [],
      launch: {
        pipeline: 'https://github.com/pditommaso/hello',
        workDir: '/home/ubuntu/nf-work',
        computeEnvId: '1NcvsrdHeaKsrpgQ85NYpe',
        computeEnvName: 'deleted-774901692352490',
      },
    });
    expect(live.cron).toBeUndefined();
    expect(
      await client.use(actionWrites).createAction(2, {
        name: 'x',
        source: 'tower',
        launch: { pipeline: 'https://github.com/pditommaso/hello' },
      }),
    ).toBe('2Z1g6MCWpOLgHLA65cw1qt');
  });

  it('labels: the 2023 list without isDefault, one with it, and the create answer, mapped to live labels', async () => {
    nock(HOST)
      .get('/labels')
      .query({ workspaceId: '2', type: 'all', max: '100', offset: '0' })
      .reply(200, recorded('labels.json'))
      .get('/labels')
      .query(true)
      .reply(200, recorded('labels-search-isdefault.json'))
      .post('/labels')
      .query({ workspaceId: '2' })
      .reply(200, recorded('label-add-response.json'));
    const { client } = makeClient();
    expect((await client.use(labelReads).listLabels(2)).map(mapLabel)).toEqual([
      { id: 97027588903667, name: 'awesome-label', resource: false, isDefault: false },
      { id: 250670995082875, name: 'new-label', resource: false, isDefault: false },
      { id: 55286297817389, name: 'newx-label', resource: false, isDefault: false },
      { id: 232243090533688, name: 'res-label', value: 'aaaa', resource: true, isDefault: false },
    ]);
    expect((await client.use(labelReads).listLabels(2)).map((l) => [l.name, l.isDefault])).toEqual([
      ['l1', false],
      ['label1', false],
    ]);
    const created = await client
      .use(labelWrites)
      .createLabel(2, { name: 'test_label1', resource: false, isDefault: false });
    expect(mapLabel(created)).toEqual({
      id: 216786345960497,
      name: 'test_label1',
      resource: false,
      isDefault: false,
    });
  });

  it('an undecodable row names the endpoint and the field', async () => {
    const body = recorded('org-members.json');
    const rows = body.members as Record<string, unknown>[];
    const broken = { ...body, members: [rows[0], { ...rows[1], memberId: null }] };
    nock(HOST).get('/orgs/1/members').query(true).reply(200, broken);
    const { client } = makeClient();
    const err = await rejectionOf(client.use(memberReads).listMembers(1));
    expect((err as Error).message).toBe(
      "GET /orgs/1/members?max=100&offset=0 failed: unexpected response (200): 'members[1].memberId' is not a number (found null)",
    );
  });
});

describe.skipIf(skipReason !== undefined)('paging the recorded teams list with a page size of 1', () => {
  it('without totalSize (as recorded): a short page ends the list', async () => {
    const seen = servePaged('/orgs/1/teams', recorded('teams.json'), 'teams', false, 5);
    const { client } = makeClient({ pageSize: 1 });
    const teams = await client.use(teamReads).listTeams(1);
    expect(teams.map((t) => t.name)).toEqual(['team-test-3', 'team-test-1', 'team-test-2', 'team1']);
    // Four full pages, then the empty fifth one ends the list.
    expect(seen).toEqual([
      '?max=1&offset=0',
      '?max=1&offset=1',
      '?max=1&offset=2',
      '?max=1&offset=3',
      '?max=1&offset=4',
    ]);
  });

  it('with totalSize: stops at the total without asking for an empty page', async () => {
    const seen = servePaged('/orgs/1/teams', recorded('teams.json'), 'teams', true, 4);
    const { client } = makeClient({ pageSize: 1 });
    expect(await client.use(teamReads).listTeams(1)).toHaveLength(4);
    expect(seen).toHaveLength(4);
  });
});
