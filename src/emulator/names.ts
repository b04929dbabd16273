/**
 * Name rules from the official spec (and the docs where the spec has none).
 * A name that breaks them is a 400 naming the rule.
 */
import { badRequest } from './http-error.js';

/** Org, workspace and team names (OpenAPI `Organization/Workspace/Team.name`; 2-39 characters in practice). */
export const RESOURCE_NAME = /^[a-zA-Z\d](?:[a-zA-Z\d]|[-_](?=[a-zA-Z\d])){1,38}$/;
/** Credentials and compute environment names (docs: alphanumeric, dash, underscore; max 100). */
export const ASSET_NAME = /^[a-zA-Z\d_-]{1,100}$/;
/** Pipeline secret names (OpenAPI `PipelineSecret.name`). */
export const SECRET_NAME = /^[a-zA-Z_](?:[0-9A-Za-z]+|(_)(?!\1)){1,49}$/;

/** 400 unless `name` is an org/workspace/team name. */
export function checkResourceName(kind: string, name: string): void {
  if (name.length > 40 || !RESOURCE_NAME.test(name)) {
    throw badRequest(
      `Invalid ${kind} name '${name}': 2-39 letters, digits, '-' or '_', starting and ending with a letter or digit, no consecutive '-'/'_'`,
    );
  }
}

export function checkAssetName(kind: string, name: string): void {
  if (!ASSET_NAME.test(name)) {
    throw badRequest(`Invalid ${kind} name '${name}': 1-100 letters, digits, '-' or '_'`);
  }
}

export function checkSecretName(name: string): void {
  if (name.length > 100 || !SECRET_NAME.test(name)) {
    throw badRequest(
      `Invalid pipeline secret name '${name}': 2-50 letters, digits or single '_', not starting with a digit`,
    );
  }
}

/** 400 when a text field is longer than the spec allows. */
export function checkMaxLength(field: string, value: string | undefined, max: number): void {
  if (value !== undefined && value.length > max) {
    throw badRequest(`${field} is too long: ${value.length} characters, at most ${max} allowed`);
  }
}
