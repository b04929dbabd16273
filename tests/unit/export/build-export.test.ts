/**
 * The export's mapping, end to end through the real YAML writer and loader:
 * a live state built by hand → files → `loadDesiredState` (must validate) →
 * `computePlan` against the same live state (must be empty).
 */
import { varsSkeleton } from '../../../src/export/render-result.js';
import { setFromSkeleton } from '../../helpers/variables.js';
import { afterAll, describe, expect, it } from 'vitest';
import { address } from '../../../src/model/address.js';
import type { ActualState } from '../../../src/model/actual.js';
import type { DesiredWorkspace } from '../../../src/model/desired.js';
import { isEmptyPlan } from '../../../src/model/plan.js';
import { SENSITIVE } from '../../../src/model/secret-fields.js';
import { computePlan } from '../../../src/plan/compute-plan.js';
import {
  aPlannerContext,
  anActualComputeEnv,
  anActualCredential,
  anActualMember,
  anActualOrg,
  anActualPipeline,
  anActualSecret,
  anActualState,
  anActualTeam,
  anActualTeamParticipant,
  anActualUserParticipant,
  anActualWorkspace,
  idOf,
  teamMembersOf,
  TOKEN_USER,
} from '../../helpers/builders.js';
import { cleanExportDirs, desiredOf, exportToDir } from './harness.js';

afterAll(cleanExportDirs);

const ORG = 'biocommons';
const BOT = TOKEN_USER.email;
const credId = (name: string): string => `cred-${idOf(`cred:${name}`)}`;
const ceId = (name: string): string => `ce-${idOf(`ce:${name}`)}`;

