# Lectern built with buildNpmPackage. Node 22 (with npm) builds and tests it; the program runs on
# nodejs-slim 22, so npm is not in the runtime closure.
#
# npm dependencies: package-lock.json carries no download URLs (.npmrc sets
# omit-lockfile-registry-resolved), so importNpmLock alone would skip every entry. Each entry npm
# installs on this platform (npm-lock.nix) becomes a fixed-output derivation that runs
# `npm pack name@version` and is checked against the entry's own integrity (npm-pack.nix), and
# importNpmLock's packageSourceOverrides points the lock at those tarballs. No hash to fill in,
# no registry host written down, and no import-from-derivation: package.json and the lock are
# read from the source tree and handed to importNpmLock parsed.
{
  lib,
  stdenv,
  buildNpmPackage,
  importNpmLock,
  nodejs_22,
  nodejs-slim_22,
  makeBinaryWrapper,
  jq,
  bash,
  coreutils,
  cacert,
}:
let
  nodejs = nodejs_22;
  runtimeNode = nodejs-slim_22;

  root = ../.;
  packageJson = builtins.fromJSON (builtins.readFile (root + "/package.json"));
  packageLock = builtins.fromJSON (builtins.readFile (root + "/package-lock.json"));
  inherit (packageJson) version;

  lockEntries = import ./npm-lock.nix {
    lock = packageLock;
    inherit (stdenv.hostPlatform) system;
  };
  npmPack = import ./npm-pack.nix {
    inherit (stdenv.buildPlatform) system;
    shell = "${bash}/bin/bash";
    path = lib.makeBinPath [
      nodejs
      coreutils
    ];
    caFile = "${cacert}/etc/ssl/certs/ca-bundle.crt";
  };
  npmDeps = importNpmLock {
    package = packageJson;
    inherit packageLock;
    packageSourceOverrides = builtins.listToAttrs (
      map (entry: {
        name = entry.path;
        value = npmPack entry;
      }) lockEntries
    );
  };

  # A copy of part of the source tree; `keep` sees paths relative to the repository root.
  rootString = toString root;
  source =
    name: keep:
    builtins.path {
      inherit name;
      path = root;
      filter =
        path: type:
        let
          relative = builtins.substring (builtins.stringLength rootString + 1) 4096 (toString path);
          parts = builtins.filter builtins.isString (builtins.split "/" relative);
        in
        !(builtins.any (part: builtins.elem part [ "node_modules" "dist" "data" ]) parts)
        && keep relative (builtins.head parts) type;
    };

  # npm replaces it with a patched copy and installs from the tarballs; nothing else is read
  manifestSource = source "lectern-npm-manifest" (
    relative: _top: _type:
    builtins.elem relative [
      "package.json"
      "package-lock.json"
      ".npmrc"
    ]
  );

  appSource = source "lectern-source" (
    relative: top: _type:
    builtins.elem top [
      "bin"
      "client"
      "contract"
      "db"
      "decks"
      "scripts"
      "server"
      "tests"
      ".npmrc"
      "package.json"
      "package-lock.json"
      "README.md"
      "tsconfig.json"
      "vite.config.ts"
      "vitest.config.ts"
    ]
  );

  # Build-time paths must not reach the program; this replaces those that patchShebangs and npm
  # wrote and lets the build fail (disallowedReferences) if any other remains.
  dropBuildNode = ''
    { grep -rlF --null ${nodejs} "$out" || true; } | xargs -0 --no-run-if-empty sed -i \
      -e 's|${nodejs}/bin/node|${runtimeNode}/bin/node|g'
  '';

  # Production dependencies alone, in a store path of their own: the image gives it its own
  # layer, and it changes only when package.json or the lock does.
  nodeModules = stdenv.mkDerivation {
    pname = "lectern-node-modules";
    inherit version;
    src = manifestSource;
    inherit npmDeps;
    nativeBuildInputs = [
      nodejs
      importNpmLock.npmConfigHook
    ];
    npmInstallFlags = [ "--omit=dev" ];
    env = {
      npm_config_audit = "false";
      npm_config_fund = "false";
      npm_config_update_notifier = "false";
    };
    dontBuild = true;
    installPhase = ''
      runHook preInstall
      # npm's record of this install names every tarball's store path
      rm -f node_modules/.package-lock.json
      mkdir -p "$out"
      mv node_modules "$out/node_modules"
      runHook postInstall
    '';
    postFixup = dropBuildNode;
    disallowedReferences = [ nodejs ];
  };
in
buildNpmPackage {
  pname = "lectern";
  inherit version nodejs npmDeps;
  src = appSource;
  npmConfigHook = importNpmLock.npmConfigHook;
  npmBuildScript = "build";
  nativeBuildInputs = [
    makeBinaryWrapper
    jq
  ];
  env = {
    npm_config_audit = "false";
    npm_config_fund = "false";
    npm_config_update_notifier = "false";
  };

  # the unit tests: no database server, no browser, no network (vitest.config.ts, project "unit")
  doCheck = true;
  checkPhase = ''
    runHook preCheck
    node_modules/.bin/vitest run --project unit
    runHook postCheck
  '';

  installPhase = ''
    runHook preInstall
    dest="$out/lib/node_modules/lectern"
    mkdir -p "$dest" "$out/bin"
    # what npm would publish (package.json "files"): the server, the built client, the example talk
    npm pack --dry-run --json --ignore-scripts | jq -r '.[0].files[].path' |
      while IFS= read -r file; do install -D -m 0644 "$file" "$dest/$file"; done
    # the manifests as committed, not the copies npm patched with store paths
    cp .package.json.orig "$dest/package.json"
    cp .package-lock.json.orig "$dest/package-lock.json"
    ln -s ${nodeModules}/node_modules "$dest/node_modules"
    # a compiled wrapper: no shell in the closure (buildNpmPackage also brings the shell makeWrapper)
    makeBinaryWrapper ${runtimeNode}/bin/node "$out/bin/lectern" --add-flags "$dest/bin/lectern.js"
    runHook postInstall
  '';
  dontPatchShebangs = true;
  postFixup = dropBuildNode;
  disallowedReferences = [ nodejs ];

  passthru = {
    inherit nodeModules npmDeps lockEntries;
    nodejs = runtimeNode;
  };

  meta = {
    description = "Self-hosted live presentation server: Markdown talks on every phone, live polls, Postgres results";
    license = lib.licenses.mit;
    mainProgram = "lectern";
    platforms = lib.platforms.linux ++ lib.platforms.darwin;
  };
}
