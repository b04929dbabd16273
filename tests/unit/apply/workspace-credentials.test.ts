import { describe, expect, it } from 'vitest';
import { address } from '../../../src/model/address.js';
import { keysMatch, parseFingerprintSuffix } from '../../../src/secrets/fingerprint.js';
import { anActualCredential } from '../../helpers/builders.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';
import {
  AWS_CREDENTIAL,
  ORG,
  WS,
  aPlan,
  aWorld,
  credentialAction,
  secretAction,
  workspaceAction,
} from './plan-fixtures.js';
import { workspaceReads } from '../../../src/kinds/workspace/api.js';

const PLANTED_KEY = 'planted-Secret-Value-123';
const PLANTED_TOKEN = 'planted-Secret-Token-456';
const CREATE_SECRET = 'POST /pipeline-secrets';

interface CredentialsBody {
  readonly credentials: { id?: string; description: string; keys: Record<string, unknown> };
}

describe('workspaces', () => {
  it('update sends name, fullName, description and visibility together, keeping SHARED', async () => {
    const w = await aWorld({
      workspace: { fullName: 'Old', description: 'kept description', visibility: 'shared' },
    });
    const action = workspaceAction('update', WS, {
      desired: { name: WS, fullName: 'New full name', visibility: 'shared' },
      current: {
        id: w.wsId,
        name: WS,
        fullName: 'Old',
        description: 'kept description',
        visibility: 'shared',
      },
      changes: [{ field: 'fullName', from: 'Old', to: 'New full name' }],
    });
    const report = await w.apply(aPlan([action], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['PUT /orgs/{id}/workspaces/{id}']);
    expect(w.entries('PUT /orgs/{id}/workspaces/{id}')[0]?.body).toEqual({
      name: WS,
      fullName: 'New full name',
      description: 'kept description',
      visibility: 'SHARED',
    });
    expect(w.workspace()).toMatchObject({
      fullName: 'New full name',
      description: 'kept description',
      visibility: 'shared',
    });
  });

  it('creates a workspace and gives its id to the actions inside it', async () => {
    const w = await aWorld();
    const report = await w.apply(
      aPlan([workspaceAction('create', 'fresh'), secretAction('create', 'S1', {}, 'fresh')], w.liveIds),
    );
    expect(report.failed).toEqual([]);
    const created = (await w.client.use(workspaceReads).listWorkspaces(w.orgId)).find(
      (ws) => ws.name === 'fresh',
    );
    expect(w.entries(CREATE_SECRET)[0]?.query['workspaceId']).toBe(String(created?.id));
    expect(w.workspace('fresh').secrets?.map((s) => s.name)).toEqual(['S1']);
  });

  it('adopts a workspace after a 409 and reconciles its fields', async () => {
    const w = await aWorld({ otherWorkspaces: [{ name: 'taken', visibility: 'private' }] });
    const action = workspaceAction('create', 'taken', {
      desired: { name: 'taken', fullName: 'Taken', visibility: 'shared' },
    });
    const report = await w.apply(aPlan([action], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.org().workspaces?.filter((ws) => ws.name === 'taken')).toEqual([
      expect.objectContaining({ fullName: 'Taken', visibility: 'shared' }),
    ]);
  });
});

describe('credentials', () => {
  it('creates with resolved keys, the discriminator and a fingerprint that matches the keys', async () => {
    const w = await aWorld();
    const report = await w.apply(aPlan([credentialAction('create')], w.liveIds));
    expect(report.failed).toEqual([]);
    const body = (w.entries('POST /credentials')[0]?.body as CredentialsBody).credentials;
    expect(body.keys).toEqual({ accessKey: 'AKIAEXAMPLE', secretKey: PLANTED_KEY, discriminator: 'aws' });
    const parsed = parseFingerprintSuffix(body.description);
    expect(parsed.description).toBe('Main AWS account');
    expect(parsed.fingerprint).toBeDefined();
    await expect(keysMatch({ secretKey: PLANTED_KEY }, parsed.fingerprint!)).resolves.toBe(true);
    expect(w.workspace().credentials?.map((c) => [c.name, c.keys?.['secretKey']])).toEqual([
      ['aws-main', PLANTED_KEY],
    ]);
  });

  it('a missing variable fails that action before any request, naming the variable', async () => {
    const w = await aWorld();
    const report = await w.apply(aPlan([credentialAction('create'), secretAction('create')], w.liveIds), {
      variables: sameVariablesEverywhere(new Map()),
    });
    expect(report.failed.map((f) => f.error)).toEqual([
      'variable ${AWS_SECRET_KEY} not set: nothing was sent',
      'variable ${TOKEN_VAR} not set: nothing was sent',
    ]);
    expect(w.emu.requestLog()).toEqual([]);
  });

  it('updates in place with the full object and keeps the live description when the file has none', async () => {
    const w = await aWorld({ workspace: { credentials: [{ ...AWS_CREDENTIAL, description: 'Hand made' }] } });
    const id = w.ids.credential('aws-main');
    const base = credentialAction('update');
    const { description: _dropped, ...desired } = base.desired!;
    const report = await w.apply(
      aPlan(
        [
          {
            ...base,
            desired,
            current: anActualCredential({ id, description: 'Hand made' }),
            changes: [{ field: 'keys', sensitive: true }],
          },
        ],
        w.liveIds,
      ),
    );
    expect(report.failed).toEqual([]);
    expect(w.writes()).toEqual(['PUT /credentials/{id}']);
    const body = (w.entries('PUT /credentials/{id}')[0]?.body as CredentialsBody).credentials;
    expect(body.id).toBe(id);
    expect(parseFingerprintSuffix(body.description).description).toBe('Hand made');
    expect(body.keys['secretKey']).toBe(PLANTED_KEY);
    expect(w.workspace().credentials?.[0]?.keys?.['secretKey']).toBe(PLANTED_KEY);
  });

  it('adopts after a lost create response and rewrites the keys instead of creating a duplicate', async () => {
    const w = await aWorld();
    w.emu.scriptFault({ method: 'POST', path: '/credentials', fault: { kind: 'lost-response' } });
    const report = await w.apply(aPlan([credentialAction('create'), secretAction('create')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.workspace().credentials).toHaveLength(1);
    expect(w.writes()).toEqual(['POST /credentials', 'PUT /credentials/{id}', CREATE_SECRET]);
  });

  it('a non-ambiguous failure is not retried or adopted', async () => {
    const w = await aWorld();
    w.emu.scriptFault({
      method: 'POST',
      path: '/credentials',
      fault: { kind: 'refuse', status: 400, message: 'Invalid key' },
    });
    const report = await w.apply(aPlan([credentialAction('create')], w.liveIds));
    expect(report.failed).toHaveLength(1);
    expect(w.requests()).toEqual(['POST /credentials']);
  });
});

describe('pipeline secrets', () => {
  it('creates with the resolved value and updates only when planned', async () => {
    const w = await aWorld({ workspace: { secrets: [{ name: 'ROTATE', value: 'old' }] } });
    const report = await w.apply(
      aPlan(
        [
          secretAction('create', 'NEW_ONE'),
          secretAction('update', 'ROTATE', { current: { id: w.ids.secret('ROTATE'), name: 'ROTATE' } }),
        ],
        w.liveIds,
      ),
    );
    expect(report.failed).toEqual([]);
    expect(new Map(w.workspace().secrets?.map((s) => [s.name, s.value]))).toEqual(
      new Map([
        ['ROTATE', PLANTED_TOKEN],
        ['NEW_ONE', PLANTED_TOKEN],
      ]),
    );
  });

  it('adopts a secret after a 409 and writes the declared value', async () => {
    const w = await aWorld({ workspace: { secrets: [{ name: 'SENTIEON_LICENSE', value: 'stale' }] } });
    const report = await w.apply(aPlan([secretAction('create')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.workspace().secrets).toEqual([{ name: 'SENTIEON_LICENSE', value: PLANTED_TOKEN }]);
    expect(report.applied[0]?.address).toBe(address.secret(ORG, WS, 'SENTIEON_LICENSE'));
  });

  it('resends a create whose ambiguous failure was not applied (the re-read shows nothing), once only', async () => {
    const w = await aWorld();
    w.emu.scriptFault({ method: 'POST', path: '/pipeline-secrets', fault: { kind: '5xx', status: 503 } });
    const report = await w.apply(aPlan([secretAction('create')], w.liveIds));
    expect(report.failed).toEqual([]);
    expect(w.requests()).toEqual([CREATE_SECRET, 'GET /pipeline-secrets', CREATE_SECRET]);
    expect(w.workspace().secrets).toHaveLength(1);
  });

  it('gives up after three ambiguous failures that applied nothing', async () => {
    const w = await aWorld();
    w.emu.scriptFault({ method: 'POST', path: '/pipeline-secrets', fault: { kind: 'drop' }, times: 5 });
    const report = await w.apply(aPlan([secretAction('create')], w.liveIds));
    expect(report.failed).toHaveLength(1);
    expect(w.entries(CREATE_SECRET)).toHaveLength(3);
    expect(w.workspace().secrets ?? []).toEqual([]);
  });
});
