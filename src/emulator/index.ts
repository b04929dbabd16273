/**
 * `src/emulator/`: a local, in-memory Seqera Platform (README.md) for tests, the
 * demo, the benchmark and users trying plans (`seqera-sync emulator`). It
 * serves the official API's wire format for the operations seqera-sync uses
 * and models the platform's rules and quirks (see each routes/ module's
 * header and settings.ts). It must not import the engine (plan, apply,
 * config, state): it stands in for the remote platform, nothing more.
 */
export { servedRouter, startEmulator, type EmulatorOptions, type RunningEmulator } from './start-emulator.js';
export type { RequestLogEntry } from './request-log.js';
export { FAULT_KINDS, type Fault, type FaultKind, type ScriptedFault } from './faults.js';
export {
  loadSeedFile,
  parseSeed,
  SeedError,
  type EmulatorSeed,
  type UserSeed,
  type OrgSeed,
  type MemberSeed,
  type TeamSeed,
  type WorkspaceSeed,
  type ParticipantSeed,
  type LabelSeed,
  type CredentialSeed,
  type ComputeEnvSeed,
  type PipelineSeed,
  type PipelineVersionSeed,
  type SecretSeed,
  type LaunchSeed,
} from './seed.js';
export * from './settings.js';
