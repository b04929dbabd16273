/**
 * The emulator's test controls beyond random faults: scripted faults aimed at
 * one request, the injectable clock, and the documented answer of a pipeline
 * update. Every response is checked against the official spec when each test
 * ends (useEmulator).
 */
import { describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorSeed } from '../../../src/emulator/index.js';
import { exampleIds, exampleSeed, useEmulator } from '../../helpers/emulator.js';

const SECRET = { name: 'NEW_SECRET', value: 'v' };

async function outcome(endpoint: string, token: string, method: string, path: string, body?: unknown) {
  try {
    const res = await fetch(endpoint + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 'dropped';
  }
}

describe('emulator: scripted faults', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  async function secretNames(wsId: number): Promise<string[]> {
    const res = await fx.api('GET', '/pipeline-secrets', { query: { workspaceId: wsId } });
    return (res.body.pipelineSecrets as { name: string }[]).map((s) => s.name);
  }

  it('refuse: answers the status with the message as an ErrorResponse and applies nothing, for `times` requests', async () => {
    const { wsId } = await exampleIds(fx.api);
    fx.emu.scriptFault({
      method: 'post',
      path: '/pipeline-secrets',
      fault: { kind: 'refuse', status: 409, message: 'Conflicting deletion: active jobs' },
      times: 2,
    });
    for (let i = 0; i < 2; i++) {
      const res = await fx.api('POST', '/pipeline-secrets', { query: { workspaceId: wsId }, body: SECRET });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ message: 'Conflicting deletion: active jobs' });
    }
    expect(await secretNames(wsId)).toEqual(['SENTIEON_LICENSE']);
    expect(fx.emu.pendingScriptedFaults()).toEqual([]);
    expect(fx.emu.requestLog().filter((e) => e.fault === 'refused')).toHaveLength(2);
    const third = await fx.api('POST', '/pipeline-secrets', { query: { workspaceId: wsId }, body: SECRET });
    expect(third.status).toBe(200);
  });

  it('matches the method and the exact path or a pattern; other requests pass', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    fx.emu.scriptFault({ method: 'GET', path: /^\/orgs\/\d+\/teams$/, fault: { kind: '5xx', status: 500 } });
    fx.emu.scriptFault({
      method: 'GET',
      path: `/orgs/${orgId}/members`,
      fault: { kind: '5xx', status: 503 },
    });
    expect((await fx.api('GET', `/orgs/${orgId}/workspaces/${wsId}`)).status).toBe(200);
    expect(
      (await fx.api('POST', `/orgs/${orgId}/teams`, { body: { team: { name: 'fresh-team' } } })).status,
    ).toBe(200);
    expect((await fx.api('GET', `/orgs/${orgId}/teams`)).status).toBe(500);
    expect((await fx.api('GET', `/orgs/${orgId}/members`)).status).toBe(503);
    expect((await fx.api('GET', `/orgs/${orgId}/teams`)).status).toBe(200);
  });

  it('lost-response: applies the write, then drops the connection or answers a gateway error', async () => {
    const { wsId } = await exampleIds(fx.api);
    const path = `/pipeline-secrets?workspaceId=${wsId}`;
    fx.emu.scriptFault({ method: 'POST', path: '/pipeline-secrets', fault: { kind: 'lost-response' } });
    expect(await outcome(fx.emu.endpoint, fx.emu.token, 'POST', path, { name: 'LOST_ONE', value: 'v' })).toBe(
      'dropped',
    );
    fx.emu.scriptFault({
      method: 'POST',
      path: '/pipeline-secrets',
      fault: { kind: 'lost-response', status: 504 },
    });
    const gateway = await fx.api('POST', '/pipeline-secrets', {
      query: { workspaceId: wsId },
      body: { name: 'LOST_TWO', value: 'v' },
    });
    expect(gateway.status).toBe(504);
    expect(await secretNames(wsId)).toEqual(['SENTIEON_LICENSE', 'LOST_ONE', 'LOST_TWO']);
  });

  it('drop: closes the connection and applies nothing', async () => {
    const { wsId } = await exampleIds(fx.api);
    fx.emu.scriptFault({ method: 'POST', path: '/pipeline-secrets', fault: { kind: 'drop' } });
    const path = `/pipeline-secrets?workspaceId=${wsId}`;
    expect(await outcome(fx.emu.endpoint, fx.emu.token, 'POST', path, SECRET)).toBe('dropped');
    expect(fx.emu.requestLog().at(-1)).toMatchObject({ status: 0, fault: 'drop' });
    expect(await secretNames(wsId)).toEqual(['SENTIEON_LICENSE']);
  });

  it('slow: answers normally once `until` settles, which is called as the request arrives', async () => {
    let arrived = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    fx.emu.scriptFault({
      method: 'GET',
      path: '/user-info',
      times: 2,
      fault: {
        kind: 'slow',
        ms: 0,
        until: () => {
          arrived++;
          return released;
        },
      },
    });
    const answers = [fx.api('GET', '/user-info'), fx.api('GET', '/user-info')];
    while (arrived < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(fx.emu.requestLog()).toEqual([]);
    release();
    expect((await Promise.all(answers)).map((a) => a.status)).toEqual([200, 200]);
    expect(fx.emu.requestLog().map((e) => e.fault)).toEqual(['slow', 'slow']);
  });

  it('refuses a lost response on a read and a slow answer with a negative delay', () => {
    expect(() => {
      fx.emu.scriptFault({ method: 'GET', path: '/orgs', fault: { kind: 'lost-response' } });
    }).toThrow(/needs a write/);
    expect(() => {
      fx.emu.scriptFault({ method: 'GET', path: '/orgs', fault: { kind: 'slow', ms: -1 } });
    }).toThrow(/non-negative/);
    expect(() => {
      fx.emu.scriptFault({ method: 'GET', path: '/orgs', fault: { kind: 'drop' }, times: 0 });
    }).toThrow(/positive integer/);
  });
});

