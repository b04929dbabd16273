/**
 * Variables for tests that do not exercise per-workspace scoping: the same
 * values under every `org/workspace` key. Tests of the scoping itself build
 * `Variables` with `parseVariables` instead.
 */
import type { Variables } from '../../src/secrets/variables.js';
import type { DesiredState } from '../../src/model/desired.js';

/** A scope map whose every key holds `values` (it is never iterated by the code under test here). */
class EveryWorkspace extends Map<string, ReadonlyMap<string, string>> {
  constructor(private readonly shared: ReadonlyMap<string, string>) {
    super();
  }

  override get(): ReadonlyMap<string, string> {
    return this.shared;
  }

  override has(): boolean {
    return true;
  }
}

/** `values` for every workspace. */
export function sameVariablesEverywhere(values: ReadonlyMap<string, string>): Variables {
  return { origin: 'SEQERA_SYNC_VARS', scopes: new EveryWorkspace(values) };
}

/** `PlannerContext.setVariables` with `names` set for every workspace of `desired`. */
export function setEverywhere(
  desired: DesiredState,
  names: Iterable<string>,
): ReadonlyMap<string, ReadonlySet<string>> {
  const set = new Set(names);
  return new Map(
    desired.orgs.flatMap((org) => org.workspaces.map((ws) => [`${org.name}/${ws.name}`, set] as const)),
  );
}

/** The `SEQERA_SYNC_VARS` JSON giving `values` to every workspace of `desired`. */
export function varsJsonFor(desired: DesiredState, values: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.fromEntries(
      desired.orgs.flatMap((org) => org.workspaces.map((ws) => [`${org.name}/${ws.name}`, values])),
    ),
  );
}

/** `PlannerContext.setVariables` as a filled-in export skeleton gives it: each name set for its own workspace. */
export function setFromSkeleton(
  skeleton: Readonly<Record<string, Readonly<Record<string, string>>>>,
): ReadonlyMap<string, ReadonlySet<string>> {
  return new Map(Object.entries(skeleton).map(([key, names]) => [key, new Set(Object.keys(names))]));
}
