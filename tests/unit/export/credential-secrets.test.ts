import { describe, expect, it } from 'vitest';
import {
  exportedSecretFields,
  unseenOptionalSecretFields,
} from '../../../src/kinds/credentials/export-secrets.js';
import { SECRET_KEY_FIELDS, SENSITIVE } from '../../../src/model/secret-fields.js';

describe('secret fields an export declares', () => {
  it.each([
    ['aws', { accessKey: 'AKIA' }, ['secretKey']],
    ['aws', { mode: 'role', assumeRoleArn: 'arn:aws:iam::1:role/x' }, []],
    ['google', {}, ['data']],
    ['google', { workloadIdentityProvider: 'projects/1/providers/p', serviceAccountEmail: 'sa@x' }, []],
    ['azure', { batchName: 'b', storageName: 's' }, ['batchKey', 'storageKey']],
    ['azure_entra', { tenantId: 't', clientId: 'c', batchName: 'b' }, ['clientSecret']],
    ['k8s', { certificate: 'PEM' }, ['privateKey']],
    ['k8s', {}, ['token']],
    ['ssh', {}, ['privateKey']],
    ['ssh', { passphrase: SENSITIVE }, ['privateKey', 'passphrase']],
    ['tw-agent', { connectionId: 'x' }, []],
    ['github', { username: 'bot', token: SENSITIVE }, ['token']],
    ['github', { username: 'bot', password: SENSITIVE }, ['password', 'token']],
    ['container-reg', { userName: 'u', registry: 'r' }, ['password']],
    ['quantum', { x: 1 }, []],
  ])('%s %j → %j', (provider, keys, expected) => {
    expect(exportedSecretFields(provider, keys)).toEqual(expected);
  });

  it('only ever declares fields of the hand-kept secret list', () => {
    for (const [provider, fields] of Object.entries(SECRET_KEY_FIELDS)) {
      const everything = Object.fromEntries(fields.map((f) => [f, SENSITIVE]));
      expect(exportedSecretFields(provider, everything)).toEqual(fields);
      for (const field of exportedSecretFields(provider, {})) expect(fields).toContain(field);
    }
  });

  it("names an SSH key's passphrase, which cannot be seen", () => {
    expect(unseenOptionalSecretFields('ssh', {})).toEqual(['passphrase']);
    expect(unseenOptionalSecretFields('ssh', { passphrase: SENSITIVE })).toEqual([]);
    expect(unseenOptionalSecretFields('aws', {})).toEqual([]);
  });
});
