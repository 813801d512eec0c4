{
  description = "Lectern: a self-hosted live presentation server (Markdown talks on every phone, live polls, Postgres results)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs =
    { self, nixpkgs }:
    let
      linux = [
        "x86_64-linux"
        "aarch64-linux"
      ];
      darwin = [
        "x86_64-darwin"
        "aarch64-darwin"
      ];
      forSystems =
        systems: f:
        builtins.listToAttrs (
          map (system: {
            name = system;
            value = f system nixpkgs.legacyPackages.${system};
          }) systems
        );
      isLinux = system: builtins.elem system linux;
    in
    {
      # `nix run`, `nix build` (the package) and `nix build .#image` (Linux: an OCI image stream)
      packages = forSystems (linux ++ darwin) (
        system: pkgs:
        let
          lectern = pkgs.callPackage ./nix/package.nix { };
        in
        {
          default = lectern;
          inherit lectern;
        }
        // (
          if isLinux system then
            {
              image = pkgs.callPackage ./nix/image.nix { inherit lectern; };
            }
          else
            { }
        )
      );

      overlays.default = final: prev: {
        lectern = final.callPackage ./nix/package.nix { };
      };

      # services.lectern
      nixosModules.default = import ./nix/module.nix { inherit self; };

      checks = forSystems (linux ++ darwin) (
        system: pkgs:
        {
          # builds the package, which runs the database-free tests in its checkPhase
          package = self.packages.${system}.default;
        }
        // (
          if isLinux system then
            {
              vm = import ./nix/vm-test.nix { inherit self pkgs; };
            }
          else
            { }
        )
      );

      devShells = forSystems (linux ++ darwin) (
        system: pkgs: {
          default = pkgs.mkShell {
            packages = [
              pkgs.nodejs_22
              pkgs.postgresql_16
              pkgs.nixfmt
            ];
          };
        }
      );

      formatter = forSystems (linux ++ darwin) (system: pkgs: pkgs.nixfmt-tree);
    };
}
