/**
 * The contract checker itself (tests/helpers/openapi-contract.ts): proof that
 * it catches shapes, statuses and parameters the official spec does not allow,
 * and that it dispatches discriminated schemas on `discriminator.mapping`.
 */
import { describe, expect, it } from 'vitest';
import { loadContractChecker, type ContractChecker } from '../helpers/openapi-contract.js';

const loaded = loadContractChecker();
const skipReason = 'skipReason' in loaded ? loaded.skipReason : undefined;
if (skipReason !== undefined) console.warn(skipReason);

describe.skipIf(skipReason !== undefined)('the contract checker catches wrong shapes', () => {
  const checker = (): ContractChecker => {
    if ('skipReason' in loaded) throw new Error(loaded.skipReason);
    return loaded.checker;
  };

  it('rejects an enum value the spec does not allow', () => {
    const body = { workspaces: [{ id: 1, name: 'ws', fullName: 'WS', visibility: 'public' }] };
    expect(checker().checkResponse('GET', '/orgs/1/workspaces', 200, body).join('\n')).toMatch(/visibility/);
  });

  it('rejects a missing required field', () => {
    const violations = checker().checkResponse('POST', '/orgs/1/workspaces', 200, {
      workspace: { id: 3, name: 'ws', visibility: 'PRIVATE' },
    });
    expect(violations.join('\n')).toMatch(/fullName/);
  });

  it('accepts null for an optional response field (the platform sends it), rejects a wrong type', () => {
    expect(
      checker().checkResponse('GET', '/orgs', 200, {
        organizations: [{ orgId: 1, name: 'o', description: null }],
      }),
    ).toEqual([]);
    expect(
      checker().checkResponse('GET', '/orgs', 200, {
        organizations: [{ orgId: 1, name: 'o', description: 7 }],
      }),
    ).not.toEqual([]);
    expect(
      checker().checkResponse('GET', '/compute-envs', 200, { computeEnvs: [{ id: 'x', description: null }] }),
    ).toEqual([]);
  });

  it('rejects a write-only secret in a response, but not in a request', () => {
    const credentials = {
      name: 'aws',
      provider: 'aws',
      keys: { discriminator: 'aws', accessKey: 'A', secretKey: 'S' },
    };
    expect(checker().checkResponse('GET', '/credentials/abc', 200, { credentials }).join('\n')).toMatch(
      /secretKey/,
    );
    expect(checker().checkRequest('POST', '/credentials', { workspaceId: '1' }, { credentials })).toEqual([]);
  });

  it('dispatches ComputeConfig on discriminator.mapping', () => {
    const response = (config: Record<string, unknown>) => ({
      computeEnv: { id: 'x', name: 'ce', platform: 'aws-batch', status: 'AVAILABLE', config },
    });
    // Valid for AwsBatchConfig (a plain oneOf would reject it: every open variant matches).
    expect(
      checker().checkResponse(
        'GET',
        '/compute-envs/x',
        200,
        response({ discriminator: 'aws-batch', region: 'r', workDir: 's3://b' }),
      ),
    ).toEqual([]);
    // Wrong type for a field of the mapped schema.
    expect(
      checker()
        .checkResponse(
          'GET',
          '/compute-envs/x',
          200,
          response({ discriminator: 'aws-batch', headJobCpus: 'two' }),
        )
        .join('\n'),
    ).toMatch(/headJobCpus/);
    // A field valid for another platform's schema does not help: slurm's `port` is an integer.
    expect(
      checker()
        .checkResponse(
          'GET',
          '/compute-envs/x',
          200,
          response({ discriminator: 'slurm-platform', port: 'ssh' }),
        )
        .join('\n'),
    ).toMatch(/port/);
    // Unknown or missing discriminator.
    expect(
      checker().checkResponse('GET', '/compute-envs/x', 200, response({ discriminator: 'mainframe' })),
    ).not.toEqual([]);
    expect(
      checker().checkResponse('GET', '/compute-envs/x', 200, response({ workDir: 's3://b' })),
    ).not.toEqual([]);
  });

  it('dispatches SecurityKeys on discriminator.mapping', () => {
    const request = (keys: Record<string, unknown>) => ({
      credentials: { name: 'c', provider: 'aws', keys },
    });
    expect(
      checker().checkRequest('POST', '/credentials', {}, request({ discriminator: 'aws', mode: 'keys' })),
    ).toEqual([]);
    expect(
      checker().checkRequest('POST', '/credentials', {}, request({ discriminator: 'aws', mode: 'password' })),
    ).not.toEqual([]);
  });

  it('checks statuses: undeclared ones only for 401/404/429/5xx with an ErrorResponse', () => {
    expect(checker().checkResponse('GET', '/orgs', 404, { message: 'gone' })).toEqual([]);
    expect(checker().checkResponse('GET', '/orgs', 503, { message: 'later' })).toEqual([]);
    expect(checker().checkResponse('GET', '/orgs', 404, undefined)).not.toEqual([]);
    expect(checker().checkResponse('GET', '/orgs', 418, { message: 'teapot' })).not.toEqual([]);
    expect(checker().checkResponse('GET', '/orgs', 409, { message: 'dup' })).not.toEqual([]);
    expect(checker().checkResponse('DELETE', '/orgs/1/teams/2', 204, { unexpected: true })).not.toEqual([]);
    expect(checker().checkResponse('DELETE', '/orgs/1/teams/2', 204, undefined)).toEqual([]);
  });

  it('checks operations and parameters', () => {
    expect(checker().checkRequest('GET', '/nowhere', {}, undefined)).not.toEqual([]);
    expect(checker().checkRequest('PATCH', '/orgs', {}, undefined)).not.toEqual([]);
    expect(checker().checkRequest('GET', '/orgs/abc/members', {}, undefined).join('\n')).toMatch(/orgId/);
    expect(checker().checkRequest('GET', '/orgs/1/members', { page: '2' }, undefined).join('\n')).toMatch(
      /not declared/,
    );
    expect(checker().checkRequest('GET', '/orgs/1/members', { max: 'ten' }, undefined)).not.toEqual([]);
    expect(
      checker().checkRequest(
        'GET',
        '/compute-envs',
        { workspaceId: '1', attributes: 'labels,resources' },
        undefined,
      ),
    ).toEqual([]);
    expect(
      checker().checkRequest('GET', '/compute-envs', { attributes: 'labels,colour' }, undefined),
    ).not.toEqual([]);
    expect(checker().checkRequest('PUT', '/orgs/1/members/add', {}, undefined).join('\n')).toMatch(
      /required/,
    );
    expect(checker().operationId('PUT', '/orgs/1/members/add')).toBe('CreateOrganizationMember');
    expect(checker().operationId('DELETE', '/orgs/1/members/2')).toBe('DeleteOrganizationMember');
  });
});
