import { describe, expect, it } from 'vitest';
import {
  computeKeysMatch,
  startKeysMatch,
  formatFingerprintSuffix,
  keysFingerprint,
  keysMatch,
  parseFingerprintSuffix,
  withFingerprint,
} from '../../../src/secrets/fingerprint.js';
import { resolveCredentialKeys } from '../../../src/secrets/resolve-secrets.js';
import { address } from '../../../src/model/address.js';
import {
  aDesiredCredential,
  aDesiredOrg,
  aDesiredState,
  aDesiredWorkspace,
  anActualCredential,
  anActualOrg,
  anActualState,
  anActualWorkspace,
} from '../../helpers/builders.js';
import { sameVariablesEverywhere } from '../../helpers/variables.js';

const KEYS = { secretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('keysFingerprint', () => {
  it('is deterministic for a given salt and has the documented shape', async () => {
    const a = await keysFingerprint(KEYS, 'fixed-salt');
    const b = await keysFingerprint(KEYS, 'fixed-salt');
    expect(a).toEqual(b);
    expect(a.salt).toBe('fixed-salt');
    expect(a.hash).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('draws a random 12-byte base64url salt when none is given', async () => {
    const a = await keysFingerprint(KEYS);
    const b = await keysFingerprint(KEYS);
    expect(a.salt).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('differs when a key value changes, and does not depend on key order', async () => {
    const base = await keysFingerprint({ a: '1', b: '2' }, 's');
    expect((await keysFingerprint({ a: '1', b: '3' }, 's')).hash).not.toBe(base.hash);
    expect((await keysFingerprint({ b: '2', a: '1' }, 's')).hash).toBe(base.hash);
    // Moving a value to another key name is a different set of keys.
    expect((await keysFingerprint({ a: '2', b: '1' }, 's')).hash).not.toBe(base.hash);
  });

  it('never contains the secret value', async () => {
    const fp = await keysFingerprint(KEYS);
    expect(formatFingerprintSuffix(fp)).not.toContain(KEYS.secretKey);
  });
});

describe('keysFingerprint parameters', () => {
  // Every fingerprint on the platform was written with these scrypt parameters and
  // encoding: a change here would report every credential's keys as changed.
  it('gives the recorded hash for a known salt and values', async () => {
    const fp = await keysFingerprint({ token: 'value-b', secretKey: 'value-a' }, 'c2FsdHNhbHRzYWx0');
    expect(fp).toEqual({ salt: 'c2FsdHNhbHRzYWx0', hash: 'zfxhQymlllFN0FIR1pUecV' });
  });
});

describe('keysMatch', () => {
  it('is true for the same keys and false when a key changes', async () => {
    const fp = await keysFingerprint(KEYS);
    await expect(keysMatch(KEYS, fp)).resolves.toBe(true);
    await expect(keysMatch({ secretKey: 'rotated' }, fp)).resolves.toBe(false);
    await expect(keysMatch(KEYS, { ...fp, hash: 'short' })).resolves.toBe(false);
  });
});

describe('suffix format', () => {
  it('formats, appends and parses back', () => {
    const fp = { salt: 'c2FsdHNhbHRzYWx0', hash: 'abcdefghijklmnopqrstuv' };
    expect(formatFingerprintSuffix(fp)).toBe('[seqera-sync:v1:c2FsdHNhbHRzYWx0:abcdefghijklmnopqrstuv]');
    const text = withFingerprint('Main AWS account', fp);
    expect(text).toBe('Main AWS account [seqera-sync:v1:c2FsdHNhbHRzYWx0:abcdefghijklmnopqrstuv]');
    expect(parseFingerprintSuffix(text)).toEqual({ description: 'Main AWS account', fingerprint: fp });
    expect(withFingerprint(undefined, fp)).toBe(formatFingerprintSuffix(fp));
    expect(parseFingerprintSuffix(withFingerprint(undefined, fp))).toEqual({ fingerprint: fp });
    expect(parseFingerprintSuffix('hand made')).toEqual({ description: 'hand made' });
    expect(parseFingerprintSuffix(null)).toEqual({});
  });

  it('truncates the user part, never the suffix, to fit a maximum length', () => {
    const fp = { salt: 'salt', hash: 'hash' };
    const suffix = formatFingerprintSuffix(fp);
    const text = withFingerprint('x'.repeat(200), fp, 100);
    expect(text).toHaveLength(100);
    expect(text.endsWith(` ${suffix}`)).toBe(true);
    expect(withFingerprint('abc', fp, suffix.length)).toBe(suffix);
  });
});

describe('resolveCredentialKeys', () => {
  it('resolves references and lists every missing variable by name only', () => {
    const keys = { accessKey: 'AKIA', secretKey: { secretRef: 'A' }, token: { secretRef: 'B' } };
    const missing = resolveCredentialKeys(keys, new Map([['A', 'value-a']]));
    expect(missing).toEqual({ ok: false, missing: ['B'] });
    expect(JSON.stringify(missing)).not.toContain('value-a');
    const ok = resolveCredentialKeys(
      keys,
      new Map([
        ['A', 'value-a'],
        ['B', 'value-b'],
      ]),
    );
    expect(ok).toEqual({
      ok: true,
      value: {
        keys: { accessKey: 'AKIA', secretKey: 'value-a', token: 'value-b' },
        secretValues: { secretKey: 'value-a', token: 'value-b' },
      },
    });
  });
});

describe('computeKeysMatch', () => {
  it('maps credential addresses with a live fingerprint and set variables to whether they match', async () => {
    const fp = await keysFingerprint({ secretKey: 'current' });
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({
            credentials: [
              aDesiredCredential({ name: 'same', keys: { secretKey: { secretRef: 'SAME' } } }),
              aDesiredCredential({ name: 'rotated', keys: { secretKey: { secretRef: 'ROTATED' } } }),
              aDesiredCredential({ name: 'unset', keys: { secretKey: { secretRef: 'UNSET' } } }),
              aDesiredCredential({ name: 'no-fingerprint', keys: { secretKey: { secretRef: 'SAME' } } }),
              aDesiredCredential({ name: 'new', keys: { secretKey: { secretRef: 'SAME' } } }),
            ],
          }),
        ],
      }),
    );
    const actual = anActualState(
      anActualOrg({
        workspaces: [
          anActualWorkspace({
            credentials: [
              anActualCredential({ name: 'same', fingerprint: fp }),
              anActualCredential({ name: 'rotated', fingerprint: fp }),
              anActualCredential({ name: 'unset', fingerprint: fp }),
              (({ fingerprint: _f, ...rest }) => rest)(anActualCredential({ name: 'no-fingerprint' })),
            ],
          }),
        ],
      }),
    );
    const variables = new Map([
      ['SAME', 'current'],
      ['ROTATED', 'next'],
    ]);
    const result = await computeKeysMatch(desired, actual, sameVariablesEverywhere(variables));
    const at = (name: string) => address.credential('biocommons', 'ausgen', name);
    expect(result).toEqual(
      new Map([
        [at('same'), true],
        [at('rotated'), false],
      ]),
    );
  });
});

describe('startKeysMatch', () => {
  it('checks each workspace as it is handed over, with the result computeKeysMatch gives', async () => {
    const fp = await keysFingerprint({ secretKey: 'current' });
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: [
          aDesiredWorkspace({
            name: 'one',
            credentials: [aDesiredCredential({ name: 'c', keys: { secretKey: { secretRef: 'SAME' } } })],
          }),
          aDesiredWorkspace({
            name: 'two',
            credentials: [aDesiredCredential({ name: 'c', keys: { secretKey: { secretRef: 'ROTATED' } } })],
          }),
        ],
      }),
    );
    const live = (name: string) =>
      anActualWorkspace({ name, credentials: [anActualCredential({ name: 'c', fingerprint: fp })] });
    const actual = anActualState(
      anActualOrg({ workspaces: [live('one'), live('two'), live('not-declared')] }),
    );
    const variables = new Map([
      ['SAME', 'current'],
      ['ROTATED', 'next'],
    ]);
    const matcher = startKeysMatch(desired, sameVariablesEverywhere(variables));
    matcher.workspaceRead('biocommons', live('two'));
    matcher.workspaceRead('biocommons', live('one'));
    matcher.workspaceRead('biocommons', live('one'));
    matcher.workspaceRead('biocommons', live('not-declared'));
    matcher.workspaceRead('other-org', live('one'));
    const result = await matcher.result();
    expect(result).toEqual(
      new Map([
        [address.credential('biocommons', 'one', 'c'), true],
        [address.credential('biocommons', 'two', 'c'), false],
      ]),
    );
    expect(result).toEqual(await computeKeysMatch(desired, actual, sameVariablesEverywhere(variables)));
  });
});

