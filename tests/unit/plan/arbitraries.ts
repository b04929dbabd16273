/**
 * fast-check arbitraries for desired states drawn from small name pools, so
 * two independently generated states overlap (same orgs, workspaces, people)
 * and their plans exercise matches, creates, updates and extras alike. The
 * states respect what validation guarantees (unique names, references that
 * resolve, at most one primary CE, the token's user declared only as owner).
 */
import fc from 'fast-check';
import type { DesiredOrg, DesiredState, DesiredWorkspace } from '../../../src/model/desired.js';
import type { DesiredComputeEnv } from '../../../src/kinds/compute-environments/model.js';
import type { DesiredCredential } from '../../../src/kinds/credentials/model.js';
import type { DesiredParticipant } from '../../../src/kinds/participants/model.js';
import type { DesiredPipeline } from '../../../src/kinds/pipelines/model.js';
import type { DesiredSecret } from '../../../src/kinds/secrets/model.js';
import type { DesiredTeam } from '../../../src/kinds/teams/model.js';
import { COLLECTION_KINDS } from '../../../src/kinds/collections.js';
import {
  type CollectionKind,
  type IgnoreLists,
  type PruneSetting,
  WORKSPACE_ROLES,
} from '../../../src/model/resources.js';
import { aPolicy, aSource, TOKEN_USER } from '../../helpers/builders.js';

export const EMAILS = ['a@x.org', 'b@x.org', 'c@x.org', 'd@y.org', 'e@y.org', TOKEN_USER.email];
const TEAMS = ['t1', 't2', 't3'];
const ORGS = ['org-a', 'org-b'];
const WORKSPACES = ['w1', 'w2', 'w3'];
const CREDENTIALS = ['c1', 'c2'];
const CES = ['ce1', 'ce2'];
const PIPELINES = ['p1', 'p2', 'p3'];
const SECRETS = ['S1', 'S2', 'S3'];

const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined });
const sub = <T>(items: readonly T[]): fc.Arbitrary<T[]> => fc.subarray([...items]);
const word = fc.constantFrom('alpha', 'beta', 'gamma');

const pruneArb = (all: boolean | undefined): fc.Arbitrary<PruneSetting> =>
  fc
    .tuple(...COLLECTION_KINDS.map(() => (all === undefined ? fc.boolean() : fc.constant(all))))
    .map(
      (values) =>
        Object.fromEntries(COLLECTION_KINDS.map((kind, i) => [kind, values[i] ?? false])) as Record<
          CollectionKind,
          boolean
        >,
    );

const ignoreArb: fc.Arbitrary<IgnoreLists> = fc
  .record({
    members: sub(EMAILS.slice(0, 3)),
    participants: sub(['d@y.org', 'team:t3']),
    secrets: sub(['S3']),
    pipelines: sub(['p3']),
  })
  .map((partial) => ({
    ...(Object.fromEntries(COLLECTION_KINDS.map((k) => [k, []])) as unknown as IgnoreLists),
    ...partial,
  }));

const memberArb = fc.constantFrom(...EMAILS).chain((email) =>
  (email === TOKEN_USER.email
    ? fc.constant('owner' as const)
    : fc.constantFrom('owner' as const, 'member' as const)
  ).map((role) => ({
    email,
    role,
    source: aSource(),
  })),
);

const teamArb = (name: string): fc.Arbitrary<DesiredTeam> =>
  fc.record({ description: opt(word), members: opt(sub(EMAILS)) }).map((t) => ({
    name,
    source: aSource(),
    ...(t.description === undefined ? {} : { description: t.description }),
    ...(t.members === undefined ? {} : { members: t.members }),
  }));

/** Users, and teams: any team when the org does not manage teams, else only its declared ones (none when it declares none). */
const participantArb = (teams: readonly string[] | undefined): fc.Arbitrary<DesiredParticipant> => {
  const user = fc
    .constantFrom(...EMAILS)
    .chain((email) =>
      (email === TOKEN_USER.email ? fc.constant('owner' as const) : fc.constantFrom(...WORKSPACE_ROLES)).map(
        (role): DesiredParticipant => ({ type: 'user', email, role, source: aSource() }),
      ),
    );
  if (teams !== undefined && teams.length === 0) return user;
  const team = fc
    .record({ team: fc.constantFrom(...(teams ?? TEAMS)), role: fc.constantFrom(...WORKSPACE_ROLES) })
    .map((p): DesiredParticipant => ({ type: 'team', ...p, source: aSource() }));
  return fc.oneof(user, team);
};

