/** Pipeline secrets (PipelineSecret): names only, values are never returned. */
import type { PipelineSecret } from '../dto.js';
import type { Fields } from '../response-shape.js';

export function decodePipelineSecret(f: Fields): PipelineSecret {
  return { id: f.number('id'), name: f.string('name') };
}
