# One fixed-output derivation per package-lock.json entry, with no URL and no hash to fill in:
# `npm pack <name>@<version>` fetches the tarball from npm's built-in default registry and writes
# it byte for byte, so the entry's own "integrity" (sha512, SRI, of the flat file) is the output
# hash, and Nix refuses anything else. Builtins only, so the same expression is built by the
# flake (with nixpkgs' bash, coreutils and nodejs) and by tests/nix (with the host's npm).
#
#   let pack = import ./npm-pack.nix { system = "x86_64-linux"; shell = "${bash}/bin/bash";
#                                      path = lib.makeBinPath [ nodejs coreutils ]; };
#   in pack { name = "ms"; version = "2.1.3"; integrity = "sha512-…"; fileName = "ms-2.1.3.tgz"; }
{
  # where the fetch runs (the build platform; the output is the same everywhere)
  system,
  # a POSIX shell to run the builder script
  shell,
  # PATH for the builder: npm (with its node) and coreutils
  path,
  # CA certificates Node trusts besides its own (NODE_EXTRA_CA_CERTS), e.g. nixpkgs' cacert bundle
  caFile ? null,
}:
entry:
derivation {
  # npm tells a tarball from a folder by the .tgz ending of the file: URL importNpmLock writes
  name = entry.fileName;
  inherit system;
  builder = shell;
  args = [
    "-c"
    ''
      set -eu
      export HOME="$TMPDIR" npm_config_cache="$TMPDIR/npm-cache"
      export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
      if [ -z "''${NODE_EXTRA_CA_CERTS:-}" ]; then
        for file in "''${NIX_SSL_CERT_FILE:-}" "$caFile"; do
          if [ -n "$file" ] && [ -r "$file" ]; then export NODE_EXTRA_CA_CERTS="$file"; break; fi
        done
      fi
      mkdir "$TMPDIR/pack"
      npm pack "$spec" --ignore-scripts --silent --pack-destination "$TMPDIR/pack" >/dev/null
      for tarball in "$TMPDIR"/pack/*.tgz; do mv "$tarball" "$out"; done
      [ -f "$out" ] || { echo "npm pack $spec wrote no tarball" >&2; exit 1; }
    ''
  ];
  PATH = path;
  caFile = if caFile == null then "" else caFile;
  spec = "${entry.name}@${entry.version}";

  outputHashMode = "flat";
  outputHash = entry.integrity;

  # a proxy, a private CA or a mirror (npm_config_registry) set where nix runs reaches npm here
  impureEnvVars = [
    "http_proxy"
    "https_proxy"
    "HTTP_PROXY"
    "HTTPS_PROXY"
    "no_proxy"
    "NO_PROXY"
    "NIX_SSL_CERT_FILE"
    "NODE_EXTRA_CA_CERTS"
    "npm_config_registry"
    "npm_config_cafile"
  ];
  preferLocalBuild = true;
}
