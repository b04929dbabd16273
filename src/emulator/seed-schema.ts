/** JSON Schema of the seed's shape (references are checked by seed-store.ts). */
import type { SchemaObject } from 'ajv';

const str = { type: 'string', minLength: 1 };
const optStr = { type: 'string' };
const strList = { type: 'array', items: str };
const obj = (required: string[], properties: Record<string, unknown>, additional = false): SchemaObject => ({
  type: 'object',
  required,
  properties,
  additionalProperties: additional,
});

const launch = obj(['pipeline'], { pipeline: str, computeEnv: str }, true);

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
      customRoles: {
        type: 'array',
        items: { oneOf: [str, obj(['name'], { name: str, description: optStr, permissions: strList })] },
      },
      customRolesEnabled: { type: 'boolean' },
      members: {
        type: 'array',
        items: obj(['email'], { email: str, role: { enum: ['owner', 'member', 'collaborator'] } }),
      },
      teams: {
        type: 'array',
        items: obj(['name'], {
          name: str,
          description: optStr,
          members: strList,
          idpGroupId: { type: 'integer' },
        }),
      },
      workspaces: {
        type: 'array',
        items: obj(['name'], {
          name: str,
          fullName: str,
          description: optStr,
          visibility: { enum: ['private', 'shared', 'PRIVATE', 'SHARED'] },
          participants: {
            type: 'array',
            items: {
              ...obj([], { email: str, team: str, role: str }),
              oneOf: [{ required: ['email'] }, { required: ['team'] }],
            },
          },
          labels: {
            type: 'array',
            items: obj(['name'], {
              name: str,
              value: optStr,
              resource: { type: 'boolean' },
              isDefault: { type: 'boolean' },
            }),
          },
          credentials: {
            type: 'array',
            items: obj(['name', 'provider'], {
              name: str,
              provider: str,
              description: optStr,
              baseUrl: optStr,
              category: optStr,
              keys: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
            }),
          },
          computeEnvironments: {
            type: 'array',
            items: obj(['name', 'platform'], {
              name: str,
              platform: str,
              credentials: str,
              primary: { type: 'boolean' },
              description: optStr,
              config: { type: 'object' },
              status: { enum: ['CREATING', 'AVAILABLE', 'DISABLED', 'DELETING', 'ERRORED', 'INVALID'] },
              message: optStr,
              labels: strList,
            }),
          },
          pipelines: {
            type: 'array',
            items: obj(['name', 'launch'], {
              name: str,
              description: optStr,
              icon: optStr,
              labels: strList,
              launch,
              versionName: str,
              versions: { type: 'array', items: obj(['launch'], { name: str, launch }) },
            }),
          },
          secrets: { type: 'array', items: obj(['name', 'value'], { name: str, value: optStr }) },
          dataLinks: {
            type: 'array',
            items: obj(['name', 'provider', 'resourceRef'], {
              name: str,
              provider: str,
              resourceRef: str,
              credentials: str,
              description: optStr,
              publicAccessible: { type: 'boolean' },
              region: optStr,
              discovered: { type: 'boolean' },
            }),
          },
          dataLinksFetching: { type: 'integer', minimum: 0 },
          studios: obj([], {
            lifespanHours: { type: 'integer', minimum: 0 },
            privateStudioByDefault: { type: 'boolean' },
            containerRepository: str,
            nameStrategy: { enum: ['none', 'tagPrefix', 'imageSuffix'] },
          }),
          datasets: {
            type: 'array',
            items: obj(['name'], {
              name: str,
              description: optStr,
              labels: strList,
              versions: {
                type: 'array',
                items: obj(['fileName', 'content'], {
                  fileName: str,
                  content: str,
                  header: { type: 'boolean' },
                }),
              },
            }),
          },
          actions: {
            type: 'array',
            items: obj(['name', 'source', 'launch'], {
              name: str,
              source: { enum: ['github', 'tower', 'cron'] },
              launch,
              cron: obj(['expression'], { expression: str, timezone: str }),
              labels: strList,
            }),
          },
        }),
      },
      quotas: {
        oneOf: [
          { enum: ['forbidden', 'absent'] },
          { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } },
        ],
      },
    }),
  },
});
