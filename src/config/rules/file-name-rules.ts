/** The file name is the workspace's name; the folder name is the organisation's. */
import type { Rule } from './rule.js';

export const workspaceNameMatchesFile: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    for (const ws of org.workspaces) {
      if (ws.written.name !== ws.ref.baseName) {
        ctx.report(
          ws,
          '/name',
          `name '${ws.written.name}' must equal the file name '${ws.ref.baseName}' (rename the file or the workspace)`,
        );
      }
    }
  }
};

export const organizationNameMatchesFolder: Rule = (ctx) => {
  for (const org of ctx.orgs) {
    const file = org.organization;
    if (file !== undefined && file.written.name !== org.name) {
      ctx.report(
        file,
        '/name',
        `name '${file.written.name}' must equal the organisation folder name '${org.name}'`,
      );
    }
  }
};
