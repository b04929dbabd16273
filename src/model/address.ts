/**
 * Stable addresses for plan entries, built in one place so the planner,
 * renderers, applier and saved plans agree:
 *
 *   org                       biocommons
 *   member                    biocommons/members/jane@example.edu.au
 *   team                      biocommons/teams/ausgen-admins
 *   team member               biocommons/teams/ausgen-admins/members/jane@example.edu.au
 *   workspace                 biocommons/ausgen
 *   participant (user)        biocommons/ausgen/participants/jane@example.edu.au
 *   participant (team)        biocommons/ausgen/participants/team:ausgen-admins
 *   credential                biocommons/ausgen/credentials/aws-main
 *   compute environment       biocommons/ausgen/computeEnvironments/aws-sydney
 *   primary flag              biocommons/ausgen/computeEnvironments/aws-sydney/primary
 *   pipeline                  biocommons/ausgen/pipelines/rnaseq
 *   secret                    biocommons/ausgen/secrets/SENTIEON_LICENSE
 *   label                     biocommons/ausgen/labels/project
 *   data link                 biocommons/ausgen/dataLinks/ausgen-reference
 *   custom role               biocommons/roles/launcher-plus
 *   Studios settings          biocommons/ausgen/studios
 *   dataset                   biocommons/ausgen/datasets/rnaseq-test-samples
 *   pipeline action           biocommons/ausgen/actions/rnaseq-nightly
 */
export const address = {
  org: (org: string): string => org,
  member: (org: string, email: string): string => `${org}/members/${email}`,
  team: (org: string, team: string): string => `${org}/teams/${team}`,
  teamMember: (org: string, team: string, email: string): string => `${org}/teams/${team}/members/${email}`,
  workspace: (org: string, ws: string): string => `${org}/${ws}`,
  userParticipant: (org: string, ws: string, email: string): string => `${org}/${ws}/participants/${email}`,
  teamParticipant: (org: string, ws: string, team: string): string =>
    `${org}/${ws}/participants/team:${team}`,
  /** An item of a workspace collection, by the collection's segment: what the per-kind addresses below spell out. */
  workspaceItem: (org: string, ws: string, segment: string, name: string): string =>
    `${org}/${ws}/${segment}/${name}`,
  credential: (org: string, ws: string, name: string): string => `${org}/${ws}/credentials/${name}`,
  computeEnv: (org: string, ws: string, name: string): string => `${org}/${ws}/computeEnvironments/${name}`,
  primary: (org: string, ws: string, ce: string): string => `${org}/${ws}/computeEnvironments/${ce}/primary`,
  pipeline: (org: string, ws: string, name: string): string => `${org}/${ws}/pipelines/${name}`,
  secret: (org: string, ws: string, name: string): string => `${org}/${ws}/secrets/${name}`,
  label: (org: string, ws: string, name: string): string => `${org}/${ws}/labels/${name}`,
  dataLink: (org: string, ws: string, name: string): string => `${org}/${ws}/dataLinks/${name}`,
  role: (org: string, name: string): string => `${org}/roles/${name}`,
  studios: (org: string, ws: string): string => `${org}/${ws}/studios`,
  dataset: (org: string, ws: string, name: string): string => `${org}/${ws}/datasets/${name}`,
  action: (org: string, ws: string, name: string): string => `${org}/${ws}/actions/${name}`,
} as const;
