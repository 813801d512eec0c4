# A stand-in for nixpkgs, for `nix flake check --no-build` where nixpkgs cannot be fetched (CI here
# reaches no binary cache and no GitHub). It has only the functions Lectern's flake calls, each
# returning a derivation that records its arguments (deeply evaluated) and is never built.
#
# What passing proves: the flake's expressions evaluate, every attribute they use from nixpkgs
# is spelled the way this stand-in spells it, the module's options typecheck and its assertions
# hold for the VM test's configuration, every root dependency has an npm tarball, and the
# outputs have the shape `nix flake check` expects. What it does not prove: that nixpkgs builds
# the package, that the image runs, or that the VM test passes; those need the real nixpkgs
# (`nix flake check` on a machine that can fetch it).
#
#   nix flake check --no-build --no-write-lock-file --override-input nixpkgs path:$PWD/nix/stub-nixpkgs
{
  description = "Stand-in for nixpkgs: evaluation-only, for structural checks offline";

  outputs =
    { self }:
    let
      lib = import ./lib.nix;
      systems = [
        "x86_64-linux"
        "aarch64-linux"
        "x86_64-darwin"
        "aarch64-darwin"
      ];
    in
    {
      inherit lib;
      legacyPackages = lib.genAttrs systems (system: import ./pkgs.nix { inherit lib system; });
    };
}
