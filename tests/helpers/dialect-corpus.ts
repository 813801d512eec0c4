/** One tool's corpus under tests/fixtures/dialects/<tool>/, for the per-dialect corpus tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDeckSource } from '../../server/deck/dialects/index.js';

export function dialectCorpus(tool: string) {
  const dir = path.resolve('tests/fixtures/dialects', tool);
  return {
    dir,
    /** The .md decks of the folder. */
    fixtures: readdirSync(dir).filter((name) => name.endsWith('.md')),
    /** A fixture read through the dialect layer (detection included). */
    parse: (name: string) => parseDeckSource(readFileSync(path.join(dir, name), 'utf8'), path.join(dir, name)),
  };
}

/** Slide HTML without its code, which shows markup on purpose. */
export const withoutCode = (html: string) => html.replace(/<pre[\s\S]*?<\/pre>|<code[^>]*>[\s\S]*?<\/code>/g, '');
