/** The audience page is what every phone downloads on conference Wi-Fi: its JS stays under budget. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, pageWeights } from '../../scripts/page-weight.js';

const DIST = fileURLToPath(new URL('../../dist/client/', import.meta.url));

describe('page weight', () => {
  it('keeps the audience page under its gzip budget', async () => {
    const weights = await pageWeights(DIST);
    const audience = weights.find((w) => w.page === 'audience');
    expect(audience, 'dist/client/audience.html: run `npm run build` first').toBeDefined();
    // the entry, lit and socket.io at least: a parse that found nothing would pass for the wrong reason
    expect(audience!.files.length).toBeGreaterThanOrEqual(3);
    expect(audience!.gzip).toBeLessThanOrEqual(BUDGETS.audience!);
  });
});
