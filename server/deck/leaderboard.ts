/** The ```leaderboard block: where the deck puts the quiz podium, and how many players it shows. */
import { parse as parseYaml } from 'yaml';
import { DEFAULT_LEADERBOARD_TOP, MAX_LEADERBOARD_TOP } from '../../contract/limits.js';
import { SlideError } from './errors.js';

/** A leaderboard slide's settings (SlideData.leaderboard). */
export interface LeaderboardSpec {
  top: number;
  title?: string;
}

const MIN_TOP = 3; // the podium itself
const KEYS = ['top', 'title'];

/** Parses the optional YAML body of a ```leaderboard block; throws SlideError naming the problem. */
export function parseLeaderboard(yamlSource: string): LeaderboardSpec {
  let raw: unknown;
  try {
    raw = yamlSource.trim() ? parseYaml(yamlSource) : null;
  } catch (err) {
    throw new SlideError(`leaderboard: invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (raw === null || raw === undefined) return { top: DEFAULT_LEADERBOARD_TOP };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw new SlideError('leaderboard: the block is empty or "key: value" lines (top, title)');
  const block = raw as Record<string, unknown>;
  const unknown = Object.keys(block).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new SlideError(`leaderboard: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: ${KEYS.join(', ')})`);
  const top = block['top'] ?? DEFAULT_LEADERBOARD_TOP;
  if (typeof top !== 'number' || !Number.isInteger(top) || top < MIN_TOP || top > MAX_LEADERBOARD_TOP) {
    throw new SlideError(`leaderboard: "top" must be a whole number between ${MIN_TOP} and ${MAX_LEADERBOARD_TOP} (players shown)`);
  }
  const title = block['title'];
  if (title !== undefined && (typeof title !== 'string' || !title.trim())) throw new SlideError('leaderboard: "title" must be a text');
  return typeof title === 'string' ? { top, title: title.trim() } : { top };
}
