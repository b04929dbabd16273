/**
 * Sentences every human format uses verbatim, so the terminal, the PR
 * comment and scripts that grep them agree.
 */
import type { BlockedRule, PlanOptions, PlanSummary, PlanTarget } from '../model/plan.js';

/** Printed only for an empty plan (`isEmptyPlan`) that is not blocked. */
export const NO_CHANGES = 'No changes. The platform matches the configuration.';

/** `Plan: A to add, C to change, R to replace, D to destroy.` plus `N unmanaged (drift).` when any. */
export function summaryLine(summary: PlanSummary): string {
  const line = `Plan: ${summary.add} to add, ${summary.change} to change, ${summary.replace} to replace, ${summary.destroy} to destroy.`;
  return summary.unmanaged > 0 ? `${line} ${summary.unmanaged} unmanaged (drift).` : line;
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
