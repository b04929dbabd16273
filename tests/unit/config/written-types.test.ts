/**
 * The `Written*` types (src/formats/written.ts) and the JSON Schemas cannot
 * drift apart. Direction: types → schema. Each key list below is checked by the
 * compiler against its type (`satisfies Record<keyof T, true>` rejects both a
 * missing and an extra key), and by this test against the schema's properties
 * and `required`.
 */
import { describe, expect, it } from 'vitest';
import type {
  WrittenIgnore,
  WrittenOrganization,
  WrittenPolicy,
  WrittenPruneMap,
  WrittenWorkspace,
} from '../../../src/formats/written.js';
import type { WrittenAction } from '../../../src/kinds/actions/model.js';
import type { WrittenComputeEnvironment } from '../../../src/kinds/compute-environments/model.js';
import type { WrittenCredential } from '../../../src/kinds/credentials/model.js';
import type { WrittenDataLink } from '../../../src/kinds/data-links/model.js';
import type { WrittenDataset } from '../../../src/kinds/datasets/model.js';
import type { WrittenLabel } from '../../../src/kinds/labels/model.js';
import type { WrittenMember } from '../../../src/kinds/members/model.js';
import type {
  WrittenParticipant,
  WrittenTeamParticipant,
  WrittenUserParticipant,
} from '../../../src/kinds/participants/model.js';
import type { WrittenLaunch, WrittenPipeline } from '../../../src/kinds/pipelines/model.js';
import type { WrittenRole } from '../../../src/kinds/roles/model.js';
import type { WrittenSecret } from '../../../src/kinds/secrets/model.js';
import type { WrittenStudios } from '../../../src/kinds/studios/model.js';
import type { WrittenTeam } from '../../../src/kinds/teams/model.js';
import { nodeAt, propertiesOf, readSchema, requiredOf } from './schema-helpers.js';

/** Keys that are not optional in T. */
type RequiredKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K }[keyof T];
type KeysOfUnion<T> = T extends unknown ? keyof T : never;
type Keys<T> = Record<keyof T, true>;
type Required<T> = Record<RequiredKeys<T>, true>;

/** `{}`, and a compile error unless every key of T is optional. */
function noRequiredKeys<T>(
  ..._proof: [RequiredKeys<T>] extends [never] ? [] : [never]
): Readonly<Record<string, true>> {
  return {};
}

interface Pair {
  readonly schema: 'organization' | 'workspace';
  readonly pointer: string;
  readonly keys: Readonly<Record<string, true>>;
  readonly required: Readonly<Record<string, true>>;
}

