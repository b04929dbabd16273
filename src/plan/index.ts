/**
 * The pure planner: `computePlan(desired, actual, context)` → Plan. It runs
 * the planners of the kinds in `src/kinds/` in dependency order and names no
 * kind itself. No IO, no clock, no randomness, no process. Everything it
 * needs from the outside world (which variables are set, whether key fingerprints match) arrives in the
 * `PlannerContext`, so its tests need no mocks.
 */
export { computePlan } from './compute-plan.js';
