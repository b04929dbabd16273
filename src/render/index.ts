/**
 * Renderers: pure functions from a `Plan` (or, for JSON, the plan document)
 * to a string, one module per format. Nothing here writes anywhere, reads the
 * process, the clock or the file system, or imports anything but `src/model`:
 * the CLI picks a renderer and writes its output (Terraform's views).
 */
export { canonicalJson } from './canonical-json.js';
export { renderJson } from './json.js';
export type { MarkdownRenderOptions } from './markdown.js';
export { MARKDOWN_MAX_CHARS, PLAN_COMMENT_MARKER, renderMarkdown } from './markdown.js';
export { NO_CHANGES, summaryLine } from './summary.js';
export type { TextRenderOptions } from './text.js';
export { renderText } from './text.js';
