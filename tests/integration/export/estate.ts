/**
 * An estate made "by hand" on the platform (seeded straight into the
 * emulator, never through seqera-sync): a private and a shared workspace,
 * participants (users, a team, a collaborator, the token's own user), aws,
 * ssh and github credentials (one with a keys fingerprint, the others
 * without), an aws-batch Batch Forge CE and a slurm CE, pipelines with params
 * and launch settings, and pipeline secrets. Values hold `${` both in
 * interpolated fields (must come back escaped) and in verbatim ones.
 */
import type { EmulatorSeed } from '../../../src/emulator/index.js';

export const TOKEN = 'export-estate-token-5d1e';
export const BOT = 'sync-bot@example.org';
export const ORG = 'adopt';
export const AWS_SECRET = 'AWS-SECRET-VALUE-9f2';
/** Secret values seeded on the platform: none may ever appear in any output. */
export const SECRET_VALUES = [
  AWS_SECRET,
  'SSH-PRIVATE-KEY-7c1',
  'ghp_READABLE_TOKEN_3a9',
  'LICENSE-VALUE-42',
];

/**
 * The estate; `awsFingerprint` is the `[seqera-sync:v1:...]` suffix of the
 * aws credential's description (as if seqera-sync had once written its keys).
 */
export function exportSeed(awsFingerprint: string): EmulatorSeed {
  return {
    users: [
      { userName: 'sync-bot', email: BOT, token: TOKEN },
      { userName: 'jane', email: 'Jane.Citizen@example.edu.au' },
      { userName: 'sam', email: 'sam.nguyen@example.edu.au' },
      { userName: 'ops', email: 'ops@example.org' },
      { userName: 'visitor', email: 'visiting.analyst@example.org' },
    ],
    orgs: [
      {
        name: ORG,
        fullName: 'Adopted Community',
        description: 'Made by hand in the web UI',
        members: [
          { email: BOT, role: 'owner' },
          { email: 'ops@example.org', role: 'owner' },
          { email: 'Jane.Citizen@example.edu.au', role: 'member' },
          { email: 'sam.nguyen@example.edu.au', role: 'member' },
        ],
        teams: [
          {
            name: 'genomics-admins',
            description: 'Admins of the genomics workspace',
            members: ['Jane.Citizen@example.edu.au', 'sam.nguyen@example.edu.au'],
          },
          { name: 'empty-team' },
        ],
        workspaces: [
          {
            name: 'genomics',
            fullName: 'Genomics Community',
            description: 'Private workspace made by hand',
            visibility: 'private',
            participants: [
              { email: BOT, role: 'owner' },
              { email: 'Jane.Citizen@example.edu.au', role: 'admin' },
              { team: 'genomics-admins', role: 'maintain' },
              { email: 'visiting.analyst@example.org', role: 'launch' },
            ],
            labels: [
              { name: 'project', value: 'genomics', resource: true, isDefault: true },
              { name: 'rnaseq' },
            ],
            credentials: [
              {
                name: 'aws-main',
                provider: 'aws',
                description: `Main AWS account ${awsFingerprint}`,
                keys: { accessKey: 'AKIAEXAMPLE', secretKey: AWS_SECRET },
              },
              {
                name: 'hpc-ssh',
                provider: 'ssh',
                description: 'SSH key of the service user',
                keys: { privateKey: 'SSH-PRIVATE-KEY-7c1' },
              },
              {
                name: 'github',
                provider: 'github',
                keys: { username: 'bot', token: 'ghp_READABLE_TOKEN_3a9' },
              },
            ],
            computeEnvironments: [
              {
                name: 'aws-sydney',
                platform: 'aws-batch',
                credentials: 'aws-main',
                primary: true,
                description: 'Batch Forge on Spot',
                labels: ['project'],
                config: {
                  region: 'ap-southeast-2',
                  workDir: 's3://genomics-work/scratch',
                  fusion2Enabled: true,
                  waveEnabled: true,
                  headJobCpus: 2,
                  forge: {
                    type: 'SPOT',
                    minCpus: 0,
                    maxCpus: 256,
                    instanceTypes: ['c6id', 'm6id'],
                    allowBuckets: ['s3://genomics-reference'],
                    disposeOnDeletion: true,
                  },
                  nextflowConfig: 'process.cpus = "${task.attempt}"\n',
                  environment: [{ name: 'GREETING', value: 'hello ${USER}', head: true, compute: false }],
                },
              },
              {
                name: 'hpc-slurm',
                platform: 'slurm-platform',
                credentials: 'hpc-ssh',
                description: 'Slurm work partition',
                config: {
                  hostName: 'login.hpc.example.org',
                  userName: 'svc',
                  port: 22,
                  workDir: '/scratch/genomics/work',
                  launchDir: '/scratch/genomics/launch',
                  headQueue: 'work',
                  computeQueue: 'work',
                  maxQueueSize: 100,
                  preRunScript: 'module load nextflow\nexport NXF_HOME=${HOME}/.nextflow\n',
                },
              },
            ],
            pipelines: [
              {
                name: 'rnaseq',
                description: 'nf-core/rnaseq',
                versionName: 'rnaseq-1',
                labels: ['rnaseq', 'project'],
                launch: {
                  pipeline: 'https://github.com/nf-core/rnaseq',
                  revision: '3.14.0',
                  computeEnv: 'aws-sydney',
                  workDir: 's3://genomics-work/scratch',
                  configProfiles: ['docker', 'test'],
                  paramsText:
                    '{"outdir":"s3://genomics-results/rnaseq","genome":"GRCh38","skip_qc":false,"label":"cost ${centre}"}',
                  headJobCpus: 4,
                  configText: 'env.TOKEN = secrets.LICENSE\n',
                  workspaceSecrets: ['LICENSE'],
                },
              },
              {
                name: 'sarek',
                launch: {
                  pipeline: 'https://github.com/nf-core/sarek',
                  revision: '3.4.4',
                  computeEnv: 'hpc-slurm',
                  workDir: '/scratch/genomics/work',
                  paramsText: 'outdir: /scratch/genomics/results\ntools: haplotypecaller\n',
                },
              },
            ],
            secrets: [{ name: 'LICENSE', value: 'LICENSE-VALUE-42' }],
          },
          {
            name: 'community-pipelines',
            fullName: 'Community Pipelines',
            visibility: 'shared',
            participants: [
              { email: 'ops@example.org', role: 'owner' },
              { team: 'genomics-admins', role: 'launch' },
            ],
            pipelines: [
              {
                name: 'fetchngs',
                description: 'Fetch public sequencing data',
                launch: { pipeline: 'https://github.com/nf-core/fetchngs', revision: '1.12.0' },
              },
            ],
          },
        ],
      },
    ],
  };
}
