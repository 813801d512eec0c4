/**
 * The stand-in for nixpkgs (nix/stub-nixpkgs) refuses what the real one refuses: each mutation
 * below misspells one argument or option name our Nix files use, and `nix flake check
 * --no-build` against the stand-in must then fail, naming it. Without this, a stand-in that
 * accepts anything would let every typo through to the first real build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { flakeCopy, flakeFeatures, nixOptions, requireNix, run } from './nix.js';

let flake: ReturnType<typeof flakeCopy>;
beforeAll(() => {
  flake = flakeCopy();
});
beforeEach(() => requireNix());
afterAll(() => flake?.dispose());

function flakeCheck() {
  return run(
    'nix',
    [...flakeFeatures, ...nixOptions(), 'flake', 'check', '--no-build', '--no-write-lock-file', '--override-input', 'nixpkgs', `path:${join(flake.dir, 'nix/stub-nixpkgs')}`, `path:${flake.dir}`],
    { cwd: flake.dir, check: false, timeoutMs: 180_000 },
  );
}

/** [where, what it misspells, file, text, replacement, the error that must name it] */
const mutations: [string, string, string, string, string, RegExp][] = [
  ['dockerTools.streamLayeredImage', 'fakeRootCommands', 'nix/image.nix', 'fakeRootCommands =', 'fakeRootCommand =', /streamLayeredImage \(stand-in\): unexpected argument fakeRootCommand\b/],
  ['the image config', 'WorkingDir', 'nix/image.nix', 'WorkingDir =', 'WorkDir =', /config \(stand-in\): unexpected argument WorkDir/],
  ['fakeNss.override', 'extraGroupLines', 'nix/image.nix', 'extraGroupLines =', 'extraGroupLine =', /fakeNss\.override \(stand-in\): unexpected argument extraGroupLine\b/],
  ['importNpmLock', 'packageSourceOverrides', 'nix/package.nix', 'packageSourceOverrides = builtins', 'packageSourceOverride = builtins', /importNpmLock \(stand-in\): unexpected argument packageSourceOverride\b/],
  ['buildNpmPackage', 'npmBuildScript', 'nix/package.nix', 'npmBuildScript = "build"', 'npmBuildScrip = "build"', /buildNpmPackage \(stand-in\): unexpected argument npmBuildScrip\b/],
  ['stdenv.mkDerivation', 'dontBuild', 'nix/package.nix', 'dontBuild = true;', 'dontBiuld = true;', /mkDerivation \(stand-in\): unexpected argument dontBiuld/],
  ['mkShell', 'packages', 'flake.nix', 'packages = [\n              pkgs.nodejs_22', 'package = [\n              pkgs.nodejs_22', /mkShell \(stand-in\): unexpected argument package\b/],
  ['services.postgresql.ensureUsers', 'ensureDBOwnership', 'nix/module.nix', 'ensureDBOwnership = true', 'ensureDBOwnershp = true', /option `config\.services\.postgresql\.ensureUsers\.\*\.ensureDBOwnershp' does not exist/],
  ['services.postgresql', 'ensureDatabases', 'nix/module.nix', 'ensureDatabases = [', 'ensureDatabase = [', /option `config\.services\.postgresql\.ensureDatabase' does not exist/],
  ['systemd.services.<name>', 'wantedBy', 'nix/module.nix', 'wantedBy = [ "multi-user.target" ]', 'wantedby = [ "multi-user.target" ]', /option `config\.systemd\.services\.lectern\.wantedby' does not exist/],
  ['serviceConfig (systemd directives)', 'ProtectKernelLogs', 'nix/module.nix', 'ProtectKernelLogs = true', 'ProtectKernelLog = true', /serviceConfig\.ProtectKernelLog' does not exist/],
  ['networking.firewall', 'allowedTCPPorts', 'nix/module.nix', 'networking.firewall.allowedTCPPorts', 'networking.firewall.allowedTcpPorts', /option `config\.networking\.firewall\.allowedTcpPorts' does not exist/],
  ['services.lectern in the VM test', 'openFirewall', 'nix/vm-test.nix', 'openFirewall = true;\n    };\n    environment.etc', 'openFirewal = true;\n    };\n    environment.etc', /option `config\.services\.lectern\.openFirewal' does not exist/],
  ['environment.etc in the VM test', 'mode', 'nix/vm-test.nix', 'mode = "0400";', 'mod = "0400";', /option `config\.environment\.etc\.lectern\/presenter-key\.mod' does not exist/],
  ['virtualisation in the VM test', 'memorySize', 'nix/vm-test.nix', 'virtualisation.memorySize = 2048;\n  };\nin', 'virtualisation.memorySise = 2048;\n  };\nin', /option `config\.virtualisation\.memorySise' does not exist/],
  ['testers.runNixOSTest', 'testScript', 'nix/vm-test.nix', '  testScript = \'\'', '  testscript = \'\'', /runNixOSTest \(stand-in\): (unexpected argument testscript|missing testScript)/],
];

describe('nix flake check against the stand-in', () => {
  test('passes as committed', () => {
    const result = flakeCheck();
    expect(result.stderr).not.toMatch(/^error/m);
    expect(result.status).toBe(0);
  }, 240_000);

  test.each(mutations)('refuses a misspelt name in %s (%s)', (_where, _name, file, text, replacement, error) => {
    const path = join(flake.dir, file);
    const original = readFileSync(path, 'utf8');
    expect(original.split(text).length - 1, `${file} has "${text}" exactly once`).toBe(1);
    writeFileSync(path, original.replace(text, replacement));
    try {
      const result = flakeCheck();
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(error);
    } finally {
      writeFileSync(path, original);
    }
  }, 240_000);
});
