/**
 * The exporter's generic behaviour, with kinds made of pure data: files are
 * a header and the collections of the kinds that have items in them (in the
 * registry's order), kinds without an export facet are skipped, a kind is
 * mapped after the kinds it uses and sees only what it declared, and the
 * layout refuses registries it cannot export.
 */
import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../src/export/build-export.js';
import { EXPORT_LAYOUT, exportLayout } from '../../../src/export/export-layout.js';
import type { WrittenOrganization, WrittenWorkspace } from '../../../src/formats/written.js';
import type { Kind } from '../../../src/kinds/kind.js';
import type {
  ExportContext,
  ExportedObject,
  FileExport,
  ItemsExport,
  KindExport,
} from '../../../src/kinds/kind-export.js';
import type { ExportSchema } from '../../../src/kinds/kit/export-schema.js';
import type { ActualOrg, ActualWorkspace } from '../../../src/model/actual.js';
import { anActualOrg, anActualWorkspace } from '../../helpers/builders.js';

const SCHEMA: ExportSchema = {
  verbatimKeys: new Set(),
  definition: () => undefined,
  resolve: (node) => node,
  validate: () => [],
};

const kind = (id: string, facet?: KindExport): Kind => ({
  id,
  resources: [],
  ...(facet === undefined ? {} : { export: facet }),
});

const orgFile = (ignore: 'before-items' | 'after-items' = 'after-items'): Kind =>
  kind('org', {
    part: 'file',
    file: 'organization',
    header: (_ctx, org) => ({ name: org.name }),
    ignore,
    check: (_ctx, content) => content as unknown as WrittenOrganization,
  } satisfies FileExport<'organization'>);

/** Workspaces named `broken-*` fail the file check (so their variables must be dropped). */
const wsFile = (ignore: 'before-items' | 'after-items' = 'before-items'): Kind =>
  kind('ws', {
    part: 'file',
    file: 'workspace',
    header: (_ctx, ws) => ({ name: ws.name }),
    ignore,
    check: (ctx, content, ws) => {
      if (!ws.name.startsWith('broken-')) return content as unknown as WrittenWorkspace;
      ctx.sink.warnings.push(`${ws.name}: not exported`);
      return undefined;
    },
  } satisfies FileExport<'workspace'>);

/** An items facet of the workspace file that writes one item per workspace and records what it saw. */
function wsItems(
  id: string,
  key: string,
  calls: string[],
  options: {
    readonly uses?: readonly string[];
    readonly read?: string;
    readonly leaveOut?: boolean;
    readonly variable?: boolean;
  } = {},
): Kind {
  const facet: ItemsExport<'workspace'> = {
    part: 'items',
    file: 'workspace',
    key,
    ...(options.uses === undefined ? {} : { uses: options.uses }),
    map: (ctx: ExportContext, ws: ActualWorkspace) => {
      calls.push(`${id}@${ws.name}`);
      const seen = options.read === undefined ? undefined : ctx.exported(options.read);
      if (options.leaveOut === true) {
        (ctx.ignore.secrets ??= []).push(`${id}-extra`);
      }
      if (options.variable === true) {
        const name = ctx.names.allocate([ws.name, id]);
        ctx.sink.variables.push({ name, address: `${ctx.org}/${ws.name}/${key}/${id}`, field: 'value' });
      }
      const exported: ExportedObject[] = [{ name: `${id}-of-${ws.name}` }];
      return {
        items: [
          { name: `${id}-of-${ws.name}`, saw: seen === undefined ? 'nothing' : seen.map((o) => o.name) },
        ],
        exported,
      };
    },
  };
  return kind(id, facet);
}

function orgItems(id: string, key: string): Kind {
  const facet: ItemsExport<'organization'> = {
    part: 'items',
    file: 'organization',
    key,
    map: (_ctx: ExportContext, org: ActualOrg) => ({
      items: [{ name: `${id}-of-${org.name}` }],
      exported: [{ name: `${id}-of-${org.name}` }],
    }),
  };
  return kind(id, facet);
}

const LIVE = anActualOrg({
  name: 'acme',
  workspaces: [anActualWorkspace({ name: 'west' }), anActualWorkspace({ name: 'east' })],
});

function run(
  kinds: readonly Kind[],
  options: { readonly workspaces?: readonly string[]; org?: ActualOrg } = {},
) {
  const org = options.org ?? LIVE;
  return buildExport(
    {
      org,
      tokenEmail: 'bot@example.org',
      withOrganization: options.workspaces === undefined,
      workspaces: options.workspaces ?? org.workspaces.map((ws) => ws.name),
    },
    SCHEMA,
    exportLayout(kinds),
  );
}

describe('the export layout of the registry', () => {
  it('writes the collections of each file in the order the example estate uses', () => {
    expect(EXPORT_LAYOUT.organization.written.map((k) => k.facet.key)).toEqual(['members', 'roles', 'teams']);
    expect(EXPORT_LAYOUT.workspace.written.map((k) => k.facet.key)).toEqual([
      'labels',
      'participants',
      'credentials',
      'dataLinks',
      'datasets',
      'computeEnvironments',
      'pipelines',
      'actions',
      'secrets',
      'studios',
    ]);
  });
});

