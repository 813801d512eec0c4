# A small evaluator for one NixOS module against a configuration, in builtins only (see flake.nix
# here): option values come from the definitions or the defaults and must pass their type's
# check; mkIf, mkMerge, mkDefault and mkForce in the module's `config` are resolved; assertions
# must hold. Not NixOS: options declared by other modules (systemd, postgresql …) are taken as
# they are written.
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

  # option tree + definitions -> values
  values =
    prefix: options: defs:
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
{
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
      {
        options = config;
        config = removeAttrs resolved [ "assertions" ];
      };
}
