/**
 * Data links end to end, through the real CLI against the emulator:
 * validate → plan → apply → plan shows no changes; an update in place keeps
 * the link's id; a bucket change replaces it; a link made by hand is drift,
 * then pruned; links the platform discovered from credentials are never
 * drift nor pruned; the plan in all three formats; the list answering 202
 * while buckets are discovered (waited out, or still incomplete after the
 * last wait); export → validate → plan shows no changes. The emulator's
 * store, read through its API, is the witness.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiClientWithRuntime } from '../../../src/api/client.js';
import { systemRuntime } from '../../../src/api/runtime.js';
import type { EmulatorSeed } from '../../../src/emulator/index.js';
import { cliAgainst, type EmulatedPlatform } from '../../helpers/cli.js';
import { apiCaller, useEmulator, type ApiCall } from '../../helpers/emulator.js';
import { useWorkspaceDir, workspaceIdOf } from '../../helpers/workspace-dir.js';

const TOKEN = 'links-token-5d0a';
const BOT = 'link-bot@example.org';
const ORG = 'linked';
const WS = 'lab';
const NO_CHANGES = 'No changes. The platform matches the configuration.';
const A = (name: string): string => `${ORG}/${WS}/dataLinks/${name}`;

function seed(dataLinksFetching = 0): EmulatorSeed {
  return {
    users: [{ userName: 'link-bot', email: BOT, token: TOKEN }],
    orgs: [
      {
        name: ORG,
        members: [{ email: BOT, role: 'owner' }],
        workspaces: [
          {
            name: WS,
            fullName: 'Lab',
            participants: [{ email: BOT, role: 'owner' }],
            credentials: [
              { name: 'aws-main', provider: 'aws', keys: { accessKey: 'AKIAMAIN' } },
              { name: 'aws-other', provider: 'aws', keys: { accessKey: 'AKIAOTHER' } },
            ],
            dataLinks: [
              {
                name: 'found-bucket',
                provider: 'aws',
                resourceRef: 's3://found-bucket',
                credentials: 'aws-main',
                region: 'ap-southeast-2',
                discovered: true,
              },
            ],
            dataLinksFetching,
          },
        ],
      },
    ],
  };
}

const config = useWorkspaceDir('links', ORG, WS, 'Lab');
const { writeWorkspace } = config;

function workspaceId(api: ApiCall): Promise<number> {
  return workspaceIdOf(api, ORG, WS);
}

interface LiveLink {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly resourceRef: string;
  readonly publicAccessible: boolean;
  readonly credentials: readonly { readonly name: string }[];
}

const REFS =
  'dataLinks:\n' +
  '  - name: refs\n' +
  '    provider: aws\n' +
  '    resourceRef: s3://lab-refs\n' +
  '    credentials: aws-main\n' +
  '    description: Reference genomes\n';

/** The CLI against the fixture's emulator; its client waits out 202 answers without sleeping. */
/** The CLI against the fixture's platform, its data-link waits not slept. */
function cliFor(fixture: EmulatedPlatform) {
  return cliAgainst(fixture, () => config.root, {
    makeClient: (options) =>
      createApiClientWithRuntime(options, { ...systemRuntime, sleep: () => Promise.resolve() }),
  });
}

