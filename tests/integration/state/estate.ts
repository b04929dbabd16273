/**
 * The estate the reader is tested against: an org with 150 members, teams of
 * 3 and 120 members, and a workspace with 133 participants (so lists page),
 * every kind of resource, a shared workspace and one that no file declares;
 * plus the desired state that manages it, and the live sizes for the
 * request-count formula.
 */
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import type { DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
import type { LiveSizes } from '../../../src/state/request-count.js';
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
  aTeamParticipant,
  aUserParticipant,
  type Overrides,
} from '../../helpers/builders.js';

export const ESTATE_TOKEN = 'estate-token-0c6b';
export const BOT = 'Seqera-Sync@BioCommons.example.org';
export const OUTSIDER = 'Outside.Person@Example.com';
export const FINGERPRINT = '[seqera-sync:v1:c2FsdC1hYmM=:aGFzaC0xMjM=]';

export const user = (i: number): string => `user${String(i).padStart(3, '0')}@example.org`;
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, k) => from + k);

export function estateSeed(): EmulatorSeed {
  return {
    users: [
      { userName: 'sync-bot', email: BOT, token: ESTATE_TOKEN },
      { userName: 'outsider', email: OUTSIDER },
      ...range(0, 160).map((i) => ({ userName: `user${i}`, email: user(i) })),
    ],
    orgs: [
      {
        name: 'biocommons',
        fullName: 'Australian BioCommons',
        description: 'National infrastructure',
        members: [{ email: BOT, role: 'owner' }, ...range(0, 149).map((i) => ({ email: user(i) }))],
        teams: [
          { name: 'admins', description: 'Admins', members: [user(0), user(1), user(2)] },
          { name: 'readers', members: range(0, 120).map(user) },
          { name: 'other', members: [user(3)] },
        ],
        workspaces: [
          {
            name: 'ausgen',
            fullName: 'Australian Genomics',
            visibility: 'private',
            participants: [
              { email: BOT, role: 'owner' },
              ...range(0, 130).map((i) => ({ email: user(i), role: 'launch' })),
              { team: 'admins', role: 'admin' },
              { email: OUTSIDER, role: 'view' },
            ],
            labels: [{ name: 'genomics' }],
            credentials: [
              {
                name: 'aws-main',
                provider: 'aws',
                description: `Main AWS ${FINGERPRINT}`,
                keys: { accessKey: 'AKIAEXAMPLE', secretKey: 'AWS-SECRET-VALUE' },
              },
              {
                name: 'github',
                provider: 'github',
                keys: { username: 'bot', password: 'GH-PASSWORD', token: 'ghp_READABLE_TOKEN' },
              },
            ],
            computeEnvironments: [
              {
                name: 'aws-sydney',
                platform: 'aws-batch',
                credentials: 'aws-main',
                primary: true,
                description: 'Spot queue',
                config: { region: 'ap-southeast-2', workDir: 's3://ausgen-work/scratch' },
                labels: ['genomics'],
              },
              {
                name: 'hpc',
                platform: 'slurm-platform',
                config: { workDir: '/scratch/ausgen', hostName: 'login.hpc.example.org' },
              },
            ],
            pipelines: [
              {
                name: 'rnaseq',
                description: 'nf-core/rnaseq',
                labels: ['genomics'],
                versionName: 'rnaseq-1',
                launch: {
                  pipeline: 'https://github.com/nf-core/rnaseq',
                  revision: '3.14.0',
                  computeEnv: 'aws-sydney',
                  workDir: 's3://ausgen-work/scratch',
                  configProfiles: ['test'],
                  paramsText: '{"outdir":"s3://ausgen-results"}',
                },
              },
              {
                name: 'sarek',
                launch: {
                  pipeline: 'https://github.com/nf-core/sarek',
                  computeEnv: 'hpc',
                  workDir: '/scratch/ausgen',
                },
              },
            ],
            secrets: [
              { name: 'LICENSE_A', value: 'secret-value-a' },
              { name: 'LICENSE_B', value: 'secret-value-b' },
            ],
          },
          {
            name: 'community-shared',
            visibility: 'shared',
            participants: [{ email: BOT, role: 'owner' }],
            pipelines: [{ name: 'shared-pipe', launch: { pipeline: 'https://github.com/nf-core/fetchngs' } }],
          },
          { name: 'unmanaged-ws', participants: [{ email: BOT, role: 'owner' }] },
        ],
      },
      { name: 'other-org', members: [{ email: BOT, role: 'owner' }], workspaces: [{ name: 'elsewhere' }] },
    ],
  };
}

/** Live sizes of the seeded estate (what the request-count formula needs). */
export const ESTATE_SIZES: LiveSizes = {
  biocommons: {
    members: 150,
    teams: 3,
    teamMembers: { admins: 3, readers: 120, other: 1 },
    workspaces: {
      ausgen: { participants: 133, computeEnvs: 2, pipelines: 2 },
      'community-shared': { participants: 1, computeEnvs: 0, pipelines: 1 },
      'unmanaged-ws': { participants: 1, computeEnvs: 0, pipelines: 0 },
    },
  },
  'other-org': {
    members: 1,
    teams: 0,
    teamMembers: {},
    workspaces: { elsewhere: { participants: 1, computeEnvs: 0, pipelines: 0 } },
  },
};

/** `ausgen` with every collection managed. */
export function managedAusgen(overrides: Overrides<DesiredWorkspace> = {}): DesiredWorkspace {
  return aDesiredWorkspace({
    name: 'ausgen',
    participants: [aUserParticipant(user(0), 'launch'), aTeamParticipant('admins', 'admin')],
    credentials: [aDesiredCredential()],
    computeEnvironments: [aDesiredComputeEnv()],
    pipelines: [aDesiredPipeline()],
    secrets: [aDesiredSecret('LICENSE_A')],
    ...overrides,
  });
}

/** Everything managed: org members, teams (two with managed membership, one without), ausgen. */
export function fullyManaged(): DesiredState {
  return aDesiredState(
    aDesiredOrg({
      name: 'biocommons',
      members: [aDesiredMember(BOT.toLowerCase(), 'owner'), aDesiredMember(user(0))],
      teams: [
        aDesiredTeam({ name: 'admins', members: [user(0)] }),
        aDesiredTeam({ name: 'readers', members: [user(1)] }),
        aDesiredTeam({ name: 'other' }),
        aDesiredTeam({ name: 'not-yet-created', members: [user(2)] }),
      ],
      workspaces: [
        managedAusgen(),
        aDesiredWorkspace({ name: 'community-shared', visibility: 'shared' }),
        aDesiredWorkspace({ name: 'not-yet-created', participants: [aUserParticipant(user(5))] }),
      ],
    }),
  );
}

/** An org that manages nothing at org level, with the given workspaces. */
export function orgWith(...workspaces: DesiredWorkspace[]): DesiredState {
  return aDesiredState(aDesiredOrg({ name: 'biocommons', workspaces }));
}
