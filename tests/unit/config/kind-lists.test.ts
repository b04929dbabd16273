/**
 * The loader reads each kind's list through the kind's load facet and names
 * no kind itself: shown here with two made-up kinds (gadgets, and widgets
 * that name a gadget) and a kind with no list in the files.
 */
import { describe, expect, it } from 'vitest';
import { loadsOf, normaliseCollections } from '../../../src/config/collections.js';
import type { LoadedFile } from '../../../src/config/load-file.js';
import { collectionChecks } from '../../../src/config/rules/collection-checks.js';
import { collectionDuplicates } from '../../../src/config/rules/duplicate-rules.js';
import { referencesResolve } from '../../../src/config/rules/reference-rules.js';
import { runRules, type OrgConfig } from '../../../src/config/rules/rule.js';
import { parseYaml } from '../../../src/formats/yaml-source.js';
import type { Kind, ResourceSpec } from '../../../src/kinds/index.js';
import type { KindLoad } from '../../../src/kinds/kind-load.js';
import type { ResourceKind } from '../../../src/model/resources.js';

const noop = (): Promise<never> => Promise.reject(new Error('not run'));

function spec(kind: string, references: ResourceSpec['references'] = []): ResourceSpec {
  return {
    kind: kind as ResourceKind,
    scope: 'workspace',
    after: [],
    references,
    execute: noop,
    view: { label: kind },
    savedPlan: { locate: () => undefined },
  };
}

const named = (item: unknown): { name: string } => item as { name: string };

const gadgets: Kind = {
  id: 'gadgets',
  resources: [spec('gadget')],
  load: {
    file: 'workspace',
    key: 'gadgets',
    resource: 'gadget' as ResourceKind,
    what: 'gadget',
    identity: (item) => ({ key: named(item).name, field: 'name', label: named(item).name }),
    normalise: (item, from) => ({ name: named(item).name.toUpperCase(), source: from.source }),
    checks: [
      (list) => {
        if (list.items.length > 2) list.report(list.listPointer, `${String(list.items.length)} gadgets`);
      },
    ],
  } satisfies KindLoad,
};

const widgets: Kind = {
  id: 'widgets',
  resources: [
    spec('widget', [
      { field: 'gadget', to: 'gadget' as ResourceKind, checkedOnLoad: true },
      { field: 'spare', to: 'gadget' as ResourceKind },
    ]),
  ],
  load: {
    file: 'workspace',
    key: 'widgets',
    resource: 'widget' as ResourceKind,
    what: 'widget',
    identity: (item) => ({ key: named(item).name, field: 'name', label: named(item).name }),
    nested: (item) => [
      {
        field: 'tags',
        what: `tag of widget ${named(item).name}`,
        items: (item as { tags?: string[] }).tags,
        identity: (tag) => ({ key: tag.toLowerCase(), field: '', label: tag }),
      },
    ],
    normalise: (item) => item,
    suits: {
      gadget: (item, target) =>
        named(target).name === 'broken'
          ? `widget '${named(item).name}' cannot use a broken gadget`
          : undefined,
    },
  } satisfies KindLoad,
};

const listless: Kind = { id: 'listless', resources: [spec('thing')] };

const KINDS = [listless, gadgets, widgets];

function file(text: string): LoadedFile<unknown> {
  const parsed = parseYaml(text);
  if (!parsed.ok) throw new Error('bad test YAML');
  return {
    ref: {
      kind: 'workspace',
      org: 'bio',
      baseName: 'ws',
      absolutePath: '/x/bio/ws.yaml',
      display: 'bio/ws.yaml',
    },
    written: parsed.parsed.value,
    locate: parsed.parsed.locate,
    references: [],
  };
}

function check(text: string): string[] {
  const org = { name: 'bio', workspaces: [file(text)] } as unknown as OrgConfig;
  const rules = [collectionDuplicates(KINDS, 'workspace'), referencesResolve(KINDS), collectionChecks(KINDS)];
  return runRules(rules, [org]).map((d) => `${String(d.line)}:${d.pointer}: ${d.message}`);
}

describe('the kinds’ lists in the configuration files', () => {
  it('takes the lists of the kinds that have a load facet, in registry order, per file', () => {
    expect(loadsOf(KINDS).map((load) => load.key)).toEqual(['gadgets', 'widgets']);
    expect(loadsOf(KINDS, 'workspace').map((load) => load.key)).toEqual(['gadgets', 'widgets']);
    expect(loadsOf(KINDS, 'organization')).toEqual([]);
  });

  it('normalises each declared list by its kind, with positions; a list left out stays absent', () => {
    const lists = normaliseCollections(
      file('name: ws\ngadgets:\n  - name: a\n  - name: b\n'),
      loadsOf(KINDS),
    ) as Record<string, unknown>;
    expect(lists).toEqual({
      gadgets: [
        { name: 'A', source: { file: 'bio/ws.yaml', line: 3, column: 5, pointer: '/gadgets/0' } },
        { name: 'B', source: { file: 'bio/ws.yaml', line: 4, column: 5, pointer: '/gadgets/1' } },
      ],
    });
    expect('widgets' in lists).toBe(false);
  });

  it('reports a repeated identity, and a repeat inside an item’s nested list, with the first line', () => {
    const text = [
      'gadgets:',
      '  - name: a',
      '  - name: a',
      'widgets:',
      '  - name: w',
      '    tags: [Red, red]',
    ].join('\n');
    expect(check(text)).toEqual([
      "3:/gadgets/1/name: duplicate gadget 'a' (first declared at line 2)",
      "6:/widgets/0/tags/1: duplicate tag of widget w 'red' (first declared at line 6)",
    ]);
  });

  it('checks a reference marked checkedOnLoad against the declared list, and what the kind says suits it', () => {
    const text = [
      'gadgets:',
      '  - name: a',
      '  - name: broken',
      'widgets:',
      '  - { name: w1, gadget: missing, spare: missing }',
      '  - { name: w2, gadget: broken }',
      '  - { name: w3, gadget: "${LATER}" }',
      '  - { name: w4, gadget: a }',
    ].join('\n');
    expect(check(text)).toEqual([
      "5:/widgets/0/gadget: gadget 'missing' is not a gadget of this workspace (declared: a, broken)",
      "6:/widgets/1/gadget: widget 'w2' cannot use a broken gadget",
    ]);
  });

  it('refuses a reference checked on load whose target no kind lists in the files', () => {
    const orphan: Kind = {
      ...widgets,
      resources: [spec('widget', [{ field: 'thing', to: 'thing' as ResourceKind, checkedOnLoad: true }])],
    };
    expect(() => referencesResolve([listless, gadgets, orphan])).toThrow(
      'widget.thing is checked on load, but no kind lists thing in the files',
    );
  });

  it('leaves a reference unchecked when the target list is not declared (looked up on the platform)', () => {
    expect(check('widgets:\n  - { name: w1, gadget: missing }\n')).toEqual([]);
    expect(check('gadgets: []\nwidgets:\n  - { name: w1, gadget: missing }\n')).toEqual([
      "3:/widgets/0/gadget: gadget 'missing' is not a gadget of this workspace (declared: none)",
    ]);
  });

  it('runs a kind’s own checks only on a declared list', () => {
    expect(check('gadgets: [{ name: a }, { name: b }, { name: c }]\n')).toEqual(['1:/gadgets: 3 gadgets']);
    expect(check('name: ws\n')).toEqual([]);
  });
});
