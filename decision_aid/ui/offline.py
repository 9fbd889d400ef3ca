"""Keep Streamlit's own address lookups on this machine (red-team review 1, F1).

Streamlit 1.67 learns the machine's public address from checkip.amazonaws.com, and its LAN
address by connecting a socket towards 8.8.8.8, for two things: its start-up banner, and
the check of every websocket whose Origin is another site ("is that site this machine?").
The second runs on the event loop, blocks for up to 2 s where outbound packets are dropped,
and is repeated for every such handshake, so one curl loop could freeze every user.

The aid needs neither address: a page's own origin, localhost and 127.0.0.1 are accepted
before either lookup, and browser.serverAddress (.streamlit/config.toml) keeps the banner
quiet. A workaround on Streamlit's module; drop it when Streamlit stops looking outside.
"""

from __future__ import annotations

from streamlit import net_util


def _not_looked_up() -> str | None:
    return None  # "unknown": Streamlit then prints no such URL and allows no such origin


def keep_on_machine() -> None:
    """From now on, this process never asks the network for its own addresses."""
    net_util.get_external_ip = _not_looked_up
    net_util.get_internal_ip = _not_looked_up
