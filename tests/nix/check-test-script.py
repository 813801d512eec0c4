"""
Checks a NixOS VM test's Python test script offline: it parses, every name it reads is defined
by the script, by Python or by the NixOS test driver (a node's name, start_all, subtest …), and
every method it calls on a node is one the driver's Machine has (a typo such as
`wait_for_unt` fails here, not after a VM boots).

    python3 check-test-script.py NODE[,NODE…] < testScript
The driver's names are read from nixpkgs' nixos/lib/test-driver/src/test_driver/{driver,machine}.py.
"""
import ast
import builtins
import sys

DRIVER_GLOBALS = {
    "start_all", "subtest", "join_all", "retry", "polling_condition", "serial_stdout_on",
    "serial_stdout_off", "driver", "machines", "vlans", "create_machine", "run_tests", "log",
    "Machine", "test_script", "t", "dump_tpm_ecc", "timeout",
}
MACHINE_METHODS = {
    "succeed", "fail", "execute", "systemctl", "wait_for_unit", "wait_until_succeeds",
    "wait_until_fails", "wait_for_open_port", "wait_for_closed_port", "wait_for_open_unix_socket",
    "wait_for_file", "wait_for_shutdown", "wait_for_console_text", "wait_for_text", "wait_for_x",
    "wait_for_window", "get_unit_info", "get_unit_property", "require_unit_state", "start",
    "shutdown", "crash", "reboot", "block", "unblock", "sleep", "screenshot", "get_screen_text",
    "send_chars", "send_key", "send_monitor_command", "send_console", "copy_from_host",
    "copy_from_host_via_shell", "copy_from_vm", "forward_port", "shell_interact", "console_interact",
    "nested", "log", "dump_tty_contents", "wait_for_qmp_event", "switch_root", "name",
}

nodes = set(sys.argv[1].split(","))
script = sys.stdin.read()
tree = ast.parse(script, "testScript")

defined = set(dir(builtins)) | DRIVER_GLOBALS | nodes
for node in ast.walk(tree):
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        defined.add(node.name)
        defined.update(a.arg for a in node.args.args + node.args.kwonlyargs)
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        defined.add(node.id)
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        defined.update((a.asname or a.name).split(".")[0] for a in node.names)
    elif isinstance(node, ast.comprehension) and isinstance(node.target, ast.Name):
        defined.add(node.target.id)

problems = []
for node in ast.walk(tree):
    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in defined:
        problems.append(f"line {node.lineno}: `{node.id}` is not defined")
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in nodes
        and node.func.attr not in MACHINE_METHODS
    ):
        problems.append(f"line {node.lineno}: {node.func.value.id}.{node.func.attr}() is not a method of the test driver's Machine")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"ok: {len(nodes)} nodes")
