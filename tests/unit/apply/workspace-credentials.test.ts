import { sameVariablesEverywhere } from '../../helpers/variables.js';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/apply/apply-plan.js';
import { address } from '../../../src/model/address.js';
import { keysMatch, parseFingerprintSuffix } from '../../../src/secrets/fingerprint.js';
import { anActualCredential } from '../../helpers/builders.js';
import { apiError } from '../../helpers/fake-client.js';
import {
  ORG,
  WS,
  aPlan,
  aWorld,
  credentialAction,
  options,
  secretAction,
  workspaceAction,
} from './plan-fixtures.js';

describe('workspaces', () => {
  it('update sends name, fullName, description and visibility together, keeping SHARED', async () => {
    const { fake, orgId, wsId, liveIds } = aWorld();
    const action = workspaceAction('update', WS, {
      desired: { name: WS, fullName: 'New full name', visibility: 'shared' },
      current: { id: wsId, name: WS, fullName: 'Old', description: 'kept description', visibility: 'shared' },
      changes: [{ field: 'fullName', from: 'Old', to: 'New full name' }],
    });
    const report = await applyPlan(aPlan([action], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.writeCalls()).toEqual([
      {
        method: 'updateWorkspace',
        args: [
          orgId,
          wsId,
          { name: WS, fullName: 'New full name', description: 'kept description', visibility: 'SHARED' },
        ],
      },
    ]);
  });

  it('creates a workspace and gives its id to the actions inside it', async () => {
    const { fake, orgId, liveIds } = aWorld();
    const report = await applyPlan(
      aPlan([workspaceAction('create', 'fresh'), secretAction('create', 'S1', {}, 'fresh')], liveIds),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    const created = fake.workspaces.get(orgId)?.find((w) => w.name === 'fresh');
    expect(fake.callsTo('createPipelineSecret')[0]?.args[0]).toBe(created?.id);
  });

  it('adopts a workspace after a 409 and reconciles its fields', async () => {
    const { fake, orgId, liveIds } = aWorld();
    fake.seedWorkspace(orgId, 'taken', 'PRIVATE');
    const action = workspaceAction('create', 'taken', {
      desired: { name: 'taken', fullName: 'Taken', visibility: 'shared' },
    });
    const report = await applyPlan(aPlan([action], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.workspaces.get(orgId)?.filter((w) => w.name === 'taken')).toEqual([
      expect.objectContaining({ fullName: 'Taken', visibility: 'SHARED' }),
    ]);
  });
});

describe('credentials', () => {
  it('creates with resolved keys, the discriminator and a fingerprint that matches the keys', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const report = await applyPlan(aPlan([credentialAction('create')], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    const [call] = fake.callsTo('createCredentials');
    const body = call?.args[1] as { description: string; keys: Record<string, unknown> };
    expect(body.keys).toEqual({
      accessKey: 'AKIAEXAMPLE',
      secretKey: 'planted-Secret-Value-123',
      discriminator: 'aws',
    });
    const parsed = parseFingerprintSuffix(body.description);
    expect(parsed.description).toBe('Main AWS account');
    expect(parsed.fingerprint).toBeDefined();
    await expect(keysMatch({ secretKey: 'planted-Secret-Value-123' }, parsed.fingerprint!)).resolves.toBe(
      true,
    );
    expect(fake.credentials.get(wsId)).toHaveLength(1);
  });

  it('a missing variable fails that action before any request, naming the variable', async () => {
    const { fake, liveIds } = aWorld();
    const report = await applyPlan(
      aPlan([credentialAction('create'), secretAction('create')], liveIds),
      fake,
      options({ variables: sameVariablesEverywhere(new Map()) }),
    );
    expect(report.failed.map((f) => f.error)).toEqual([
      'variable ${AWS_SECRET_KEY} not set: nothing was sent',
      'variable ${TOKEN_VAR} not set: nothing was sent',
    ]);
    expect(fake.calls).toHaveLength(0);
  });

  it('updates in place with the full object and keeps the live description when the file has none', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const id = await fake.createCredentials(wsId, {
      name: 'aws-main',
      provider: 'aws',
      description: 'Hand made',
    });
    fake.calls.length = 0;
    const base = credentialAction('update');
    const { description: _dropped, ...desired } = base.desired!;
    const report = await applyPlan(
      aPlan(
        [
          {
            ...base,
            desired,
            current: anActualCredential({ id, description: 'Hand made' }),
            changes: [{ field: 'keys', sensitive: true }],
          },
        ],
        liveIds,
      ),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    const [call] = fake.writeCalls();
    expect(call?.method).toBe('updateCredentials');
    const body = call?.args[2] as { id: string; description: string; keys: Record<string, unknown> };
    expect(body.id).toBe(id);
    expect(parseFingerprintSuffix(body.description).description).toBe('Hand made');
    expect(body.keys['secretKey']).toBe('planted-Secret-Value-123');
  });

  it('adopts after a lost create response and rewrites the keys instead of creating a duplicate', async () => {
    const { fake, wsId, liveIds } = aWorld();
    fake.fail('createCredentials', apiError(undefined, undefined, 'POST'), { afterApply: true });
    const later = secretAction('create');
    const report = await applyPlan(aPlan([credentialAction('create'), later], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.credentials.get(wsId)).toHaveLength(1);
    expect(fake.writeCalls().map((c) => c.method)).toEqual([
      'createCredentials',
      'updateCredentials',
      'createPipelineSecret',
    ]);
  });

  it('a non-ambiguous failure is not retried or adopted', async () => {
    const { fake, liveIds } = aWorld();
    fake.fail('createCredentials', apiError(400, 'Invalid key', 'POST'));
    const report = await applyPlan(aPlan([credentialAction('create')], liveIds), fake, options());
    expect(report.failed).toHaveLength(1);
    expect(fake.callsTo('listCredentials')).toHaveLength(0);
  });
});

describe('pipeline secrets', () => {
  it('creates with the resolved value and updates only when planned', async () => {
    const { fake, wsId, liveIds } = aWorld();
    const existing = await fake.createPipelineSecret(wsId, 'ROTATE', 'old');
    fake.calls.length = 0;
    const report = await applyPlan(
      aPlan(
        [
          secretAction('create', 'NEW_ONE'),
          secretAction('update', 'ROTATE', { current: { id: existing, name: 'ROTATE' } }),
        ],
        liveIds,
      ),
      fake,
      options(),
    );
    expect(report.failed).toEqual([]);
    expect(fake.secrets.get(wsId)?.map((s) => [s.name, s.value])).toEqual([
      ['ROTATE', 'planted-Secret-Token-456'],
      ['NEW_ONE', 'planted-Secret-Token-456'],
    ]);
  });

  it('adopts a secret after a 409 and writes the declared value', async () => {
    const { fake, wsId, liveIds } = aWorld();
    await fake.createPipelineSecret(wsId, 'SENTIEON_LICENSE', 'stale');
    fake.calls.length = 0;
    const report = await applyPlan(aPlan([secretAction('create')], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.secrets.get(wsId)).toEqual([expect.objectContaining({ value: 'planted-Secret-Token-456' })]);
    expect(report.applied[0]?.address).toBe(address.secret(ORG, WS, 'SENTIEON_LICENSE'));
  });

  it('resends a create whose ambiguous failure was not applied (the re-read shows nothing), once only', async () => {
    const { fake, wsId, liveIds } = aWorld();
    fake.fail('createPipelineSecret', apiError(503, 'Service unavailable', 'POST'));
    const report = await applyPlan(aPlan([secretAction('create')], liveIds), fake, options());
    expect(report.failed).toEqual([]);
    expect(fake.calls.map((c) => c.method)).toEqual([
      'createPipelineSecret',
      'listPipelineSecrets',
      'createPipelineSecret',
    ]);
    expect(fake.secrets.get(wsId)).toHaveLength(1);
  });

  it('gives up after three ambiguous failures that applied nothing', async () => {
    const { fake, wsId, liveIds } = aWorld();
    fake.fail('createPipelineSecret', apiError(undefined, undefined, 'POST'), { times: 5 });
    const report = await applyPlan(aPlan([secretAction('create')], liveIds), fake, options());
    expect(report.failed).toHaveLength(1);
    expect(fake.callsTo('createPipelineSecret')).toHaveLength(3);
    expect(fake.secrets.get(wsId)).toHaveLength(0);
  });
});
