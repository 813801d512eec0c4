# The npm platform triple (process.platform, process.arch, libc family) of a Nix system string,
# as npm compares it with a package's "os", "cpu" and "libc" fields. Builtins only.
#
#   import ./npm-platform.nix "x86_64-linux"   => { os = "linux"; cpu = "x64"; libc = "glibc"; }
#   import ./npm-platform.nix "aarch64-darwin" => { os = "darwin"; cpu = "arm64"; libc = null; }
system:
let
  parts = builtins.match "([^-]+)-(.+)" system;
  arch = builtins.elemAt parts 0;
  kernel = builtins.elemAt parts 1;
  cpus = {
    x86_64 = "x64";
    aarch64 = "arm64";
    i686 = "ia32";
    armv6l = "arm";
    armv7l = "arm";
    riscv64 = "riscv64";
    powerpc64le = "ppc64";
    s390x = "s390x";
    loongarch64 = "loong64";
  };
  oses = {
    linux = "linux";
    darwin = "darwin";
    freebsd = "freebsd";
    openbsd = "openbsd";
    netbsd = "netbsd";
  };
in
if parts == null then
  throw "npm-platform.nix: '${system}' is not a Nix system such as x86_64-linux"
else
  {
    os = oses.${kernel} or (throw "npm-platform.nix: no npm os for the Nix system '${system}'");
    cpu = cpus.${arch} or (throw "npm-platform.nix: no npm cpu for the Nix system '${system}'");
    # npm checks "libc" on Linux only; every other os fails a package that names a libc.
    libc = if kernel == "linux" then "glibc" else null;
  }
