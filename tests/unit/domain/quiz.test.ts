import { describe, expect, it } from 'vitest';
import { acceptNickname, isRight, newPlayers, rightCounts, scoreAnswer, standings, type QuizAnswer, type QuizQuestion } from '../../../server/domain/quiz.js';

const single = { type: 'single' as const, correct: ['Paris'], points: 1000, timer: 20 };
const multiple = { type: 'multiple' as const, correct: ['A', 'C'], points: 500 };
const T0 = 1_000_000;

const q = (pollId: number, spec: QuizQuestion['spec'], shown = true): QuizQuestion => ({ pollId, spec, openedAt: T0, shownAt: shown ? T0 + 60_000 : null });
const a = (pollId: number, voterId: string, answer: unknown, afterMs: number, status: QuizAnswer['status'] = 'visible'): QuizAnswer => ({ pollId, voterId, answer, status, answeredAt: T0 + afterMs });
const p = (voterId: string, number: number, nickname: string | null = null) => ({ voterId, number, nickname });

describe('isRight', () => {
  it('takes the one right option of a single-choice question', () => {
    expect(isRight(single, 'Paris')).toBe(true);
    expect(isRight(single, 'Lyon')).toBe(false);
    expect(isRight(single, ['Paris'])).toBe(true);
  });
  it('is all or nothing for multiple choice: exactly the right set, in any order', () => {
    expect(isRight(multiple, ['C', 'A'])).toBe(true);
    expect(isRight(multiple, ['A'])).toBe(false);
    expect(isRight(multiple, ['A', 'B', 'C'])).toBe(false);
    expect(isRight(multiple, ['A', 'B'])).toBe(false);
  });
  it('is never right for a poll without right options', () => {
    expect(isRight({ type: 'single' }, 'Paris')).toBe(false);
  });
});

describe('scoreAnswer', () => {
  it('gives full points at once, half at the buzzer, linearly between', () => {
    expect(scoreAnswer(single, 'Paris', T0, T0)).toBe(1000);
    expect(scoreAnswer(single, 'Paris', T0 + 10_000, T0)).toBe(750);
    expect(scoreAnswer(single, 'Paris', T0 + 20_000, T0)).toBe(500);
  });
  it('clamps elapsed time to the window: before the opening counts as at once, after the buzzer as at it', () => {
    expect(scoreAnswer(single, 'Paris', T0 - 5_000, T0)).toBe(1000);
    expect(scoreAnswer(single, 'Paris', T0 + 90_000, T0)).toBe(500);
  });
  it('uses a 30 s window and 1000 points when the deck gives neither', () => {
    expect(scoreAnswer({ type: 'single', correct: ['x'] }, 'x', T0 + 15_000, T0)).toBe(750);
  });
  it('scores a wrong answer 0', () => {
    expect(scoreAnswer(single, 'Lyon', T0, T0)).toBe(0);
  });
});