const PAIRS: Readonly<Record<string, Pair>> = {
  WrittenOrganization: {
    schema: 'organization',
    pointer: '',
    keys: {
      name: true,
      fullName: true,
      description: true,
      members: true,
      teams: true,
      roles: true,
      policy: true,
      ignore: true,
    } satisfies Keys<WrittenOrganization>,
    required: { name: true } satisfies Required<WrittenOrganization>,
  },
  WrittenMember: {
    schema: 'organization',
    pointer: '/$defs/member',
    keys: { email: true, role: true } satisfies Keys<WrittenMember>,
    required: { email: true, role: true } satisfies Required<WrittenMember>,
  },
  WrittenRole: {
    schema: 'organization',
    pointer: '/$defs/role',
    keys: { name: true, description: true, permissions: true } satisfies Keys<WrittenRole>,
    required: { name: true, description: true, permissions: true } satisfies Required<WrittenRole>,
  },
  WrittenTeam: {
    schema: 'organization',
    pointer: '/$defs/team',
    keys: { name: true, description: true, members: true } satisfies Keys<WrittenTeam>,
    required: { name: true } satisfies Required<WrittenTeam>,
  },
  WrittenPolicy: {
    schema: 'organization',
    pointer: '/$defs/policy',
    keys: {
      prune: true,
      maxDeletions: true,
      maxDeletionRatio: true,
      protectedUsers: true,
      maxParticipants: true,
    } satisfies Keys<WrittenPolicy>,
    required: noRequiredKeys<WrittenPolicy>(),
  },
  WrittenPruneMap: {
    schema: 'workspace',
    pointer: '/$defs/prune',
    keys: {
      members: true,
      teams: true,
      teamMembers: true,
      participants: true,
      credentials: true,
      computeEnvironments: true,
      pipelines: true,
      secrets: true,
      labels: true,
      dataLinks: true,
      roles: true,
      datasets: true,
      actions: true,
    } satisfies Keys<WrittenPruneMap>,
    required: noRequiredKeys<WrittenPruneMap>(),
  },
  WrittenIgnore: {
    schema: 'workspace',
    pointer: '/$defs/ignore',
    keys: {
      members: true,
      teams: true,
      teamMembers: true,
      participants: true,
      credentials: true,
      computeEnvironments: true,
      pipelines: true,
      secrets: true,
      labels: true,
      dataLinks: true,
      roles: true,
      datasets: true,
      actions: true,
    } satisfies Keys<WrittenIgnore>,
    required: noRequiredKeys<WrittenIgnore>(),
  },
  WrittenWorkspace: {
    schema: 'workspace',
    pointer: '',
    keys: {
      name: true,
      fullName: true,
      description: true,
      visibility: true,
      state: true,
      prune: true,
      ignore: true,
      maintainers: true,
      participants: true,
      credentials: true,
      computeEnvironments: true,
      pipelines: true,
      secrets: true,
      labels: true,
      dataLinks: true,
      studios: true,
      datasets: true,
      actions: true,
    } satisfies Keys<WrittenWorkspace>,
    required: { name: true, fullName: true } satisfies Required<WrittenWorkspace>,
  },
  WrittenStudios: {
    schema: 'workspace',
    pointer: '/$defs/studios',
    keys: {
      lifespanHours: true,
      privateStudioByDefault: true,
      containerRepository: true,
    } satisfies Keys<WrittenStudios>,
    required: noRequiredKeys<WrittenStudios>(),
  },
  WrittenParticipant: {
    schema: 'workspace',
    pointer: '/$defs/participant',
    keys: { email: true, team: true, role: true } satisfies Record<KeysOfUnion<WrittenParticipant>, true>,
    // Required in every variant; `email` / `team` are the oneOf.
    required: { role: true } satisfies Record<
      RequiredKeys<WrittenUserParticipant> & RequiredKeys<WrittenTeamParticipant>,
      true
    >,
  },
  WrittenCredential: {
    schema: 'workspace',
    pointer: '/$defs/credential',
    keys: {
      name: true,
      provider: true,
      description: true,
      baseUrl: true,
      keys: true,
    } satisfies Keys<WrittenCredential>,
    required: { name: true, provider: true, keys: true } satisfies Required<WrittenCredential>,
  },
  WrittenComputeEnvironment: {
    schema: 'workspace',
    pointer: '/$defs/computeEnvironment',
    keys: {
      name: true,
      platform: true,
      credentials: true,
      primary: true,
      description: true,
      config: true,
      labels: true,
    } satisfies Keys<WrittenComputeEnvironment>,
    required: { name: true, platform: true, config: true } satisfies Required<WrittenComputeEnvironment>,
  },
  WrittenPipeline: {
    schema: 'workspace',
    pointer: '/$defs/pipeline',
    keys: {
      name: true,
      description: true,
      url: true,
      revision: true,
      computeEnvironment: true,
      workDir: true,
      profiles: true,
      params: true,
      launch: true,
      labels: true,
    } satisfies Keys<WrittenPipeline>,
    required: { name: true, url: true } satisfies Required<WrittenPipeline>,
  },
  WrittenLaunch: {
    schema: 'workspace',
    pointer: '/$defs/launch',
    keys: {
      configText: true,
      preRunScript: true,
      postRunScript: true,
      towerConfig: true,
      entryName: true,
      mainScript: true,
      schemaName: true,
      outputDir: true,
      launchContainer: true,
      nextflowVersion: true,
      headJobCpus: true,
      headJobMemoryMb: true,
      pullLatest: true,
      stubRun: true,
      syntaxParser: true,
      userSecrets: true,
      workspaceSecrets: true,
    } satisfies Keys<WrittenLaunch>,
    required: noRequiredKeys<WrittenLaunch>(),
  },
  WrittenSecret: {
    schema: 'workspace',
    pointer: '/$defs/secret',
    keys: { name: true, value: true } satisfies Keys<WrittenSecret>,
    required: { name: true, value: true } satisfies Required<WrittenSecret>,
  },
  WrittenLabel: {
    schema: 'workspace',
    pointer: '/$defs/label',
    keys: { name: true, value: true, resource: true, default: true } satisfies Keys<WrittenLabel>,
    required: { name: true } satisfies Required<WrittenLabel>,
  },
  WrittenDataLink: {
    schema: 'workspace',
    pointer: '/$defs/dataLink',
    keys: {
      name: true,
      provider: true,
      resourceRef: true,
      credentials: true,
      description: true,
      publicAccessible: true,
    } satisfies Keys<WrittenDataLink>,
    required: { name: true, provider: true, resourceRef: true } satisfies Required<WrittenDataLink>,
  },
  WrittenDataset: {
    schema: 'workspace',
    pointer: '/$defs/dataset',
    keys: {
      name: true,
      description: true,
      file: true,
      header: true,
      labels: true,
    } satisfies Keys<WrittenDataset>,
    required: { name: true, file: true } satisfies Required<WrittenDataset>,
  },
  WrittenAction: {
    schema: 'workspace',
    pointer: '/$defs/action',
    keys: {
      name: true,
      source: true,
      cron: true,
      url: true,
      revision: true,
      computeEnvironment: true,
      workDir: true,
      profiles: true,
      params: true,
      launch: true,
      labels: true,
    } satisfies Keys<WrittenAction>,
    required: { name: true, source: true, url: true } satisfies Required<WrittenAction>,
  },
};

