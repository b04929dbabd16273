/**
 * The parts the kinds' schema fragments (`src/kinds/<kind>/file.ts`) share,
 * written once: a collection's `prune` and `ignore` entries
 * (`collectionSchema`), and the shape every plan action shares
 * (`planActionSchema`): the envelope (`kind`, `type`, `address`,
 * `org`, `workspace`, `name`, `reason`, `changes`, `dependsOn`), then the
 * action's payload (`desired`, `current`: by default `#/$defs/<kind>Desired`
 * and `#/$defs/<kind>Current`), then what only that action carries. Written
 * once here, so the 17 action shapes of the plan schema and the 13
 * collections' entries cannot drift apart.
 */

type Json = unknown;
type JsonObject = Readonly<Record<string, Json>>;

export interface PlanActionOptions {
  /** The `type` property when it is not an enum of `types` (a settings action: only `update`). */
  readonly type?: JsonObject;
  /** The `desired` property; `false` for an action without one. */
  readonly desired?: JsonObject | false;
  /** The `current` property; `false` for an action without one. */
  readonly current?: JsonObject | false;
  /** Required properties besides the envelope's. */
  readonly required?: readonly string[];
  /** Properties after the payload, in order. */
  readonly extra?: JsonObject;
}

const REQUIRED = ['kind', 'type', 'address', 'org', 'name', 'reason', 'changes', 'dependsOn'] as const;

/** The `$defs` entry of a plan action of `kind` whose `type` is one of `types`. */
export function planActionSchema(
  kind: string,
  types: readonly string[],
  options: PlanActionOptions = {},
): JsonObject {
  const desired = options.desired ?? {
    $ref: `#/$defs/${kind}Desired`,
    description: 'The declared payload (create, update, replace).',
  };
  const current = options.current ?? {
    $ref: `#/$defs/${kind}Current`,
    description: 'The live object the action was computed from (update, replace, delete).',
  };
  return {
    type: 'object',
    additionalProperties: false,
    required: [...REQUIRED, ...(options.required ?? [])],
    properties: {
      kind: { const: kind, description: 'The kind of resource.' },
      type: options.type ?? { enum: [...types], description: 'What the action does.' },
      address: {
        $ref: '#/$defs/address',
        description: 'Stable identity of the resource, unique within the plan (org/workspace/kind/name).',
      },
      org: { type: 'string', description: 'The organization.', minLength: 1 },
      workspace: {
        type: 'string',
        description: 'The workspace; absent for org-level resources.',
        minLength: 1,
      },
      name: {
        type: 'string',
        description: 'Natural key: email, team name or resource name (`team:<name>` for a team participant).',
        minLength: 1,
      },
      reason: { type: 'string', description: 'Why, in one plain sentence.' },
      changes: {
        type: 'array',
        items: { $ref: '#/$defs/fieldChange' },
        description: 'Create: the declared fields; update: what changes; replace: every differing field.',
      },
      dependsOn: {
        type: 'array',
        items: { $ref: '#/$defs/address' },
        description: 'Addresses of actions whose failure skips this one.',
      },
      ...(desired === false ? {} : { desired }),
      ...(current === false ? {} : { current }),
      ...options.extra,
    },
  };
}

/**
 * A collection's entries under the files' `prune` (a flag) and `ignore`
 * (acknowledged extra items, by name), with what each says of the kind.
 */
export function collectionSchema(
  prune: string,
  ignore: string,
): { readonly prune: JsonObject; readonly ignore: JsonObject } {
  return {
    prune: { type: 'boolean', description: prune },
    ignore: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: ignore,
    },
  };
}

/**
 * A secret field of a file (a credential's secret key, a pipeline secret's
 * value): never committed, so only a single `${VAR}` reference (set for the
 * workspace in SEQERA_SYNC_VARS) validates. `what` says what it holds.
 */
export function secretField(what: string): JsonObject {
  return {
    type: 'string',
    pattern: '^\\$\\{[A-Z_][A-Z0-9_]*\\}$',
    patternErrorMessage:
      'secrets must not be committed: write a single ${VAR} reference (e.g. ${MY_SECRET}) and set VAR for this workspace in SEQERA_SYNC_VARS',
    'x-secret': true,
    description: `${what} Secret: must be a single \`\${VAR}\` reference.`,
  };
}

/**
 * One `allOf` entry of a shape chosen by a field's value: when `key` is
 * `value`, `field` has the shape `#/$defs/<ref>` (a credential's `keys` by
 * its provider, a compute environment's `config` by its platform).
 */
export function shapeWhen(
  key: string,
  value: string,
  field: string,
  ref: string,
  description: string,
): JsonObject {
  return {
    if: { properties: { [key]: { const: value } }, required: [key] },
    then: { properties: { [field]: { $ref: `#/$defs/${ref}`, description } } },
  };
}