describe('buildExport over the kinds it is given', () => {
  it('writes the header, then each kind with items in registry order, and skips kinds without an export facet', () => {
    const calls: string[] = [];
    const model = run([
      orgFile(),
      kind('silent'),
      wsFile(),
      orgItems('crew', 'crews'),
      wsItems('alpha', 'alphas', calls),
      kind('no-export-either'),
      wsItems('beta', 'betas', calls),
    ]);
    expect(model.files.map((f) => f.name)).toEqual(['organization', 'east', 'west']);
    expect(Object.keys(model.files[0]?.content ?? {})).toEqual(['name', 'crews']);
    expect(Object.keys(model.files[1]?.content ?? {})).toEqual(['name', 'alphas', 'betas']);
    expect(calls).toEqual(['alpha@east', 'beta@east', 'alpha@west', 'beta@west']);
  });

  it('maps a kind after the kinds it uses, but writes the collections in registry order', () => {
    const calls: string[] = [];
    const model = run([
      orgFile(),
      wsFile(),
      wsItems('first', 'firsts', calls, { uses: ['second'], read: 'second' }),
      wsItems('second', 'seconds', calls),
    ]);
    expect(calls).toEqual(['second@east', 'first@east', 'second@west', 'first@west']);
    const west = model.files.find((f) => f.name === 'west')?.content as unknown as Record<string, unknown>;
    expect(Object.keys(west)).toEqual(['name', 'firsts', 'seconds']);
    expect(west['firsts']).toEqual([{ name: 'first-of-west', saw: ['second-of-west'] }]);
  });

  it("shows a workspace kind what the organisation file's kinds exported, and nothing when that file is not written", () => {
    const kinds = [
      orgFile(),
      wsFile(),
      orgItems('crew', 'crews'),
      wsItems('seat', 'seats', [], { uses: ['crew'], read: 'crew' }),
    ];
    const whole = run(kinds);
    expect(whole.files[1]?.content).toMatchObject({ seats: [{ saw: ['crew-of-acme'] }] });
    const selected = run(kinds, { workspaces: ['west'] });
    expect(selected.files.map((f) => f.name)).toEqual(['west']);
    expect(selected.files[0]?.content).toMatchObject({ seats: [{ saw: 'nothing' }] });
  });

  it('refuses a read of a kind the facet does not declare in uses', () => {
    const kinds = [orgFile(), wsFile(), wsItems('a', 'as', []), wsItems('b', 'bs', [], { read: 'a' })];
    expect(() => run(kinds)).toThrow(/export of b reads what a exported without declaring it in uses/);
  });

  it("puts ignore where the file's kind says", () => {
    const withExtra = (placement: 'before-items' | 'after-items') =>
      run([orgFile(), wsFile(placement), wsItems('a', 'as', [], { leaveOut: true })], {
        workspaces: ['west'],
      });
    expect(Object.keys(withExtra('before-items').files[0]?.content ?? {})).toEqual(['name', 'ignore', 'as']);
    expect(Object.keys(withExtra('after-items').files[0]?.content ?? {})).toEqual(['name', 'as', 'ignore']);
    expect(withExtra('before-items').files[0]?.content).toMatchObject({ ignore: { secrets: ['a-extra'] } });
  });

  it('drops the variables of a file that its check refuses, and keeps the others', () => {
    const org = anActualOrg({
      name: 'acme',
      workspaces: [anActualWorkspace({ name: 'broken-one' }), anActualWorkspace({ name: 'fine' })],
    });
    const model = run([orgFile(), wsFile(), wsItems('a', 'as', [], { variable: true })], {
      org,
      workspaces: ['broken-one', 'fine'],
    });
    expect(model.files.map((f) => f.name)).toEqual(['fine']);
    expect(model.variables.map((v) => v.address)).toEqual(['acme/fine/as/a']);
    expect(model.warnings).toEqual(['broken-one: not exported']);
  });
});

describe('exportLayout refuses registries it cannot export', () => {
  it('needs exactly one kind per file', () => {
    expect(() => exportLayout([orgFile()])).toThrow(/workspace file needs exactly one kind .* found none/);
    expect(() => exportLayout([orgFile(), wsFile(), { ...wsFile(), id: 'ws2' }])).toThrow(/found ws, ws2/);
  });

  it('refuses two kinds with the same key in one file', () => {
    expect(() =>
      exportLayout([orgFile(), wsFile(), wsItems('a', 'same', []), wsItems('b', 'same', [])]),
    ).toThrow(/kinds a and b both write the key same of the workspace file/);
  });

  it('refuses uses of an unknown kind, of a workspace kind from the organisation file, and cycles', () => {
    expect(() => exportLayout([orgFile(), wsFile(), wsItems('a', 'as', [], { uses: ['ghost'] })])).toThrow(
      /kind a uses ghost, which exports no items/,
    );
    const orgUsingWs: Kind = kind('crew', {
      part: 'items',
      file: 'organization',
      key: 'crews',
      uses: ['a'],
      map: () => ({ items: [] }),
    });
    expect(() => exportLayout([orgFile(), wsFile(), orgUsingWs, wsItems('a', 'as', [])])).toThrow(
      /kind crew \(organization file\) uses a, whose items are in the workspace file/,
    );
    expect(() =>
      exportLayout([
        orgFile(),
        wsFile(),
        wsItems('a', 'as', [], { uses: ['b'] }),
        wsItems('b', 'bs', [], { uses: ['a'] }),
      ]),
    ).toThrow(/"uses" form a cycle among a, b/);
  });
});
