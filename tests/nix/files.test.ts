/**
 * Files the Nix delivery relies on, read without Nix: package-lock.json has no download URLs
 * (what nix/npm-lock.nix and nix/npm-pack.nix are for), and docker/compose.yaml runs the flake's
 * image with Postgres 16, health checks, volumes and depends_on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { SHUTDOWN_DEADLINE_MS } from '../../server/config.js';
import { repoRoot } from './nix.js';

interface Compose {
  services: Record<string, { image: string; stop_grace_period?: string; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string>; volumes?: string[]; healthcheck?: { test?: string[] }; ports?: string[] }>;
  volumes: Record<string, unknown>;
}

describe('docker/compose.yaml', () => {
  const compose = parse(readFileSync(join(repoRoot, 'docker/compose.yaml'), 'utf8')) as Compose;
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

  test('runs the image `nix build .#image` loads, after Postgres 16 is healthy', () => {
    const { lectern, postgres } = compose.services;
    expect(lectern!.image, 'the image tag is the package version (nix/image.nix)').toBe(`\${LECTERN_IMAGE:-lectern:${version}}`);
    expect(lectern!.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(postgres!.image).toBe('postgres:16');
    expect(postgres!.healthcheck!.test!.join(' ')).toMatch(/pg_isready/);
  });

  test('keeps data in volumes and points Lectern at the database', () => {
    const { lectern, postgres } = compose.services;
    expect(lectern!.volumes).toContain('lectern-data:/var/lib/lectern');
    expect(postgres!.volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(Object.keys(compose.volumes).sort()).toEqual(['lectern-data', 'postgres-data']);
    expect(lectern!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/lectern:.*@postgres:5432\/lectern$/);
    expect(lectern!.environment!.PRESENTER_KEY).toMatch(/:\?/);
  });

  test('gives Lectern longer to stop than its own shutdown deadline before SIGKILL', () => {
    const grace = /^(\d+)s$/.exec(compose.services.lectern!.stop_grace_period ?? '');
    expect(grace, 'stop_grace_period in seconds').not.toBeNull();
    expect(Number(grace![1]) * 1000).toBeGreaterThan(SHUTDOWN_DEADLINE_MS);
  });
});

describe('package-lock.json', () => {
  const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
    lockfileVersion: number;
    packages: Record<string, { resolved?: string; integrity?: string; link?: boolean }>;
  };

  test('holds no download URLs (.npmrc: omit-lockfile-registry-resolved), and an integrity for every package', () => {
    expect(readFileSync(join(repoRoot, '.npmrc'), 'utf8')).toMatch(/^omit-lockfile-registry-resolved=true$/m);
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
    const withUrl = Object.entries(lock.packages).filter(([, entry]) => entry.resolved !== undefined);
    expect(withUrl.map(([path]) => path), 'entries with "resolved"').toEqual([]);
    const noIntegrity = Object.entries(lock.packages).filter(([path, entry]) => path && !entry.link && !entry.integrity);
    expect(noIntegrity.map(([path]) => path), 'entries without integrity').toEqual([]);
  });
});
