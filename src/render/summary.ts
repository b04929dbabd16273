/**
 * Sentences every human format uses verbatim, so the terminal, the PR
 * comment and scripts that grep them agree.
 */
import { BLOCKER_NOUNS } from '../kinds/graph.js';
import { countOf } from '../model/count-of.js';
import type { BlockedRule, BlockRule, PlanOptions, PlanSummary, PlanTarget } from '../model/plan.js';

/** Printed only for an empty plan (`isEmptyPlan`) that is not blocked. */
export const NO_CHANGES = 'No changes. The platform matches the configuration.';

/** `Plan: A to add, C to change, R to replace, D to destroy.` plus `N unmanaged (drift).` when any. */
export function summaryLine(summary: PlanSummary): string {
  const line = `Plan: ${summary.add} to add, ${summary.change} to change, ${summary.replace} to replace, ${summary.destroy} to destroy.`;
  return summary.unmanaged > 0 ? `${line} ${summary.unmanaged} unmanaged (drift).` : line;
}

/**
 * What blocks a plan, counted by what it is: a variable that is not set or a
 * name that does not exist is not a safety rule, and is not called one.
 */
const BLOCKER_NOUN: Readonly<Partial<Record<BlockRule, string>>> = {
  missingVariable: 'unset variable',
  missingOrganization: 'missing organisation',
  ...BLOCKER_NOUNS,
};
const SAFETY_RULE = 'safety rule';

/** `1 safety rule`, `2 safety rules and 1 unset variable` (safety rules first). */
export function blockersPhrase(blocked: readonly Pick<BlockedRule, 'rule'>[]): string {
  const counts = new Map<string, number>([[SAFETY_RULE, 0]]);
  for (const { rule } of blocked) {
    const noun = BLOCKER_NOUN[rule] ?? SAFETY_RULE;
    counts.set(noun, (counts.get(noun) ?? 0) + 1);
  }
  const parts = [...counts].filter(([, n]) => n > 0).map(([noun, n]) => countOf(n, noun));
  return parts.length <= 1
    ? (parts[0] ?? countOf(0, SAFETY_RULE))
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/** `maxDeletions: 12 deletions exceed the limit of 10 (use --allow-deletions)`. */
export function blockedLine(rule: BlockedRule): string {
  const override = rule.override === undefined ? '' : ` (use ${rule.override})`;
  return `${rule.rule}: ${rule.message}${override}`;
}

/** The overrides a plan was made with, as flags (empty when none). */
export function optionFlags(options: PlanOptions): readonly string[] {
  return [
    ...(options.allowDeletions ? ['--allow-deletions'] : []),
    ...(options.allowWorkspaceDeletion ? ['--allow-workspace-deletion'] : []),
    ...(options.allowOrgCreation === true ? ['--allow-org-creation'] : []),
    ...(options.rotateSecrets ? ['--rotate-secrets'] : []),
  ];
}

/** `org a` or `orgs a, b` (`no organisation` when none). */
export function orgsPhrase(orgs: readonly string[]): string {
  if (orgs.length === 0) return 'no organisation';
  return `${orgs.length === 1 ? 'org' : 'orgs'} ${orgs.join(', ')}`;
}

/** `against https://… as jane (jane@example.org), org biocommons`: where a plan runs. */
export function targetPhrase(target: PlanTarget): string {
  return `against ${target.endpoint} as ${target.userName} (${target.email}), ${orgsPhrase(target.orgs)}`;
}

/** The first line of a plan: `Planning against https://… as <user> (<email>), org <org>.` */
export function targetLine(target: PlanTarget): string {
  return `Planning ${targetPhrase(target)}.`;
}

/** The heading of the quota warnings, in the text and markdown formats. */
export const QUOTA_WARNING_HEADING = 'Quotas this plan would exceed';
export const QUOTA_WARNING_EXPLANATION =
  'a warning, not a block: the platform refuses the creates beyond a limit, and the rest applies';
