/**
 * The pure planner: `computePlan(desired, actual, context)` → Plan.
 * This folder imports only `src/model` and `yaml`: no IO, no clock, no
 * randomness, no process. Everything it needs from the outside world (which
 * variables are set, whether key fingerprints match) arrives in the
 * `PlannerContext`, so its tests need no mocks.
 */
export { computePlan } from './compute-plan.js';
export { launchDigest, launchFieldsOf, paramsTextOf } from './pipeline-launch.js';
