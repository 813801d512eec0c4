import { describe, expect, test } from 'vitest';
import { slidesFor } from '../../../server/domain/reveal.js';
import type { Slide } from '../../../server/deck/types.js';

const slides: Slide[] = [0, 1, 2, 3].map((index) => ({ index, title: `Title ${index}`, html: `<p>secret ${index}</p>`, notes: `notes ${index}`, ...(index === 0 ? { layout: 'title' as const } : {}) }));

describe('slides for a reader', () => {
  test('without the key: the slides this run has shown, and only the place of the others', () => {
    const out = slidesFor(slides, { presenter: false, preview: 'shown', shown: new Set([0, 2]) });
    expect(out.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(out[0]).toEqual({ index: 0, title: 'Title 0', html: '<p>secret 0</p>', layout: 'title' });
    expect(out[1]).toEqual({ index: 1, title: '', html: '', hidden: true });
    expect(JSON.stringify(out)).not.toMatch(/secret 1|secret 3|Title 1|Title 3|notes/);
  });

  test('the presenter gets everything with notes; a preview: all deck gives everyone every slide', () => {
    expect(slidesFor(slides, { presenter: true, preview: 'shown', shown: new Set([0]) }).map((s) => s.notes)).toEqual(['notes 0', 'notes 1', 'notes 2', 'notes 3']);
    const all = slidesFor(slides, { presenter: false, preview: 'all', shown: new Set([0]) });
    expect(all.every((s) => !s.hidden && s.notes === undefined)).toBe(true);
  });
});
