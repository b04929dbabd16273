/**
 * What creating a pipeline action costs beyond its create (the bench's
 * lower bound): a create takes no labels, so declared labels are applied
 * after it (1 POST); a `github` action is described once it exists, for the
 * hook URL apply reports (1 GET).
 */
export function actionWritesAfterCreate(item: Readonly<Record<string, unknown>>): readonly string[] {
  const labels = item['labels'];
  return [
    ...(Array.isArray(labels) && labels.length > 0 ? ['POST /actions/labels/apply'] : []),
    ...(item['trigger'] === 'github' ? ['GET /actions/{id}'] : []),
  ];
}
