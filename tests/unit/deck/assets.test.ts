import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../../server/deck/assets.js';

describe('contentTypeFor', () => {
  it.each([
    ['a.PNG', 'image/png'],
    ['b.jpeg', 'image/jpeg'],
    ['c.svg', 'image/svg+xml'],
    ['d.webp', 'image/webp'],
    ['e.mp4', 'video/mp4'],
    ['f.woff2', 'font/woff2'],
  ])('%s → %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('knows nothing of Markdown or scripts', () => {
    expect(contentTypeFor('talk.md')).toBeUndefined();
    expect(contentTypeFor('x.js')).toBeUndefined();
  });
});