const PAIRS_WITH_ORG_COPIES: Readonly<Record<string, Pair>> = {
  ...PAIRS,
  'WrittenPruneMap (organization)': { ...PAIRS.WrittenPruneMap!, schema: 'organization' },
  'WrittenIgnore (organization)': { ...PAIRS.WrittenIgnore!, schema: 'organization' },
};

const schemas = { organization: readSchema('organization'), workspace: readSchema('workspace') };

describe('Written* types match the JSON Schemas', () => {
  for (const [type, pair] of Object.entries(PAIRS_WITH_ORG_COPIES)) {
    it(`${type} has the properties and required keys of ${pair.schema}.schema.json#${pair.pointer}`, () => {
      const node = nodeAt(schemas[pair.schema], pair.pointer);
      expect(Object.keys(propertiesOf(node)).sort()).toEqual(Object.keys(pair.keys).sort());
      expect([...requiredOf(node)].sort()).toEqual(Object.keys(pair.required).sort());
    });
  }

  it('covers every object definition of both schemas', () => {
    const covered = new Set(Object.values(PAIRS_WITH_ORG_COPIES).map((p) => `${p.schema}#${p.pointer}`));
    // Per-platform config, per-provider keys and the nested config objects are pass-through
    // records in the types; the contract test holds them against the official spec instead.
    const passThrough =
      /^(config-|keys-|configEnvVariable$|schedConfig$|schedPool$|awsBatchForge$|azBatchForge$|azBatchPool$)/;
    for (const [kind, schema] of Object.entries(schemas)) {
      for (const def of Object.keys(schema.$defs ?? {})) {
        if (passThrough.test(def)) continue;
        expect(covered, `${kind}#/$defs/${def}`).toContain(`${kind}#/$defs/${def}`);
      }
    }
  });
});
