/**
 * A quiz from question to podium in Chromium, with a real server: the presenter runs two quiz
 * questions and a leaderboard slide; the screen shows each question without giving the answer
 * away, then the right option marked and "N of M got it right"; three phones play — Ana, who
 * names herself and gets both right, an anonymous phone that tries her name (and is told it is
 * taken) and gets one right, and one that gets both wrong. The podium puts them in order, first
 * in the middle and tallest; each phone reads its own place. No serious axe finding on the podium
 * or the phone. With LECTERN_SCREENSHOTS=1 it writes docs/screenshots/quiz-*.png.
 */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE, PROJECTOR, openPage } from '../helpers/browser.js';
import { tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { seriousViolations } from './axe.js';
import { deepText, openPhone, openPresenter } from './views.js';

const SHOTS = process.env['LECTERN_SCREENSHOTS'] === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

const DECK = `---
title: Quiz night
slug: quiz-e2e
---

# Quiz night

Two questions, then the podium.

---

# Capitals

\`\`\`poll
id: capital
question: What is the capital of Peru?
options: [Quito, Lima, Bogotá]
correct: Lima
\`\`\`

---

# Primes

\`\`\`poll
id: primes
question: Which of these are prime?
type: multiple
options: [Two, Four, Seven, Nine]
correct: [Two, Seven]
\`\`\`

---

# Who won?

\`\`\`leaderboard
title: Final standings
top: 5
\`\`\`
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, {}, 'quiz-e2e.md')] }));
// bypassCSP: axe arrives as an inline script, which the pages' policy rightly refuses
const ANALYSED = { bypassCSP: true } as const;

let presenter: Page;
let screen: Page;
let ana: Page;
let anon: Page;
let wrong: Page;

/** Answers the poll on a phone (radios or checkboxes by their labels) and waits for the receipt. */
async function answer(phone: Page, options: string[], multiple = false) {
  for (const option of options) await phone.getByRole(multiple ? 'checkbox' : 'radio', { name: option, exact: true }).check();
  await phone.getByRole('button', { name: 'Send answer' }).click();
  await phone.getByText('Answer received').waitFor();
}

/** The screen's text as people see it. */
const screenText = () => deepText(screen.locator('screen-page'));
/** What a phone's quiz block says (verdict, place, name). */
const quizText = (phone: Page) => () => deepText(phone.locator('audience-quiz'));

/** The presenter moves on and every view follows to that poll. */
async function next(question: string) {
  await presenter.keyboard.press('ArrowRight');
  for (const phone of [ana, anon, wrong]) await phone.getByRole('group', { name: question }).waitFor();
  await screen.locator('screen-page poll-stage').getByText(question).waitFor();
}

/** How many elements inside a view's shadow roots stick out of the view's box (the projector must not clip). */
function outside(view: Locator): Promise<number> {
  return view.evaluate((host) => {
    const box = host.getBoundingClientRect();
    const all = (root: ParentNode): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    return all(host.shadowRoot!)
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && (r.left < box.left - 1 || r.top < box.top - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1)).length;
  });
}

async function reveal(expected: string) {
  await presenter.getByRole('button', { name: 'Show answer' }).click();
  await presenter.locator('quiz-controls').getByText(/Answer shown/).waitFor();
  await expect.poll(screenText).toContain(expected);
}

beforeAll(async () => {
  presenter = await openPresenter(e2e.browser, e2e.server, 'quiz-e2e');
  screen = await openPage(e2e.browser, `${e2e.server.url}/quiz-e2e/screen`, { ...PROJECTOR, ...ANALYSED });
  ana = await openPhone(e2e.browser, e2e.server, 'quiz-e2e', { ...PHONE, ...ANALYSED });
  anon = await openPhone(e2e.browser, e2e.server, 'quiz-e2e');
  wrong = await openPhone(e2e.browser, e2e.server, 'quiz-e2e');
}, 60_000);

describe('a quiz from question to podium', () => {
  it('asks the first question without giving the answer away, and lets a phone pick a leaderboard name', async () => {
    await next('What is the capital of Peru?');

    // Ana names herself before answering; the anonymous phone tries the same name, differently cased
    await ana.getByLabel('Name for the leaderboard').fill('Ana');
    await ana.getByRole('button', { name: 'Save name' }).click();
    await ana.getByText('You appear as Ana').waitFor();
    await anon.getByLabel('Name for the leaderboard').fill('ana');
    await anon.getByRole('button', { name: 'Save name' }).click();
    const refusal = anon.locator('quiz-nickname').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/already plays as "ana"/);

    await answer(ana, ['Lima']);
    await answer(anon, ['Lima']);
    await answer(wrong, ['Quito']);

    // the screen shows the question and its tally, and nothing says which option is right
    await expect.poll(screenText).toContain('3 answers');
    const stage = screen.locator('screen-page poll-stage');
    expect(await stage.locator('quiz-reveal').count()).toBe(0);
    expect(await screenText()).not.toMatch(/Right answer|got it right|✓/);
    expect(await ana.getByText(/Right!|Not this time/).count()).toBe(0);
    await presenter.locator('quiz-controls').getByText('Answer not shown yet').waitFor();
    if (SHOTS) await screen.screenshot({ path: `${SHOTS}quiz-question.png` });
  });

  it('shows the right option, how many got it, and each phone its verdict once the presenter reveals it', async () => {
    await reveal('2 of 3 got it right');
    const right = screen.locator('screen-page quiz-reveal li.right');
    expect(await right.count()).toBe(1);
    expect((await deepText(right)).replace(/\s+/g, ' ')).toMatch(/✓ Lima Right answer/);
    expect(await screen.locator('screen-page quiz-reveal li.wrong').count()).toBe(2);
    // the right option stands out by more than colour: the wrong ones are dimmed
    const opacity = await screen.locator('screen-page quiz-reveal li.wrong').first().evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(opacity).toBeLessThan(1);
    expect(await outside(screen.locator('screen-page poll-stage'))).toBe(0);

    await expect.poll(quizText(ana)).toMatch(/^✓ Right! \+\d[\d,]* You: 1st of 3 · [\d,]+ points/);
    await expect.poll(quizText(anon)).toMatch(/^✓ Right! \+\d[\d,]* You: 2nd of 3 · /);
    await expect.poll(quizText(wrong)).toMatch(/^Not this time — the answer was Lima You: 3rd of 3 · 0 points/);
    if (SHOTS) await screen.screenshot({ path: `${SHOTS}quiz-reveal.png` });
  });

  it('scores a multiple-choice question only when the whole set is right', async () => {
    await next('Which of these are prime?');
    await answer(ana, ['Two', 'Seven'], true);
    await answer(anon, ['Two', 'Four'], true);
    await answer(wrong, ['Four', 'Nine'], true);
    await reveal('1 of 3 got it right');
    expect(await screen.locator('screen-page quiz-reveal li.right').count()).toBe(2);
    await expect.poll(quizText(anon)).toMatch(/^Not this time — the answers were Two, Seven /);
    await expect.poll(quizText(ana)).toMatch(/^✓ Right! \+\d/);
  });

  it('puts the players on the podium in order, first in the middle and tallest, and tells each phone its place', async () => {
    await presenter.keyboard.press('ArrowRight');
    const podium = screen.locator('screen-page quiz-podium');
    await podium.getByRole('heading', { name: 'Final standings' }).waitFor();
    await expect.poll(() => podium.locator('.podium .name').allTextContents()).toHaveLength(3);

    const places = await podium.locator('.podium .place').evaluateAll((els) =>
      els.map((el) => {
        const step = el.querySelector('.step')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return { name: el.querySelector('.name')!.textContent, rank: el.querySelector('.step')!.textContent, height: step.height, centre: box.left + box.width / 2 };
      }),
    );
    const [first, second, third] = places as [(typeof places)[0], (typeof places)[0], (typeof places)[0]];
    expect(first.name).toBe('Ana');
    expect(second.name).toMatch(/^Player \d+$/);
    expect(third.name).toMatch(/^Player \d+$/);
    expect([first.rank, second.rank, third.rank]).toEqual(['1st', '2nd', '3rd']);
    // 2nd on the left, 1st in the middle, 3rd on the right; 1st tallest
    expect(second.centre).toBeLessThan(first.centre);
    expect(first.centre).toBeLessThan(third.centre);
    expect(first.height).toBeGreaterThan(second.height);
    expect(second.height).toBeGreaterThan(third.height);

    expect(await outside(podium), 'nothing of the podium sticks out of its 16:9 box').toBe(0);

    // the presenter's console lists the standings too
    await expect.poll(() => deepText(presenter.locator('quiz-controls'))).toMatch(/3 players, 2 of 2 answers shown 1st\s*Ana\s*[\d,]+\s*2nd\s*Player \d/);
    // each phone: the podium, then its own place
    await expect.poll(quizText(ana)).toMatch(/^Final standings Ana [\d,]+ 1st Player \d+ [\d,]+ 2nd Player \d+ 0 3rd You: 1st of 3 · [\d,]+ points/);
    await expect.poll(quizText(anon)).toMatch(/ You: 2nd of 3 · [\d,]+ points/);
    await expect.poll(quizText(wrong)).toContain(' You: 3rd of 3 · 0 points');
    if (SHOTS) {
      await screen.screenshot({ path: `${SHOTS}quiz-podium.png` });
      await ana.screenshot({ path: `${SHOTS}quiz-phone.png`, fullPage: true });
    }
  });

  it('has no serious accessibility finding on the podium or the phone', async () => {
    expect(await seriousViolations(screen)).toEqual([]);
    expect(await seriousViolations(ana)).toEqual([]);
  });

  it('fits a full board of ten players with long names, five-digit scores and ties in the projector\'s box', async () => {
    const podium = screen.locator('screen-page quiz-podium');
    const names = ['Ana', 'Bartholomew the Bold', 'Chiara Dell’Acqua-Rossi', 'Player 17', 'Dmitri Vasilyevich', 'Émilie Fournier', 'Wiremu Te Rangi', 'Zhang Wei', 'Player 104', 'Oluwaseun Adeyemi-Ola'];
    const players = names.map((name, i) => ({ rank: i < 2 ? 1 : i + 1, name, score: 29_500 - i * 1_337 - (i < 2 ? 0 : 500), right: 10 - Math.floor(i / 2) }));
    players[1]!.score = players[0]!.score; // a tie at the top
    const shown = await podium.evaluate(async (el, players) => {
      const board = el as HTMLElement & { players: unknown; top: number; updateComplete: Promise<unknown> };
      board.players = players;
      board.top = 10;
      await board.updateComplete;
      return [...board.shadowRoot!.querySelectorAll('.name')].map((n) => n.textContent);
    }, players);
    expect(shown).toEqual(names);
    expect(await outside(podium), 'nothing of a full board sticks out of its 16:9 box').toBe(0);
  });
});
