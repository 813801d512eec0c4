/**
 * The flake, checked offline with nix-bin: every .nix file parses, and `nix flake check
 * --no-build` passes against nix/stub-nixpkgs, a stand-in for nixpkgs. That is a structural
 * check of our expressions (they evaluate, call nixpkgs by names the stand-in knows, the module
 * typechecks and its assertions hold), not a claim that the package or the image builds: that
 * needs the real nixpkgs (see nix/stub-nixpkgs/flake.nix). Also: the image and the module expose
 * every variable server/config.ts reads.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { SHUTDOWN_DEADLINE_MS } from '../../server/config.js';
import { configVariables, flakeCopy, flakeFeatures, nixEvalJson, nixFiles, nixOptions, repoRoot, requireNix, run } from './nix.js';

let flake: ReturnType<typeof flakeCopy>;

beforeAll(() => {
  flake = flakeCopy();
});
// each test fails, saying how to install it, when nix-bin is missing
beforeEach(() => requireNix());
afterAll(() => flake?.dispose());

/** `nix <args>` on the copied flake, with nixpkgs overridden by the stand-in. */
function nixFlake(args: string[], timeoutMs = 180_000) {
  return run(
    'nix',
    [
      ...flakeFeatures,
      ...nixOptions(),
      ...args,
      '--no-write-lock-file',
      '--override-input',
      'nixpkgs',
      `path:${join(flake.dir, 'nix/stub-nixpkgs')}`,
    ],
    { cwd: flake.dir, timeoutMs },
  );
}

const systems = ['x86_64-linux', 'aarch64-linux', 'x86_64-darwin', 'aarch64-darwin'];

