import { markdownOptions } from '../../../src/cli/commands/plan.js';
import { describe, expect, it } from 'vitest';
import type { Plan, PlanAction } from '../../../src/model/plan.js';
import { MARKDOWN_MAX_CHARS, PLAN_COMMENT_MARKER, renderMarkdown } from '../../../src/render/markdown.js';
import { emptyPlan, richPlan } from '../../fixtures/plans/rich-plan.js';

function participantCreate(i: number): PlanAction {
  const email = `person.${String(i).padStart(5, '0')}@example.edu.au`;
  return {
    kind: 'participant',
    type: 'create',
    address: `biocommons/ws${i % 7}/participants/${email}`,
    org: 'biocommons',
    workspace: `ws${i % 7}`,
    name: email,
    reason: 'declared in the workspace file, not a participant (a long reason to fill the comment quickly)',
    changes: [{ field: 'role', to: 'launch' }],
    dependsOn: [],
  };
}

function hugePlan(count: number): Plan {
  const actions = Array.from({ length: count }, (_, i) => participantCreate(i)).sort((a, b) =>
    a.workspace === b.workspace
      ? a.address < b.address
        ? -1
        : 1
      : (a.workspace ?? '') < (b.workspace ?? '')
        ? -1
        : 1,
  );
  return {
    ...emptyPlan(),
    actions,
    notes: [{ message: 'a free note' }],
    blocked: [
      {
        rule: 'maxDeletions',
        message: '12 deletions exceed the limit of 10',
        addresses: Array.from({ length: 30 }, (_, i) => `biocommons/ws0/participants/gone${i}@example.org`),
        override: '--allow-deletions',
      },
    ],
  };
}

