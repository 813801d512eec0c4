# An OCI image of Lectern, streamed by dockerTools (`nix build .#image && ./result | docker load`).
#
# Layers: one per store path of the closure (glibc, nodejs-slim, the production node_modules,
# the program …), so a code change rebuilds only the small `lectern` layer, and a dependency
# change only the node_modules one. On top, a layer with /etc (a `lectern` user, CA
# certificates), /tmp and the data volume.
{
  dockerTools,
  lectern,
  tini,
}:
let
  uid = 1000;
  gid = 1000;
  dataDir = "/var/lib/lectern";
  port = 3000;
  node = "${lectern.passthru.nodejs}/bin/node";
  nss = dockerTools.fakeNss.override {
    extraPasswdLines = [ "lectern:x:${toString uid}:${toString gid}:Lectern:${dataDir}:/sbin/nologin" ];
    extraGroupLines = [ "lectern:x:${toString gid}:" ];
  };
  # no curl in the image: node asks /healthz itself
  healthcheck = "fetch('http://127.0.0.1:' + (process.env.PORT || ${toString port}) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))";
  seconds = n: n * 1000000000;
in
dockerTools.streamLayeredImage {
  name = "lectern";
  tag = lectern.version;

  contents = [
    nss
    dockerTools.caCertificates
  ];

  fakeRootCommands = ''
    mkdir -p tmp .${dataDir}
    chmod 1777 tmp
    chown ${toString uid}:${toString gid} .${dataDir}
    chmod 0750 .${dataDir}
  '';

  config = {
    User = "${toString uid}:${toString gid}";
    # tini reaps and forwards signals: `docker stop` sends SIGTERM, and Lectern closes cleanly
    Entrypoint = [
      "${tini}/bin/tini"
      "--"
      "${lectern}/bin/lectern"
    ];
    # deck files to serve; none: the example talk (mount yours and name them: … lectern /decks/talk.md)
    Cmd = [ ];
    WorkingDir = dataDir;
    # Every variable the server reads (README, "Configuration"); an empty value counts as unset.
    Env = [
      "PORT=${toString port}"
      "HOST=0.0.0.0"
      "PUBLIC_URL="
      "PRESENTER_KEY="
      "PRESENTER_KEY_FILE="
      "KEYS_FILE="
      "SESSION_IDLE_HOURS=12"
      "DATABASE_URL="
      "DATA_DIR=${dataDir}"
      "LOG_LEVEL=info"
      "WATCH_DECKS=1"
      "REDIS_URL="
      "REDIS_PREFIX=lectern"
      "TRUST_PROXY=0"
      "METRICS_TOKEN="
      "VOTER_SECRET="
      "VOTER_ID_BURST=3000"
      "VOTER_ID_RATE=10"
      "VOTER_ID_WARN=300"
      "DECK_MAX_BYTES=5242880"
      "BLOCKLIST_FILE="
      "ALLOWLIST_FILE="
      "PROFANITY_FILTER=english"
      "SSL_CERT_FILE=/etc/ssl/certs/ca-bundle.crt"
    ];
    ExposedPorts."${toString port}/tcp" = { };
    # the embedded database (PGlite) when DATABASE_URL is unset
    Volumes."${dataDir}" = { };
    Healthcheck = {
      Test = [
        "CMD"
        node
        "-e"
        healthcheck
      ];
      Interval = seconds 30;
      Timeout = seconds 5;
      StartPeriod = seconds 20;
      Retries = 3;
    };
    Labels = {
      "org.opencontainers.image.title" = "Lectern";
      "org.opencontainers.image.description" = lectern.meta.description;
      "org.opencontainers.image.version" = lectern.version;
      "org.opencontainers.image.licenses" = "MIT";
    };
  };
}