function liveEstate(): ActualState {
  return anActualState(
    anActualOrg({
      name: ORG,
      fullName: 'Australian BioCommons',
      description: 'Made by hand',
      members: [
        anActualMember('jane@example.edu.au', 'member'),
        anActualMember(BOT, 'owner'),
        anActualMember('ops@example.org', 'owner'),
        anActualMember('visitor@example.org', 'collaborator'),
      ],
      teams: [
        anActualTeam({
          name: 'ausgen-admins',
          description: 'Admins',
          members: teamMembersOf('sam@example.edu.au', 'jane@example.edu.au'),
        }),
      ],
      workspaces: [
        anActualWorkspace({
          name: 'ausgen',
          fullName: 'Australian Genomics',
          visibility: 'private',
          participants: [
            anActualUserParticipant(BOT, 'owner'),
            anActualUserParticipant('jane@example.edu.au', 'admin'),
            anActualTeamParticipant('ausgen-admins', 'maintain'),
            anActualUserParticipant('visitor@example.org', 'launch', 'collaborator'),
          ],
          credentials: [
            anActualCredential({
              name: 'aws-main',
              description: 'Main',
              keys: { accessKey: 'AKIA1', mode: 'keys' },
            }),
            anActualCredential({
              name: 'gh',
              provider: 'github',
              keys: { username: 'bot', token: SENSITIVE },
              fingerprint: undefined,
            }),
            anActualCredential({ name: 'gadi-ssh', provider: 'ssh', keys: {}, fingerprint: undefined }),
          ],
          computeEnvironments: [
            anActualComputeEnv({
              name: 'aws-sydney',
              primary: true,
              credentialsId: credId('aws-main'),
              description: 'Spot',
              config: {
                discriminator: 'aws-batch',
                dateCreated: '2024-05-01T00:00:00Z',
                forgedResources: [{ JobQueue: { arn: 'arn:aws:batch:x' } }],
                headQueue: 'TowerForge-1-head',
                computeQueue: 'TowerForge-1-work',
                region: 'ap-southeast-2',
                workDir: 's3://ausgen-work/scratch',
                fusion2Enabled: false,
                waveEnabled: true,
                headJobCpus: 0,
                forge: {
                  type: 'SPOT',
                  maxCpus: 100,
                  instanceTypes: [],
                  allowBuckets: ['s3://ausgen-data', 's3://ausgen-work/scratch'],
                  fsxName: null,
                },
                nextflowConfig: 'process.cpus = "${task.cpus}"\n',
                environment: [{ name: 'CACHE', value: '${HOME}/cache', head: true, compute: false }],
              },
            }),
            anActualComputeEnv({
              name: 'manual',
              status: 'ERRORED',
              message: 'queue my-head not found',
              credentialsId: credId('aws-main'),
              config: {
                region: 'ap-southeast-2',
                workDir: 's3://ausgen-work/manual',
                headQueue: 'my-head',
                computeQueue: 'my-work',
              },
            }),
            anActualComputeEnv({
              name: 'gadi',
              platform: 'altair-platform',
              credentialsId: credId('gadi-ssh'),
              config: {
                discriminator: 'altair-platform',
                hostName: 'gadi.nci.org.au',
                workDir: '/scratch/ab12/work',
                headQueue: 'normal',
                preRunScript: 'module load nextflow\nexport X=${HOME}\n',
              },
            }),
          ],
          pipelines: [
            anActualPipeline({
              name: 'rnaseq',
              description: 'RNA-seq',
              launch: {
                pipeline: 'https://github.com/nf-core/rnaseq',
                revision: '3.14',
                computeEnvId: ceId('aws-sydney'),
                computeEnvName: 'aws-sydney',
                workDir: 's3://ausgen-work/scratch',
                configProfiles: ['test', 'docker', 'test'],
                paramsText: '{"outdir":"s3://results","msg":"${x} $${y}","skip":false,"n":3}',
                headJobCpus: 2,
                preRunScript: 'echo ${HOME}',
                pullLatest: false,
                labelIds: [4],
                optimizationId: 'opt-1',
              },
            }),
            anActualPipeline({
              name: 'yaml-params',
              launch: {
                pipeline: 'https://github.com/nf-core/sarek',
                computeEnvId: ceId('gadi'),
                workDir: '/scratch/ab12/work',
                paramsText: 'genome: GRCh38\ntools: [a, b]\n',
              },
            }),
            anActualPipeline({
              name: 'list-params',
              launch: {
                pipeline: 'https://github.com/nf-core/mag',
                computeEnvId: ceId('gadi'),
                workDir: '/scratch/ab12/work',
                paramsText: '- not\n- a mapping\n',
              },
            }),
            anActualPipeline({ name: 'no-ce', launch: { pipeline: 'https://github.com/x/y' } }),
          ],
          secrets: [anActualSecret('SENTIEON_LICENSE')],
        }),
        anActualWorkspace({
          name: 'shared-ws',
          fullName: 'Shared',
          visibility: 'shared',
          participants: [
            anActualUserParticipant(BOT, 'admin'),
            anActualUserParticipant('ops@example.org', 'custom-curator'),
          ],
          credentials: [],
          computeEnvironments: [],
          pipelines: [
            anActualPipeline({
              name: 'fetchngs',
              launch: { pipeline: 'https://github.com/nf-core/fetchngs' },
            }),
          ],
          secrets: [],
        }),
      ],
    }),
  );
}

function workspace(desired: ReturnType<typeof desiredOf>, name: string): DesiredWorkspace {
  const ws = desired.orgs[0]?.workspaces.find((w) => w.name === name);
  if (ws === undefined) throw new Error(`no workspace ${name}`);
  return ws;
}

