/** The data links planner with pure data: desired + live links → actions, drift and notes. */
import { describe, expect, it } from 'vitest';
import type {
  ActualDataLink,
  ActualDataLinks,
  DesiredDataLink,
} from '../../../src/kinds/data-links/model.js';
import { impliedDependencies } from '../../../src/kinds/graph.js';
import {
  aDesiredCredential,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  aSource,
  anActualCredential,
  anActualOrg,
  anActualState,
  anActualWorkspace,
  contextFromDesired,
  ignoreLists,
  pruneSetting,
} from '../../helpers/builders.js';
import { actionAt, driftAddresses, noteMessages, plan, summary } from './plan-kit.js';

const D = (name: string): string => `biocommons/ausgen/dataLinks/${name}`;
const C = (name: string): string => `biocommons/ausgen/credentials/${name}`;

/** A declared link; `credentials: undefined` declares none. */
function declared(
  name: string,
  more: { readonly [K in keyof DesiredDataLink]?: DesiredDataLink[K] | undefined } = {},
): DesiredDataLink {
  const link = {
    name,
    provider: 'aws' as const,
    resourceRef: `s3://${name}`,
    credentials: 'aws-main',
    publicAccessible: false,
    source: aSource(undefined, 40),
    ...more,
  };
  return Object.fromEntries(
    Object.entries(link).filter(([, v]) => v !== undefined),
  ) as unknown as DesiredDataLink;
}

let nextId = 1;
function live(name: string, more: Partial<ActualDataLink> = {}): ActualDataLink {
  const credential = anActualCredential();
  return {
    id: `v1-user-${String(nextId++).padStart(32, '0')}`,
    name,
    provider: 'aws',
    resourceRef: `s3://${name}`,
    publicAccessible: false,
    credentialsId: credential.id,
    credentialsName: credential.name,
    ...more,
  };
}

function read(links: ActualDataLink[], more: Partial<ActualDataLinks> = {}): ActualDataLinks {
  return { links, waits: 0, complete: true, ...more };
}

function state(
  links: DesiredDataLink[] | undefined,
  liveLinks: ActualDataLinks | undefined,
  more: {
    prune?: boolean;
    ignore?: string[];
    workspaceExists?: boolean;
    credentials?: Parameters<typeof aDesiredCredential>[0][];
  } = {},
) {
  const desired = aDesiredState(
    aDesiredOrg({
      workspaces: [
        aDesiredWorkspace({
          ...(links === undefined ? {} : { dataLinks: links }),
          ...(more.credentials === undefined
            ? {}
            : { credentials: more.credentials.map((c) => aDesiredCredential(c)) }),
          prune: pruneSetting({ dataLinks: more.prune ?? false, credentials: more.prune ?? false }),
          ignore: ignoreLists({ dataLinks: more.ignore ?? [] }),
        }),
      ],
    }),
  );
  const actual = anActualState(
    anActualOrg({
      workspaces:
        more.workspaceExists === false
          ? []
          : [
              anActualWorkspace({
                ...(liveLinks === undefined ? {} : { dataLinks: liveLinks }),
                credentials: [anActualCredential()],
              }),
            ],
    }),
  );
  return [desired, actual] as const;
}

