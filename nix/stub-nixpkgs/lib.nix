# The part of nixpkgs' lib that Lectern's Nix files use, in builtins only (see flake.nix here).
let
  inherit (builtins)
    all
    any
    attrNames
    concatStringsSep
    elem
    filter
    foldl'
    isAttrs
    isBool
    isFunction
    isInt
    isList
    isPath
    isString
    listToAttrs
    map
    replaceStrings
    substring
    ;

  type = name: check: { inherit name check; };
in
rec {
  genAttrs =
    names: f:
    listToAttrs (
      map (name: {
        inherit name;
        value = f name;
      }) names
    );
  mapAttrs = builtins.mapAttrs;
  filterAttrs =
    pred: set:
    listToAttrs (
      map (name: {
        inherit name;
        value = set.${name};
      }) (filter (name: pred name set.${name}) (attrNames set))
    );
  optional = cond: x: if cond then [ x ] else [ ];
  optionals = cond: xs: if cond then xs else [ ];
  optionalAttrs = cond: set: if cond then set else { };
  inherit concatStringsSep;
  toUpper = replaceStrings (stringToCharacters "abcdefghijklmnopqrstuvwxyz") (
    stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  );
  stringToCharacters = s: builtins.genList (p: substring p 1 s) (builtins.stringLength s);
  escapeShellArg = arg: "'${replaceStrings [ "'" ] [ "'\\''" ] (toString arg)}'";
  escapeShellArgs = args: concatStringsSep " " (map escapeShellArg args);
  getExe =
    drv:
    "${drv}/bin/${
      drv.meta.mainProgram or (throw "lib.getExe (stand-in): ${drv.name or "?"} has no meta.mainProgram")
    }";
  makeBinPath = paths: concatStringsSep ":" (map (path: "${path}/bin") paths);

  licenses.mit = {
    spdxId = "MIT";
    shortName = "mit";
  };
  platforms = {
    linux = [
      "x86_64-linux"
      "aarch64-linux"
    ];
    darwin = [
      "x86_64-darwin"
      "aarch64-darwin"
    ];
  };

  # the module system, as far as nix/stub-nixpkgs/modules.nix needs it
  mkOption = attrs: attrs // { _type = "option"; };
  mkEnableOption = name: mkOption {
    type = types.bool;
    default = false;
    description = "Whether to enable ${name}.";
  };
  literalExpression = text: {
    _type = "literalExpression";
    inherit text;
  };
  mkIf = condition: content: {
    _type = "if";
    inherit condition content;
  };
  mkMerge = contents: {
    _type = "merge";
    inherit contents;
  };
  mkDefault = content: {
    _type = "override";
    priority = 1000;
    inherit content;
  };
  mkForce = content: {
    _type = "override";
    priority = 50;
    inherit content;
  };

  types = rec {
    str = type "str" isString;
    bool = type "bool" isBool;
    int = type "int" isInt;
    port = type "port" (v: isInt v && v >= 0 && v <= 65535);
    path = type "path" (v: isPath v || (isString v && substring 0 1 v == "/"));
    package = type "package" (v: isAttrs v && (v.type or null) == "derivation");
    listOf = t: type "listOf ${t.name}" (v: isList v && all t.check v);
    attrsOf = t: type "attrsOf ${t.name}" (v: isAttrs v && all (n: t.check v.${n}) (attrNames v));
    nullOr = t: type "nullOr ${t.name}" (v: v == null || t.check v);
    enum = values: type "enum" (v: elem v values);
    strMatching = pattern: type "strMatching ${pattern}" (v: isString v && builtins.match pattern v != null);
    oneOf = ts: type "oneOf" (v: any (t: t.check v) ts);
  };
}
