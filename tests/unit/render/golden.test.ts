import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/render/json.js';
import { renderMarkdown } from '../../../src/render/markdown.js';
import { renderText } from '../../../src/render/text.js';
import { richDocument } from '../../fixtures/plans/rich-document.js';
import { richPlan } from '../../fixtures/plans/rich-plan.js';

// Golden files, reviewed by eye. After an intended change: `npx vitest run tests/unit/render -u`,
// then review the diff of tests/fixtures/plans/rich-plan.golden.* like code.
const GOLDEN = '../../fixtures/plans/rich-plan.golden';

describe('rich plan golden files', () => {
  it('text, without colour', async () => {
    await expect(renderText(richPlan(), { color: false })).toMatchFileSnapshot(`${GOLDEN}.txt`);
  });

  it('markdown', async () => {
    await expect(renderMarkdown(richPlan())).toMatchFileSnapshot(`${GOLDEN}.md`);
  });

  it('markdown, truncated, linking the run that holds the whole plan', async () => {
    const out = renderMarkdown(richPlan(), {
      maxChars: 5500,
      runUrl: 'https://github.com/biocommons/seqera-workspaces/actions/runs/4242',
    });
    await expect(out).toMatchFileSnapshot(`${GOLDEN}.truncated.md`);
  });

  it('json', async () => {
    await expect(renderJson(await richDocument())).toMatchFileSnapshot(`${GOLDEN}.json`);
  });
});
