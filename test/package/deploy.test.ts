import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

/**
 * This machine has the docker client but no daemon and no compose plugin: images are not built
 * here. What can be checked is: the compose file's structure, the Dockerfile's stages and that what
 * it copies exists and is not ignored, the image's command line and health check run outside a
 * container, and the systemd units (systemd-analyze verify).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

describe('docker-compose.yml', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, Record<string, unknown> & { environment?: Record<string, string>; volumes?: string[]; command?: string[] }>;
    volumes: Record<string, unknown>;
  };
  const KEYS = new Set(['build', 'image', 'restart', 'environment', 'volumes', 'depends_on', 'command', 'ports', 'deploy', 'healthcheck']);

  it('runs PostgreSQL, two workers and one web process from the same image', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['postgres', 'web', 'worker']);
    expect(compose.services.worker!.command).toEqual(['worker']);
    expect(compose.services.worker!.deploy).toEqual({ replicas: 2 });
    expect(compose.services.web!.command).toEqual(['web']);
    expect(compose.services.web!.ports).toEqual(['8080:8080']);
    expect(compose.services.web!.image).toBe(compose.services.worker!.image);
  });

  it('uses only keys of the Compose specification, and only declared volumes', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const key of Object.keys(service)) expect(KEYS.has(key), `${name}.${key}`).toBe(true);
      for (const v of service.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes, `${name}: ${v}`).toHaveProperty(source);
      }
    }
  });

  it('gives web and workers the PostgreSQL service and one media volume', () => {
    for (const name of ['web', 'worker']) {
      const s = compose.services[name]!;
      expect(s.environment!.DATABASE_URL, name).toMatch(/^postgres:\/\/transwire:.*@postgres:5432\/transwire$/);
      expect(s.volumes, name).toContain('media:/var/lib/transwire/media');
      expect(s.depends_on, name).toEqual({ postgres: { condition: 'service_healthy' } });
    }
    expect(parse(read('deploy/docker.yaml')).media.dir).toBe('/var/lib/transwire/media');
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const ignored = read('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

  it('builds in one stage and runs in another: production dependencies, dist/, Apertium, a non-root user, a health check', () => {
    expect(stages).toHaveLength(2);
    const runtime = stages[1]!;
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/COPY --from=build \/app\/dist dist/);
    expect(runtime).toMatch(/apt-get install[^\n]*apertium apertium-eng-spa/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
    expect(runtime).not.toMatch(/COPY src /);
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) => m[1]!.trim().split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const s of sources) {
      expect(existsSync(join(ROOT, s)), s).toBe(true);
      expect(ignored.some((i) => s === i || s.startsWith(`${i}/`)), `${s} is in .dockerignore`).toBe(false);
    }
  });

  it("the image's command line serves the site outside a container, and its health check passes", { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'transwire-docker-'));
    const config = join(dir, 'docker.yaml');
    // PGlite in memory: the entry point is under test here, not a first initdb on a loaded machine.
    writeFileSync(config, read('deploy/docker.yaml').replace('/var/lib/transwire/db', 'memory://').replaceAll('/var/lib/transwire', dir));
    copyFileSync(join(ROOT, 'transwire.example.yaml'), join(dir, 'example.yaml'));
    const db = onPostgres ? await createTestDatabase() : null;
    // ENTRYPOINT ["tini", "--", "node", "bin/transwire.js", "--config", …] CMD ["web"]
    const entry = JSON.parse(/^ENTRYPOINT (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
    expect(entry.slice(0, 4)).toEqual(['tini', '--', 'node', 'bin/transwire.js']);
    const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', ...(db ? { DATABASE_URL: db.url } : {}) };
    const child = spawn(process.execPath, [join(ROOT, entry[3]!), '--config', config, 'web'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const url = await waitFor(`the web process (${out})`, async () => /site at (http:\/\/[^/\s]+)\//.exec(out)?.[1], 480_000);
      const check = JSON.parse(/HEALTHCHECK[^\n]*\n\s*CMD (\[.*\])$/m.exec(dockerfile)![1]!) as string[];
      const port = new URL(url).port;
      const health = await run(process.execPath, check.slice(1), { env: { ...process.env, PORT: port } }).then(() => 0, (e: { code?: number }) => e.code ?? 1);
      expect(health).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db?.drop();
    }
  });
});

describe('systemd units', () => {
  it.each(['transwire.service', 'transwire-web.service', 'transwire-worker@.service'])('%s passes systemd-analyze verify', async (unit) => {
    const dir = mkdtempSync(join(tmpdir(), 'transwire-units-'));
    // A template is verified as an instance of it.
    const name = unit.replace('@.service', '@1.service');
    copyFileSync(join(ROOT, 'deploy', unit), join(dir, name));
    const verified = await run('systemd-analyze', ['verify', join(dir, name)]).then(
      (r) => ({ code: 0, stderr: r.stderr }),
      (e: NodeJS.ErrnoException & { stderr?: string; code?: number | string }) => {
        if (e.code === 'ENOENT') throw new Error('systemd-analyze is missing: apt-get install -y systemd');
        return { code: e.code, stderr: e.stderr ?? '' };
      },
    );
    expect(verified).toEqual({ code: 0, stderr: '' });
    expect(read(`deploy/${unit}`)).toMatch(/^User=transwire$/m);
  });
});
