/**
 * Behaviour the official sources leave open is a documented setting here,
 * never a silent guess (README.md lists them). Every default below is what `startEmulator`
 * uses unless an option overrides it.
 */

/** Page size when a paged list is called without `max` (the API docs' parameter tables). */
export const DEFAULT_PAGE_SIZE = 50;
/** Page size of `GET /pipelines/{id}/versions` without `max` (the API docs' parameter tables: 20). */
export const DEFAULT_VERSIONS_PAGE_SIZE = 20;
/** Largest page the emulator returns, whatever `max` asks for. */
export const MAX_PAGE_SIZE = 100;

/**
 * Workspace role a participant gets from `participants/add` (which takes no
 * role). tower-cli's docs and fixtures say `launch`; the TF provider assumes
 * `view`. Real clients set the role explicitly afterwards.
 */
export const DEFAULT_ADD_ROLE = 'launch';

/** Org role after `members/add` (the add takes no role: new members are `member`). */
export const DEFAULT_MEMBER_ROLE = 'member';

/**
 * Status for adding (member, participant, team member) an email or user name
 * that has never signed in. The platform refuses it (or only sends an
 * invitation); the emulator refuses with this status and a message starting
 * "User not found".
 */
export const DEFAULT_UNREGISTERED_USER_STATUS = 404;

/** Delays of the asynchronous compute-environment lifecycle. */
export const DEFAULT_CE_CREATE_DELAY_MS = 200;
export const DEFAULT_CE_DELETE_DELAY_MS = 200;

/**
 * A compute environment whose name contains this marker (case-insensitive)
 * ends up `ERRORED` instead of `AVAILABLE` after creation; so does any name
 * `failComputeEnvs` accepts.
 */
export const CE_FAILURE_NAME_MARKER = 'errored';

/**
 * What a pipeline update that creates a draft version answers with in
 * `pipeline.version`: the new draft (tower-cli looks for a new version id
 * there), or, when false, the default version. The platform's docs leave it
 * open, so a client must find the draft in the version list either way.
 */
export const DEFAULT_UPDATE_ANSWERS_WITH_DRAFT = true;

/**
 * Studios settings of a new workspace. The platform's defaults are not
 * documented; tower-cli's recorded settings show 8 hours and public sessions.
 */
export const DEFAULT_STUDIOS_LIFESPAN_HOURS = 8;
export const DEFAULT_PRIVATE_STUDIO_BY_DEFAULT = false;

/** Token given to the token user when the seed gives none. */
export const DEFAULT_TOKEN = 'emulator-token';

/** Request log entries kept (oldest dropped first). */
export const DEFAULT_REQUEST_LOG_LIMIT = 100_000;

/** The settings in force for one emulator (options resolved against the defaults). */
export interface EmulatorSettings {
  readonly defaultAddRole: string;
  readonly unregisteredUserStatus: 400 | 404;
  readonly invalidTokenStatus: 401 | 403;
  readonly ceCreateDelayMs: number;
  readonly ceDeleteDelayMs: number;
  readonly staleRoleReadMs: number;
  readonly failComputeEnv: (name: string) => boolean;
  readonly updateAnswersWithDraft: boolean;
  /** List requests of the data links that answer 202 after aws, google or azure credentials are created. */
  readonly dataLinkFetchAnswers: number;
}

/**
 * The permission names a custom role may hold (`GET /roles/permissions`).
 * The platform's docs name permissions `<resource>:<access>` (such as
 * `compute_environment:read`, `action:read`); the catalogue below is the
 * emulator's choice of resources and accesses in that form, not a copy of
 * the platform's list, which the OpenAPI spec does not publish.
 */
export const ROLE_PERMISSIONS: readonly { readonly category: string; readonly name: string }[] = [
  ['compute_environment', ['read', 'write', 'delete']],
  ['credentials', ['read', 'write', 'delete']],
  ['pipeline', ['read', 'write', 'execute', 'delete']],
  ['workflow', ['read', 'write', 'execute', 'delete']],
  ['action', ['read', 'write', 'execute', 'delete']],
  ['dataset', ['read', 'write', 'delete']],
  ['data_link', ['read', 'write', 'delete']],
  ['label', ['read', 'write', 'delete']],
  ['secret', ['read', 'write', 'delete']],
  ['studio', ['read', 'write', 'execute', 'delete']],
  ['participant', ['read', 'write', 'admin', 'delete']],
  ['workspace', ['read', 'write', 'admin', 'delete']],
].flatMap(([category, accesses]) =>
  (accesses as readonly string[]).map((access) => ({
    category: category as string,
    name: `${category as string}:${access}`,
  })),
);

/** Custom roles an organisation may hold (the platform's default limit; a create beyond it is a 400). */
export const MAX_CUSTOM_ROLES = 20;
