# NixOS VM test (`nix build .#checks.x86_64-linux.vm`): boots services.lectern with a local
# Postgres and asks it for its health, a talk and a page, as a phone would.
{ self, pkgs }:
pkgs.testers.runNixOSTest {
  name = "lectern";

  nodes.machine =
    { pkgs, ... }:
    {
      imports = [ self.nixosModules.default ];

      services.lectern = {
        enable = true;
        database.createLocally = true;
        decks = [ "${../decks}/homelab.md" ];
        environmentFile = "/etc/lectern.env";
        openFirewall = true;
      };
      environment.etc."lectern.env".text = ''
        PRESENTER_KEY=vm-test-presenter-key
      '';
      environment.systemPackages = [ pkgs.curl ];
      virtualisation.memorySize = 2048;
    };

  testScript = ''
    machine.wait_for_unit("postgresql.target")
    machine.wait_for_unit("lectern.service")
    machine.wait_for_open_port(3000)

    with subtest("health and a talk over HTTP"):
        machine.succeed("curl -fsS http://127.0.0.1:3000/healthz | grep -q '\"ok\":true'")
        talk = machine.succeed("curl -fsS http://127.0.0.1:3000/api/talks/homelab")
        assert '"slides"' in talk, talk
        machine.succeed("curl -fsS http://127.0.0.1:3000/homelab | grep -qi '<html'")

    with subtest("the talk is stored in the local Postgres, reached by peer authentication"):
        machine.succeed("runuser -u postgres -- psql -d lectern -tAc 'select slug from talks' | grep -qx homelab")
        machine.succeed("journalctl -u lectern.service | grep -q 'database: postgres'")

    with subtest("the presenter key comes from the environment file"):
        machine.fail("curl -fsS -X POST http://127.0.0.1:3000/api/talks/homelab/next")
        machine.succeed("curl -fsS -X POST -H 'Authorization: Bearer vm-test-presenter-key' http://127.0.0.1:3000/api/talks/homelab/next")
  '';
}
