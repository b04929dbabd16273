/**
 * JSON Schema of the seed's shape (references are checked by seed-store.ts):
 * the containers' fields here, each kind's from its route module
 * (`seedSchema` of its workspace or org part, in the order of kinds.ts).
 */
import type { SchemaObject } from 'ajv';
import { seedObj as obj, seedOptStr as optStr, seedStr as str, type EmulatorKind } from './kind.js';
import { EMULATOR_KINDS } from './kinds.js';

function kindFields(
  scope: (kind: EmulatorKind) => Readonly<Record<string, SchemaObject>> | undefined,
): Record<string, SchemaObject> {
  return Object.assign({}, ...EMULATOR_KINDS.map((kind) => scope(kind) ?? {})) as Record<
    string,
    SchemaObject
  >;
}

export const SEED_SCHEMA: SchemaObject = obj([], {
  users: {
    type: 'array',
    items: obj(['userName', 'email'], {
      userName: str,
      email: str,
      token: str,
      firstName: optStr,
      lastName: optStr,
    }),
  },
  orgs: {
    type: 'array',
    items: obj(['name'], {
      name: str,
      fullName: str,
      description: optStr,
      location: optStr,
      website: optStr,
      sso: { type: 'boolean' },
      ...kindFields((kind) => kind.org?.seedSchema),
      workspaces: {
        type: 'array',
        items: obj(['name'], {
          name: str,
          fullName: str,
          description: optStr,
          visibility: { enum: ['private', 'shared', 'PRIVATE', 'SHARED'] },
          ...kindFields((kind) => kind.workspace?.seedSchema),
        }),
      },
    }),
  },
});
