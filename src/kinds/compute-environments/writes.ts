/**
 * What the bench's lower bound counts for compute environments: a create
 * each (by name; its labels go in it), read again until it is available
 * (`statusPoll`, waits); and the live count the reader prices its describes
 * by. For the primary compute environment:
 * one request per declared primary compute environment that is not the live
 * primary one, once the environment is available (one status read after
 * its create).
 */
import type { ResourceWrites, WriteItem } from '../kind.js';
import { itemsAt, textOf } from '../kit/write-items.js';

export const computeEnvironmentWrites: ResourceWrites = {
  create: 'POST /compute-envs',
  statusPoll: 'GET /compute-envs',
  managed: true,
  seedSizes: (ws) => ({
    computeEnvs: new Set(itemsAt(ws, 'computeEnvironments').map((ce) => textOf(ce, 'name'))).size,
  }),
};

function primaries(ws: object): WriteItem[] {
  return itemsAt(ws, 'computeEnvironments')
    .filter((ce) => ce['primary'] === true)
    .map((ce) => ({ id: textOf(ce, 'name'), fields: ce }));
}

export const primaryWrites: ResourceWrites = {
  create: 'POST /compute-envs/{id}/primary',
  declared: primaries,
  live: primaries,
  waitsFor: (ce) => [{ to: 'computeEnvironment', id: textOf(ce, 'name'), available: true }],
};
