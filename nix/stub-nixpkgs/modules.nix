# A small evaluator for one NixOS module against a configuration, in builtins only (see flake.nix
# here): option values come from the definitions or the defaults and must pass their type's
# check; mkIf, mkMerge, mkDefault and mkForce in the module's `config` are resolved; assertions
# must hold. Not NixOS: options declared by other modules (systemd, postgresql …) are not
# evaluated, but their names are checked against nixos-options.nix, as NixOS refuses an option
# that does not exist; a definition of services.lectern that the module does not declare is
# refused too.
{ lib }:
let
  inherit (builtins)
    attrNames
    concatStringsSep
    filter
    foldl'
    isAttrs
    isList
    map
    ;

  isOption = v: isAttrs v && (v._type or null) == "option";

  nixosOptions = import ./nixos-options.nix;

  # a definition tree against an option-name tree (nixos-options.nix)
  checkNames =
    path: schema: value:
    if schema ? _any then
      true
    else if schema ? _attrsOf then
      isAttrs value && builtins.all (name: checkNames "${path}.${name}" schema._attrsOf value.${name}) (attrNames value)
    else if schema ? _listOf then
      isList value && builtins.all (checkNames "${path}.*" schema._listOf) value
    else if !(isAttrs value) then
      throw "modules.nix: ${path} is a set of options, not a value"
    else
      builtins.all (
        name:
        if schema ? ${name} then
          checkNames "${path}.${name}" schema.${name} value.${name}
        else
          throw "modules.nix: the option `${path}.${name}' does not exist"
      ) (attrNames value);

  # option tree + definitions -> values
  values =
    prefix: options: defs:
    let
      # a set that declares options itself (services.lectern, services.lectern.database) is the
      # module's own: a name in it that is not declared is a typo; above it, other modules' names
      owned = builtins.any (name: isOption options.${name}) (attrNames options);
      undeclared = if owned then filter (name: !(options ? ${name})) (attrNames defs) else [ ];
    in
    if undeclared != [ ] then
      throw "modules.nix: the option `${prefix}.${builtins.head undeclared}' does not exist"
    else
    builtins.mapAttrs (
      name: option:
      let
        path = "${prefix}.${name}";
      in
      if isOption option then
        let
          value =
            if defs ? ${name} then
              defs.${name}
            else
              option.default or (throw "modules.nix: the option ${path} has no value and no default");
        in
        if option ? type && !(option.type.check value) then
          throw "modules.nix: ${path} is not a ${option.type.name}"
        else
          value
      else
        values path option (defs.${name} or { })
    ) options;

  merge =
    path: a: b:
    if isAttrs a && isAttrs b then
      a
      // builtins.mapAttrs (name: value: if a ? ${name} then merge "${path}.${name}" a.${name} value else value) b
    else if isList a && isList b then
      a ++ b
    else if a == b then
      a
    else
      throw "modules.nix: conflicting definitions of ${path}";

  resolve =
    path: v:
    if isAttrs v && (v._type or null) == "if" then
      (if v.condition then resolve path v.content else { })
    else if isAttrs v && (v._type or null) == "merge" then
      foldl' (merge path) { } (map (resolve path) v.contents)
    else if isAttrs v && (v._type or null) == "override" then
      resolve path v.content
    else if isAttrs v && !(v ? outPath) && (v.type or null) != "derivation" then
      builtins.mapAttrs (name: resolve "${path}.${name}") v
    else
      v;
in
rec {
  # module: a NixOS module function; definitions: the configuration's values for its options
  # (e.g. { services.lectern = { enable = true; … }; }); pkgs: the package set it gets
  evalModule =
    {
      module,
      definitions,
      pkgs,
    }:
    let
      # the module reads its own options only
      config = values "config" declared.options definitions;
      declared = module {
        inherit config lib pkgs;
        options = { };
      };
      resolved = resolve "config" (declared.config or { });
      failed = filter (a: !a.assertion) (resolved.assertions or [ ]);
    in
    if failed != [ ] then
      throw "modules.nix: failed assertions: ${concatStringsSep "; " (map (a: a.message) failed)}"
    else
      assert checkNames "config" nixosOptions resolved;
      {
        options = config;
        config = removeAttrs resolved [ "assertions" ];
      };

  # a NixOS configuration (a VM test node): its imported modules evaluated with its definitions,
  # and everything it and they define checked against the option names NixOS has
  evalNixos =
    { configuration, pkgs }:
    let
      definitions = if builtins.isFunction configuration then configuration { inherit pkgs lib; } else configuration;
      imported = map (
        module:
        evalModule {
          inherit module pkgs;
          definitions = removeAttrs definitions [ "imports" ];
        }
      ) (definitions.imports or [ ]);
      # the options the imported modules declare are theirs to check (values, above)
      own = definitions // {
        services = removeAttrs (definitions.services or { }) (
          builtins.concatMap (m: attrNames (m.options.services or { })) imported
        );
      };
    in
    assert checkNames "config" nixosOptions (resolve "config" own);
    imported;
}