describe('data links against the emulator', () => {
  const fixture = useEmulator(() => ({ seed: seed() }));
  const cli = cliFor(fixture);
  const api = () => apiCaller(fixture.emu.endpoint, fixture.emu.token);
  const liveLinks = async (): Promise<LiveLink[]> => {
    const listed = (await api()('GET', '/data-links', { query: { workspaceId: await workspaceId(api()) } }))
      .body as { dataLinks: LiveLink[] };
    return listed.dataLinks;
  };
  const custom = async () => (await liveLinks()).filter((l) => l.id.startsWith('v1-user-'));

  it('validate → plan → apply → plan shows no changes; an update keeps the id; a bucket change replaces', async () => {
    await writeWorkspace(REFS);
    expect((await cli(['validate'])).stdout).toBe('1 file valid\n');

    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ data link ${A('refs')}`);
    expect(planned.stdout).not.toContain('found-bucket');

    expect((await cli(['apply', '--yes', '--no-color'])).code).toBe(0);
    const [created] = await custom();
    expect(created).toMatchObject({
      name: 'refs',
      resourceRef: 's3://lab-refs',
      description: 'Reference genomes',
      publicAccessible: false,
      credentials: [{ name: 'aws-main' }],
    });
    const again = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(again.stdout).toContain(NO_CHANGES);
    expect(again.code).toBe(0);

    await writeWorkspace(REFS.replace('aws-main', 'aws-other').replace('Reference genomes', 'Genomes'));
    const update = await cli(['plan', '--no-color']);
    expect(update.stdout).toContain(`~ data link ${A('refs')}`);
    expect(update.stdout).toContain('credentials: "aws-main" → "aws-other"');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const [updated] = await custom();
    expect(updated).toMatchObject({
      id: created?.id,
      description: 'Genomes',
      credentials: [{ name: 'aws-other' }],
    });
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);

    await writeWorkspace(REFS.replace('s3://lab-refs', 's3://lab-refs-v2'));
    const replace = await cli(['plan', '--no-color']);
    expect(replace.stdout).toContain(A('refs'));
    expect(replace.stdout).toContain('# forces replacement');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const [replaced] = await custom();
    expect(replaced).toMatchObject({ name: 'refs', resourceRef: 's3://lab-refs-v2' });
    expect(replaced?.id).not.toBe(created?.id);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a link made by hand is drift with the ignore hint, and is deleted with prune; discovered links stay', async () => {
    await writeWorkspace(REFS);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    await api()('POST', '/data-links', {
      query: { workspaceId: await workspaceId(api()) },
      body: { name: 'by-hand', provider: 'google', resourceRef: 'gs://by-hand', type: 'bucket' },
    });

    const drift = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toContain(A('by-hand'));
    expect(drift.stdout).toContain('prune is off for dataLinks');
    expect(drift.stdout).not.toContain('found-bucket');

    await writeWorkspace(`prune: { dataLinks: true }\n${REFS}`);
    const pruning = await cli(['plan', '--no-color']);
    expect(pruning.stdout).toContain(`- data link ${A('by-hand')}`);
    expect(pruning.stdout).not.toContain('found-bucket');
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    expect((await liveLinks()).map((l) => l.name).sort()).toEqual(['found-bucket', 'refs']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('shows data links in the markdown and JSON plans', async () => {
    await writeWorkspace(REFS);
    const markdown = await cli(['plan', '--format', 'markdown']);
    expect(markdown.stdout).toContain(`data link ${A('refs')}`);
    const json = await cli(['plan', '--format', 'json']);
    const document = JSON.parse(json.stdout) as {
      actions: { kind: string; type: string; address: string; desired?: { credentials?: string } }[];
    };
    expect(document.actions.map((a) => [a.kind, a.type, a.address, a.desired?.credentials])).toEqual([
      ['dataLink', 'create', A('refs'), 'aws-main'],
    ]);
  });

  it('a saved plan applies the data link actions it holds', async () => {
    await writeWorkspace(REFS);
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    expect((await cli(['apply', 'plan.json'])).code).toBe(0);
    expect((await custom()).map((l) => l.name)).toEqual(['refs']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('a saved plan is refused when its link changed on the platform since', async () => {
    await writeWorkspace(REFS);
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    await writeWorkspace(REFS.replace('Reference genomes', 'Genomes'));
    expect((await cli(['plan', '--out', 'plan.json'])).code).toBe(0);
    const [link] = await custom();
    await api()('PUT', `/data-links/${link?.id ?? ''}`, {
      query: { workspaceId: await workspaceId(api()) },
      body: { name: 'refs', description: 'changed by hand' },
    });
    const applied = await cli(['apply', 'plan.json']);
    expect(applied.code).not.toBe(0);
    expect(applied.stdout + applied.stderr).toContain(A('refs'));
    expect(applied.stdout + applied.stderr).toContain('changed on the platform since the plan was made');
    expect((await custom())[0]?.description).toBe('changed by hand');
  });

  it('a create whose answer is lost adopts the link the platform made, without a duplicate', async () => {
    await writeWorkspace(REFS);
    fixture.emu.scriptFault({ method: 'POST', path: '/data-links', fault: { kind: 'lost-response' } });
    const applied = await cli(['apply', '--yes', '--no-color']);
    expect(applied.code).toBe(0);
    expect(applied.stdout + applied.stderr).toContain('adopted the existing object');
    expect((await custom()).map((l) => l.name)).toEqual(['refs']);
    expect((await cli(['plan', '--detailed-exitcode'])).code).toBe(0);
  });

  it('export → validate → plan shows no changes, without the discovered link', async () => {
    await writeWorkspace(
      REFS.replace('Reference genomes', 'Refs') +
        '  - { name: pub, provider: google, resourceRef: gs://pub-data, publicAccessible: true }\n',
    );
    expect((await cli(['apply', '--yes'])).code).toBe(0);
    const exported = await cli(['export', '--org', ORG, '--out-dir', 'out']);
    expect(exported.code).toBe(0);
    const text = await readFile(path.join(config.root, 'out', ORG, `${WS}.yaml`), 'utf8');
    expect(text).toContain('dataLinks:');
    expect(text).toContain('resourceRef: gs://pub-data');
    expect(text).toContain('publicAccessible: true');
    expect(text).not.toContain('found-bucket');
    const validated = await cli(['validate', '--config-dir', 'out']);
    expect(validated.code).toBe(0);
    const planned = await cli(['plan', '--config-dir', 'out', '--detailed-exitcode', '--no-color']);
    expect(planned.stdout).toContain(NO_CHANGES);
    expect(planned.code).toBe(0);
  });

  it('refuses a bucket URI that is not the provider’s, naming the file and line', async () => {
    await writeWorkspace('dataLinks:\n  - { name: refs, provider: google, resourceRef: s3://lab-refs }\n');
    const validated = await cli(['validate']);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(`workspaces/${ORG}/${WS}.yaml:4:`);
    expect(validated.stdout).toContain(
      'the resourceRef of a google bucket must start with gs:// (got s3://lab-refs)',
    );

    await writeWorkspace(
      'credentials:\n  - { name: gcp, provider: google, keys: { data: "${GCP_KEY}" } }\n' +
        'dataLinks:\n  - { name: refs, provider: aws, resourceRef: s3://lab-refs, credentials: gcp }\n',
    );
    const mismatched = await cli(['validate']);
    expect(mismatched.code).toBe(1);
    expect(mismatched.stdout).toContain(
      "data link 'refs' (aws) cannot use credential 'gcp' (provider google): it needs aws",
    );
  });
});

describe('a data link list that answers 202 while the platform discovers buckets', () => {
  const fixture = useEmulator(() => ({ seed: seed(2) }));
  const cli = cliFor(fixture);

  it('waits, re-reads and says so in the plan', async () => {
    await writeWorkspace(REFS);
    fixture.emu.clearRequestLog();
    const planned = await cli(['plan', '--no-color']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain(`+ data link ${A('refs')}`);
    expect(planned.stdout).toContain('the data link list answered 202');
    expect(planned.stdout).toContain('2 times; it was read again after waiting');
    const lists = fixture.emu.requestLog().filter((e) => e.method === 'GET' && e.path === '/data-links');
    expect(lists.map((e) => e.status)).toEqual([202, 202, 200]);
  });
});

describe('a data link list still answering 202 after the last wait', () => {
  const fixture = useEmulator(() => ({ seed: seed(50) }));
  const cli = cliFor(fixture);

  it('leaves the links alone and says why', async () => {
    await writeWorkspace(`prune: { dataLinks: true }\n${REFS}`);
    const planned = await cli(['plan', '--no-color', '--detailed-exitcode']);
    expect(planned.stdout).toContain('data links not compared: the list still answered 202');
    expect(planned.stdout).toContain('after 6 tries; plan again later');
    expect(planned.stdout).not.toContain(`+ data link`);
    const lists = fixture.emu.requestLog().filter((e) => e.method === 'GET' && e.path === '/data-links');
    expect(lists).toHaveLength(6);
  });
});
