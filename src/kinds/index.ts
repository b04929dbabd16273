/**
 * The registry: the one list of resource kinds. The engines (planner,
 * applier, reader, exporter, renderers, bench) iterate it and name no kind.
 * Adding a kind is one folder under `src/kinds/` and one line here (see
 * README.md, "Adding a resource kind"). The order of this list breaks ties
 * in the dependency order `graph.ts` derives; it never overrides a declared
 * dependency.
 */
import { computeEnvironmentsKind } from './compute-environments/index.js';
import { credentialsKind } from './credentials/index.js';
import { dataLinksKind } from './data-links/index.js';
import { datasetsKind } from './datasets/index.js';
import type { Kind } from './kind.js';
import { actionsKind } from './actions/index.js';
import { labelsKind } from './labels/index.js';
import { membersKind } from './members/index.js';
import { organizationKind } from './organization/index.js';
import { participantsKind } from './participants/index.js';
import { pipelinesKind } from './pipelines/index.js';
import { rolesKind } from './roles/index.js';
import { secretsKind } from './secrets/index.js';
import { studiosKind } from './studios/index.js';
import { teamsKind } from './teams/index.js';
import { workspaceKind } from './workspace/index.js';

export const KINDS: readonly Kind[] = [
  organizationKind,
  membersKind,
  rolesKind,
  teamsKind,
  workspaceKind,
  labelsKind,
  participantsKind,
  credentialsKind,
  dataLinksKind,
  datasetsKind,
  computeEnvironmentsKind,
  pipelinesKind,
  actionsKind,
  secretsKind,
  studiosKind,
];

export type { Executor, Kind, QuotaCount, Reference, ResourceSpec, ResourceWrites } from './kind.js';
