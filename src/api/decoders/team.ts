/** Teams (TeamDbDto); `idpGroupId`/`idpGroupName` are null or absent for a team not linked to an IdP group. */
import type { TeamDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeTeam(f: Fields): TeamDbDto {
  return {
    teamId: f.number('teamId'),
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('membersCount', f.optNumber('membersCount')),
    ...opt('idpGroupId', f.optNumber('idpGroupId')),
    ...opt('idpGroupName', f.optString('idpGroupName')),
  };
}
