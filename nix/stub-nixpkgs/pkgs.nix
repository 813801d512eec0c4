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

  # Like a real derivation, the result carries the attributes it was made with (`lectern.src`,
  # `lectern.installPhase` …), so tests/nix can read the phases nixpkgs would run.
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
    removeAttrs args [ "args" "builder" "system" ]
    // drv
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

  # The real function's formal arguments (no `...`): nixpkgs refuses any other name, and so does
  # this. Each list below was read from the nixpkgs source named beside it.
  exactly =
    what: allowed: args:
    let
      unknown = builtins.filter (n: !(builtins.elem n allowed)) (attrNames args);
    in
    if unknown == [ ] then
      args
    else
      throw "${what} (stand-in): unexpected argument ${builtins.concatStringsSep ", " unknown}; it takes ${builtins.concatStringsSep ", " allowed}";

  # the variables that the setup hooks among a derivation's inputs read from it
  hookVariables =
    args: builtins.concatMap (input: input.hookVariables or [ ]) (args.nativeBuildInputs or [ ]);

  # stdenv.mkDerivation takes `...` and turns unknown attributes into environment variables, so
  # a misspelt phase or flag (`dontPatchShebang`) is silently ignored by nixpkgs. The stand-in is
  # stricter than nixpkgs here: it knows the attributes stdenv's setup.sh and make-derivation.nix
  # read (pkgs/stdenv/generic/{make-derivation.nix,setup.sh}) and refuses the rest.
  mkDerivationAttributes =
    let
      phases = [
        "unpack"
        "patch"
        "configure"
        "build"
        "check"
        "install"
        "fixup"
        "installCheck"
        "dist"
      ];
      hooks = builtins.concatMap (p: [
        "pre${upper p}"
        "post${upper p}"
        "${p}Phase"
        "dont${upper p}"
      ]) phases;
      upper = str: lib.toUpper (builtins.substring 0 1 str) + builtins.substring 1 (-1) str;
    in
    hooks
    ++ [
      "name"
      "pname"
      "version"
      "src"
      "srcs"
      "sourceRoot"
      "setSourceRoot"
      "patches"
      "patchFlags"
      "nativeBuildInputs"
      "buildInputs"
      "propagatedBuildInputs"
      "propagatedNativeBuildInputs"
      "nativeCheckInputs"
      "checkInputs"
      "nativeInstallCheckInputs"
      "installCheckInputs"
      "depsBuildBuild"
      "depsHostHost"
      "depsTargetTarget"
      "strictDeps"
      "env"
      "passthru"
      "meta"
      "outputs"
      "phases"
      "doCheck"
      "doInstallCheck"
      "dontStrip"
      "dontPatchShebangs"
      "dontPatchELF"
      "dontMoveSbin"
      "makeFlags"
      "buildFlags"
      "checkFlags"
      "installFlags"
      "configureFlags"
      "checkTarget"
      "installTargets"
      "buildCommand"
      "passAsFile"
      "__structuredAttrs"
      "allowedReferences"
      "allowedRequisites"
      "disallowedReferences"
      "disallowedRequisites"
      "preferLocalBuild"
      "allowSubstitutes"
      "enableParallelBuilding"
      "separateDebugInfo"
      "shellHook"
      "finalAttrs"
    ];

  self = {
    inherit lib;
    stdenv = {
      hostPlatform = platform;
      buildPlatform = platform;
      mkDerivation =
        args:
        mkStub "${args.pname}-${args.version}" (
          exactly "stdenv.mkDerivation" (mkDerivationAttributes ++ hookVariables args) (
            require "stdenv.mkDerivation" args [
              "pname"
              "version"
              "src"
            ]
          )
        );
    };

    callPackage =
      fn: overrides:
      let
        f = if isPath fn then import fn else fn;
        wanted = functionArgs f;
        unknown = builtins.filter (n: !(hasAttr n self) && !(hasAttr n overrides) && !wanted.${n}) (
          attrNames wanted
        );
      in
      if unknown != [ ] then
        throw "callPackage (stand-in): no package ${builtins.concatStringsSep ", " unknown} in the stand-in for nixpkgs"
      else
        f (intersectAttrs wanted self // overrides);

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

    # pkgs/build-support/mkshell/default.nix: its own arguments, the rest goes to mkDerivation
    # pkgs/build-support/trivial-builders: writeText NAME TEXT
    writeText = name: text: mkStub name { inherit text; };

    mkShell =
      args:
      mkStub "nix-shell" (
        exactly "mkShell" (
          [
            "name"
            "packages"
            "inputsFrom"
            "buildInputs"
            "nativeBuildInputs"
            "propagatedBuildInputs"
            "propagatedNativeBuildInputs"
            "shellHook"
          ]
          ++ mkDerivationAttributes
        ) args
      );

    # pkgs/build-support/node/import-npm-lock/default.nix, transcribed: the lock's entries get
    # `resolved = "file:<source>"` (an override, or a fetch of a URL `resolved`), `link` and
    # `funding` go, `latest`/GitHub constraints become the locked version, and package.json's
    # dependencies point at the root entries' `resolved`. Fetching is not available here: an entry
    # with a URL and no override is an error.
    importNpmLock = {
      # import-npm-lock/hooks/npm-config-hook.sh reads these from the derivation
      npmConfigHook = tool "npm-config-hook" {
        hookVariables = [
          "npmDeps"
          "npmRoot"
          "npmFlags"
          "npmInstallFlags"
          "npmRebuildFlags"
        ];
      };
      __functor =
        _: args:
        let
          checked = exactly "importNpmLock" [
            "fetcherOpts"
            "npmRoot"
            "package"
            "packageLock"
            "packageSourceOverrides"
            "pname"
            "version"
          ] args;
          npmRoot = checked.npmRoot or null;
          package = checked.package or (builtins.fromJSON (builtins.readFile (npmRoot + "/package.json")));
          packageLock =
            checked.packageLock or (builtins.fromJSON (builtins.readFile (npmRoot + "/package-lock.json")));
          packageSourceOverrides = checked.packageSourceOverrides or { };
          version = checked.version or (package.version or "0.0.0");
          pname = package.name or "unknown";

          fetchModule =
            module:
            if module ? resolved && module.resolved != null then
              if match "(.+)://(.+)" module.resolved == null then
                {
                  outPath = npmRoot + "/${module.resolved}";
                }
              else
                throw "importNpmLock (stand-in): ${module.resolved} would be fetched; the stand-in fetches nothing"
            else
              null;
          matchGitHubReference = match "github(.com)?:.+";
          mapLockDependencies = mapAttrs (
            name: version:
            if version == "latest" || matchGitHubReference version != null then
              packageLock'.packages."node_modules/${name}".version
            else
              version
          );
          packageLock' = packageLock // {
            packages = mapAttrs (
              modulePath: module:
              let
                src = packageSourceOverrides.${modulePath} or (fetchModule module);
              in
              removeAttrs module [
                "link"
                "funding"
              ]
              // lib.optionalAttrs (src != null) { resolved = "file:${src}"; }
              // lib.optionalAttrs (module ? dependencies) {
                dependencies = mapLockDependencies module.dependencies;
              }
              // lib.optionalAttrs (module ? optionalDependencies) {
                optionalDependencies = mapLockDependencies module.optionalDependencies;
              }
            ) packageLock.packages;
          };
          mapPackageDependencies = mapAttrs (name: _: packageLock'.packages."node_modules/${name}".resolved);
          packageJSON' =
            package
            // lib.optionalAttrs (package ? dependencies) {
              dependencies = mapPackageDependencies package.dependencies;
            }
            // lib.optionalAttrs (package ? devDependencies) {
              devDependencies = mapPackageDependencies package.devDependencies;
            };
          unknown = builtins.filter (path: !(hasAttr path packageLock.packages)) (
            attrNames packageSourceOverrides
          );
          notTarballs = builtins.filter (drv: match ".*\\.tgz" drv.name == null) (
            attrValues packageSourceOverrides
          );
        in
        # npm would fail later with a less helpful message; nixpkgs ignores an unknown path
        if unknown != [ ] then
          throw "importNpmLock (stand-in): overrides for paths not in the lock: ${toString unknown}"
        else if notTarballs != [ ] then
          throw "importNpmLock (stand-in): npm needs a .tgz name: ${toString (map (d: d.name) notTarballs)}"
        else
          mkStub "${pname}-${version}-sources" {
            inherit pname version;
            package = toJSON packageJSON';
            packageLock = toJSON packageLock';
          };
    };

    # pkgs/build-support/node/build-npm-package/default.nix: its named arguments, the rest goes to
    # stdenv.mkDerivation
    buildNpmPackage =
      args:
      mkStub "${args.pname}-${args.version}" (
        exactly "buildNpmPackage" (
          [
            "forceEmptyCache"
            "forceGitDeps"
            "makeCacheWritable"
            "nodejs"
            "npmBuildFlags"
            "npmBuildHook"
            "npmBuildScript"
            "npmConfigHook"
            "npmDeps"
            "npmDepsFetcherVersion"
            "npmDepsHash"
            "npmFlags"
            "npmInstallFlags"
            "npmInstallHook"
            "npmPackFlags"
            "npmPruneFlags"
            "npmRebuildFlags"
            "npmWorkspace"
            "dontNpmBuild"
            "dontNpmInstall"
            "dontNpmPrune"
          ]
          ++ mkDerivationAttributes
        ) (
          require "buildNpmPackage" args [
            "pname"
            "version"
            "src"
            "npmDeps"
            "nodejs"
          ]
        )
      );

    dockerTools = {
      caCertificates = tool "ca-certificates" { };
      # pkgs/build-support/fake-nss/default.nix (dockerTools.fakeNss is pkgs.fakeNss)
      fakeNss = tool "fake-nss" { } // {
        override =
          args:
          mkStub "fake-nss" (
            exactly "fakeNss.override" [
              "extraPasswdLines"
              "extraGroupLines"
            ] args
          );
      };
      # pkgs/build-support/docker/default.nix
      streamLayeredImage =
        args:
        let
          checked = exactly "dockerTools.streamLayeredImage" [
            "name"
            "tag"
            "fromImage"
            "contents"
            "config"
            "architecture"
            "created"
            "mtime"
            "uid"
            "gid"
            "uname"
            "gname"
            "maxLayers"
            "extraCommands"
            "fakeRootCommands"
            "enableFakechroot"
            "includeStorePaths"
            "includeNixDB"
            "passthru"
            "meta"
            "layeringPipeline"
            "debug"
          ] (require "dockerTools.streamLayeredImage" args [ "name" ]);
          # the OCI image configuration (and Docker's Healthcheck), as the image spec names them
          config =
            exactly "dockerTools.streamLayeredImage config"
              [
                "User"
                "ExposedPorts"
                "Env"
                "Entrypoint"
                "Cmd"
                "Volumes"
                "WorkingDir"
                "Labels"
                "StopSignal"
                "ArgsEscaped"
                "Healthcheck"
              ]
              (
                require "dockerTools.streamLayeredImage config" (args.config or { }) [
                  "Entrypoint"
                  "Env"
                  "User"
                ]
              );
        in
        assert all builtins.isString config.Env;
        mkStub "stream-${args.name}" checked
        // {
          imageName = args.name;
          imageTag = args.tag or null;
          imageConfig = args.config;
        };
    };

    # nixos/lib/testing/*.nix: the test's own options; each node is a NixOS configuration whose
    # options modules.nix checks (services.lectern in full, the rest against their real names)
    testers.runNixOSTest =
      args:
      let
        checked =
          exactly "testers.runNixOSTest"
            [
              "name"
              "nodes"
              "testScript"
              "defaults"
              "node"
              "skipLint"
              "skipTypeCheck"
              "interactive"
              "enableOCR"
              "extraPythonPackages"
              "extraDriverArgs"
              "globalTimeout"
              "meta"
              "passthru"
              "hostPkgs"
              "qemu"
              "sshBackdoor"
              "containers"
              "enableDebugHook"
              "includeTestScriptReferences"
            ]
            (
              require "testers.runNixOSTest" args [
                "name"
                "nodes"
                "testScript"
              ]
            );
        modules = import ./modules.nix { inherit lib; };
        evalNode =
          node:
          modules.evalNixos {
            configuration = node;
            pkgs = self;
          };
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
