/**
 * Compute-environment config comparison: only the keys the file
 * declares, after normalisation. Any difference forces a replace, so a
 * spurious one is expensive: every rule here errs towards "same".
 */
import type { FieldChange } from '../../model/plan.js';
import { compareDeclared, type CompareRules } from './compare-declared.js';

/** Arrays the platform treats as unordered sets. */
const SET_KEYS = new Set([
  'allowBuckets',
  'instanceTypes',
  'subnets',
  'securityGroups',
  'computeJobsMachineType',
  'networkTags',
]);

/** Path-like strings: a trailing `/` is not a difference. */
const PATH_KEYS = new Set(['workDir', 'launchDir', 'allowBuckets', 'storageMountPath']);

/** Filled in by the server; never compared, even when a pasted export declares them. */
const SERVER_FILLED = new Set(['discriminator', 'forgedResources', 'deletedResources']);

/**
 * Field changes (`config.<path>`) between a declared config and the live one.
 * The work dir's full URI, which the server appends to `allowBuckets`, is
 * added to both sides of that set before comparing.
 */
export function compareConfig(
  declared: Readonly<Record<string, unknown>>,
  live: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const workDirs = [declared['workDir'], live['workDir']].filter(
    (dir): dir is string => typeof dir === 'string',
  );
  const rules: CompareRules = {
    setKeys: SET_KEYS,
    pathKeys: PATH_KEYS,
    ignoredKeys: SERVER_FILLED,
    setExtras: new Map([['allowBuckets', workDirs]]),
  };
  return compareDeclared(declared, live, 'config', rules);
}
