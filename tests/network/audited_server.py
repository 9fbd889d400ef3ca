"""`python3 -m streamlit run ...` with an audit hook that sees every socket the server opens.

    AUDIT_RECORD=events.txt python3 tests/network/audited_server.py run app.py --server.port N

Every name lookup, connect and addressed send is written to AUDIT_RECORD as
``place<TAB>event<TAB>target`` (place: ``local`` or ``off``). One that would leave the machine
is refused with an OSError before it happens, so a test of old code never reaches the
internet; loopback goes ahead. A subprocess is recorded as ``off`` too: the hook cannot see
inside it.
"""

from __future__ import annotations

import ipaddress
import os
import runpy
import sys
import threading

ON_MACHINE_NAMES = {None, "", b"", "localhost"}  # None and "": a listening socket's own address
WATCHED = {
    "socket.getaddrinfo": 0,  # (host, port, ...)
    "socket.gethostbyname": 0,
    "socket.gethostbyname_ex": 0,
    "socket.gethostbyaddr": 0,
    "socket.connect": 1,  # (socket, address)
    "socket.sendto": 1,
    "socket.sendmsg": 1,
}


def on_machine(target) -> bool:
    """True for a loopback or unspecified address, a local name, or a Unix socket path."""
    if isinstance(target, tuple):  # (host, port[, flowinfo, scope])
        target = target[0]
    if isinstance(target, bytes):
        target = target.decode(errors="replace")
    if target in ON_MACHINE_NAMES or (isinstance(target, str) and target.startswith("/")):
        return True
    try:
        address = ipaddress.ip_address(str(target).split("%")[0])
    except ValueError:
        return str(target).endswith(".localhost")
    return address.is_loopback or address.is_unspecified


def main() -> None:
    record = open(os.environ["AUDIT_RECORD"], "a", buffering=1, encoding="utf-8")  # noqa: SIM115
    lock = threading.Lock()

    def note(place: str, event: str, target: object) -> None:
        with lock:
            record.write(f"{place}\t{event}\t{target!r}\n")

    def hook(event: str, args: tuple) -> None:
        if event in ("subprocess.Popen", "os.system", "os.posix_spawn", "os.exec"):
            note("off", event, args[0] if args else "")
        elif event in WATCHED and len(args) > WATCHED[event]:
            target = args[WATCHED[event]]
            if event == "socket.sendmsg" and target is None:
                return  # a send on a connected socket: its connect was checked
            if on_machine(target):
                note("local", event, target)
            else:
                note("off", event, target)
                raise OSError(f"audited server: {event} to {target!r} refused")

    sys.addaudithook(hook)
    note("local", "hook", "installed")  # the test checks for this line: the hook was live
    # As `python3 -m streamlit`: the current folder first on the path, the module as __main__.
    sys.argv = ["streamlit", *sys.argv[1:]]
    sys.path[0] = os.getcwd()
    runpy.run_module("streamlit", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
