import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverProcess } from '../helpers/process-server.js';

/** Runs `tsx server/main.ts` like `npm start` does and collects how it ended. */
function start(args: string[], env: Record<string, string> = {}, ms = 20_000) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = serverProcess(args, { PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: join(tmpdir(), 'lectern-never'), ...env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code) => (clearTimeout(timer), resolve({ code, stderr, stdout })));
  });
}

describe('startup refusals', () => {
  it('names a missing deck file and exits non-zero', async () => {
    const r = await start(['/nonexistent/talk.md']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('/nonexistent/talk.md');
  });

  it('names an unreadable deck file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-'));
    const file = join(dir, 'secret.md');
    await writeFile(file, '# hi');
    await chmod(file, 0o000);
    const r = await start([dir]); // a folder is not a deck either
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(dir);
  });

  it('refuses a deck with no slides', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-'));
    const file = join(dir, 'empty.md');
    await writeFile(file, '---\ntitle: Nothing\n---\n\n   \n---\n\n');
    const r = await start([file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('empty.md');
    expect(r.stderr.toLowerCase()).toContain('no slides');
  });

  it('says clearly when DATABASE_URL points at nothing', async () => {
    const r = await start(['tests/fixtures/decks/basic.md'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/lectern' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/could not reach the database/i);
    expect(r.stderr).toContain('127.0.0.1:1');
  });

  it('refuses bad configuration naming the variable', async () => {
    const r = await start([], { PORT: 'eighty' });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('PORT');
  });

  it('starts, prints the presenter URL with a generated key, and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lectern-data-'));
    const child = serverProcess(['tests/fixtures/decks/basic.md'], { PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PRESENTER_KEY: '' });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 30_000);
      child.stdout.on('data', (d) => {
        out += d;
        if (/present#key=\S{20,}/.test(out)) (clearTimeout(timer), resolve());
      });
    });
    const url = /audience\s+(http:\/\/\S+)\/basic/.exec(out)?.[1];
    expect(url).toBeTruthy();
    const port = /:(\d+)$/.exec(url!)?.[1];
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