describe('export mapping', () => {
  it('writes files that validate and whose plan against the same platform is empty', async () => {
    const actual = liveEstate();
    const exported = await exportToDir(actual, ORG);
    const desired = desiredOf(exported);
    expect(exported.model.files.map((f) => f.name)).toEqual(['organization', 'ausgen', 'shared-ws']);
    const plan = computePlan(desired, actual, aPlannerContext());
    expect(plan.blocked).toEqual([]);
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
    expect(isEmptyPlan(plan)).toBe(true);
    expect(plan.notes.map((n) => n.address).filter((a) => a?.includes('/credentials/'))).toEqual([
      address.credential(ORG, 'ausgen', 'aws-main'),
      address.credential(ORG, 'ausgen', 'gadi-ssh'),
      address.credential(ORG, 'ausgen', 'gh'),
    ]);
    expect(
      plan.notes.every(
        (n) => !n.address?.includes('/credentials/') || n.message.includes('keys not compared'),
      ),
    ).toBe(true);
  });

  it('with every variable set, plans only the fingerprint records of credentials that have none', async () => {
    const actual = liveEstate();
    const exported = await exportToDir(actual, ORG);
    const desired = desiredOf(exported);
    const plan = computePlan(
      desired,
      actual,
      aPlannerContext({
        setVariables: setFromSkeleton(varsSkeleton(exported.model.variables)),
        keysMatch: new Map([[address.credential(ORG, 'ausgen', 'aws-main'), true]]),
      }),
    );
    expect(exported.model.unfingerprinted).toEqual([
      address.credential(ORG, 'ausgen', 'gadi-ssh'),
      address.credential(ORG, 'ausgen', 'gh'),
    ]);
    expect(plan.actions.map((a) => [a.type, a.address])).toEqual(
      exported.model.unfingerprinted.map((a) => ['update', a]),
    );
    expect(plan.actions.every((a) => a.reason.startsWith('record keys fingerprint'))).toBe(true);
  });

  it('turns secret fields into ${VAR} references with predictable names, and never writes a secret', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    expect(exported.model.variables).toEqual([
      {
        name: 'AUSGEN_AWS_MAIN_SECRET_KEY',
        address: 'biocommons/ausgen/credentials/aws-main',
        field: 'keys.secretKey',
      },
      {
        name: 'AUSGEN_GADI_SSH_PRIVATE_KEY',
        address: 'biocommons/ausgen/credentials/gadi-ssh',
        field: 'keys.privateKey',
      },
      { name: 'AUSGEN_GH_TOKEN', address: 'biocommons/ausgen/credentials/gh', field: 'keys.token' },
      {
        name: 'AUSGEN_SENTIEON_LICENSE',
        address: 'biocommons/ausgen/secrets/SENTIEON_LICENSE',
        field: 'value',
      },
    ]);
    const ws = workspace(desiredOf(exported), 'ausgen');
    expect(ws.credentials?.map((c) => [c.name, c.keys])).toEqual([
      [
        'aws-main',
        { accessKey: 'AKIA1', secretKey: { secretRef: 'AUSGEN_AWS_MAIN_SECRET_KEY' }, mode: 'keys' },
      ],
      ['gadi-ssh', { privateKey: { secretRef: 'AUSGEN_GADI_SSH_PRIVATE_KEY' } }],
      ['gh', { username: 'bot', token: { secretRef: 'AUSGEN_GH_TOKEN' } }],
    ]);
    expect(ws.secrets).toEqual([
      expect.objectContaining({ name: 'SENTIEON_LICENSE', value: { secretRef: 'AUSGEN_SENTIEON_LICENSE' } }),
    ]);
    for (const text of Object.values(exported.texts)) expect(text).not.toContain(SENSITIVE);
    expect(exported.model.warnings).toContain(
      'biocommons/ausgen/credentials/gadi-ssh: keys.passphrase cannot be read back; if the credential has one, add it as a ${VAR} reference before the first apply that sends the keys',
    );
  });

  it('escapes ${ in interpolated values and leaves verbatim fields as they are', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const text = exported.texts['ausgen.yaml'] ?? '';
    expect(text).toContain("value: '$${HOME}/cache'");
    expect(text).toContain('msg: $${x} $$${y}');
    expect(text).toContain('process.cpus = "${task.cpus}"');
    expect(text).toContain('export X=${HOME}');
    expect(text).toContain('preRunScript: echo ${HOME}');
    const ws = workspace(desiredOf(exported), 'ausgen');
    const ce = ws.computeEnvironments?.find((c) => c.name === 'aws-sydney');
    expect(ce?.config['environment']).toEqual([{ name: 'CACHE', value: '${HOME}/cache', head: true }]);
    const rnaseq = ws.pipelines?.find((p) => p.name === 'rnaseq');
    expect(rnaseq?.params).toEqual({ outdir: 's3://results', msg: '${x} $${y}', skip: false, n: 3 });
    expect(rnaseq?.launch).toEqual({ preRunScript: 'echo ${HOME}', headJobCpus: 2 });
  });

  it('drops server-filled compute-environment fields and keeps what a person declares', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const ws = workspace(desiredOf(exported), 'ausgen');
    const byName = new Map(ws.computeEnvironments?.map((ce) => [ce.name, ce]));
    expect(byName.get('aws-sydney')?.config).toEqual({
      region: 'ap-southeast-2',
      workDir: 's3://ausgen-work/scratch',
      waveEnabled: true,
      forge: { type: 'SPOT', maxCpus: 100, allowBuckets: ['s3://ausgen-data'] },
      environment: [{ name: 'CACHE', value: '${HOME}/cache', head: true }],
      nextflowConfig: 'process.cpus = "${task.cpus}"\n',
    });
    expect(exported.model.warnings).toContainEqual(
      expect.stringMatching(
        /^biocommons\/ausgen\/computeEnvironments\/aws-sydney: config\.headJobCpus .* not exported$/,
      ),
    );
    expect(exported.model.warnings).toContain(
      'biocommons/ausgen/computeEnvironments/manual: exported, but its status on the platform is ERRORED (queue my-head not found)',
    );
    // Manual queues (no forge) are the user's own: kept.
    expect(byName.get('manual')?.config).toEqual({
      region: 'ap-southeast-2',
      workDir: 's3://ausgen-work/manual',
      computeQueue: 'my-work',
      headQueue: 'my-head',
    });
    expect(byName.get('gadi')?.config).toEqual({
      hostName: 'gadi.nci.org.au',
      workDir: '/scratch/ab12/work',
      headQueue: 'normal',
      preRunScript: 'module load nextflow\nexport X=${HOME}\n',
    });
    expect(exported.texts['ausgen.yaml']).not.toMatch(/discriminator|forgedResources|dateCreated|TowerForge/);
  });

  it('writes primary only for the primary compute environment, and credentials by name', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const text = exported.texts['ausgen.yaml'] ?? '';
    expect(text.match(/primary:/g)).toHaveLength(1);
    const ws = workspace(desiredOf(exported), 'ausgen');
    expect(ws.computeEnvironments?.map((ce) => [ce.name, ce.primary, ce.credentials])).toEqual([
      ['aws-sydney', true, 'aws-main'],
      ['gadi', false, 'gadi-ssh'],
      ['manual', false, 'aws-main'],
    ]);
  });

  it("leaves the token's own user out of participants, and collaborators out of members", async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const desired = desiredOf(exported);
    const ausgen = workspace(desired, 'ausgen');
    expect(ausgen.participants?.map((p) => (p.type === 'team' ? `team:${p.team}` : p.email))).toEqual([
      'team:ausgen-admins',
      'jane@example.edu.au',
      'visitor@example.org',
    ]);
    expect(workspace(desired, 'shared-ws').participants).toEqual([]);
    const org = desired.orgs[0];
    expect(org?.members?.map((m) => [m.email, m.role])).toEqual([
      ['ops@example.org', 'owner'],
      [BOT, 'owner'],
      ['jane@example.edu.au', 'member'],
    ]);
    expect(org?.teams?.map((t) => [t.name, t.description, t.members])).toEqual([
      ['ausgen-admins', 'Admins', ['jane@example.edu.au', 'sam@example.edu.au']],
    ]);
  });

  it('maps pipelines: url, revision, CE by name, work dir, profiles, parsed params, other launch fields', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const ws = workspace(desiredOf(exported), 'ausgen');
    const rnaseq = ws.pipelines?.find((p) => p.name === 'rnaseq');
    expect(rnaseq).toMatchObject({
      description: 'RNA-seq',
      url: 'https://github.com/nf-core/rnaseq',
      revision: '3.14',
      computeEnvironment: 'aws-sydney',
      workDir: 's3://ausgen-work/scratch',
      profiles: ['test', 'docker'],
    });
    expect(ws.pipelines?.find((p) => p.name === 'yaml-params')?.params).toEqual({
      genome: 'GRCh38',
      tools: ['a', 'b'],
    });
    const listParams = ws.pipelines?.find((p) => p.name === 'list-params');
    expect(listParams).toBeDefined();
    expect(listParams?.params).toBeUndefined();
    expect(exported.model.warnings).toContain(
      "biocommons/ausgen/pipelines/list-params: params not declared (the pipeline's parameters are not a mapping of names to values)",
    );
  });

  it('acknowledges under ignore what a file cannot declare, so the plan shows no drift', async () => {
    const exported = await exportToDir(liveEstate(), ORG);
    const desired = desiredOf(exported);
    expect(workspace(desired, 'ausgen').pipelines?.map((p) => p.name)).not.toContain('no-ce');
    expect(workspace(desired, 'ausgen').ignore.pipelines).toEqual(['no-ce']);
    expect(workspace(desired, 'shared-ws').ignore.participants).toEqual(['ops@example.org']);
    expect(exported.texts['shared-ws.yaml']).toContain('ignore:\n  participants: [ops@example.org]\n');
    expect(exported.model.warnings).toEqual(
      expect.arrayContaining([
        'biocommons/ausgen/pipelines/no-ce: not exported (a pipeline of a private workspace needs a compute environment of the workspace and a work dir); listed under ignore.pipelines in biocommons/ausgen.yaml',
        'biocommons/shared-ws/participants/ops@example.org: not exported (role custom-curator is not a custom role the organisation file declares); listed under ignore.participants in biocommons/shared-ws.yaml',
      ]),
    );
  });

  it('with a workspace selection writes only those workspaces and no organisation file', async () => {
    const actual = liveEstate();
    const exported = await exportToDir(actual, ORG, { workspaces: ['ausgen'] });
    expect(exported.model.files.map((f) => f.name)).toEqual(['ausgen']);
    const desired = desiredOf(exported);
    expect(desired.orgs[0]?.hasFile).toBe(false);
    const plan = computePlan(desired, actual, aPlannerContext({ workspaceFilter: ['biocommons/ausgen'] }));
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged).toEqual([]);
  });

  it('gives two secrets that would share a variable name different names', async () => {
    const actual = anActualState(
      anActualOrg({
        name: ORG,
        members: [],
        teams: [],
        workspaces: [
          anActualWorkspace({
            name: 'ab-cd',
            participants: [],
            credentials: [],
            computeEnvironments: [],
            pipelines: [],
            secrets: [anActualSecret('EF')],
          }),
          anActualWorkspace({
            name: 'ab',
            participants: [],
            credentials: [],
            computeEnvironments: [],
            pipelines: [],
            secrets: [anActualSecret('CD_EF')],
          }),
        ],
      }),
    );
    const exported = await exportToDir(actual, ORG);
    expect(exported.model.variables.map((v) => [v.address, v.name])).toEqual([
      ['biocommons/ab/secrets/CD_EF', 'AB_CD_EF'],
      ['biocommons/ab-cd/secrets/EF', 'AB_CD_EF_2'],
    ]);
    desiredOf(exported);
  });

  it('skips a workspace that cannot be a file and lists items the schema refuses under ignore', async () => {
    const actual = anActualState(
      anActualOrg({
        name: ORG,
        members: [anActualMember(BOT, 'member')],
        teams: [],
        workspaces: [
          anActualWorkspace({
            name: 'x',
            participants: [],
            credentials: [],
            computeEnvironments: [],
            pipelines: [],
            secrets: [],
          }),
          anActualWorkspace({
            name: 'odd',
            participants: [anActualUserParticipant(BOT, 'view')],
            credentials: [anActualCredential({ name: 'weird', provider: 'quantum-cloud', keys: {} })],
            computeEnvironments: [
              anActualComputeEnv({ name: 'future', platform: 'quantum-platform', credentialsId: undefined }),
            ],
            pipelines: [],
            secrets: [anActualSecret('X'), anActualSecret('GOOD_ONE')],
          }),
        ],
      }),
    );
    const exported = await exportToDir(actual, ORG);
    const desired = desiredOf(exported);
    expect(exported.model.files.map((f) => f.name)).toEqual(['organization', 'odd']);
    expect(exported.model.warnings).toContainEqual(
      expect.stringMatching(/^biocommons\/x: not exported \(.*\); a plan reports it as unmanaged$/),
    );
    // The token's user as a mere member (or viewer) is left to the platform: a file may declare it only as owner.
    expect(desired.orgs[0]?.members).toEqual([]);
    const odd = workspace(desired, 'odd');
    expect(odd.participants).toEqual([]);
    expect(odd.ignore.credentials).toEqual(['weird']);
    expect(odd.ignore.computeEnvironments).toEqual(['future']);
    expect(odd.ignore.secrets).toEqual(['X']);
    expect(odd.secrets?.map((secret) => secret.name)).toEqual(['GOOD_ONE']);
    expect(exported.model.variables.map((v) => v.name)).toEqual(['ODD_GOOD_ONE']);
    const plan = computePlan(desired, actual, aPlannerContext());
    expect(plan.actions).toEqual([]);
    expect(plan.unmanaged.map((u) => u.address)).toEqual(['biocommons/x']);
  });
});
