/**
 * `client.use(operations)`: a kind's endpoints bound to one client's
 * transport. Bound once per client (the same methods every time), never
 * shared between clients (each has its own transport, token and counts).
 */
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { OperationsContext } from '../../../src/api/call-helpers.js';
import { isOperations, operations } from '../../../src/api/operations.js';
import { useNockGuard } from '../../helpers/nock-guard.js';
import { HOST, makeClient } from './client-fixture.js';

useNockGuard();

function counted() {
  const contexts: OperationsContext[] = [];
  const ping = operations('ping', (context) => {
    contexts.push(context);
    return {
      async ping(): Promise<number> {
        return (await context.transport.call({ method: 'GET', path: '/ping' })).status;
      },
    };
  });
  return { ping, contexts };
}

describe("the client's use of a kind's endpoints", () => {
  it('binds them to the client once and sends through its transport', async () => {
    const { ping, contexts } = counted();
    const { client } = makeClient();
    nock(HOST).get('/ping').twice().reply(204);

    expect(client.use(ping)).toBe(client.use(ping));
    expect(await client.use(ping).ping()).toBe(204);
    expect(await client.use(ping).ping()).toBe(204);
    expect(contexts).toHaveLength(1);
    expect(client.stats().requests).toBe(2);
  });

  it('binds them apart for each client', () => {
    const { ping, contexts } = counted();
    const first = makeClient().client;
    const second = makeClient().client;

    expect(first.use(ping)).not.toBe(second.use(ping));
    expect(contexts).toHaveLength(2);
    expect(contexts[0]!.transport).not.toBe(contexts[1]!.transport);
  });

  it('tells an operations value from another object', () => {
    expect(isOperations(counted().ping)).toBe(true);
    expect(isOperations({ area: 'ping', bind: () => ({}) })).toBe(false);
    expect(isOperations(null)).toBe(false);
  });
});
