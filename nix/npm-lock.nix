# Which package-lock.json entries `npm ci` installs on one platform, with what each needs to be
# fetched by name, version and integrity. Builtins only: plain `nix-instantiate --eval` runs it,
# with no nixpkgs (tests/nix does, against the real lock).
#
#   import ./npm-lock.nix {
#     lock = builtins.fromJSON (builtins.readFile ../package-lock.json);
#     system = "x86_64-linux";
#   }
#   => [ { path = "node_modules/ms"; name = "ms"; version = "2.1.3"; integrity = "sha512-…";
#          fileName = "ms-2.1.3.tgz"; dev = false; optional = false; } … ]
#
# It follows npm (@npmcli/arborist): a dependency resolves the way Node does, from the
# dependent's own node_modules up to the root; an entry whose "os", "cpu" or "libc" does not fit
# the platform fails, and so does every entry that needs it through a required edge (dependency
# or peer), up to an optionalDependencies edge, where the failure stops; what is then no longer
# reachable from the root is not installed (so the WASM fallback of a native binding and its own
# dependencies go with it). Links (workspaces), bundled entries and entries that already carry a
# "resolved" URL are left out: importNpmLock handles those itself.
let
  npmPlatform = import ./npm-platform.nix;
in
{
  # the parsed package-lock.json (lockfileVersion 2 or 3)
  lock,
  # a Nix system string, or give `platform` directly
  system ? null,
  platform ? npmPlatform system,
  # follow the root's devDependencies (the build and the tests need them; the runtime does not)
  dev ? true,
}:
let
  inherit (builtins)
    attrNames
    concatMap
    elem
    elemAt
    filter
    genericClosure
    groupBy
    hasAttr
    isList
    length
    listToAttrs
    map
    match
    substring
    ;

  packages =
    if (lock.lockfileVersion or 1) >= 2 && lock ? packages then
      lock.packages
    else
      throw "npm-lock.nix: needs a package-lock.json with lockfileVersion 2 or 3 (run npm install with npm 7 or newer)";

  # npm-install-checks' checkList: "any", negations ("!win32"), and at least one match otherwise
  checkList =
    value: list:
    let
      entries = if isList list then list else [ list ];
      negated = filter (e: substring 0 1 e == "!") entries;
      wanted = filter (e: substring 0 1 e != "!") entries;
    in
    if entries == [ "any" ] then
      true
    else if value != null && elem "!${value}" negated then
      false
    else
      wanted == [ ] || elem value wanted;

  fits =
    entry:
    (entry ? os -> checkList platform.os entry.os)
    && (entry ? cpu -> checkList platform.cpu entry.cpu)
    && (entry ? libc -> platform.libc != null && checkList platform.libc entry.libc);

  # "node_modules/a/node_modules/@s/b" -> "node_modules/a"; "node_modules/a" -> "" (the root)
  parentOf =
    path:
    let
      m = match "(.*)/node_modules/(@[^/]+/[^/]+|[^/]+)" path;
    in
    if m == null then "" else elemAt m 0;

  # Node's resolution: the dependent's node_modules first, then each ancestor's, then the root's
  resolve =
    from: name:
    let
      candidate = (if from == "" then "" else "${from}/") + "node_modules/${name}";
    in
    if hasAttr candidate packages then
      candidate
    else if from == "" then
      null
    else
      resolve (parentOf from) name;

  # a workspace link stands for the folder it points at
  follow =
    path:
    let
      entry = packages.${path};
    in
    if entry.link or false then entry.resolved else path;

  # the edges npm follows from an entry: { name; optional; }
  edgesOf =
    path:
    let
      entry = packages.${path};
      optionalNames = attrNames (entry.optionalDependencies or { });
      peerMeta = entry.peerDependenciesMeta or { };
      requiredPeers = filter (n: !(peerMeta.${n}.optional or false)) (
        attrNames (entry.peerDependencies or { })
      );
      required = filter (n: !(elem n optionalNames)) (
        attrNames (entry.dependencies or { })
        ++ requiredPeers
        ++ (if path == "" && dev then attrNames (entry.devDependencies or { }) else [ ])
      );
    in
    map (name: {
      inherit name;
      optional = false;
    }) required
    ++ map (name: {
      inherit name;
      optional = true;
    }) optionalNames;

  # [ { from; to; optional; } ] for every entry, `to` null when the lock has no match
  allEdges = concatMap (
    from:
    map (edge: {
      inherit from;
      inherit (edge) name optional;
      to =
        let
          found = resolve from edge.name;
        in
        if found == null then null else follow found;
    }) (edgesOf from)
  ) (filter (p: !(packages.${p}.link or false)) (attrNames packages));

  # entries whose platform fields rule them out here
  unfit = filter (p: p != "" && !(fits packages.${p})) (attrNames packages);

  # ... and, walking required edges backwards, everything that cannot install without them
  requiredBy = groupBy (e: e.to) (filter (e: !e.optional && e.to != null) allEdges);
  failed = listToAttrs (
    map
      (item: {
        name = item.key;
        value = true;
      })
      (genericClosure {
        startSet = map (key: { inherit key; }) unfit;
        operator = item: map (e: { key = e.from; }) (requiredBy.${item.key} or [ ]);
      })
  );

  edgesFrom = groupBy (e: e.from) allEdges;
  targets =
    path:
    concatMap (
      e:
      if e.to == null then
        (
          if e.optional then
            [ ]
          else
            throw "npm-lock.nix: '${if path == "" then "the root" else path}' needs '${e.name}', which package-lock.json does not have; run npm install"
        )
      else if failed ? ${e.to} then
        (
          if e.optional then
            [ ]
          else
            throw "npm-lock.nix: '${if path == "" then "the root" else path}' requires '${e.to}', which ${
              if builtins.elem e.to unfit then "does not support" else "needs a package that does not support"
            } ${platform.os}-${platform.cpu}"
        )
      else
        [ e.to ]
    ) (edgesFrom.${path} or [ ]);

  installed = map (item: item.key) (genericClosure {
    startSet = [ { key = ""; } ];
    operator = item: map (key: { inherit key; }) (targets item.key);
  });

  # the package's own name: an alias ("x": "npm:y@^2") keeps it in "name"
  nameOf =
    path: entry:
    entry.name or (elemAt (match ".*node_modules/(@[^/]+/[^/]+|[^/]+)" path) 0);

  # what `npm pack` names the tarball: "@scope/name" -> "scope-name-1.0.0.tgz"
  fileNameOf =
    name: version:
    let
      scoped = match "@([^/]+)/(.+)" name;
      flat = if scoped == null then name else "${elemAt scoped 0}-${elemAt scoped 1}";
    in
    "${flat}-${version}.tgz";

  describe =
    path:
    let
      entry = packages.${path};
      name = nameOf path entry;
    in
    {
      inherit path name;
      inherit (entry) version;
      integrity =
        entry.integrity
          or (throw "npm-lock.nix: '${path}' has no integrity in package-lock.json, so it cannot be fetched by hash");
      fileName = fileNameOf name entry.version;
      dev = entry.dev or false;
      optional = entry.optional or false;
    };

  fetchable =
    path:
    let
      entry = packages.${path};
    in
    path != ""
    && match "(.*/)?node_modules/.+" path != null
    && !(entry.link or false)
    && !(entry.inBundle or false)
    && !(entry ? resolved);
in
map describe (filter fetchable installed)
