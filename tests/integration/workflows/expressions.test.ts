/** The harness's GitHub expression evaluator follows GitHub's documented rules. */
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateCondition, substitute, type EvalContext } from './support/expressions.js';

function ctx(status: EvalContext['status'] = { success: true, failure: false }): EvalContext {
  return {
    contexts: {
      github: { repository: 'o/r', event: { pull_request: { head: { repo: { full_name: 'fork/r' } } } } },
      secrets: { TOKEN: 's3cret' },
      vars: {},
      inputs: { flag: true },
      steps: { plan: { outputs: { 'exit-code': '2' } }, skipped: { outputs: {} } },
      needs: { plan: { result: 'skipped', outputs: {} } },
    },
    lenientRoots: new Set(['vars', 'inputs']),
    status,
  };
}

describe('workflow expressions (test harness)', () => {
  it('substitutes contexts, with || defaults and missing outputs as empty strings', () => {
    expect(substitute("${{ vars.ENDPOINT || 'https://default' }}", ctx())).toBe('https://default');
    expect(substitute('${{ secrets.TOKEN }}', ctx())).toBe('s3cret');
    expect(substitute('${{ inputs.flag }}', ctx())).toBe('true');
    expect(substitute('${{ inputs.other }}', ctx())).toBe('');
    expect(substitute('${{ steps.skipped.outputs.exit-code }}', ctx())).toBe('');
    expect(
      substitute('${{ github.event.pull_request.head.repo.full_name != github.repository }}', ctx()),
    ).toBe('true');
  });

  it('compares strings case-insensitively and coerces other types to numbers', () => {
    expect(evaluate("'Skipped' == needs.plan.result", ctx())).toBe(true);
    expect(evaluate("steps.plan.outputs.exit-code == 2 && steps.plan.outputs.exit-code != '0'", ctx())).toBe(
      true,
    );
  });

  it('wraps conditions without a status function in success()', () => {
    const failed = ctx({ success: false, failure: true });
    expect(evaluateCondition("steps.plan.outputs.exit-code == '2'", ctx())).toBe(true);
    expect(evaluateCondition("steps.plan.outputs.exit-code == '2'", failed)).toBe(false);
    expect(evaluateCondition('always()', failed)).toBe(true);
    expect(evaluateCondition('${{ always() && !cancelled() }}', failed)).toBe(true);
    expect(evaluateCondition(undefined, failed)).toBe(false);
  });

  it('fails loudly on what the test context does not define', () => {
    expect(() => evaluate('secrets.MISSING', ctx())).toThrow(/no 'secrets.MISSING'/);
    expect(() => evaluate('steps.nope.outputs.x', ctx())).toThrow(/no 'steps.nope'/);
    expect(() => evaluate('matrix.node', ctx())).toThrow(/unknown context 'matrix'/);
    expect(() => evaluate("contains(github.repository, 'o')", ctx())).toThrow(/unsupported function/);
  });
});
