import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../../src/api/client.js';
import { isLoopbackHost, parseEndpoint } from '../../../src/api/endpoint.js';
import { ApiError } from '../../../src/api/errors.js';

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

describe('parseEndpoint', () => {
  it('keeps an https base URL and strips trailing slashes', () => {
    expect(parseEndpoint('https://api.cloud.seqera.io')).toEqual({
      baseUrl: 'https://api.cloud.seqera.io',
      loopback: false,
    });
    expect(parseEndpoint('https://platform.example.org/api/').baseUrl).toBe(
      'https://platform.example.org/api',
    );
  });

  it('keeps a path prefix (Enterprise)', () => {
    expect(parseEndpoint('https://platform.example.org:8443/tower/api').baseUrl).toBe(
      'https://platform.example.org:8443/tower/api',
    );
  });

  it.each([
    'http://127.0.0.1:8080',
    'http://127.3.2.1',
    'http://localhost:3000/api',
    'http://[::1]:9000',
    'http://[::ffff:127.0.0.1]:9000',
  ])('allows plain http to the loopback host %s', (url) => {
    expect(parseEndpoint(url).loopback).toBe(true);
  });

  it('refuses plain http to a remote host, saying why', () => {
    const err = errorOf(() => parseEndpoint('http://platform.example.org/api'));
    expect(err.kind).toBe('invalid-options');
    expect(err.message).toContain('refusing plain http to platform.example.org');
    expect(err.message).toContain('use https');
  });

  it('refuses credentials in the URL without echoing them', () => {
    const err = errorOf(() => parseEndpoint('https://user:hunter2@platform.example.org'));
    expect(err.message).toContain('must not contain credentials');
    expect(err.message).not.toContain('hunter2');
  });

  it('refuses a query, another scheme, and garbage', () => {
    expect(errorOf(() => parseEndpoint('https://h.example.org/api?x=1')).message).toContain('query');
    expect(errorOf(() => parseEndpoint('ftp://h.example.org')).message).toContain('https URL');
    expect(errorOf(() => parseEndpoint('not a url secretish')).message).not.toContain('secretish');
  });

  it('is applied by createApiClient', () => {
    const err = errorOf(() =>
      createApiClient({
        endpoint: 'http://example.org',
        token: 't',
        maxRps: 18,
        verbose: false,
        log: () => undefined,
      }),
    );
    expect(err.kind).toBe('invalid-options');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['api.localhost', false],
    ['localhost.evil.example', false],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['[::ffff:7f00:1]', true],
    ['::ffff:a00:1', false],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['10.0.0.1', false],
    ['localhost.example.org', false],
    ['127.0.0.1.nip.io', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('createApiClient options', () => {
  const base = {
    endpoint: 'https://api.example.test',
    token: 't',
    maxRps: 18,
    verbose: false,
    log: () => undefined,
  };
  it('refuses an empty token, a token with a line break, and non-positive limits', () => {
    expect(errorOf(() => createApiClient({ ...base, token: '  ' })).message).toContain('empty');
    expect(errorOf(() => createApiClient({ ...base, token: 'a\nb' })).message).toContain('line break');
    expect(errorOf(() => createApiClient({ ...base, maxRps: 0 })).message).toContain('maxRps');
    expect(errorOf(() => createApiClient({ ...base, maxConcurrency: 1.5 })).message).toContain(
      'maxConcurrency',
    );
  });

  it('exposes the normalised endpoint and zeroed stats', () => {
    const client = createApiClient({ ...base, endpoint: 'https://api.example.test/api/' });
    expect(client.endpoint).toBe('https://api.example.test/api');
    expect(client.stats()).toEqual({ requests: 0, writes: 0 });
  });
});
