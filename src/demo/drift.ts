/**
 * The drift the demo seeds on top of a converged platform, as a pure seed →
 * seed function: what staff would find after people used the web UI.
 */
import type { EmulatorSeed, OrgSeed, WorkspaceSeed } from '../emulator/seed.js';

export const DEMO_DRIFT = {
  /** Added by hand in the shared workspace; the estate prunes participants, so the plan removes them. */
  handAddedParticipant: 'former.student@example.edu.au',
  /** A role raised by hand in the shared workspace; the plan sets it back. */
  roleChanged: { email: 'pipeline.curator@example.org', from: 'maintain', to: 'admin' },
  /** A compute environment whose config was changed by hand: the plan replaces it. */
  computeEnvironment: 'aws-sydney-spot',
  /** A workspace that does not exist on the platform yet: the plan creates it. */
  missingWorkspace: 'ausgen',
} as const;

function driftWorkspace(ws: WorkspaceSeed): WorkspaceSeed {
  if (ws.name !== 'community-pipelines') return ws;
  return {
    ...ws,
    participants: [
      ...(ws.participants ?? []).map((p) =>
        p.email === DEMO_DRIFT.roleChanged.email ? { ...p, role: DEMO_DRIFT.roleChanged.to } : p,
      ),
      { email: DEMO_DRIFT.handAddedParticipant, role: 'launch' },
    ],
    computeEnvironments: (ws.computeEnvironments ?? []).map((ce) => {
      if (ce.name !== DEMO_DRIFT.computeEnvironment) return ce;
      const config = ce.config ?? {};
      const forge = (config.forge ?? {}) as Record<string, unknown>;
      return { ...ce, config: { ...config, forge: { ...forge, maxCpus: 256 } } };
    }),
  };
}

function driftOrg(org: OrgSeed): OrgSeed {
  return {
    ...org,
    workspaces: (org.workspaces ?? [])
      .filter((ws) => ws.name !== DEMO_DRIFT.missingWorkspace)
      .map(driftWorkspace),
  };
}

export function applyDemoDrift(seed: EmulatorSeed): EmulatorSeed {
  const users = [...(seed.users ?? [])];
  if (!users.some((u) => u.email === DEMO_DRIFT.handAddedParticipant)) {
    users.push({ userName: 'former-student', email: DEMO_DRIFT.handAddedParticipant });
  }
  return { users, orgs: (seed.orgs ?? []).map(driftOrg) };
}
