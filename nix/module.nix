# NixOS module: services.lectern. flake.nix applies it to the flake (`self`), for the default
# package; the result is `nixosModules.default`.
{ self }:
{
  config,
  lib,
  pkgs,
  ...
}:
let
  inherit (lib)
    mkEnableOption
    mkIf
    mkMerge
    mkOption
    literalExpression
    optional
    types
    ;
  cfg = config.services.lectern;

  stateDir = "/var/lib/lectern";
  # database.createLocally: peer authentication over the socket, as the service user `lectern`
  localDatabaseUrl = "postgresql:///lectern?host=/run/postgresql";

  # the variables the typed options set; `settings` may not set them too
  managed = [
    "PORT"
    "HOST"
    "PUBLIC_URL"
    "DATABASE_URL"
    "DATA_DIR"
    "LOG_LEVEL"
    "WATCH_DECKS"
  ];

  toEnv =
    value:
    if value == true then
      "true"
    else if value == false then
      "false"
    else
      toString value;

  environment =
    lib.mapAttrs (_: toEnv) (lib.filterAttrs (_: value: value != null) cfg.settings)
    // lib.filterAttrs (_: value: value != null) {
      PORT = toString cfg.port;
      HOST = cfg.host;
      PUBLIC_URL = cfg.publicUrl;
      DATABASE_URL = if cfg.database.createLocally then localDatabaseUrl else cfg.database.url;
      DATA_DIR = stateDir;
      LOG_LEVEL = cfg.logLevel;
      WATCH_DECKS = if cfg.watchDecks then "1" else "0";
    };

  lowPort = cfg.port < 1024;
