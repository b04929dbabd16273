/**
 * Holds schemas/*.schema.json against the official Seqera Platform OpenAPI
 * spec: every compute-environment config key we accept exists in the
 * spec's config schema for that platform (allOf parts included), with the same
 * type and enum; every credential key exists in the provider's SecurityKeys
 * variant and every write-only key there is one of our secret fields; every
 * launch field exists in WorkflowLaunchRequest; enums and name patterns match.
 *
 * Skips (saying why) when the spec is absent, unless SEQERA_OPENAPI_SPEC is
 * set: then a missing file fails (CI sets it).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMPUTE_PLATFORMS } from '../../src/kinds/compute-environments/model.js';
import { CREDENTIAL_PROVIDERS } from '../../src/kinds/credentials/model.js';
import { ORG_ROLES, WORKSPACE_ROLES } from '../../src/model/resources.js';
import { locateOpenApiSpec } from '../helpers/openapi-spec.js';
import { nodeAt, propertiesOf, readSchema, type SchemaNode } from '../unit/config/schema-helpers.js';

const location = locateOpenApiSpec();
const skipReason = 'skipReason' in location ? location.skipReason : undefined;
if (skipReason !== undefined) console.warn(skipReason);

const ours = readSchema('workspace');
const ourOrg = readSchema('organization');

function loadSpec(): SchemaNode {
  if ('skipReason' in location) return {};
  return parse(readFileSync(location.path, 'utf8'), { maxAliasCount: -1 }) as SchemaNode;
}

describe.skipIf(skipReason !== undefined)(
  `config schemas vs the official OpenAPI spec${skipReason === undefined ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    const spec = loadSpec();
    const components = ((spec.components ?? {}) as SchemaNode).schemas as Readonly<
      Record<string, SchemaNode>
    >;

    /** A spec node with `$ref` and single-entry `allOf` wrappers followed. */
    const deref = (node: SchemaNode): SchemaNode => {
      if (typeof node.$ref === 'string') {
        const target = components[node.$ref.replace('#/components/schemas/', '')];
        if (target === undefined) throw new Error(`unresolved spec $ref ${node.$ref}`);
        return deref(target);
      }
      const allOf = node.allOf as SchemaNode[] | undefined;
      if (allOf?.length === 1 && node.properties === undefined) return deref(allOf[0]!);
      return node;
    };

    /** All properties of a spec schema, inherited allOf parts included. */
    const specProperties = (node: SchemaNode): Record<string, SchemaNode> => {
      const resolved = typeof node.$ref === 'string' ? deref(node) : node;
      const merged: Record<string, SchemaNode> = {};
      for (const part of (resolved.allOf ?? []) as SchemaNode[]) Object.assign(merged, specProperties(part));
      Object.assign(merged, propertiesOf(resolved));
      return merged;
    };

    /** Our node with local `$ref`s followed. */
    const ourDeref = (node: SchemaNode, root: SchemaNode = ours): SchemaNode =>
      typeof node.$ref === 'string' ? ourDeref(nodeAt(root, node.$ref.slice(1)), root) : node;

    const mapping = (name: string): Readonly<Record<string, string>> =>
      ((components[name]?.discriminator ?? {}) as SchemaNode).mapping as Readonly<Record<string, string>>;
    const specSchemaOf = (name: string, key: string): SchemaNode => {
      const ref = mapping(name)[key];
      if (ref === undefined) throw new Error(`${name} has no variant ${key}`);
      return deref({ $ref: ref });
    };

    /** Problems of one of our object schemas against a spec object schema, recursively. */
    function compareObject(our: SchemaNode, theirs: SchemaNode, at: string, problems: string[]): void {
      const available = specProperties(theirs);
      for (const [key, ourProp] of Object.entries(propertiesOf(our))) {
        const specProp = available[key];
        if (specProp === undefined) {
          problems.push(`${at}.${key}: not in the spec`);
          continue;
        }
        compareValue(ourDeref(ourProp), deref(specProp), `${at}.${key}`, problems);
      }
    }

    function compareValue(our: SchemaNode, theirs: SchemaNode, at: string, problems: string[]): void {
      if (our.type !== theirs.type)
        problems.push(`${at}: type ${String(our.type)} vs spec ${String(theirs.type)}`);
      if (
        our.enum !== undefined &&
        JSON.stringify([...(our.enum as string[])].sort()) !==
          JSON.stringify([...((theirs.enum ?? []) as string[])].sort())
      ) {
        problems.push(`${at}: enum ${JSON.stringify(our.enum)} vs spec ${JSON.stringify(theirs.enum)}`);
      }
      if (our.properties !== undefined) compareObject(our, theirs, at, problems);
      if (our.type === 'array' && our.items !== undefined && theirs.items !== undefined) {
        compareValue(
          ourDeref(our.items as SchemaNode),
          deref(theirs.items as SchemaNode),
          `${at}[]`,
          problems,
        );
      }
    }

    it('accepts exactly the platforms of ComputeConfig', () => {
      expect([...COMPUTE_PLATFORMS].sort()).toEqual(Object.keys(mapping('ComputeConfig')).sort());
    });

    it.each([...COMPUTE_PLATFORMS])(
      'config of %s: every key exists in the spec with the same type and enum',
      (platform) => {
        const problems: string[] = [];
        compareObject(
          nodeAt(ours, `/$defs/config-${platform}`),
          specSchemaOf('ComputeConfig', platform),
          platform,
          problems,
        );
        expect(problems).toEqual([]);
      },
    );

    it('accepts exactly the providers of Credentials.provider', () => {
      const providers = propertiesOf(components.Credentials!).provider?.enum as string[];
      expect([...CREDENTIAL_PROVIDERS].sort()).toEqual([...providers].sort());
    });

    it.each([...CREDENTIAL_PROVIDERS])(
      'keys of %s: exist in its SecurityKeys variant; every write-only key is secret here',
      (provider) => {
        const problems: string[] = [];
        const our = nodeAt(ours, `/$defs/keys-${provider}`);
        const theirs = specSchemaOf('SecurityKeys', provider);
        compareObject(our, theirs, provider, problems);
        expect(problems).toEqual([]);
        const writeOnly = Object.entries(specProperties(theirs))
          .filter(([, p]) => p.writeOnly === true)
          .map(([k]) => k);
        const secret = Object.entries(propertiesOf(our))
          .filter(([, p]) => p['x-secret'] === true)
          .map(([k]) => k);
        for (const key of writeOnly)
          expect(secret, `${provider}.${key} is write-only in the spec`).toContain(key);
      },
    );

    it('launch fields exist in WorkflowLaunchRequest, as do the pipeline keys they stand for', () => {
      const problems: string[] = [];
      const request = components.WorkflowLaunchRequest!;
      compareObject(nodeAt(ours, '/$defs/launch'), request, 'launch', problems);
      expect(problems).toEqual([]);
      const fields = Object.keys(specProperties(request));
      for (const field of [
        'pipeline',
        'revision',
        'computeEnvId',
        'workDir',
        'configProfiles',
        'paramsText',
      ]) {
        expect(fields).toContain(field);
      }
    });

    it('enums of visibility and roles match the spec', () => {
      const visibility = nodeAt(ours, '/properties/visibility').enum as string[];
      expect(visibility.map((v) => v.toUpperCase()).sort()).toEqual(
        [...(components.Visibility!.enum as string[])].sort(),
      );
      // A participant's role is a free name (predefined or custom, checked by the loader); the predefined ones match the spec.
      expect(nodeAt(ours, '/$defs/participant/properties/role').enum).toBeUndefined();
      expect([...WORKSPACE_ROLES].sort()).toEqual([...(components.WspRole!.enum as string[])].sort());
      for (const role of ORG_ROLES) expect(components.OrgRole!.enum).toContain(role);
    });

    it('name patterns are the platform’s', () => {
      expect(nodeAt(ours, '/properties/name').pattern).toBe(
        propertiesOf(components.Workspace!).name?.pattern,
      );
      expect(nodeAt(ourOrg, '/properties/name').pattern).toBe(
        propertiesOf(components.Organization!).name?.pattern,
      );
    });

    it('our pipeline-secret name pattern agrees with the spec’s on typical names', () => {
      const theirs = new RegExp(String(propertiesOf(components.PipelineSecret!).name?.pattern), 'u');
      const mine = new RegExp(String(nodeAt(ours, '/$defs/secret/properties/name').pattern), 'u');
      const samples = [
        'AB',
        'A_B',
        'A__B',
        '_A',
        '1A',
        'a',
        'SENTIEON_LICENSE',
        'A-B',
        'A_',
        'x'.repeat(50),
        'A_B_C',
        'a1',
        'A b',
      ];
      for (const name of samples) expect(mine.test(name), name).toBe(theirs.test(name));
    });
  },
);

describe('locateOpenApiSpec', () => {
  it('fails when SEQERA_OPENAPI_SPEC names a missing file', () => {
    expect(() => locateOpenApiSpec({ SEQERA_OPENAPI_SPEC: '/nonexistent/spec.yaml' })).toThrow(
      /SEQERA_OPENAPI_SPEC is set/,
    );
  });

  it('uses SEQERA_OPENAPI_SPEC when it names a file', () => {
    expect(locateOpenApiSpec({ SEQERA_OPENAPI_SPEC: 'package.json' })).toEqual({
      path: expect.stringMatching(/package\.json$/) as unknown,
    });
  });
});
