/**
 * Where a workspace's dataset files live in the config dir:
 * `<org>/datasets/<workspace>/<file>`, beside the workspace files, so that a
 * repository's CODEOWNERS can give each workspace's folder to its
 * maintainers.
 */
export const DATASETS_FOLDER = 'datasets';
