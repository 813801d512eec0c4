import { describe, expect, it } from 'vitest';
import { DeckError } from '../../server/deck/errors.js';
import { loadDeck } from '../../server/deck/load.js';
import { tempDeck } from '../helpers/decks.js';

describe('malformed poll blocks fail loading with file, slide and problem', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['bad YAML', 'question: [unclosed', /invalid YAML/],
    ['not a mapping', '- just\n- a list', /key: value/],
    ['missing question', 'options: [a, b]', /"question" is missing/],
    ['empty question', 'question: "  "\noptions: [a, b]', /"question" is empty/],
    ['options on a text poll', 'question: Q\ntype: text\noptions: [a, b]', /"options" is not used by text polls/],
    ['single without options', 'question: Q\ntype: single', /single poll needs "options"/],
    ['multiple without options', 'question: Q\ntype: multiple', /multiple poll needs "options"/],
    ['no type and no options', 'question: Q', /missing "type"/],
    ['unknown type', 'question: Q\ntype: ranking', /unknown type "ranking"/],
    ['unknown key (typo)', 'question: Q\noptons: [a, b]\ntype: text', /unknown key "optons"/],
    ['min not below max', 'question: Q\ntype: scale\nmin: 5\nmax: 5', /"min" \(5\) must be less than "max" \(5\)/],
    ['one option', 'question: Q\noptions: [only]', /2 to 12 choices \(got 1\)/],
    ['thirteen options', `question: Q\noptions: [${Array.from({ length: 13 }, (_, i) => `o${i}`).join(', ')}]`, /2 to 12/],
    ['duplicate option', 'question: Q\noptions: [Yes, yes]', /"yes" is listed twice/],
    ['empty option', 'question: Q\noptions: [a, ""]', /non-empty/],
    ['max above option count', 'question: Q\ntype: multiple\nmax: 4\noptions: [a, b, c]', /between 1 and 3/],
    ['max on a single poll', 'question: Q\nmax: 2\noptions: [a, b, c]', /"max" is not used by single polls/],
    ['bad open value', 'question: Q\ntype: text\nopen: later', /"open" must be auto or manual/],
    ['bad id', 'id: "has space"\nquestion: Q\ntype: text', /"id" "has space"/],
    ['fractional max', 'question: Q\ntype: words\nmax: 1.5', /whole number/],
  ];

  it.each(cases)('%s', async (_name, block, problem) => {
    const file = await tempDeck(`# Intro\n---\n# Vote\n\n\`\`\`poll\n${block}\n\`\`\``);
    const err = await loadDeck(file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DeckError);
    expect((err as DeckError).slide).toBe(2);
    expect((err as DeckError).message).toContain(file);
    expect((err as DeckError).message).toContain('slide 2:');
    expect((err as DeckError).message).toMatch(problem);
    // The line points at the ```poll fence (line 5 of the file).
    expect((err as DeckError).message).toContain(`${file}:5:`);
  });

  it('rejects two polls on one slide', async () => {
    const poll = '```poll\nquestion: Q\ntype: text\n```';
    const file = await tempDeck(`# A\n${poll}\n---\n# B\n${poll.replace('Q', 'R')}\n\n${poll.replace('Q', 'S')}`);
    await expect(loadDeck(file)).rejects.toThrow(/slide 2: a slide holds at most one poll/);
  });

  it('rejects the same poll id twice in one deck, naming both slides', async () => {
    const file = await tempDeck('```poll\nid: same\nquestion: A\ntype: text\n```\n---\n# Two\n---\n```poll\nid: same\nquestion: B\ntype: words\n```');
    const err = await loadDeck(file).then(() => null, (e: unknown) => e as DeckError);
    expect(err?.slide).toBe(3);
    expect(err?.message).toMatch(/slide 3: duplicate poll id "same" \(also on slide 1\)/);
  });

  it('rejects two polls whose questions derive the same id', async () => {
    const poll = '```poll\nquestion: Same?\ntype: text\n```';
    await expect(loadDeck(await tempDeck(`${poll}\n---\n${poll}`))).rejects.toThrow(/duplicate poll id "same"/);
  });
});

describe('poll slides', () => {
  it('show the question and options, never the YAML, and carry the PollSpec', async () => {
    const deck = await loadDeck(await tempDeck('# Vote\n```poll\nid: breaks\nquestion: What <breaks>?\noptions: [DNS, Disks]\n```'));
    const [slide] = deck.slides;
    expect(slide?.html).toContain('<div class="poll" data-poll="breaks" data-type="single"><p class="poll-question">What &lt;breaks&gt;?</p>');
    expect(slide?.html).toContain('<li>DNS</li><li>Disks</li>');
    expect(slide?.html).not.toContain('options:');
    expect(slide?.poll).toMatchObject({ id: 'breaks', type: 'single', options: ['DNS', 'Disks'] });
  });

  it('a ```poll block in the notes is only shown to the presenter as code, not a poll', async () => {
    const deck = await loadDeck(await tempDeck('# A\nNote:\n```poll\nquestion: Q\ntype: text\n```'));
    expect(deck.slides[0]?.poll).toBeUndefined();
    expect(deck.slides[0]?.html).not.toContain('poll');
    expect(deck.slides[0]?.notes).toContain('question: Q');
  });
});
