/**
 * The organisation itself: created only when its
 * `organization.yaml` exists, updated in place (fullName, description) when
 * the file declares them, never deleted.
 */
import { address } from '../../model/address.js';
import type { DesiredOrg } from '../../model/desired.js';
import { closest } from '../../model/closest.js';
import type { FieldChange } from '../../model/plan.js';
import type { OrganizationInput, OrgOutcome } from '../kit/organization-input.js';
import { changedReason, createReason } from '../kit/scope.js';

/**
 * Plans the org's own action. `orgLevel` is false under a `--workspace`
 * filter: then an existing org is not updated, but a missing one is still
 * created (the filtered workspaces need it). `workspaces` are the planned
 * ones, named when the org is missing.
 */
export function planOrganization(input: OrganizationInput): OrgOutcome {
  const { org, workspaces, actual, orgLevel, out, creation } = input;
  const orgAddress = address.org(org.name);
  if (actual === undefined) {
    const addresses = [orgAddress, ...workspaces.map((ws) => address.workspace(org.name, ws.name))].sort();
    const guess = closest(org.name, creation.visibleOrgs);
    const didYouMean = guess === undefined ? '' : ` (did you mean ${guess}?)`;
    if (!org.hasFile) {
      out.block({
        rule: 'missingOrganization',
        message: `organisation ${org.name} does not exist on the platform${didYouMean} and ${organizationFile(org)} does not exist: create that file to create it`,
        addresses,
      });
      return 'missing';
    }
    if (!creation.allowCreation) {
      // A typo in a folder name must not quietly create an organisation.
      out.block({
        rule: 'organizationCreation',
        message: `organisation ${org.name} does not exist on the platform${didYouMean}: check the folder name, or create it`,
        addresses,
        override: '--allow-org-creation',
      });
      return 'missing';
    }
    const fullName = org.fullName ?? org.name;
    const changes: FieldChange[] = [
      ...(org.description === undefined ? [] : [{ field: 'description', to: org.description }]),
      { field: 'fullName', to: fullName },
      { field: 'name', to: org.name },
    ];
    out.add({
      kind: 'organization',
      type: 'create',
      address: orgAddress,
      org: org.name,
      name: org.name,
      reason: createReason(org.source.file),
      changes,
      dependsOn: [],
      desired: {
        name: org.name,
        fullName,
        ...(org.description === undefined ? {} : { description: org.description }),
      },
    });
    return 'created';
  }
  out.liveId(orgAddress, actual.orgId);
  if (!orgLevel || !org.hasFile) return 'exists';
  const changes: FieldChange[] = [];
  if (org.description !== undefined && org.description !== (actual.description ?? '')) {
    changes.push({ field: 'description', from: actual.description, to: org.description });
  }
  if (org.fullName !== undefined && org.fullName !== actual.fullName) {
    changes.push({ field: 'fullName', from: actual.fullName, to: org.fullName });
  }
  if (changes.length > 0) {
    const description = org.description ?? actual.description;
    out.add({
      kind: 'organization',
      type: 'update',
      address: orgAddress,
      org: org.name,
      name: org.name,
      reason: changedReason(changes.map((c) => c.field)),
      changes,
      dependsOn: [],
      desired: {
        name: org.name,
        fullName: org.fullName ?? actual.fullName,
        ...(description === undefined ? {} : { description }),
      },
      current: {
        orgId: actual.orgId,
        name: actual.name,
        fullName: actual.fullName,
        ...(actual.description === undefined ? {} : { description: actual.description }),
      },
    });
  }
  return 'exists';
}

/** The path of the org's `organization.yaml` (the desired org's source is its folder when the file is absent). */
function organizationFile(org: DesiredOrg): string {
  const file = org.source.file;
  return file.endsWith('organization.yaml') ? file : `${file.replace(/\/+$/, '')}/organization.yaml`;
}
