/**
 * A label named by a compute environment or a pipeline: `name` (a simple
 * label) or `name=value` (a resource label). Labels are unique by name in a
 * workspace, so the name finds the label and the value, when given, must be
 * the label's value.
 */

export interface LabelRef {
  readonly name: string;
  /** Present for a resource label. */
  readonly value?: string;
}

export function parseLabelRef(ref: string): LabelRef {
  const at = ref.indexOf('=');
  return at < 0 ? { name: ref } : { name: ref.slice(0, at), value: ref.slice(at + 1) };
}

/** The label's name in a reference. */
export function labelRefName(ref: string): string {
  return parseLabelRef(ref).name;
}

/** How a file names a label: `name=value` for a resource label, `name` for a simple one. */
export function labelRefOf(label: {
  readonly name: string;
  readonly value?: string | undefined;
  readonly resource: boolean;
}): string {
  return label.resource && label.value !== undefined ? `${label.name}=${label.value}` : label.name;
}

/** A label the reference can name, or why it cannot (undefined when it can). */
export function refMismatch(
  ref: string,
  label: { readonly value?: string | undefined; readonly resource: boolean },
): string | undefined {
  const wanted = parseLabelRef(ref);
  if (wanted.value === undefined) {
    return label.resource
      ? `it is a resource label: name it as ${labelRefOf({ name: wanted.name, value: label.value, resource: true })}`
      : undefined;
  }
  if (!label.resource) return `it is a simple label: name it as ${wanted.name}, without a value`;
  return label.value === wanted.value
    ? undefined
    : `its value is ${label.value ?? '(none)'}, not ${wanted.value}`;
}

/** References as a set: sorted, without repeats (the platform keeps a set). */
export function sortedRefs(refs: readonly string[]): string[] {
  return [...new Set(refs)].sort();
}

/** A list of label references inside an item: unique by label name (`project=a` and `project=b` repeat `project`). */
export function labelRefList(
  what: string,
  refs: readonly string[] | undefined,
): {
  readonly field: string;
  readonly what: string;
  readonly items: readonly string[] | undefined;
  readonly identity: (ref: string) => {
    readonly key: string;
    readonly field: string;
    readonly label: string;
  };
} {
  return {
    field: 'labels',
    what,
    items: refs,
    identity: (ref) => ({ key: labelRefName(ref), field: '', label: labelRefName(ref) }),
  };
}

/** The loader's check of a declared label a reference found: a message when the reference cannot name it. */
export function suitsLabelRef(target: unknown, entry: string): string | undefined {
  const label = target as { readonly name: string; readonly value?: string; readonly resource?: boolean };
  const problem = refMismatch(entry, { value: label.value, resource: label.resource === true });
  return problem === undefined
    ? undefined
    : `label '${entry}' does not match label ${label.name} of this workspace: ${problem}`;
}

/** The loader's check for a carrier of simple labels only (`a dataset`, `a pipeline action`): refuses a resource label. */
export function suitsSimpleLabel(carrier: string): (item: unknown, target: unknown) => string | undefined {
  return (_item, target) => {
    const label = target as { readonly name: string; readonly resource?: boolean };
    return label.resource === true
      ? `label '${label.name}' is a resource label; ${carrier} carries simple labels`
      : undefined;
  };
}