describe('data links', () => {
  it('creates the declared links that are missing, with every declared field', () => {
    const [desired, actual] = state([declared('refs', { description: 'Reference genomes' })], read([]));
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${D('refs')}`]);
    expect(actionAt(p, D('refs')).changes).toEqual([
      { field: 'credentials', to: 'aws-main' },
      { field: 'description', to: 'Reference genomes' },
      { field: 'provider', to: 'aws' },
      { field: 'publicAccessible', to: false },
      { field: 'resourceRef', to: 's3://refs' },
    ]);
  });

  it('plans nothing when the links match, and an undeclared description is not compared', () => {
    const [desired, actual] = state([declared('refs')], read([live('refs', { description: 'by hand' })]));
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(p.notes).toEqual([]);
  });

  it('updates the description and the credential in place', () => {
    const current = live('refs', {
      description: 'old',
      credentialsId: 'other-id',
      credentialsName: 'aws-old',
    });
    const [desired, actual] = state([declared('refs', { description: 'new' })], read([current]));
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`update ${D('refs')}`]);
    const action = actionAt(p, D('refs'));
    expect(action.changes).toEqual([
      { field: 'credentials', from: 'aws-old', to: 'aws-main' },
      { field: 'description', from: 'old', to: 'new' },
    ]);
    expect(action.reason).toBe('credentials, description differ from the platform');
  });

  it('replaces a link whose provider, bucket or public flag changes, naming the fields that force it', () => {
    const current = live('refs', { resourceRef: 's3://old-bucket', description: 'old' });
    const [desired, actual] = state(
      [declared('refs', { publicAccessible: true, description: 'new' })],
      read([current]),
    );
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`replace ${D('refs')}`]);
    const action = actionAt(p, D('refs'));
    expect(action.kind === 'dataLink' ? action.forcedBy : undefined).toEqual([
      'publicAccessible',
      'resourceRef',
    ]);
    expect(action.changes).toEqual([
      { field: 'description', from: 'old', to: 'new' },
      { field: 'publicAccessible', from: false, to: true },
      { field: 'resourceRef', from: 's3://old-bucket', to: 's3://refs' },
    ]);
    expect(action.reason).toMatch(/^publicAccessible, resourceRef cannot change on a data link/);
  });

  it('reports undeclared custom links as drift with prune off, and leaves ignored ones alone', () => {
    const [desired, actual] = state([], read([live('stray'), live('known')]), { ignore: ['known'] });
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(driftAddresses(p)).toEqual([D('stray')]);
  });

  it('deletes undeclared custom links with prune on, showing the provider and the bucket', () => {
    const stray = live('stray');
    const [desired, actual] = state([], read([stray]), { prune: true });
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`delete ${D('stray')}`]);
    expect(actionAt(p, D('stray')).changes).toEqual([
      { field: 'provider', from: 'aws' },
      { field: 'resourceRef', from: 's3://stray' },
    ]);
    expect(p.liveIds[D('stray')]).toBe(stray.id);
  });

  it('leaves links alone when the key is absent, recording their ids only', () => {
    const known = live('refs');
    const [desired, actual] = state(undefined, read([known]), { prune: true });
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(p.liveIds[D('refs')]).toBe(known.id);
  });

  it('says when the list answered 202 before it was complete, and plans as usual', () => {
    const [desired, actual] = state([declared('refs')], read([], { waits: 2 }));
    const p = plan(desired, actual);
    expect(summary(p)).toEqual([`create ${D('refs')}`]);
    expect(noteMessages(p)).toEqual([
      'the data link list answered 202 (the platform was still discovering buckets from credentials) 2 times; it was read again after waiting',
    ]);
  });

  it('compares nothing, and says so, when the list still answered 202 after the last wait', () => {
    const known = live('refs', { description: 'old' });
    const [desired, actual] = state(
      [declared('refs', { description: 'new' }), declared('more')],
      read([known, live('stray')], { waits: 6, complete: false }),
      { prune: true },
    );
    const p = plan(desired, actual);
    expect(p.actions).toEqual([]);
    expect(p.unmanaged).toEqual([]);
    expect(noteMessages(p)).toEqual([
      'data links not compared: the list still answered 202 (the platform is discovering buckets from credentials) after 6 tries; plan again later',
    ]);
    expect(p.liveIds[D('refs')]).toBe(known.id);
  });

  it('creates the links of a new credential after it, and waits for it', () => {
    const [desired, actual] = state([declared('refs', { credentials: 'aws-new' })], read([]), {
      credentials: [{ name: 'aws-new' }],
    });
    const p = plan(desired, actual, contextFromDesired(desired));
    expect(summary(p)).toEqual([`create ${C('aws-new')}`, `create ${D('refs')}`]);
    expect(actionAt(p, D('refs')).dependsOn).toEqual([C('aws-new')]);
  });

  it('creates links in a new workspace after the workspace', () => {
    const [desired, actual] = state(
      [declared('pub', { credentials: undefined, publicAccessible: true })],
      undefined,
      {
        workspaceExists: false,
      },
    );
    const p = plan(desired, actual);
    expect(summary(p)).toEqual(['create biocommons/ausgen', `create ${D('pub')}`]);
    expect(actionAt(p, D('pub')).dependsOn).toEqual(['biocommons/ausgen']);
  });

  it('points a link at its credential again when the credential is replaced', () => {
    const [desired, actual] = state([declared('refs')], read([live('refs')]), {
      credentials: [{ name: 'aws-main', provider: 'google', keys: { data: { secretRef: 'GCP_KEY' } } }],
    });
    const p = plan(desired, actual, contextFromDesired(desired));
    expect(summary(p)).toEqual([`replace ${C('aws-main')}`, `update ${D('refs')}`]);
    const action = actionAt(p, D('refs'));
    expect(action.reason).toBe('credential aws-main is replaced: the data link is pointed at the new one');
    expect(action.dependsOn).toEqual([C('aws-main')]);
  });

  it('deletes a credential only after the links that use it are deleted, and notes links that stay', () => {
    const gone = live('gone');
    const stays = live('stays');
    const [desired, actual] = state([declared('stays', { credentials: undefined })], read([gone, stays]), {
      prune: true,
      credentials: [],
    });
    const p = plan(desired, actual, contextFromDesired(desired, { options: { allowDeletions: true } }));
    expect(summary(p)).toEqual([`delete ${D('gone')}`, `delete ${C('aws-main')}`]);
    const credentialDelete = actionAt(p, C('aws-main'));
    const byAddress = new Map(p.actions.map((a) => [a.address, a]));
    expect(impliedDependencies(credentialDelete, byAddress, p.actions)).toEqual([D('gone')]);
    expect(noteMessages(p)).toContain('credential aws-main is deleted but data link stays still uses it');
  });

  it('makes a credential delete wait for a link that moves to another credential', () => {
    const [desired, actual] = state([declared('refs', { credentials: 'aws-new' })], read([live('refs')]), {
      prune: true,
      credentials: [{ name: 'aws-new' }],
    });
    const p = plan(desired, actual, contextFromDesired(desired, { options: { allowDeletions: true } }));
    expect(summary(p)).toEqual([`create ${C('aws-new')}`, `update ${D('refs')}`, `delete ${C('aws-main')}`]);
    expect(actionAt(p, C('aws-main')).dependsOn).toContain(D('refs'));
    expect(noteMessages(p).filter((m) => m.includes('still use'))).toEqual([]);
  });
});