describe('renderMarkdown', () => {
  it('starts with the hidden marker line', () => {
    for (const plan of [richPlan(), emptyPlan()]) {
      expect(renderMarkdown(plan).split('\n')[0]).toBe(PLAN_COMMENT_MARKER);
    }
    expect(PLAN_COMMENT_MARKER).toBe('<!-- seqera-sync:plan -->');
  });

  it('says "No changes." only for an empty plan', () => {
    const empty = renderMarkdown(emptyPlan());
    expect(empty).toContain('No changes. The platform matches the configuration.');
    expect(empty).not.toContain('<details>');
    expect(renderMarkdown(richPlan())).not.toContain('No changes');
  });

  it('puts blocked rules in a CAUTION alert before the table', () => {
    const out = renderMarkdown(richPlan());
    expect(out).toContain('> [!CAUTION]');
    expect(out).toContain('> - **maxDeletionRatio**: ');
    expect(out).toContain('(use `--allow-deletions`)');
    expect(out.indexOf('[!CAUTION]')).toBeLessThan(out.indexOf('| Scope |'));
  });

  it('has a summary row and a details block per scope', () => {
    const out = renderMarkdown(richPlan());
    expect(out).toContain('| `biocommons` (organization) | 3 | 3 | 0 | 3 | 0 |');
    expect(out).toContain('| `biocommons/ausgen` | 6 | 6 | 1 | 4 | 0 |');
    expect(out.match(/<details>/g)).toHaveLength(6);
    expect(out.match(/<\/details>/g)).toHaveLength(6);
    expect(out.match(/^```diff$/gm)).toHaveLength(6);
  });

  it('counts workspaces in scope that have no changes', () => {
    const plan: Plan = {
      ...richPlan(),
      scope: { ...richPlan().scope, workspaces: [...richPlan().scope.workspaces, 'biocommons/quiet'] },
    };
    expect(renderMarkdown(plan)).toContain('No changes in 1 other workspace.');
  });

  it('stays under 60,000 characters, keeping marker, heading, blocked rules and table', () => {
    const plan = hugePlan(2000);
    const out = renderMarkdown(plan);
    expect(out.length).toBeLessThanOrEqual(MARKDOWN_MAX_CHARS);
    expect(out.length).toBeGreaterThan(MARKDOWN_MAX_CHARS - 2000);
    expect(out.split('\n')[0]).toBe(PLAN_COMMENT_MARKER);
    expect(out).toContain('## seqera-sync plan: blocked');
    expect(out).toContain('> - **maxDeletions**: 12 deletions exceed the limit of 10');
    expect(out).toContain('>   - … and 10 more');
    expect(out).toContain('| `biocommons/ws6` | 285 | 0 | 0 | 0 | 0 |');
    expect(out).toContain('**Plan: 2000 to add, 0 to change, 0 to replace, 0 to destroy.**');

    const shown = plan.actions.filter((a) => out.includes(`+ create   participant ${a.address}\n`));
    const match =
      /_… truncated, not shown here: the details of (\d+) actions in (\d+) scopes, and 1 note\. The whole plan is in the `plan-full` artifact of this workflow run \(`plan\.json`, `plan\.txt`\)\._/.exec(
        out,
      );
    expect(match).not.toBeNull();
    expect(shown.length).toBeGreaterThan(100);
    expect(shown.length + Number(match?.[1])).toBe(2000);
    // Scopes with at least one entry left out: the one cut in the middle and every later one.
    const cut = new Set(plan.actions.filter((a) => !shown.includes(a)).map((a) => a.workspace));
    expect(Number(match?.[2])).toBe(cut.size);
    // every opened block is closed, fences balanced
    expect(out.match(/<details>/g)?.length).toBe(out.match(/<\/details>/g)?.length);
    expect((out.match(/^```/gm)?.length ?? 0) % 2).toBe(0);
  });

  it('is not truncated when it fits', () => {
    const out = renderMarkdown(richPlan());
    expect(out).not.toContain('truncated');
    expect(out.length).toBeLessThan(MARKDOWN_MAX_CHARS);
  });

  it('honours a smaller bound', () => {
    const out = renderMarkdown(richPlan(), { maxChars: 4000 });
    expect(out.length).toBeLessThanOrEqual(4000);
    expect(out).toMatch(
      /… truncated, not shown here: the details of \d+ actions and \d+ unmanaged items in \d+ scopes/,
    );
  });

  it('escapes markdown and HTML in free text and survives backticks in values', () => {
    const action: PlanAction = {
      kind: 'pipeline',
      type: 'update',
      address: 'biocommons/ausgen/pipelines/p',
      org: 'biocommons',
      workspace: 'ausgen',
      name: 'p',
      reason: 'launch fields differ',
      changes: [{ field: 'launch.preRunScript', from: 'echo ```', to: 'echo ````' }],
      dependsOn: [],
    };
    const plan: Plan = {
      ...emptyPlan(),
      actions: [action],
      notes: [{ message: '<b>bold</b> *x* [link](y)' }],
    };
    const out = renderMarkdown(plan);
    expect(out).toContain('&lt;b&gt;bold&lt;/b&gt; \\*x\\* \\[link\\](y)');
    expect(out).toContain('`````diff\n');
  });
});

describe('markdown diff blocks', () => {
  it('tells create, update, replace, destroy and unmanaged apart by a prefix GitHub colours and a word', () => {
    const out = renderMarkdown(richPlan());
    expect(out).toContain(
      '\n+ create   participant biocommons/ausgen/participants/new.person@example.edu.au\n',
    );
    expect(out).toContain('\n! update   workspace biocommons/ausgen\n');
    expect(out).toContain(
      '\n! replace  compute environment biocommons/ausgen/computeEnvironments/aws-sydney\n',
    );
    expect(out).toContain('\n- destroy  secret biocommons/ausgen/secrets/OLD_TOKEN\n');
    expect(out).toContain(
      '\n  unmanaged participant biocommons/genomics/participants/visiting.scientist@example.org\n',
    );
    // A replace never starts with "-", which GitHub paints red like a destroy.
    expect(out).not.toMatch(/^-\/\+/m);
    expect(out).toContain('In the details: `+ create` (green)');
  });
});

describe('markdownOptions (the run that holds the full plan)', () => {
  it('links the GitHub Actions run when its variables are set, and nothing otherwise', () => {
    expect(
      markdownOptions({
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'biocommons/seqera-workspaces',
        GITHUB_RUN_ID: '4242',
      }),
    ).toEqual({ runUrl: 'https://github.com/biocommons/seqera-workspaces/actions/runs/4242' });
    expect(markdownOptions({})).toEqual({});
    expect(
      markdownOptions({ GITHUB_SERVER_URL: 'javascript:x', GITHUB_REPOSITORY: 'a/b', GITHUB_RUN_ID: '1' }),
    ).toEqual({});
  });
});