describe('flake.nix', () => {
  test('every .nix file parses', () => {
    const files = nixFiles();
    expect(files).toEqual(expect.arrayContaining(['flake.nix', 'nix/package.nix', 'nix/module.nix', 'nix/npm-lock.nix']));
    for (const file of files) run('nix-instantiate', ['--parse', file]);
  });

  test('flake.lock pins nixpkgs to a full revision of a supported branch', () => {
    const lock = JSON.parse(readFileSync(join(repoRoot, 'flake.lock'), 'utf8'));
    const nixpkgs = lock.nodes[lock.nodes[lock.root].inputs.nixpkgs];
    expect(lock.version).toBe(7);
    expect(nixpkgs.original).toMatchObject({ type: 'github', owner: 'NixOS', repo: 'nixpkgs' });
    expect(['nixos-unstable', 'nixos-26.05']).toContain(nixpkgs.original.ref);
    expect(nixpkgs.locked.rev).toMatch(/^[0-9a-f]{40}$/);
    expect(nixpkgs.locked.narHash).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
    expect(readFileSync(join(repoRoot, 'flake.nix'), 'utf8')).toContain(`github:NixOS/nixpkgs/${nixpkgs.original.ref}`);
    // the README names the pin
    expect(readFileSync(join(repoRoot, 'README.md'), 'utf8')).toContain(nixpkgs.locked.rev);
  });

  test(
    'nix flake check --no-build passes against the nixpkgs stand-in',
    () => {
      const { stderr } = nixFlake(['flake', 'check', '--no-build', `path:${flake.dir}`]);
      expect(stderr).not.toMatch(/unknown flake output/);
    },
    240_000,
  );

  test(
    'the outputs Nix 2.8 does not check evaluate too: formatter and overlay, for every system',
    () => {
      const formatters = JSON.parse(
        nixFlake(['eval', '--json', `path:${flake.dir}#formatter`, '--apply', 'builtins.mapAttrs (_: f: f.drvPath)']).stdout,
      );
      expect(Object.keys(formatters).sort()).toEqual([...systems].sort());
      for (const system of systems) expect(formatters[system]).toMatch(/\.drv$/);

      // the overlay, applied to the stand-in's package set
      const stub = `(builtins.getFlake "path:${join(flake.dir, 'nix/stub-nixpkgs')}").legacyPackages`;
      const apply = `overlays: builtins.mapAttrs (system: pkgs: (overlays.default pkgs pkgs).lectern.drvPath) ${stub}`;
      const overlaid = JSON.parse(nixFlake(['eval', '--impure', '--json', `path:${flake.dir}#overlays`, '--apply', apply]).stdout);
      for (const system of systems) expect(overlaid[system]).toMatch(/-lectern-.*\.drv$/);
    },
    240_000,
  );

  test(
    'the package runs nodejs-slim, names its program, and the image gets its own node_modules layer',
    () => {
      const expr = `packages: let lectern = packages.x86_64-linux.default; in {
          mainProgram = lectern.meta.mainProgram;
          runtimeNode = lectern.passthru.nodejs.outPath;
          nodeModules = lectern.passthru.nodeModules.outPath;
          tarballs = builtins.length lectern.passthru.lockEntries;
          imageEntrypoint = packages.x86_64-linux.image.imageConfig.Entrypoint;
          darwinPackages = builtins.attrNames packages.aarch64-darwin;
        }`;
      const out = JSON.parse(nixFlake(['eval', '--json', `path:${flake.dir}#packages`, '--apply', expr]).stdout);
      expect(out.mainProgram).toBe('lectern');
      expect(out.runtimeNode).toMatch(/^\/nix\/store\//);
      expect(out.nodeModules).toMatch(/-lectern-node-modules-/);
      expect(out.tarballs).toBeGreaterThan(50);
      expect(out.imageEntrypoint.at(-1)).toMatch(/\/bin\/lectern$/);
      expect(out.darwinPackages.sort()).toEqual(['default', 'lectern']);
    },
    240_000,
  );
});

describe('the NixOS VM test', () => {
  test(
    'has a server, an embedded-database node and a phone, and its Python script uses only what the driver has',
    () => {
      const expr = `checks: let vm = checks.x86_64-linux.vm; in { nodes = builtins.attrNames vm.nodes; inherit (vm) testScript; }`;
      const vm = JSON.parse(nixFlake(['eval', '--json', `path:${flake.dir}#checks`, '--apply', expr]).stdout) as { nodes: string[]; testScript: string };
      expect(vm.nodes.sort()).toEqual(['embedded', 'phone', 'server']);
      const checked = spawnSync('python3', [join(repoRoot, 'tests/nix/check-test-script.py'), vm.nodes.join(',')], { input: vm.testScript, encoding: 'utf8' });
      expect(checked.stderr).toBe('');
      expect(checked.status).toBe(0);
      // what a user does: a phone over the LAN, a websocket, a slide change, restarts
      expect(vm.testScript).toMatch(/phone\.succeed\(f"node .*phone\.cjs http:\/\/\{host\}/);
      expect(vm.testScript).toMatch(/systemctl\("restart lectern\.service"\)/);
    },
    240_000,
  );

  test('the script checker refuses a misspelt driver method or an undefined name', () => {
    for (const script of ['server.wait_for_unt("x")', 'serve.succeed("true")']) {
      const checked = spawnSync('python3', [join(repoRoot, 'tests/nix/check-test-script.py'), 'server'], { input: script, encoding: 'utf8' });
      expect(checked.status, script).toBe(1);
    }
  });
});

describe('configuration: every variable server/config.ts reads', () => {
  const variables = configVariables();

  test('is in the image Env', () => {
    const env = JSON.parse(
      nixFlake(['eval', '--json', `path:${flake.dir}#packages.x86_64-linux.image.imageConfig.Env`]).stdout,
    ) as string[];
    const names = env.map((line) => line.split('=')[0]);
    for (const variable of variables) expect(names, `image Env lacks ${variable}`).toContain(variable);
  }, 240_000);

  test('reaches the service from the module: typed options, settings, database.createLocally', () => {
    const stub = './nix/stub-nixpkgs';
    const evalModule = (lectern: string) => `
      let
        lib = import ${stub}/lib.nix;
        pkgs = import ${stub}/pkgs.nix { inherit lib; system = "x86_64-linux"; };
        modules = import ${stub}/modules.nix { inherit lib; };
        self.packages.x86_64-linux.default = pkgs.stdenv.mkDerivation { pname = "lectern"; version = "0"; src = null; meta.mainProgram = "lectern"; };
        result = modules.evalModule {
          module = import ./nix/module.nix { inherit self; };
          definitions.services.lectern = ${lectern};
          inherit pkgs;
        };
        service = result.config.systemd.services.lectern;
      in {
        inherit (service) environment;
        execStart = service.serviceConfig.ExecStart;
        environmentFile = service.serviceConfig.EnvironmentFile;
        postgresql = result.config.services.postgresql or null;
        firewall = result.config.networking.firewall.allowedTCPPorts or [ ];
        dynamicUser = service.serviceConfig.DynamicUser;
        user = service.serviceConfig.User;
        mdwe = service.serviceConfig.MemoryDenyWriteExecute;
        loadCredential = service.serviceConfig.LoadCredential;
        procSubset = service.serviceConfig.ProcSubset;
        families = service.serviceConfig.RestrictAddressFamilies;
        timeoutStopSec = service.serviceConfig.TimeoutStopSec;
      }`;
    const typed = ['PORT', 'HOST', 'PUBLIC_URL', 'DATABASE_URL', 'DATA_DIR', 'LOG_LEVEL', 'WATCH_DECKS'];
    const others = variables.filter((v) => !typed.includes(v));
    const settings = others.map((v) => `${v} = "from-settings";`).join(' ');

    const withUrl = nixEvalJson<{ environment: Record<string, string>; execStart: string; environmentFile: string[]; firewall: number[] }>(
      evalModule(`{
        enable = true; port = 8080; host = "127.0.0.1"; publicUrl = "https://talks.example.org";
        database.url = "postgresql://db.lan/lectern"; logLevel = "debug"; watchDecks = false;
        openFirewall = true; environmentFile = "/run/secrets/lectern.env";
        decks = [ "/srv/talks/a.md" "/srv/talks/b.md" ];
        settings = { ${settings} };
      }`),
    );
    for (const variable of variables) expect(Object.keys(withUrl.environment), `module does not set ${variable}`).toContain(variable);
    expect(withUrl.environment).toMatchObject({
      PORT: '8080',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'https://talks.example.org',
      DATABASE_URL: 'postgresql://db.lan/lectern',
      DATA_DIR: '/var/lib/lectern',
      LOG_LEVEL: 'debug',
      WATCH_DECKS: '0',
    });
    for (const variable of others) expect(withUrl.environment[variable]).toBe('from-settings');
    expect(withUrl.execStart).toMatch(/\/bin\/lectern' '\/srv\/talks\/a\.md' '\/srv\/talks\/b\.md'$/);
    expect(withUrl.environmentFile).toEqual(['/run/secrets/lectern.env']);
    expect(withUrl.firewall).toEqual([8080]);

    // secrets stay out of the store: the key file reaches the service as a systemd credential
    const hardened = nixEvalJson<{ loadCredential: string[]; procSubset: string; families: string[]; timeoutStopSec: number; environment: Record<string, string> }>(
      evalModule('{ enable = true; presenterKeyFile = "/run/secrets/lectern-key"; }'),
    );
    expect(hardened.loadCredential).toEqual(['presenter-key:/run/secrets/lectern-key']);
    // keys per talk: a keys file and key files by talk slug, each its own credential
    const perTalk = nixEvalJson<{ loadCredential: string[] }>(
      evalModule(`{ enable = true; keysFile = "/run/secrets/keys"; presenterKeyFiles.my-talk = "/run/secrets/p"; moderatorKeyFiles.my-talk = "/run/secrets/m"; }`),
    );
    expect(perTalk.loadCredential).toEqual(['keys:/run/secrets/keys', 'presenter-key-my-talk:/run/secrets/p', 'moderator-key-my-talk:/run/secrets/m']);
    const badSlug = run('nix-instantiate', [...nixOptions(), '--eval', '--strict', '--json', '-E', evalModule('{ enable = true; moderatorKeyFiles."My Talk" = "/run/secrets/m"; }')], { check: false });
    expect(badSlug.status).not.toBe(0);
    expect(badSlug.stderr).toMatch(/must be talk slugs/);
    const storePath = run('nix-instantiate', [...nixOptions(), '--eval', '--strict', '--json', '-E', evalModule('{ enable = true; moderatorKeyFiles.a = ./key; }')], { check: false });
    expect(storePath.status, 'a Nix path would copy the key into the store').not.toBe(0);
    expect(hardened.environment).not.toHaveProperty('PRESENTER_KEY');
    expect(hardened.procSubset).toBe('pid');
    // os.networkInterfaces() lists interfaces over netlink (the startup banner's LAN address)
    expect(hardened.families).toEqual(expect.arrayContaining(['AF_INET', 'AF_INET6', 'AF_UNIX', 'AF_NETLINK']));
    expect(hardened.timeoutStopSec * 1000).toBeGreaterThan(SHUTDOWN_DEADLINE_MS);
    for (const literal of ['environmentFile = ./secrets.env;', 'presenterKeyFile = ./key;']) {
      const refused = run('nix-instantiate', [...nixOptions(), '--eval', '--strict', '--json', '-E', evalModule(`{ enable = true; ${literal} }`)], { check: false });
      expect(refused.status, `${literal} must be refused: a Nix path would copy the secret into the store`).not.toBe(0);
      expect(refused.stderr).toMatch(/is not a nullOr strMatching/);
    }

    const local = nixEvalJson<{
      environment: Record<string, string>;
      postgresql: { enable: boolean; ensureDatabases: string[]; ensureUsers: { name: string; ensureDBOwnership: boolean }[] };
      dynamicUser: boolean;
      user: string;
      mdwe: boolean;
    }>(evalModule('{ enable = true; database.createLocally = true; }'));
    expect(local.environment.DATABASE_URL).toBe('postgresql:///lectern?host=/run/postgresql');
    expect(local.postgresql).toMatchObject({ enable: true, ensureDatabases: ['lectern'], ensureUsers: [{ name: 'lectern', ensureDBOwnership: true }] });
    // peer authentication maps the dynamic user's fixed name to the role ensureUsers creates
    expect([local.dynamicUser, local.user]).toEqual([true, 'lectern']);
    expect(local.mdwe).toBe(false);

    const both = run('nix-instantiate', [...nixOptions(), '--eval', '--strict', '--json', '-E',
      evalModule('{ enable = true; database.createLocally = true; database.url = "postgresql://x/y"; }')], { check: false });
    expect(both.status).not.toBe(0);
    expect(both.stderr).toMatch(/createLocally or database\.url, not both/);
  });
});
