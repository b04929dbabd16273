/** Each hardening rule and the parser can fail: broken copies of a good workflow are caught. */
import { describe, expect, it } from 'vitest';
import { actionsParserErrors, workflowFromText } from './workflow-files.js';
import {
  bashByDefault,
  checkoutWithoutCredentials,
  leastPermissions,
  lintWorkflow,
  namedSteps,
  noExpressionsInRun,
  pinnedActions,
  prCodeIsDataOnly,
  secretsInEnvironment,
  timeouts,
} from './workflow-rules.js';

const CHECKOUT = 'actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0';

const GOOD = `name: t
on:
  pull_request_target:
    paths: ["workspaces/**"]
permissions: {}
defaults:
  run:
    shell: bash
jobs:
  plan:
    if: github.event.pull_request.head.repo.full_name == github.repository
    runs-on: ubuntu-latest
    timeout-minutes: 10
    environment: seqera-plan
    permissions:
      contents: read
    steps:
      - name: Base
        uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - name: PR data
        uses: ${CHECKOUT}
        with:
          ref: \${{ github.event.pull_request.head.sha }}
          path: pr
          sparse-checkout: |
            /workspaces/
          sparse-checkout-cone-mode: false
          persist-credentials: false
      - name: Guard
        run: find pr -type l
      - name: Plan
        env:
          TOKEN: \${{ secrets.TOWER_ACCESS_TOKEN }}
        run: node dist/bin.js plan --config-dir pr/workspaces --format markdown > plan.md
  comment:
    needs: plan
    runs-on: ubuntu-latest
    timeout-minutes: 5
    permissions:
      pull-requests: write
    steps:
      - name: Post
        env:
          PR: \${{ github.event.pull_request.number }}
        run: node dist/github/cli.js pr-comment --pr "$PR" --body-file plan.md
`;

function lint(text: string): string[] {
  return lintWorkflow(workflowFromText('t.yml', text));
}

function mutate(from: string, to: string): string {
  expect(GOOD).toContain(from);
  return GOOD.replace(from, to);
}

describe('workflow rules', () => {
  it('accept the good workflow', async () => {
    expect(lint(GOOD)).toEqual([]);
    expect(await actionsParserErrors('t.yml', GOOD)).toEqual([]);
  });

  it.each([
    ['a tag', `uses: ${CHECKOUT}`, 'uses: actions/checkout@v5'],
    ['a short SHA', `uses: ${CHECKOUT}`, 'uses: actions/checkout@08c6903 # v5.0.0'],
    [
      'no version comment',
      `uses: ${CHECKOUT}`,
      'uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    ],
  ])('pinnedActions rejects %s', (_what, from, to) => {
    expect(pinnedActions(workflowFromText('t.yml', mutate(from, to)))).toHaveLength(1);
  });

  it.each([
    ['write-all at the top', 'permissions: {}\ndefaults', 'permissions: write-all\ndefaults'],
    ['a job without permissions', '    permissions:\n      contents: read\n', ''],
    ['contents: write', '      contents: read', '      contents: write'],
    [
      'write in the job holding secrets',
      '      contents: read',
      '      contents: read\n      pull-requests: write',
    ],
  ])('leastPermissions rejects %s', (_what, from, to) => {
    expect(leastPermissions(workflowFromText('t.yml', mutate(from, to))).length).toBeGreaterThan(0);
  });

  it('timeouts rejects a job without timeout-minutes', () => {
    expect(timeouts(workflowFromText('t.yml', mutate('    timeout-minutes: 5\n', '')))).toEqual([
      'job comment: timeout-minutes must be 1..180, got undefined',
    ]);
  });

  it('checkoutWithoutCredentials rejects a checkout that keeps the token', () => {
    const text = mutate(
      `uses: ${CHECKOUT}\n        with:\n          persist-credentials: false`,
      `uses: ${CHECKOUT}`,
    );
    expect(checkoutWithoutCredentials(workflowFromText('t.yml', text))).toHaveLength(1);
  });

  it('noExpressionsInRun rejects ${{ }} inside a script', () => {
    const text = mutate('--pr "$PR"', '--pr ${{ github.event.pull_request.number }}');
    expect(noExpressionsInRun(workflowFromText('t.yml', text))).toHaveLength(1);
  });

  it('namedSteps rejects unnamed and duplicate steps', () => {
    expect(namedSteps(workflowFromText('t.yml', mutate('- name: Guard\n        run', '- run')))).toHaveLength(
      1,
    );
    expect(namedSteps(workflowFromText('t.yml', mutate('- name: Guard', '- name: Plan')))).toHaveLength(1);
  });

  it('secretsInEnvironment rejects secrets outside an environment', () => {
    expect(
      secretsInEnvironment(workflowFromText('t.yml', mutate('    environment: seqera-plan\n', ''))),
    ).toHaveLength(1);
  });

  it('bashByDefault rejects a workflow without the bash default', () => {
    expect(
      bashByDefault(workflowFromText('t.yml', mutate('defaults:\n  run:\n    shell: bash\n', ''))),
    ).toHaveLength(1);
  });

  it.each([
    ['the PR checked out at the root', '          path: pr\n', ''],
    ['a cone-mode sparse checkout', 'sparse-checkout-cone-mode: false', 'sparse-checkout-cone-mode: true'],
    ['the whole PR checked out', '          sparse-checkout: |\n            /workspaces/\n', ''],
    ['running code from the PR', 'run: find pr -type l', 'run: node pr/dist/bin.js plan'],
    ['npm in the PR folder', 'run: find pr -type l', 'run: cd pr && npm ci'],
    ['a working directory', '      - name: Guard\n', '      - name: Guard\n        working-directory: pr\n'],
    [
      'a job with secrets that also runs for forks',
      '    if: github.event.pull_request.head.repo.full_name == github.repository\n',
      '',
    ],
    [
      'a local action',
      `- name: Guard\n        run: find pr -type l`,
      '- name: Guard\n        uses: ./pr/action',
    ],
    ['also triggering on pull_request', 'on:\n', 'on:\n  pull_request:\n'],
  ])('prCodeIsDataOnly rejects %s', (_what, from, to) => {
    expect(prCodeIsDataOnly(workflowFromText('t.yml', mutate(from, to))).length).toBeGreaterThan(0);
  });

  it("GitHub's parser rejects schema errors the rules do not look at", async () => {
    const errors = await actionsParserErrors(
      't.yml',
      mutate('    timeout-minutes: 5\n', '    timeout-minutes: 5\n    runs-onn: ubuntu-latest\n'),
    );
    expect(errors.join('\n')).toMatch(/runs-onn/);
    const badExpr = await actionsParserErrors('t.yml', mutate('needs: plan', 'needs: nope'));
    expect(badExpr.join('\n')).toMatch(/nope/);
  });
});
