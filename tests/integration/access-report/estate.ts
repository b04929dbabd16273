/**
 * A small organisation for the access report tests: two org owners (one is
 * the token's user), members reached directly and through teams, a
 * collaborator, a custom role, an unmanaged grant, a pending person declared
 * in the configuration, and names that try to be markup.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmulatorSeed } from '../../../src/emulator/seed.js';

export const ORG = 'biocommons';
export const TOKEN = 'emu-token-access';
export const BOT = 'seqera-sync@biocommons.example.org';
export const OWNER = 'olga.owner@example.org';
export const JANE = 'jane.citizen@example.edu.au';
export const JOHN = 'john.member@example.edu.au';
export const ALICE = 'alice.outsider@example.com';
export const LAB = 'lab.manager@example.edu.au';
export const PENDING = 'new.starter@example.edu.au';
export const HOSTILE_FULL_NAME = '<script>alert(1)</script>" onmouseover="x';

export function accessSeed(): EmulatorSeed {
  return {
    users: [
      { userName: 'sync-bot', email: BOT, token: TOKEN },
      { userName: 'olga', email: OWNER },
      { userName: 'jane', email: JANE },
      { userName: 'john', email: JOHN },
      { userName: 'alice', email: ALICE },
      { userName: 'lab', email: LAB },
    ],
    orgs: [
      {
        name: ORG,
        fullName: 'Australian BioCommons',
        customRoles: ['launcher-plus'],
        members: [
          { email: BOT, role: 'owner' },
          { email: OWNER, role: 'owner' },
          { email: JANE, role: 'member' },
          { email: JOHN, role: 'member' },
          { email: LAB, role: 'member' },
        ],
        teams: [
          { name: 'ausgen-admins', members: [JANE] },
          { name: 'launchers', members: [JANE, JOHN] },
        ],
        workspaces: [
          {
            name: 'ausgen',
            fullName: HOSTILE_FULL_NAME,
            visibility: 'private',
            participants: [
              { email: BOT, role: 'owner' },
              { email: JANE, role: 'launch' },
              { team: 'ausgen-admins', role: 'admin' },
              { team: 'launchers', role: 'launch' },
              { email: ALICE, role: 'view' },
              { email: LAB, role: 'launcher-plus' },
            ],
          },
          {
            name: 'shared-pipelines',
            fullName: 'Shared pipelines',
            visibility: 'shared',
            participants: [
              { email: BOT, role: 'owner' },
              { email: JOHN, role: 'maintain' },
            ],
          },
        ],
      },
    ],
  };
}

/**
 * The configuration beside it: declares Olga as owner, Jane directly and
 * both teams in ausgen (team membership of `launchers` lists only Jane, so
 * John's launch through it is unmanaged), the pending starter, and nothing
 * for Alice or the lab manager; shared-pipelines has no file.
 */
export async function writeAccessConfig(configDir: string): Promise<void> {
  const orgDir = path.join(configDir, ORG);
  await mkdir(orgDir, { recursive: true });
  await writeFile(
    path.join(orgDir, 'organization.yaml'),
    [
      `name: ${ORG}`,
      'fullName: Australian BioCommons',
      'members:',
      `  - { email: ${BOT}, role: owner }`,
      `  - { email: ${OWNER}, role: owner }`,
      `  - { email: ${JANE}, role: member }`,
      `  - { email: ${JOHN}, role: member }`,
      'teams:',
      '  - name: ausgen-admins',
      `    members: [${JANE}]`,
      '  - name: launchers',
      `    members: [${JANE}, ${PENDING}]`,
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(orgDir, 'ausgen.yaml'),
    [
      'name: ausgen',
      'fullName: Australian Genomics',
      'visibility: private',
      'participants:',
      `  - { email: ${JANE}, role: launch }`,
      '  - { team: ausgen-admins, role: admin }',
      '  - { team: launchers, role: launch }',
      `  - { email: ${PENDING}, role: maintain }`,
      '',
    ].join('\n'),
  );
}
