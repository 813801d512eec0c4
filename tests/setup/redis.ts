/**
 * vitest globalSetup: makes sure the Redis at 127.0.0.1:6379 answers (the Redis-adapter tests use it),
 * starting a local redis-server without persistence when nothing answers.
 */
import { spawnSync } from 'node:child_process';
import { redisAnswers } from '../helpers/redis.js';

const URL_ENV = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function answers(): Promise<boolean> {
  const { hostname, port } = new URL(URL_ENV);
  return redisAnswers(hostname, Number(port || 6379));
}

export default async function ensureRedis(): Promise<void> {
  if (await answers()) return;
  spawnSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', '6379', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  for (let i = 0; i < 40; i++) {
    if (await answers()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Redis for tests did not answer at ${URL_ENV}; start it or set TEST_REDIS_URL.`);
}
