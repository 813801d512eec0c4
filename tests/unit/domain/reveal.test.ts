import { describe, expect, test } from 'vitest';
import { slidesFor, type Shown } from '../../../server/domain/reveal.js';
import type { Slide } from '../../../server/deck/types.js';

const slides: Slide[] = [0, 1, 2, 3].map((index) => ({ index, title: `Title ${index}`, html: `<p>secret ${index}</p>`, notes: `notes ${index}`, ...(index === 0 ? { layout: 'title' as const } : {}) }));
// slide 2 builds: step 0 shows the setup, step 1 the punchline
slides[2] = { ...slides[2]!, html: '<p>setup</p><p data-step="1">punchline</p>', steps: ['<p>setup</p>', '<p>setup</p><p data-step="1">punchline</p>'] };
const shown = (ids: number[], steps: Record<number, number> = {}): Shown => ({ slides: new Set(ids), step: (slide) => steps[slide] ?? 0 });

describe('slides for a reader', () => {
  test('without the key: the slides this run has shown, and only the place of the others', () => {
    const out = slidesFor(slides, { presenter: false, preview: 'shown', shown: shown([0, 3]) });
    expect(out.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(out[0]).toEqual({ index: 0, title: 'Title 0', html: '<p>secret 0</p>', layout: 'title' });
    expect(out[1]).toEqual({ index: 1, title: '', html: '', hidden: true });
    expect(JSON.stringify(out)).not.toMatch(/secret 1|setup|Title 1|Title 2|notes/);
  });

  test('a slide that builds: exactly the steps shown so far', () => {
    expect(slidesFor(slides, { presenter: false, preview: 'shown', shown: shown([2]) })[2]!.html).toBe('<p>setup</p>');
    expect(slidesFor(slides, { presenter: false, preview: 'shown', shown: shown([2], { 2: 1 }) })[2]!.html).toContain('punchline');
  });

  test('the presenter gets everything with notes and step counts; a preview: all deck gives everyone every slide', () => {
    const presenter = slidesFor(slides, { presenter: true, preview: 'shown', shown: shown([0]) });
    expect(presenter.map((s) => s.notes)).toEqual(['notes 0', 'notes 1', 'notes 2', 'notes 3']);
    expect(presenter[2]).toMatchObject({ steps: 1, html: expect.stringContaining('punchline') });
    const all = slidesFor(slides, { presenter: false, preview: 'all', shown: shown([0]) });
    expect(all.every((s) => !s.hidden && s.notes === undefined && s.steps === undefined)).toBe(true);
    expect(all[2]!.html).toContain('punchline');
  });
});
