/**
 * The example estate the applier's integration tests converge to, and the
 * emulator seeds they start from (an empty org; an org drifted by hand).
 */
import type { EmulatorSeed } from '../../../src/emulator/seed.js';
import type { DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
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
} from '../../helpers/builders.js';
import { usersSeed } from './harness.js';

export const PEOPLE = ['ops@example.org', 'jane@example.edu.au', 'bob@example.org', 'carol@example.org'];

export function ausgen(overrides: Partial<DesiredWorkspace> = {}): DesiredWorkspace {
  return aDesiredWorkspace({
    name: 'ausgen',
    fullName: 'Australian Genomics',
    description: 'Shared pipelines',
    visibility: 'shared',
    participants: [
      aUserParticipant('jane@example.edu.au', 'admin'),
      aTeamParticipant('ausgen-admins', 'maintain'),
      aUserParticipant('bob@example.org', 'launch'),
    ],
    credentials: [aDesiredCredential({ description: 'Main AWS account' })],
    computeEnvironments: [aDesiredComputeEnv({ primary: true, description: 'Spot queue' })],
    pipelines: [
      aDesiredPipeline({
        description: 'RNA-seq',
        profiles: ['test'],
        params: { outdir: 's3://ausgen-results' },
      }),
    ],
    secrets: [aDesiredSecret('SENTIEON_LICENSE', 'SENTIEON_VAR')],
    ...overrides,
  });
}

export function other(overrides: Partial<DesiredWorkspace> = {}): DesiredWorkspace {
  return aDesiredWorkspace({
    name: 'other',
    fullName: 'Other community',
    participants: [aUserParticipant('carol@example.org', 'view')],
    secrets: [aDesiredSecret('OTHER_SECRET', 'OTHER_VAR')],
    ...overrides,
  });
}

export function estate(workspaces: DesiredWorkspace[] = [ausgen(), other()]): DesiredState {
  return aDesiredState(
    aDesiredOrg({
      fullName: 'Australian BioCommons',
      members: [aDesiredMember('ops@example.org', 'owner'), aDesiredMember('jane@example.edu.au', 'member')],
      teams: [
        aDesiredTeam({
          name: 'ausgen-admins',
          description: 'Admins of AusGen',
          members: ['jane@example.edu.au'],
        }),
      ],
      workspaces,
    }),
  );
}

/** The org exists with only the token user in it. */
export function emptyOrgSeed(): EmulatorSeed {
  return { users: usersSeed(...PEOPLE), orgs: [{ name: 'biocommons', fullName: 'Australian BioCommons' }] };
}

/** The estate, then changed by hand in the UI: roles, a visibility, a missing CE, a changed pipeline, extras. */
export function driftedSeed(): EmulatorSeed {
  return {
    users: usersSeed(...PEOPLE, 'extra@example.org'),
    orgs: [
      {
        name: 'biocommons',
        fullName: 'BioCommons (old name)',
        members: [
          { email: 'sync-bot@example.org', role: 'owner' },
          { email: 'ops@example.org', role: 'member' },
          { email: 'extra@example.org', role: 'member' },
        ],
        teams: [{ name: 'ausgen-admins', description: 'Admins of AusGen', members: [] }],
        workspaces: [
          {
            name: 'ausgen',
            fullName: 'Australian Genomics',
            description: 'Shared pipelines',
            visibility: 'private',
            participants: [
              { email: 'sync-bot@example.org', role: 'owner' },
              { email: 'jane@example.edu.au', role: 'view' },
              { email: 'extra@example.org', role: 'launch' },
            ],
            credentials: [
              {
                name: 'aws-main',
                provider: 'aws',
                description: 'Hand made',
                keys: { accessKey: 'AKIAEXAMPLE', secretKey: 'old' },
              },
            ],
            pipelines: [
              {
                name: 'rnaseq',
                description: 'RNA-seq',
                labels: ['genomics'],
                launch: {
                  pipeline: 'https://github.com/nf-core/rnaseq',
                  revision: '3.10.0',
                  workDir: 's3://ausgen-work/scratch',
                },
              },
            ],
          },
        ],
      },
    ],
  };
}
