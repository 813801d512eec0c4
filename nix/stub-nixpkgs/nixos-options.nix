# The NixOS option names Lectern's module and VM test set outside services.lectern, with the
# names around them that a user of those options meets, read from nixpkgs:
#   systemd.services.<name>  nixos/lib/systemd-unit-options.nix (+ serviceConfig: systemd-directives.nix)
#   services.postgresql      nixos/modules/services/databases/postgresql.nix
#   networking.firewall      nixos/modules/services/networking/firewall.nix
#   users.users / groups     nixos/modules/config/users-groups.nix
#   environment.etc          nixos/modules/system/etc/etc.nix
#   virtualisation           nixos/modules/virtualisation/qemu-vm.nix
# A name in an attribute set must be one of its keys; `any` takes any value; `attrsOf` and
# `listOf` check each element. modules.nix refuses a definition that is not in this tree, as
# NixOS refuses an option that does not exist ("The option `…' does not exist").
let
  any = {
    _any = true;
  };
  attrsOf = element: { _attrsOf = element; };
  listOf = element: { _listOf = element; };
  names = list: builtins.listToAttrs (map (name: { inherit name; value = any; }) list);

  service =
    names [
      # sharedOptions, commonUnitOptions, stage2CommonUnitOptions
      "enable"
      "requiredBy"
      "wantedBy"
      "upheldBy"
      "aliases"
      "description"
      "documentation"
      "requires"
      "wants"
      "upholds"
      "after"
      "before"
      "bindsTo"
      "partOf"
      "conflicts"
      "requisite"
      "unitConfig"
      "onFailure"
      "onSuccess"
      "startLimitBurst"
      "startLimitIntervalSec"
      "restartTriggers"
      "reloadTriggers"
      "overrideStrategy"
      # serviceOptions, stage2ServiceOptions
      "path"
      "script"
      "scriptArgs"
      "preStart"
      "postStart"
      "reload"
      "preStop"
      "postStop"
      "jobScripts"
      "restartIfChanged"
      "reloadIfChanged"
      "stopIfChanged"
      "startAt"
      "confinement"
    ]
    // {
      environment = attrsOf any;
      serviceConfig = names (import ./systemd-directives.nix);
    };
in
{
  assertions = any;
  warnings = any;
  imports = any;

  systemd.services = attrsOf service;

  services.postgresql =
    names [
      "enable"
      "package"
      "enableJIT"
      "enableTCPIP"
      "checkConfig"
      "dataDir"
      "authentication"
      "identMap"
      "initdbArgs"
      "initialScript"
      "ensureDatabases"
      "extensions"
      "settings"
      "recoveryConfig"
      "superUser"
      "systemCallFilter"
    ]
    // {
      ensureUsers = listOf (names [
        "name"
        "ensureDBOwnership"
        "ensureClauses"
      ]);
    };

  networking = names [
    "hostName"
    "domain"
    "useDHCP"
    "interfaces"
    "defaultGateway"
    "nameservers"
    "extraHosts"
  ] // {
    firewall = names [
      "enable"
      "allowedTCPPorts"
      "allowedUDPPorts"
      "allowedTCPPortRanges"
      "allowedUDPPortRanges"
      "allowPing"
      "interfaces"
      "trustedInterfaces"
      "logRefusedConnections"
      "extraCommands"
    ];
  };

  users = {
    users = attrsOf (names [
      "name"
      "uid"
      "group"
      "extraGroups"
      "description"
      "home"
      "createHome"
      "homeMode"
      "isSystemUser"
      "isNormalUser"
      "shell"
      "packages"
      "hashedPassword"
      "openssh"
    ]);
    groups = attrsOf (names [
      "name"
      "gid"
      "members"
    ]);
  };

  environment = names [
    "systemPackages"
    "variables"
    "sessionVariables"
  ] // {
    etc = attrsOf (names [
      "enable"
      "target"
      "text"
      "source"
      "mode"
      "uid"
      "gid"
      "user"
      "group"
    ]);
  };

  virtualisation = names [
    "memorySize"
    "diskSize"
    "cores"
    "graphics"
    "vlans"
    "forwardPorts"
    "qemu"
    "writableStore"
  ];
}