const credentialArb = (name: string): fc.Arbitrary<DesiredCredential> =>
  fc.record({ access: fc.constantFrom('AKIA1', 'AKIA2'), description: opt(word) }).map((c) => ({
    name,
    provider: 'aws',
    keys: { accessKey: c.access, secretKey: { secretRef: `VAR_${name.toUpperCase()}` } },
    source: aSource(),
    ...(c.description === undefined ? {} : { description: c.description }),
  }));

const configArb = fc.record({
  region: fc.constantFrom('ap-southeast-2', 'us-east-1'),
  workDir: fc.constantFrom('s3://work/a', 's3://work/b/'),
  fusion2Enabled: fc.boolean(),
  forge: fc.record({
    type: fc.constantFrom('SPOT', 'EC2'),
    maxCpus: fc.constantFrom(100, 500),
    instanceTypes: sub(['c6id', 'm6id', 'r6id']),
    allowBuckets: sub(['s3://data1', 's3://data2/']),
  }),
});

const ceArb = (name: string, credentials: readonly string[] | undefined): fc.Arbitrary<DesiredComputeEnv> =>
  fc
    .record({
      credentials:
        credentials === undefined || credentials.length === 0
          ? fc.constant(undefined)
          : opt(fc.constantFrom(...credentials)),
      primary: fc.boolean(),
      description: opt(word),
      config: configArb,
    })
    .map((ce) => ({
      name,
      platform: 'aws-batch',
      primary: ce.primary,
      config: ce.config,
      source: aSource(),
      ...(ce.credentials === undefined ? {} : { credentials: ce.credentials }),
      ...(ce.description === undefined ? {} : { description: ce.description }),
    }));

const pipelineArb = (
  name: string,
  ces: readonly string[] | undefined,
  secrets: readonly string[] | undefined,
): fc.Arbitrary<DesiredPipeline> =>
  fc
    .record({
      url: fc.constantFrom('https://github.com/nf-core/rnaseq', 'https://github.com/nf-core/sarek'),
      revision: opt(fc.constantFrom('1.0', '2.0')),
      computeEnvironment:
        ces === undefined || ces.length === 0 ? fc.constant(undefined) : opt(fc.constantFrom(...ces)),
      workDir: opt(fc.constantFrom('s3://work/a', 's3://work/a/')),
      profiles: opt(sub(['test', 'docker', 'singularity'])),
      params: opt(
        fc.dictionary(
          fc.constantFrom('outdir', 'input', 'n'),
          fc.oneof(word, fc.integer({ min: 0, max: 3 })),
        ),
      ),
      headJobCpus: opt(fc.constantFrom(1, 2)),
      workspaceSecrets: secrets === undefined ? fc.constant([]) : sub(secrets),
      description: opt(word),
    })
    .map((p) => {
      const launch = {
        ...(p.headJobCpus === undefined ? {} : { headJobCpus: p.headJobCpus }),
        ...(p.workspaceSecrets.length === 0 ? {} : { workspaceSecrets: p.workspaceSecrets }),
      };
      return {
        name,
        url: p.url,
        source: aSource(),
        ...(p.revision === undefined ? {} : { revision: p.revision }),
        ...(p.computeEnvironment === undefined ? {} : { computeEnvironment: p.computeEnvironment }),
        ...(p.workDir === undefined ? {} : { workDir: p.workDir }),
        ...(p.profiles === undefined ? {} : { profiles: p.profiles }),
        ...(p.params === undefined ? {} : { params: p.params }),
        ...(Object.keys(launch).length === 0 ? {} : { launch }),
        ...(p.description === undefined ? {} : { description: p.description }),
      };
    });

const forEachName = <T>(
  names: readonly string[],
  arb: (name: string) => fc.Arbitrary<T>,
): fc.Arbitrary<T[]> =>
  sub(names).chain((chosen) => (chosen.length === 0 ? fc.constant([]) : fc.tuple(...chosen.map(arb))));

