# NixOS VM test (`nix build .#checks.x86_64-linux.vm`): what a speaker and a room do.
#
#   server    services.lectern with a local Postgres, the presenter key as a systemd credential,
#             the firewall open on its port
#   embedded  services.lectern on the embedded database (no Postgres at all), default settings
#   phone     a client on the same LAN: it reaches each server over the firewall by its LAN
#             address, completes a socket.io websocket handshake and sees the slide the
#             presenter moves to through the HTTP API, also after a service restart
#
# It needs KVM and the real nixpkgs; offline, tests/nix evaluates it against the stand-in
# (option names, the module's types and assertions) and checks its Python test script.
{ self, pkgs }:
let
  lectern = self.packages.${pkgs.stdenv.hostPlatform.system}.default;
  port = 3000;
  presenterKey = "vm-test-presenter-key";

  # A phone: connects like the audience page does (websocket only), prints the slide it lands
  # on, then each slide it is moved to. Usage: node phone.cjs URL TALK
  phoneScript = pkgs.writeText "phone.cjs" ''
    const { io } = require("${lectern}/lib/node_modules/lectern/node_modules/socket.io-client");
    const [url, talk] = process.argv.slice(2);
    const socket = io(url, { transports: ["websocket"], auth: { talk }, reconnection: false });
    socket.on("connect_error", (err) => { console.log("error " + err.message); process.exit(1); });
    socket.on("state", (state) => console.log("state slide " + state.slide));
    socket.on("slide:changed", (change) => console.log("changed slide " + change.index));
    setTimeout(() => process.exit(0), 60000);
  '';

  server = {
    imports = [ self.nixosModules.default ];
    services.lectern = {
      enable = true;
      database.createLocally = true;
      decks = [ "${../decks}/homelab.md" ];
      presenterKeyFile = "/etc/lectern/presenter-key";
      openFirewall = true;
    };
    environment.etc."lectern/presenter-key" = {
      text = presenterKey;
      mode = "0400";
    };
    environment.systemPackages = [ pkgs.curl ];
    virtualisation.memorySize = 2048;
  };
in
pkgs.testers.runNixOSTest {
  name = "lectern";

  nodes = {
    inherit server;

    embedded = {
      imports = [ self.nixosModules.default ];
      services.lectern = {
        enable = true;
        openFirewall = true;
      };
      environment.systemPackages = [ pkgs.curl ];
      virtualisation.memorySize = 2048;
    };

    phone = {
      environment.systemPackages = [
        lectern.passthru.nodejs
        pkgs.curl
      ];
    };
  };

  testScript = ''
    import re

    def phone_sees(host, log):
        """Starts a phone connected to host; returns the slide it landed on."""
        phone.succeed(f"node ${phoneScript} http://{host}:${toString port} homelab > {log} 2>&1 &")
        phone.wait_until_succeeds(f"grep -q '^state slide' {log}", timeout=30)
        return int(re.search(r"^state slide (\d+)$", phone.succeed(f"cat {log}"), re.M).group(1))

    def next_slide(node):
        node.succeed(
            "curl -fsS -X POST -H 'Authorization: Bearer ${presenterKey}' "
            "http://127.0.0.1:${toString port}/api/talks/homelab/next"
        )

    start_all()
    server.wait_for_unit("postgresql.target")
    server.wait_for_unit("lectern.service")
    server.wait_for_open_port(${toString port})
    embedded.wait_for_unit("lectern.service")
    embedded.wait_for_open_port(${toString port})
    phone.wait_for_unit("multi-user.target")

    with subtest("health, a talk and a page over HTTP"):
        server.succeed("curl -fsS http://127.0.0.1:${toString port}/healthz | grep -q '\"ok\":true'")
        talk = server.succeed("curl -fsS http://127.0.0.1:${toString port}/api/talks/homelab")
        assert '"slides"' in talk, talk
        server.succeed("curl -fsS http://127.0.0.1:${toString port}/homelab | grep -qi '<html'")

    with subtest("the talk is stored in the local Postgres, reached by peer authentication"):
        server.succeed("runuser -u postgres -- psql -d lectern -tAc 'select slug from talks' | grep -qx homelab")
        server.succeed("journalctl -u lectern.service | grep -q 'database: postgres'")

    with subtest("the presenter key comes from the credential, and is not in the unit's environment"):
        server.fail("curl -fsS -X POST http://127.0.0.1:${toString port}/api/talks/homelab/next")
        server.fail("systemctl show lectern.service -p Environment | grep -q '${presenterKey}'")

    with subtest("a phone on the LAN reaches the server through its firewall and follows a slide change"):
        phone.succeed("curl -fsS http://server:${toString port}/healthz")
        landed = phone_sees("server", "/tmp/server.log")
        next_slide(server)
        phone.wait_until_succeeds(f"grep -qx 'changed slide {landed + 1}' /tmp/server.log", timeout=30)

    with subtest("a restart keeps the current slide: a reconnecting phone lands on it"):
        server.systemctl("restart lectern.service")
        server.wait_for_unit("lectern.service")
        server.wait_for_open_port(${toString port})
        assert phone_sees("server", "/tmp/server-again.log") == landed + 1

    with subtest("the embedded database serves the room too, and keeps the slide across a restart"):
        embedded.succeed("journalctl -u lectern.service | grep -q 'database: pglite'")
        landed = phone_sees("embedded", "/tmp/embedded.log")
        embedded.fail("curl -fsS -X POST http://127.0.0.1:${toString port}/api/talks/homelab/next")
        key = embedded.succeed("journalctl -u lectern.service | grep -o 'key (generated; set PRESENTER_KEY to choose one): [^ ]*' | tail -n1").split()[-1]
        embedded.succeed(f"curl -fsS -X POST -H 'Authorization: Bearer {key}' http://127.0.0.1:${toString port}/api/talks/homelab/next")
        phone.wait_until_succeeds(f"grep -qx 'changed slide {landed + 1}' /tmp/embedded.log", timeout=30)
        embedded.systemctl("restart lectern.service")
        embedded.wait_for_open_port(${toString port})
        assert phone_sees("embedded", "/tmp/embedded-again.log") == landed + 1
  '';
}
