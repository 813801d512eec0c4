import { describe, expect, it } from 'vitest';
import { chartSvg, xmlEscape } from '../../../client/components/chart-export-svg.js';

const svgSize = (svg: string) => {
  const m = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : undefined;
};

describe('a saved chart (SVG)', () => {
  it('is a standalone document: declaration, namespace, size, background, no stylesheet', () => {
    const svg = chartSvg({ type: 'single', total: 3, options: ['DNS', 'Disks'], counts: [2, 1] }, { question: 'What breaks?' });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svgSize(svg)).toEqual({ width: 800, height: expect.any(Number) });
    expect(svg).toContain('<title>What breaks?</title>');
    expect(svg).not.toMatch(/<style|class=|<script|href=/);
    expect(svg).toContain('>2 · 67%<');
    expect(svg).toContain('>1 · 33%<');
    // the leader in bold, its bar two thirds of the track
    expect(svg).toMatch(/font-weight="700" fill="[^"]+">DNS</);
    expect(svg).toContain('width="493.1"');
  });

  it('escapes audience text: an answer never becomes markup', () => {
    expect(xmlEscape(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    const svg = chartSvg({ type: 'text', total: 1, answers: [{ text: '<script>alert(1)</script>', at: 1 }] }, { question: 'Q & A' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('<title>Q &amp; A</title>');
  });

  it('draws every poll type, taller with more to show', () => {
    const scale = chartSvg({ type: 'scale', total: 4, min: 1, max: 5, histogram: [0, 1, 2, 1, 0], mean: 3 }, { question: 'Rate', labels: ['low', 'high'] });
    expect(scale).toContain('>Average 3.0 of 5<');
    expect(scale).toContain('>low<');
    const words = chartSvg({ type: 'words', total: 3, words: [{ word: 'dns', count: 2 }, { word: 'disks', count: 1 }] }, { question: 'One word' });
    expect(words).toMatch(/>dns<tspan[^>]*> 2<\/tspan>/);
    const few = chartSvg({ type: 'single', total: 0, options: ['a', 'b'], counts: [0, 0] }, undefined);
    const many = chartSvg({ type: 'single', total: 0, options: ['a', 'b', 'c', 'd', 'e'], counts: [0, 0, 0, 0, 0] }, undefined);
    expect(svgSize(many)!.height).toBeGreaterThan(svgSize(few)!.height);
    const texts = chartSvg({ type: 'text', total: 20, answers: Array.from({ length: 20 }, (_, i) => ({ text: `answer ${i}`, at: i })) }, undefined);
    expect(texts).toContain('>and 5 more<');
  });
});
