import { describe, expect, it } from 'vitest';
import { StalePlanError } from '../../../src/errors.js';
import type { SavedPlan } from '../../../src/model/plan-document.js';
import { assertSavedPlanFresh, staleReasons } from '../../../src/saved-plan/staleness.js';
import { actualFromPlan } from '../../fixtures/plans/actual-from-plan.js';
import { PLANTED_SECRET, RICH_VARIABLES, richMeta } from '../../fixtures/plans/rich-document.js';
import { richAddresses as a, richPlan } from '../../fixtures/plans/rich-plan.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';

async function saved(): Promise<SavedPlan> {
  const plan = richPlan();
  return { ...plan, ...(await richMeta(plan)) };
}

describe('saved plan staleness', () => {
  it('accepts a plan applied where and as it was made (trailing slash aside)', async () => {
    const s = await saved();
    const context = {
      endpoint: `${s.endpoint}/`,
      fresh: actualFromPlan(richPlan()),
      variables: sameVariablesEverywhere(RICH_VARIABLES),
    };
    expect(await staleReasons(s, context)).toEqual([]);
    await expect(assertSavedPlanFresh(s, context)).resolves.toBeUndefined();
  });

  it('lists a different endpoint, a changed variable and changed objects, without any value', async () => {
    const s = await saved();
    const fresh = actualFromPlan(richPlan());
    fresh.orgs[0]!.members = fresh.orgs[0]!.members.filter((m) => !m.email.startsWith('jane'));
    const variables = new Map([...RICH_VARIABLES, ['AUSGEN_AWS_SECRET_KEY', `${PLANTED_SECRET}-rotated`]]);
    const context = {
      endpoint: 'https://other.example.org/api',
      fresh,
      variables: sameVariablesEverywhere(variables),
    };
    const error = await assertSavedPlanFresh(s, context).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StalePlanError);
    const message = (error as StalePlanError).message;
    expect(message.split('\n')).toEqual([
      'stale plan: re-run plan',
      '  - the plan was made against https://seqera.example.org/api, not https://other.example.org/api',
      '  - a variable its secrets come from changed or was set (biocommons/ausgen/AUSGEN_AWS_SECRET_KEY, biocommons/ausgen/AUSGEN_GITHUB_TOKEN, biocommons/ausgen/AUSGEN_NCBI_API_KEY, biocommons/ausgen/AUSGEN_SENTIEON_LICENSE, biocommons/newcomm/NEWCOMM_SSH_KEY)',
      `  - ${a.jane}: no longer exists on the platform`,
    ]);
    expect(message).not.toContain(PLANTED_SECRET);
  });

  it('notices a variable set since the plan was made', async () => {
    const s = await saved();
    const variables = new Map([...RICH_VARIABLES, ['AUSGEN_SENTIEON_LICENSE', 'now set']]);
    const reasons = await staleReasons(s, {
      endpoint: s.endpoint,
      fresh: actualFromPlan(richPlan()),
      variables: sameVariablesEverywhere(variables),
    });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^a variable its secrets come from changed or was set/);
  });
});
