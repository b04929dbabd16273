/**
 * The one list of the emulator's route modules. The router, the store (the
 * fields of a new workspace or organisation), the seed's schema and loader
 * and the snapshot iterate it and name no kind: adding a kind is its
 * `routes/<kind>.ts` (routes, records, wire shape, seed and snapshot parts;
 * see kind.ts) and one line here.
 *
 * The order is the seed's: a kind loads after the kinds it refers to by name
 * (credentials before compute environments, those before pipelines and
 * actions), and the ids the seed gives follow it; the snapshot writes the
 * kinds' fields in this order too.
 */
import type { EmulatorKind } from './kind.js';
import { actionsKind } from './routes/actions.js';
import { computeEnvsKind } from './routes/compute-envs.js';
import { credentialsKind } from './routes/credentials.js';
import { dataLinksKind } from './routes/data-links.js';
import { datasetsKind } from './routes/datasets.js';
import { labelsKind } from './routes/labels.js';
import { membersKind } from './routes/members.js';
import { orgsKind } from './routes/orgs.js';
import { participantsKind } from './routes/participants.js';
import { pipelineLabelsKind } from './routes/pipeline-labels.js';
import { pipelineVersionsKind } from './routes/pipeline-versions.js';
import { pipelinesKind } from './routes/pipelines.js';
import { quotasKind } from './routes/quotas.js';
import { rolesKind } from './routes/roles.js';
import { secretsKind } from './routes/secrets.js';
import { studiosKind } from './routes/studios.js';
import { teamsKind } from './routes/teams.js';
import { usersKind } from './routes/users.js';
import { workspacesKind } from './routes/workspaces.js';

export const EMULATOR_KINDS: readonly EmulatorKind[] = [
  usersKind,
  orgsKind,
  rolesKind,
  quotasKind,
  membersKind,
  teamsKind,
  workspacesKind,
  participantsKind,
  labelsKind,
  credentialsKind,
  computeEnvsKind,
  pipelinesKind,
  pipelineVersionsKind,
  pipelineLabelsKind,
  actionsKind,
  secretsKind,
  dataLinksKind,
  studiosKind,
  datasetsKind,
];
