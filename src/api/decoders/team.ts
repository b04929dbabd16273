/** Teams (TeamDbDto). */
import type { TeamDbDto } from '../dto.js';
import type { Fields } from '../response-shape.js';
import { opt } from './optional.js';

export function decodeTeam(f: Fields): TeamDbDto {
  return {
    teamId: f.number('teamId'),
    name: f.string('name'),
    ...opt('description', f.optString('description')),
    ...opt('membersCount', f.optNumber('membersCount')),
  };
}