const workspaceArb = (
  org: string,
  name: string,
  teams: readonly string[] | undefined,
  prune: boolean | undefined,
): fc.Arbitrary<DesiredWorkspace> =>
  fc
    .record({
      fullName: fc.constantFrom('Full A', 'Full B'),
      description: opt(word),
      visibility: fc.constantFrom('private' as const, 'shared' as const),
      state: fc.constantFrom('present' as const, 'present' as const, 'present' as const, 'absent' as const),
      prune: pruneArb(prune),
      ignore: ignoreArb,
      participants: opt(
        fc.uniqueArray(participantArb(teams), {
          maxLength: 4,
          selector: (p) => (p.type === 'team' ? `team:${p.team}` : p.email),
        }),
      ),
      credentials: opt(forEachName(CREDENTIALS, credentialArb)),
      secrets: opt(
        forEachName(SECRETS, (secretName) =>
          fc.constant<DesiredSecret>({
            name: secretName,
            value: { secretRef: `VAR_${secretName}` },
            source: aSource(),
          }),
        ),
      ),
    })
    .chain((ws) =>
      fc
        .record({
          ces: opt(
            forEachName(CES, (ce) =>
              ceArb(
                ce,
                ws.credentials?.map((c) => c.name),
              ),
            ),
          ),
        })
        .chain(({ ces }) =>
          opt(
            forEachName(PIPELINES, (p) =>
              pipelineArb(
                p,
                ces?.map((c) => c.name),
                ws.secrets?.map((s) => s.name),
              ),
            ),
          ).map((pipelines) => {
            let primarySeen = false;
            const single = ces?.map((ce) => {
              const primary = ce.primary && !primarySeen;
              primarySeen ||= primary;
              return { ...ce, primary };
            });
            return {
              org,
              name,
              fullName: ws.fullName,
              visibility: ws.visibility,
              state: ws.state,
              prune: ws.prune,
              ignore: ws.ignore,
              maintainers: [],
              source: aSource(`workspaces/${org}/${name}.yaml`),
              ...(ws.description === undefined ? {} : { description: ws.description }),
              ...(ws.participants === undefined ? {} : { participants: ws.participants }),
              ...(ws.credentials === undefined ? {} : { credentials: ws.credentials }),
              ...(single === undefined ? {} : { computeEnvironments: single }),
              ...(pipelines === undefined ? {} : { pipelines }),
              ...(ws.secrets === undefined ? {} : { secrets: ws.secrets }),
            } satisfies DesiredWorkspace;
          }),
        ),
    );

const orgArb = (name: string, prune: boolean | undefined): fc.Arbitrary<DesiredOrg> =>
  fc
    .record({
      hasFile: fc.boolean(),
      fullName: opt(fc.constantFrom('Org Full', 'Other Full')),
      members: opt(fc.uniqueArray(memberArb, { maxLength: 5, selector: (m) => m.email })),
      teams: opt(forEachName(TEAMS, teamArb)),
      prune: pruneArb(prune),
      maxDeletions: fc.integer({ min: 0, max: 12 }),
      maxDeletionRatio: fc.constantFrom(0, 0.25, 0.5, 1),
      protectedUsers: sub(EMAILS.slice(0, 4)),
      ignore: ignoreArb,
    })
    .chain((o) =>
      forEachName(WORKSPACES, (ws) =>
        workspaceArb(
          name,
          ws,
          o.teams?.map((t) => t.name),
          prune,
        ),
      ).map((workspaces) => ({
        name,
        hasFile: o.hasFile,
        policy: aPolicy({
          prune: o.prune,
          maxDeletions: o.maxDeletions,
          maxDeletionRatio: o.maxDeletionRatio,
          protectedUsers: o.protectedUsers,
        }),
        ignore: o.ignore,
        workspaces,
        source: aSource(`workspaces/${name}/organization.yaml`),
        ...(o.fullName === undefined ? {} : { fullName: o.fullName }),
        ...(o.members === undefined ? {} : { members: o.members }),
        ...(o.teams === undefined ? {} : { teams: o.teams }),
      })),
    );

/** A desired state; `prune` forces every prune flag (undefined = random). */
export function desiredStateArb(prune?: boolean): fc.Arbitrary<DesiredState> {
  return forEachName(ORGS, (org) => orgArb(org, prune)).map((orgs) => ({ orgs }));
}
