# The package set of the stand-in (see flake.nix here): every function returns a derivation that
# is never built; its `stub` attribute is its arguments as JSON, so instantiating it evaluates
# them all (and the fixed-output derivation of every npm tarball with them).
{ lib, system }:
let
  inherit (builtins)
    all
    attrNames
    attrValues
    functionArgs
    hasAttr
    intersectAttrs
    isAttrs
    isFunction
    isList
    isPath
    map
    mapAttrs
    match
    toJSON
    ;

  isLinux = match ".*-linux" system != null;
  platform = {
    inherit system isLinux;
    isDarwin = !isLinux;
  };

  # arguments -> JSON-able: functions become a marker, derivations their output path
  clean =
    v:
    if isFunction v then
      "<function>"
    else if isAttrs v && (v ? outPath) then
      "${v}"
    else if isAttrs v then
      mapAttrs (_: clean) (removeAttrs v [ "__functor" ])
    else if isList v then
      map clean v
    else
      v;

  mkStub =
    name: args:
    let
      drv = derivation {
        inherit name system;
        builder = "/bin/sh";
        args = [
          "-c"
          "echo 'nix/stub-nixpkgs is for evaluation only; build with the real nixpkgs' >&2; exit 1"
        ];
        stub = toJSON (clean args);
      };
    in
    drv
    // (args.passthru or { })
    // {
      passthru = args.passthru or { };
      meta = args.meta or { };
      version = args.version or "";
      pname = args.pname or name;
      override = newArgs: mkStub name (args // newArgs);
    };

  tool =
    name: extra:
    mkStub name { meta.mainProgram = name; } // extra;

  require =
    what: args: names:
    let
      missing = builtins.filter (n: !(hasAttr n args)) names;
    in
    if missing == [ ] then
      args
    else
      throw "${what} (stand-in): missing ${builtins.concatStringsSep ", " missing}";

  self = {
    inherit lib;
    stdenv = {
      hostPlatform = platform;
      buildPlatform = platform;
      mkDerivation =
        args:
        mkStub "${args.pname}-${args.version}" (
          require "stdenv.mkDerivation" args [
            "pname"
            "version"
            "src"
          ]
        );
    };

    callPackage =
      fn: overrides:
      let
        f = if isPath fn then import fn else fn;
      in
      f (intersectAttrs (functionArgs f) self // overrides);

    nodejs_22 = tool "node" {
      version = "22";
      python = tool "python3" { };
    };
    nodejs-slim_22 = tool "node" { version = "22"; };
    bash = tool "bash" { };
    coreutils = tool "coreutils" { };
    cacert = tool "cacert" { };
    jq = tool "jq" { };
    curl = tool "curl" { };
    tini = tool "tini" { };
    makeBinaryWrapper = tool "make-binary-wrapper-hook" { };
    postgresql_16 = tool "postgres" { };
    nixfmt = tool "nixfmt" { };
    nixfmt-tree = tool "treefmt" { };

    mkShell = args: mkStub "nix-shell" args;

    # importNpmLock as nixpkgs has it (package, packageLock, packageSourceOverrides keyed by lock
    # path): the lock's entries get `resolved = "file:<override>"`, and package.json's
    # dependencies point at those, so each one must have a tarball.
    importNpmLock = {
      npmConfigHook = tool "npm-config-hook" { };
      __functor =
        _:
        {
          package,
          packageLock,
          packageSourceOverrides ? { },
          pname ? package.name or "unknown",
          version ? package.version or "0.0.0",
          ...
        }:
        let
          unknown = builtins.filter (path: !(hasAttr path packageLock.packages)) (
            attrNames packageSourceOverrides
          );
          notTarballs = builtins.filter (drv: match ".*\\.tgz" drv.name == null) (
            attrValues packageSourceOverrides
          );
          packages = mapAttrs (
            path: entry:
            removeAttrs entry [
              "link"
              "funding"
            ]
            // (
              if hasAttr path packageSourceOverrides then
                { resolved = "file:${packageSourceOverrides.${path}}"; }
              else
                { }
            )
          ) packageLock.packages;
          pointAtTarballs = mapAttrs (
            name: _:
            packages."node_modules/${name}".resolved
              or (throw "importNpmLock (stand-in): package.json names ${name}, but no tarball stands for node_modules/${name}")
          );
          package' =
            package
            // (if package ? dependencies then { dependencies = pointAtTarballs package.dependencies; } else { })
            // (
              if package ? devDependencies then
                { devDependencies = pointAtTarballs package.devDependencies; }
              else
                { }
            );
        in
        if unknown != [ ] then
          throw "importNpmLock (stand-in): overrides for paths not in the lock: ${toString unknown}"
        else if notTarballs != [ ] then
          throw "importNpmLock (stand-in): npm needs a .tgz name: ${toString (map (d: d.name) notTarballs)}"
        else
          mkStub "${pname}-${version}-sources" {
            package = toJSON package';
            packageLock = toJSON (packageLock // { inherit packages; });
          };
    };

    buildNpmPackage =
      args:
      mkStub "${args.pname}-${args.version}" (
        require "buildNpmPackage" args [
          "pname"
          "version"
          "src"
          "npmDeps"
          "nodejs"
        ]
      );

    dockerTools = {
      caCertificates = tool "ca-certificates" { };
      fakeNss = tool "fake-nss" { };
      streamLayeredImage =
        args:
        let
          checked = require "dockerTools.streamLayeredImage" args [
            "name"
            "tag"
            "config"
          ];
          config = require "dockerTools.streamLayeredImage config" args.config [
            "Entrypoint"
            "Env"
            "User"
          ];
        in
        assert all builtins.isString config.Env;
        mkStub "stream-${args.name}" checked
        // {
          imageName = args.name;
          imageTag = args.tag;
          imageConfig = args.config;
        };
    };

    testers.runNixOSTest =
      args:
      let
        checked = require "testers.runNixOSTest" args [
          "name"
          "nodes"
          "testScript"
        ];
        modules = import ./modules.nix { inherit lib; };
        # each node: its own definitions, and those its imported modules declare options for
        evalNode =
          node:
          let
            definitions = node { pkgs = self; };
          in
          map (
            module:
            modules.evalModule {
              inherit module definitions;
              pkgs = self;
            }
          ) (definitions.imports or [ ]);
      in
      mkStub "vm-test-run-${args.name}" (
        checked
        // {
          nodes = mapAttrs (_: evalNode) args.nodes;
        }
      );
  };
in
self
