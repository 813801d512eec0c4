import { describe, expect, test } from 'vitest';
import { contrastRatio, readable } from '../../../server/deck/contrast.js';

describe('code colours', () => {
  test('contrast ratios as WCAG computes them', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 1);
    expect(contrastRatio('#fff', '#fff')).toBeCloseTo(1, 5);
    // github-light's orange on white: the 3.49:1 Lighthouse reported
    expect(contrastRatio('#E36209', '#fff')).toBeCloseTo(3.49, 2);
    expect(contrastRatio('not a colour', '#fff')).toBeUndefined();
  });

  test('a colour below the ratio moves just far enough toward black or white; one above stays', () => {
    const darker = readable('#E36209', '#ffffff', 4.5);
    expect(contrastRatio(darker, '#ffffff')!).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(darker, '#ffffff')!).toBeLessThan(5.5);
    const lighter = readable('#6A737D', '#24292e', 7);
    expect(contrastRatio(lighter, '#24292e')!).toBeGreaterThanOrEqual(7);
    expect(readable('#24292e', '#ffffff', 4.5)).toBe('#24292e');
  });

  test('a translucent colour is judged as it shows on the background', () => {
    expect(contrastRatio('#00000080', '#ffffff')!).toBeLessThan(5);
    expect(contrastRatio(readable('#00000080', '#ffffff', 7), '#ffffff')!).toBeGreaterThanOrEqual(7);
  });
});