describe('startKeysMatch cancel', () => {
  it('skips the checks not yet running, so a failed read does not wait for hashing', async () => {
    const fp = await keysFingerprint({ secretKey: 'current' });
    const names = Array.from({ length: 12 }, (_, i) => `ws-${String(i)}`);
    const desired = aDesiredState(
      aDesiredOrg({
        workspaces: names.map((name) =>
          aDesiredWorkspace({
            name,
            credentials: [aDesiredCredential({ name: 'c', keys: { secretKey: { secretRef: 'SAME' } } })],
          }),
        ),
      }),
    );
    const variables = new Map([['SAME', 'current']]);
    const live = (name: string) =>
      anActualWorkspace({ name, credentials: [anActualCredential({ name: 'c', fingerprint: fp })] });

    const whole = startKeysMatch(desired, sameVariablesEverywhere(variables));
    for (const name of names) whole.workspaceRead('biocommons', live(name));
    expect((await whole.result()).size).toBe(12);

    const cancelled = startKeysMatch(desired, sameVariablesEverywhere(variables));
    for (const name of names) cancelled.workspaceRead('biocommons', live(name));
    cancelled.cancel();
    // None had started (checks start a tick after they are queued): none ran.
    expect((await cancelled.result()).size).toBe(0);
  });
});
