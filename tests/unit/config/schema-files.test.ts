import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotatedKeys, newAjv } from '../../../src/formats/schema-validator.js';
import { VISIBILITIES } from '../../../src/formats/written.js';
import { COMPUTE_PLATFORMS } from '../../../src/kinds/compute-environments/model.js';
import { CREDENTIAL_PROVIDERS } from '../../../src/kinds/credentials/model.js';
import { ORG_ROLES, WORKSPACE_ROLES } from '../../../src/model/resources.js';
import { SECRET_KEY_FIELDS } from '../../../src/model/secret-fields.js';
import { ESTATE } from './config-fixtures.js';
import { nodeAt, propertiesOf, readSchema, walkSchema, type SchemaNode } from './schema-helpers.js';

const org = readSchema('organization');
const ws = readSchema('workspace');
const NAME_PATTERN = '^[a-zA-Z\\d](?:[a-zA-Z\\d]|[-_](?=[a-zA-Z\\d])){1,38}$';
const SECRET_REF_PATTERN = '^\\$\\{[A-Z_][A-Z0-9_]*\\}$';

describe.each([
  ['organization', org],
  ['workspace', ws],
] as const)('%s.schema.json', (_name, schema) => {
  it('is a strict-mode JSON Schema 2020-12 that compiles', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => newAjv().compile(schema)).not.toThrow();
  });

  it('closes every object that declares properties', () => {
    const open: string[] = [];
    walkSchema(schema, (node, at) => {
      const inIf = at.includes('if') || at.includes('then');
      if (!inIf && node.properties !== undefined && node.additionalProperties !== false)
        open.push(at.join('/'));
    });
    expect(open).toEqual([]);
  });

  it('has a description on every property', () => {
    const missing: string[] = [];
    walkSchema(schema, (node, at) => {
      if (at.at(-1) === 'if') return;
      for (const [key, sub] of Object.entries(propertiesOf(node))) {
        if (typeof sub.description !== 'string' || sub.description.length < 5)
          missing.push([...at, key].join('/'));
      }
    });
    expect(missing).toEqual([]);
  });

  it('uses the platform name pattern for name', () => {
    expect(propertiesOf(schema).name?.pattern).toBe(NAME_PATTERN);
  });
});

describe('workspace.schema.json vocabulary', () => {
  const enumOf = (pointer: string): unknown => nodeAt(ws, pointer).enum;

  it('enumerates visibility, roles, providers and platforms like the model', () => {
    expect(enumOf('/properties/visibility')).toEqual(VISIBILITIES);
    // A participant's role is a predefined role or a custom role's name: the loader checks it.
    expect(enumOf('/$defs/participant/properties/role')).toBeUndefined();
    const description = String(nodeAt(ws, '/$defs/participant/properties/role').description);
    for (const role of WORKSPACE_ROLES) expect(description).toContain(role);
    expect(nodeAt(org, '/$defs/member/properties/role').enum).toEqual(ORG_ROLES);
    expect(enumOf('/$defs/credential/properties/provider')).toEqual(CREDENTIAL_PROVIDERS);
    expect(enumOf('/$defs/computeEnvironment/properties/platform')).toEqual(COMPUTE_PLATFORMS);
  });

  it('checks config per platform and keys per provider, one if/then each', () => {
    const branches = (def: string, field: string) =>
      (nodeAt(ws, `/$defs/${def}`).allOf as SchemaNode[]).map((branch) => {
        const value = nodeAt(branch, `/if/properties/${field}`).const as string;
        const target = nodeAt(branch, `/then/properties/${def === 'credential' ? 'keys' : 'config'}`).$ref;
        return [value, target];
      });
    expect(branches('computeEnvironment', 'platform')).toEqual(
      COMPUTE_PLATFORMS.map((p) => [p, `#/$defs/config-${p}`]),
    );
    expect(branches('credential', 'provider')).toEqual(
      CREDENTIAL_PROVIDERS.map((p) => [p, `#/$defs/keys-${p}`]),
    );
  });

  it('marks exactly the hand-kept secret fields of each provider, each a single ${VAR} reference', () => {
    for (const provider of CREDENTIAL_PROVIDERS) {
      const props = propertiesOf(nodeAt(ws, `/$defs/keys-${provider}`));
      const secret = Object.entries(props).filter(([, p]) => p['x-secret'] === true);
      expect(secret.map(([k]) => k).sort(), provider).toEqual(
        [...(SECRET_KEY_FIELDS[provider] ?? [])].sort(),
      );
      for (const [, p] of secret) expect(p.pattern).toBe(SECRET_REF_PATTERN);
    }
    expect(nodeAt(ws, '/$defs/secret/properties/value')).toMatchObject({
      'x-secret': true,
      pattern: SECRET_REF_PATTERN,
    });
  });

  it('marks scripts and config text verbatim', () => {
    const verbatim = annotatedKeys(ws, 'x-verbatim');
    for (const key of ['preRunScript', 'postRunScript', 'nextflowConfig', 'configText'])
      expect(verbatim).toContain(key);
    expect(verbatim).not.toContain('workDir');
  });

  it('leaves open only the free-form maps', () => {
    const open = new Set<string>();
    walkSchema(ws, (node, at) => {
      if (node.type === 'object' && node.properties === undefined && node.$ref === undefined)
        open.add(at.at(-1) ?? '');
    });
    expect([...open].sort()).toEqual(['config', 'keys', 'labels', 'params']);
  });

  it('shares identical prune and ignore definitions with organization.schema.json', () => {
    expect(nodeAt(ws, '/$defs/prune')).toEqual(nodeAt(org, '/$defs/prune'));
    expect(nodeAt(ws, '/$defs/ignore')).toEqual(nodeAt(org, '/$defs/ignore'));
  });
});

describe('the example estate', () => {
  const files = readdirSync(path.join(ESTATE, 'biocommons')).filter((f) => f.endsWith('.yaml'));

  it('has an organisation file and at least three workspaces', () => {
    expect(files).toContain('organization.yaml');
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s starts with a yaml-language-server comment naming the right schema', (file) => {
    const first = readFileSync(path.join(ESTATE, 'biocommons', file), 'utf8').split('\n')[0] ?? '';
    const kind = file === 'organization.yaml' ? 'organization' : 'workspace';
    expect(first).toBe(`# yaml-language-server: $schema=../../schemas/${kind}.schema.json`);
    const target = path.resolve(ESTATE, 'biocommons', first.split('$schema=')[1] ?? '');
    expect(existsSync(target)).toBe(true);
  });
});
