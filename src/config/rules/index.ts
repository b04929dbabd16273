/** Every semantic rule, in reporting order. */
import { organizationDuplicates, workspaceDuplicates } from './duplicate-rules.js';
import { organizationNameMatchesFolder, workspaceNameMatchesFile } from './file-name-rules.js';
import {
  computeEnvironmentCredentialsResolve,
  pipelineComputeEnvironmentsResolve,
  teamParticipantsResolve,
} from './reference-rules.js';
import type { Rule } from './rule.js';
import {
  discriminatorMatchesPlatform,
  participantsWithinLimit,
  privatePipelinesHaveComputeAndWorkDir,
  singlePrimaryComputeEnvironment,
} from './workspace-rules.js';

export const ALL_RULES: readonly Rule[] = [
  organizationNameMatchesFolder,
  workspaceNameMatchesFile,
  organizationDuplicates,
  workspaceDuplicates,
  computeEnvironmentCredentialsResolve,
  pipelineComputeEnvironmentsResolve,
  teamParticipantsResolve,
  singlePrimaryComputeEnvironment,
  discriminatorMatchesPlatform,
  privatePipelinesHaveComputeAndWorkDir,
  participantsWithinLimit,
];

export { runRules, type OrgConfig, type Rule, type RuleContext } from './rule.js';