describe('emulator: clock', () => {
  it('measures compute-environment delays on the injected clock', async () => {
    let now = Date.UTC(2026, 0, 1);
    const seed: EmulatorSeed = {
      orgs: [
        {
          name: 'clocked',
          workspaces: [
            {
              name: 'ws',
              credentials: [{ name: 'aws', provider: 'aws', keys: { accessKey: 'A', secretKey: 'S' } }],
            },
          ],
        },
      ],
    };
    const emu = await startEmulator({ seed, clock: () => now, ceCreateDelayMs: 2_000 });
    try {
      const headers = { authorization: `Bearer ${emu.token}`, 'content-type': 'application/json' };
      const get = async (path: string) =>
        (await (await fetch(emu.endpoint + path, { headers })).json()) as Record<string, unknown>;
      const orgId = ((await get('/orgs'))['organizations'] as { orgId: number }[])[0]?.orgId ?? 0;
      const wsId = ((await get(`/orgs/${orgId}/workspaces`))['workspaces'] as { id: number }[])[0]?.id ?? 0;
      const credentialsId = (
        (await get(`/credentials?workspaceId=${wsId}`))['credentials'] as { id: string }[]
      )[0]?.id;
      const created = await fetch(`${emu.endpoint}/compute-envs?workspaceId=${wsId}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          computeEnv: {
            name: 'ce',
            platform: 'aws-batch',
            credentialsId,
            config: { discriminator: 'aws-batch', region: 'x', workDir: 's3://b' },
          },
        }),
      });
      expect(created.status, await created.text()).toBe(200);
      const status = async () =>
        ((await get(`/compute-envs?workspaceId=${wsId}`))['computeEnvs'] as { status: string }[])[0]?.status;
      expect(await status()).toBe('CREATING');
      now += 1_999;
      expect(await status()).toBe('CREATING');
      now += 1;
      expect(await status()).toBe('AVAILABLE');
    } finally {
      await emu.stop();
    }
  });
});

describe('emulator: the answer of a launch-changing pipeline update', () => {
  for (const updateAnswersWithDraft of [true, false]) {
    describe(`updateAnswersWithDraft: ${String(updateAnswersWithDraft)}`, () => {
      const fx = useEmulator({ seed: exampleSeed(), updateAnswersWithDraft });

      it(updateAnswersWithDraft ? 'shows the new draft version' : 'shows the default version', async () => {
        const { wsId } = await exampleIds(fx.api);
        const q = { workspaceId: wsId };
        const pipeline = (await fx.api('GET', '/pipelines', { query: q })).body.pipelines.find(
          (p: { name: string }) => p.name === 'rnaseq',
        );
        const launch = (await fx.api('GET', `/pipelines/${pipeline.pipelineId}/launch`, { query: q })).body
          .launch;
        const res = await fx.api('PUT', `/pipelines/${pipeline.pipelineId}`, {
          query: q,
          body: {
            name: 'rnaseq',
            launch: {
              pipeline: launch.pipeline,
              revision: '3.15.0',
              computeEnvId: launch.computeEnv.id,
              workDir: launch.workDir,
            },
          },
        });
        expect(res.status).toBe(200);
        const versions = (await fx.api('GET', `/pipelines/${pipeline.pipelineId}/versions`, { query: q }))
          .body.versions as { version: { id: string; isDefault: boolean } }[];
        expect(versions).toHaveLength(2);
        const draft = versions.find((v) => !v.version.isDefault)?.version.id;
        const shown = res.body.pipeline.version.id as string;
        expect(shown === draft).toBe(updateAnswersWithDraft);
      });
    });
  }
});
