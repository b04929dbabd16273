/**
 * Defence in depth: every line the CLI writes passes through a redactor that
 * replaces the token and every variable value from SEQERA_SYNC_VARS (every
 * string in it, at any depth: `{"org/ws": {"NAME": "value"}}`) with `***`.
 * Code never prints them in the first place; tests check both layers.
 */

/** Every string value below `value` (keys are names, not secrets). */
function stringsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length >= 6) into.add(value);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) stringsIn(item, into);
  }
}

export function buildRedactor(env: Readonly<Record<string, string | undefined>>): (text: string) => string {
  const secrets = new Set<string>();
  const token = env.TOWER_ACCESS_TOKEN;
  if (token !== undefined && token.length >= 4) secrets.add(token);
  const rawVars = env.SEQERA_SYNC_VARS;
  if (rawVars !== undefined) {
    try {
      stringsIn(JSON.parse(rawVars), secrets);
    } catch {
      // An unparsable SEQERA_SYNC_VARS is reported when it is read; nothing to redact from it.
    }
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  return (text: string): string => {
    let out = text;
    for (const secret of ordered) out = out.split(secret).join('***');
    return out;
  };
}