in
{
  options.services.lectern = {
    enable = mkEnableOption "Lectern, the self-hosted live presentation server";

    package = mkOption {
      type = types.package;
      default = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
      defaultText = literalExpression "lectern.packages.\${pkgs.stdenv.hostPlatform.system}.default";
      description = "The Lectern package to run.";
    };

    host = mkOption {
      type = types.str;
      default = "0.0.0.0";
      example = "127.0.0.1";
      description = "Address to listen on (`HOST`). The audience's phones must reach it.";
    };

    port = mkOption {
      type = types.port;
      default = 3000;
      description = "HTTP and websocket port (`PORT`).";
    };

    openFirewall = mkOption {
      type = types.bool;
      default = false;
      description = "Open `port` in the firewall, for phones on the local network.";
    };

    decks = mkOption {
      type = types.listOf types.path;
      default = [ ];
      example = literalExpression ''[ "''${./talks}/homelab.md" "/srv/talks/nix.md" ]'';
      description = ''
        Markdown decks to serve; none serves the example talk. Images resolve from each deck's
        folder, so copy the folder, not the file alone: `"''${./talks}/homelab.md"`. A path
        outside the store must be readable by the service's dynamic user; decks there reload
        when saved (unless `watchDecks` is off).
      '';
    };

    publicUrl = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "https://talks.example.org";
      description = "The URL phones use, for the QR code and the printed links (`PUBLIC_URL`).";
    };

    logLevel = mkOption {
      type = types.enum [
        "fatal"
        "error"
        "warn"
        "info"
        "debug"
        "trace"
        "silent"
      ];
      default = "info";
      description = "Log level (`LOG_LEVEL`); logs go to the journal.";
    };

    watchDecks = mkOption {
      type = types.bool;
      default = true;
      description = "Reload decks when their files change (`WATCH_DECKS`).";
    };

    environmentFile = mkOption {
      # a string, not types.path: a Nix path literal (./secrets.env) would be copied into the
      # world-readable store, so the module refuses one
      type = types.nullOr (types.strMatching "/.+");
      default = null;
      example = "/run/secrets/lectern.env";
      description = ''
        A file of `NAME=value` lines that systemd reads at start (`EnvironmentFile=`), for
        secrets kept out of the Nix store: `METRICS_TOKEN=…`, or a `DATABASE_URL` with a
        password. An absolute path given as a string: a Nix path literal would put the secret in
        the world-readable store, and is refused.
      '';
    };

    presenterKeyFile = mkOption {
      type = types.nullOr (types.strMatching "/.+");
      default = null;
      example = "/run/secrets/lectern-presenter-key";
      description = ''
        A file holding the presenter key (at least 8 characters), handed to the service with
        systemd's `LoadCredential`: root may own it with mode 0400, the service's dynamic user
        reads its private copy, and it never enters the Nix store or the environment. This is
        the admin key: presenter of every talk, and the key each talk's own keys are derived
        from when they are not set. Without it (and without `PRESENTER_KEY` in
        `environmentFile`), each talk gets new keys at each start, printed to the journal.
      '';
    };

    presenterKeyFiles = mkOption {
      type = types.attrsOf (types.strMatching "/.+");
      default = { };
      example = {
        my-talk = "/run/secrets/lectern-my-talk-presenter";
      };
      description = ''
        Files holding a talk's own presenter key, by talk slug (each handed over as the systemd
        credential `presenter-key-<slug>`, like `presenterKeyFile`). That key drives its talk
        only; the admin key still works everywhere.
      '';
    };

    moderatorKeyFiles = mkOption {
      type = types.attrsOf (types.strMatching "/.+");
      default = { };
      example = {
        my-talk = "/run/secrets/lectern-my-talk-moderator";
      };
      description = ''
        Files holding a talk's moderator key, by talk slug (the credential `moderator-key-<slug>`).
        A moderator approves, hides, pins and answers questions and moderates poll answers; it
        moves slides and runs polls only where the deck says `moderators: drive`.
      '';
    };

    keysFile = mkOption {
      type = types.nullOr (types.strMatching "/.+");
      default = null;
      example = "/run/secrets/lectern-keys";
      description = ''
        One file with many talks' keys, as `slug role key` lines (role `presenter` or
        `moderator`) or JSON `{ "slug": { "presenter": "…", "moderator": "…" } }`, handed over as
        the credential `keys` (`KEYS_FILE`). A key set here and in a key file above is refused.
      '';
    };

    database = {
      createLocally = mkOption {
        type = types.bool;
        default = false;
        description = ''
          Run a local PostgreSQL (`services.postgresql`) with a database `lectern` owned by the
          role `lectern`, reached over /run/postgresql with peer authentication as the service
          user `lectern`: `DATABASE_URL=${localDatabaseUrl}`. Neither this nor `url`: the
          embedded PGlite database in ${stateDir}/pglite.
        '';
      };

      url = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "postgresql://lectern@db.lan/lectern";
        description = "`DATABASE_URL` of an existing Postgres. One with a password belongs in `environmentFile`.";
      };
    };

    settings = mkOption {
      type = types.attrsOf (
        types.nullOr (
          types.oneOf [
            types.str
            types.int
            types.bool
          ]
        )
      );
      default = { };
      example = {
        REDIS_URL = "redis://127.0.0.1:6379";
        REDIS_PREFIX = "talks";
        TRUST_PROXY = true;
      };
      description = ''
        Further environment variables for the server (README, "Configuration"), such as
        `REDIS_URL`, `REDIS_PREFIX` or `TRUST_PROXY`; `true`/`false` become "true"/"false".
        Secrets (`PRESENTER_KEY`, `METRICS_TOKEN`) belong in `environmentFile`, not here: this
        ends up in the Nix store.
      '';
    };
  };

  config = mkIf cfg.enable (mkMerge [
    {
      assertions = [
        {
          assertion = !(cfg.database.createLocally && cfg.database.url != null);
          message = "services.lectern: set database.createLocally or database.url, not both.";
        }
        {
          assertion = builtins.all (slug: builtins.match "[a-z0-9]+(-[a-z0-9]+)*" slug != null) (
            builtins.attrNames cfg.presenterKeyFiles ++ builtins.attrNames cfg.moderatorKeyFiles
          );
          message = "services.lectern.presenterKeyFiles / moderatorKeyFiles: the names must be talk slugs (lower-case letters, digits and single dashes).";
        }
        {
          assertion = builtins.all (name: !(cfg.settings ? ${name})) managed;
          message = "services.lectern.settings: ${lib.concatStringsSep ", " managed} are set by their own options (port, host, publicUrl, database, logLevel, watchDecks).";
        }
      ];

      systemd.services.lectern = {
        description = "Lectern live presentation server";
        wantedBy = [ "multi-user.target" ];
        wants = [ "network-online.target" ];
        after = [
          "network-online.target"
        ]
        ++ optional cfg.database.createLocally "postgresql.target";
        requires = optional cfg.database.createLocally "postgresql.target";
        inherit environment;

        serviceConfig = {
          ExecStart = lib.escapeShellArgs ([ (lib.getExe cfg.package) ] ++ map (deck: "${deck}") cfg.decks);
          EnvironmentFile = optional (cfg.environmentFile != null) cfg.environmentFile;
          # read by the server from $CREDENTIALS_DIRECTORY (server/config.ts, server/auth/key-config.ts):
          # presenter-key (admin), keys (a keys file), presenter-key-<slug> and moderator-key-<slug>
          LoadCredential =
            optional (cfg.presenterKeyFile != null) "presenter-key:${cfg.presenterKeyFile}"
            ++ optional (cfg.keysFile != null) "keys:${cfg.keysFile}"
            ++ map (slug: "presenter-key-${slug}:${cfg.presenterKeyFiles.${slug}}") (
              builtins.attrNames cfg.presenterKeyFiles
            )
            ++ map (slug: "moderator-key-${slug}:${cfg.moderatorKeyFiles.${slug}}") (
              builtins.attrNames cfg.moderatorKeyFiles
            );
          Restart = "on-failure";
          RestartSec = 5;
          # SIGTERM closes sockets and the database; main.ts gives up after 10 s
          TimeoutStopSec = 15;

          # A fixed name for the dynamic user, so Postgres peer authentication maps it to the
          # role `lectern` that ensureUsers creates.
          DynamicUser = true;
          User = "lectern";
          Group = "lectern";
          StateDirectory = "lectern";
          StateDirectoryMode = "0750";
          WorkingDirectory = stateDir;
          UMask = "0077";

          # hardening
          AmbientCapabilities = optional lowPort "CAP_NET_BIND_SERVICE";
          CapabilityBoundingSet = if lowPort then [ "CAP_NET_BIND_SERVICE" ] else [ "" ];
          NoNewPrivileges = true;
          ProtectSystem = "strict";
          ProtectHome = "read-only";
          PrivateTmp = true;
          PrivateDevices = true;
          ProtectClock = true;
          ProtectControlGroups = true;
          ProtectHostname = true;
          ProtectKernelLogs = true;
          ProtectKernelModules = true;
          ProtectKernelTunables = true;
          ProtectProc = "invisible";
          ProcSubset = "pid";
          RestrictAddressFamilies = [
            "AF_INET"
            "AF_INET6"
            "AF_UNIX"
            # os.networkInterfaces() (the LAN address in the startup banner) lists interfaces over netlink
            "AF_NETLINK"
          ];
          RestrictNamespaces = true;
          RestrictRealtime = true;
          RestrictSUIDSGID = true;
          LockPersonality = true;
          RemoveIPC = true;
          SystemCallArchitectures = "native";
          SystemCallFilter = [
            "@system-service"
            "~@privileged"
          ];
          SystemCallErrorNumber = "EPERM";
          # V8 compiles JavaScript to machine code at run time: it needs writable+executable memory.
          MemoryDenyWriteExecute = false;
        };
      };
    }

    (mkIf cfg.openFirewall {
      networking.firewall.allowedTCPPorts = [ cfg.port ];
    })

    (mkIf cfg.database.createLocally {
      services.postgresql = {
        enable = true;
        ensureDatabases = [ "lectern" ];
        ensureUsers = [
          {
            name = "lectern";
            ensureDBOwnership = true;
          }
        ];
      };
    })
  ]);
}
