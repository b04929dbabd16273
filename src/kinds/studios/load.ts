/** A workspace file's `studios:` object: the declared fields, as written (no defaults: an absent field is not managed). */
import { opt } from '../../api/decoders/optional.js';
import { objectLoad } from '../kind-load.js';

export const studiosLoad = objectLoad({
  file: 'workspace',
  key: 'studios',
  resource: 'studiosSettings',
  what: 'Studios settings',
  normalise: (w, from) => ({
    ...opt('lifespanHours', w.lifespanHours),
    ...opt('privateStudioByDefault', w.privateStudioByDefault),
    ...opt('containerRepository', w.containerRepository),
    source: from.source,
  }),
});