describe('standings', () => {
  it('sums shown questions, shares ranks on ties (1, 2, 2, 4) and lists a tie by name', () => {
    const questions = [q(1, single), q(2, multiple)];
    const answers = [
      a(1, 'v1', 'Paris', 0), // 1000
      a(2, 'v1', ['A', 'C'], 0), // 500
      a(1, 'v2', 'Paris', 10_000), // 750
      a(1, 'v3', 'Paris', 10_000), // 750
      a(1, 'v4', 'Lyon', 0), // 0
    ];
    const ranked = standings(questions, answers, [p('v4', 4), p('v3', 3, 'zed'), p('v2', 2, 'Alice'), p('v1', 1)]);
    expect(ranked.map(({ rank, name, score, right }) => ({ rank, name, score, right }))).toEqual([
      { rank: 1, name: 'Player 1', score: 1500, right: 2 },
      { rank: 2, name: 'Alice', score: 750, right: 1 },
      { rank: 2, name: 'zed', score: 750, right: 1 },
      { rank: 4, name: 'Player 4', score: 0, right: 0 },
    ]);
  });

  it('orders anonymous names by number ("Player 2" before "Player 10")', () => {
    const ranked = standings([q(1, single)], [], [p('a', 10), p('b', 2)]);
    expect(ranked.map((r) => r.name)).toEqual(['Player 2', 'Player 10']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('counts a late joiner on the questions it answered', () => {
    const questions = [q(1, single), q(2, single)];
    const ranked = standings(questions, [a(1, 'early', 'Paris', 20_000), a(2, 'late', 'Paris', 0)], [p('early', 1), p('late', 2)]);
    expect(ranked.map((r) => [r.voterId, r.score, r.rank])).toEqual([
      ['late', 1000, 1],
      ['early', 500, 2],
    ]);
  });

  it('counts a changed answer as stored: the last one, at its own time', () => {
    // the store keeps one answer per device: the last, with when it arrived
    const changed = a(1, 'v', 'Paris', 10_000);
    expect(standings([q(1, single)], [changed], [p('v', 1)])[0]!.score).toBe(750);
    expect(standings([q(1, single)], [a(1, 'v', 'Lyon', 1_000)], [p('v', 1)])[0]!.score).toBe(0);
  });

  it('leaves out hidden and held answers, and questions whose answer is not shown yet', () => {
    const questions = [q(1, single), q(2, single, false)];
    const answers = [a(1, 'hid', 'Paris', 0, 'hidden'), a(1, 'held', 'Paris', 0, 'held'), a(2, 'soon', 'Paris', 0)];
    const ranked = standings(questions, answers, [p('hid', 1), p('held', 2), p('soon', 3)]);
    expect(ranked.every((r) => r.score === 0 && r.right === 0 && r.rank === 1)).toBe(true);
  });

  it('skips answers of devices that are not players', () => {
    expect(standings([q(1, single)], [a(1, 'ghost', 'Paris', 0)], [])).toEqual([]);
  });
});

describe('rightCounts and newPlayers', () => {
  it('counts visible answers and right ones of shown questions only', () => {
    const questions = [q(1, single), q(2, multiple, false)];
    const answers = [a(1, 'x', 'Paris', 0), a(1, 'y', 'Lyon', 0), a(1, 'z', 'Paris', 0, 'hidden'), a(2, 'x', ['A', 'C'], 0)];
    expect([...rightCounts(questions, answers)]).toEqual([[1, { answers: 2, right: 1 }]]);
  });
  it('numbers devices in the order they first answered a shown question, skipping players and uncounted answers', () => {
    const questions = [q(1, single), q(2, single), q(3, single, false)];
    const answers = [a(2, 'b', 'Paris', 1_000), a(1, 'c', 'Lyon', 5_000), a(1, 'b', 'Paris', 9_000), a(1, 'known', 'Paris', 0), a(3, 'd', 'x', 0), a(1, 'e', 'x', 0, 'hidden')];
    expect(newPlayers(questions, answers, [p('known', 1)])).toEqual(['b', 'c']);
  });
});

describe('acceptNickname', () => {
  it('trims, collapses spaces and removes direction overrides; empty means anonymous', () => {
    expect(acceptNickname('  Ada \u202E  Lovelace ')).toBe('Ada Lovelace');
    expect(acceptNickname('   ')).toBeNull();
  });
  it('refuses one too long, one posing as an anonymous player, one with control characters', () => {
    expect(() => acceptNickname('x'.repeat(25))).toThrow(expect.objectContaining({ code: 'nickname_refused' }));
    expect(acceptNickname('😀'.repeat(24))).toBe('😀'.repeat(24));
    expect(() => acceptNickname('player 3')).toThrow(expect.objectContaining({ code: 'nickname_refused' }));
    expect(() => acceptNickname('a\u0000b')).toThrow(expect.objectContaining({ code: 'nickname_refused' }));
  });
});
