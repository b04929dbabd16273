/**
 * Defence in depth: every line the CLI writes passes through a redactor that
 * replaces the token and every variable value from SEQERA_SYNC_VARS (and the
 * environment variables those name) with `***`. Code never prints them in the
 * first place; tests check both layers.
 */
export function buildRedactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = new Set<string>();
  const token = env.TOWER_ACCESS_TOKEN;
  if (token !== undefined && token.length >= 4) secrets.add(token);
  const rawVars = env.SEQERA_SYNC_VARS;
  if (rawVars !== undefined) {
    try {
      const parsed: unknown = JSON.parse(rawVars);
      if (typeof parsed === 'object' && parsed !== null) {
        for (const [name, value] of Object.entries(parsed)) {
          if (typeof value === 'string' && value.length >= 6) secrets.add(value);
          const fromEnv = env[name];
          if (fromEnv !== undefined && fromEnv.length >= 6) secrets.add(fromEnv);
        }
      }
    } catch {
      // An unparsable SEQERA_SYNC_VARS is reported by the loader; nothing to redact from it.
    }
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const secret of ordered) out = out.split(secret).join('***');
    return out;
  };
}
