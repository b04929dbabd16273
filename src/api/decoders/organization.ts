/** Organisations (`GET /orgs` rows, create response): `null` for every optional text, as the platform sends. */
import type { OrganizationDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeOrganization(f: Fields): OrganizationDbDto {
  const name = f.string('name');
  return {
    orgId: f.number('orgId'),
    name,
    fullName: f.optString('fullName') ?? name,
    ...opt('description', f.optString('description')),
    ...opt('location', f.optString('location')),
    ...opt('website', f.optString('website')),
    ...opt('memberId', f.optNumber('memberId')),
    ...opt('memberRole', f.optString('memberRole')),
  };
}
