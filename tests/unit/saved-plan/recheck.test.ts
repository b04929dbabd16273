import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/config/normalise-policy.js';
import type { Plan } from '../../../src/model/plan.js';
import { recheckSafety } from '../../../src/saved-plan/recheck.js';
import { actualFromPlan } from '../../fixtures/plans/actual-from-plan.js';
import { richPlan } from '../../fixtures/plans/rich-plan.js';
import { aDesiredOrg, aDesiredState } from '../../helpers/builders.js';

/** The rich plan with its recorded `blocked` list emptied: the re-check must not need it. */
function withOptions(options: Partial<Plan['options']>): Plan {
  const plan = richPlan();
  return { ...plan, blocked: [], options: { ...plan.options, ...options } };
}

const rules = (plan: Plan, maxDeletions = DEFAULT_POLICY.maxDeletions): string[] =>
  recheckSafety(
    plan,
    aDesiredState(aDesiredOrg({ name: 'biocommons', policy: { ...DEFAULT_POLICY, maxDeletions } })),
    actualFromPlan(richPlan()),
  ).map((b) => b.rule);

describe('recheckSafety: the safety rules from a saved plan’s own actions', () => {
  it('passes the plan as it was made (its overrides recorded)', () => {
    expect(rules(withOptions({}))).toEqual([]);
  });

  it('blocks a workspace deletion the recorded options do not allow', () => {
    expect(rules(withOptions({ allowWorkspaceDeletion: false }))).toContain('workspaceDeletion');
  });

  it("counts the file's deletions against the configuration's maxDeletions, lifted only by a recorded --allow-deletions", () => {
    expect(rules(withOptions({}), 1)).toContain('maxDeletions');
    expect(rules(withOptions({ allowDeletions: true }), 1)).not.toContain('maxDeletions');
  });
});
