/** Every semantic rule, in reporting order. */
import { KINDS } from '../../kinds/index.js';
import { collectionChecks } from './collection-checks.js';
import { collectionDuplicates, protectedUserDuplicates } from './duplicate-rules.js';
import { organizationNameMatchesFolder, workspaceNameMatchesFile } from './file-name-rules.js';
import { referencesResolve } from './reference-rules.js';
import type { Rule } from './rule.js';

export const ALL_RULES: readonly Rule[] = [
  organizationNameMatchesFolder,
  workspaceNameMatchesFile,
  collectionDuplicates(KINDS, 'organization'),
  protectedUserDuplicates,
  collectionDuplicates(KINDS, 'workspace'),
  referencesResolve(KINDS),
  collectionChecks(KINDS),
];

export { runRules, type OrgConfig, type Rule, type RuleContext } from './rule.js';
