import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/emulator/index.js';
import {
  apiCaller,
  exampleIds,
  exampleSeed,
  MEMBER_TOKEN,
  TOKEN,
  useEmulator,
} from '../../helpers/emulator.js';

describe('emulator: bearer tokens', () => {
  const fx = useEmulator({ seed: exampleSeed() });

  it('answers /user-info for the token user', async () => {
    const res = await fx.api('GET', '/user-info');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      userName: 'sync-bot',
      email: 'seqera-sync@biocommons.example.org',
    });
    expect(fx.emu.token).toBe(TOKEN);
  });

  it('answers 401 with an ErrorResponse without a token or with an unknown one', async () => {
    const missing = await fx.api('GET', '/user-info', { token: null });
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/Bearer/);
    const unknown = await fx.api('GET', '/orgs', { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toMatch(/invalid or expired/);
  });

  it('serves other seeded users by their own token', async () => {
    const res = await fx.api('GET', '/user-info', { token: MEMBER_TOKEN });
    expect(res.body.user.userName).toBe('john');
  });

  it('refuses org writes to a plain member with 403', async () => {
    const { orgId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/members/add`, {
      token: MEMBER_TOKEN,
      body: { user: 'alice.outsider@example.com' },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/Only organization owners/);
  });

  it('refuses participant changes to a workspace participant below admin with 403', async () => {
    const { orgId, wsId } = await exampleIds(fx.api);
    const res = await fx.api('PUT', `/orgs/${orgId}/workspaces/${wsId}/participants/add`, {
      token: MEMBER_TOKEN,
      body: { userNameOrEmail: 'alice.outsider@example.com' },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/'launch'.*'admin' or higher/);
  });

  it('lets a plain member read only the workspaces they participate in', async () => {
    const { orgId } = await exampleIds(fx.api);
    const member = apiCaller(fx.emu.endpoint, MEMBER_TOKEN);
    const res = await member('GET', `/orgs/${orgId}/workspaces`);
    expect(res.body.workspaces.map((w: { name: string }) => w.name)).toEqual(['ausgen']);
  });
});

describe('emulator: invalid token status setting', () => {
  it('can answer 403 instead of 401, as the platform sometimes does', async () => {
    const emu = await startEmulator({ invalidTokenStatus: 403 });
    try {
      const res = await apiCaller(emu.endpoint, 'wrong')('GET', '/user-info');
      expect(res.status).toBe(403);
      expect(res.body.message).toMatch(/Unauthorized/);
    } finally {
      await emu.stop();
    }
  });

  it('creates a default token user when the seed has no users', async () => {
    const emu = await startEmulator();
    try {
      expect(emu.token).toBe('emulator-token');
      const res = await apiCaller(emu.endpoint, emu.token)('GET', '/user-info');
      expect(res.status).toBe(200);
    } finally {
      await emu.stop();
    }
  });
});
