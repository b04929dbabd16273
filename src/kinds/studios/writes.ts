/**
 * What the bench's lower bound counts for the Studios settings: one request
 * when they are declared for a workspace that is created, or when a
 * declared field differs from the live one (a seeded workspace has the
 * emulator's defaults where its seed sets none).
 */
import type { ResourceWrites } from '../kind.js';
import { STUDIOS_FIELDS } from './fields.js';

const SETTINGS = 'settings';
/** A new workspace's Studios settings on the emulator. */
const SEED_DEFAULTS = { lifespanHours: 8, privateStudioByDefault: false };

function settingsOf(ws: object): Readonly<Record<string, unknown>> | undefined {
  const studios = (ws as Readonly<Record<string, unknown>>)['studios'];
  return typeof studios === 'object' && studios !== null
    ? (studios as Readonly<Record<string, unknown>>)
    : undefined;
}

export const studiosWrites: ResourceWrites = {
  create: 'PUT /orgs/{id}/workspaces/{id}/settings/studios',
  declared: (ws) => {
    const studios = settingsOf(ws);
    return studios === undefined ? [] : [{ id: SETTINGS, fields: studios }];
  },
  live: (ws) => [{ id: SETTINGS, fields: { ...SEED_DEFAULTS, ...settingsOf(ws) } }],
  update: (declared, live) =>
    STUDIOS_FIELDS.some((field) => declared[field] !== undefined && declared[field] !== live[field])
      ? ['PUT /orgs/{id}/workspaces/{id}/settings/studios']
      : [],
};
