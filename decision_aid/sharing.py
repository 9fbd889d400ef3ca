"""Sharing the aid in a room: its own address, and a QR code made locally (no outside service)."""

from __future__ import annotations

import io
import ipaddress
from urllib.parse import urlsplit, urlunsplit

import segno


def share_address(current: str | None, language: str = "") -> str:
    """The app's own address for attendees: no path, opening the patient view, in the
    room's language when one is given (``lang=es``)."""
    if not current:
        return ""
    parts = urlsplit(current)
    query = f"mode=patient&lang={language}" if language else "mode=patient"
    return urlunsplit((parts.scheme, parts.netloc, "/", query, ""))


def address_for_language(
    shown: str | None, current: str | None, language: str, languages: tuple[str, ...]
) -> str:
    """The share address to show after the room's language changed: the aid's own address in
    ``language`` (``""`` for the default), unless the educator typed another, which is kept."""
    ours = {share_address(current, code) for code in ("", *languages)}
    return share_address(current, language) if shown is None or shown in ours else shown


def is_loopback(address: str) -> bool:
    """An address no phone in a room can open: only this machine's (localhost, 127.x.x.x,
    ::1), or the "any address" a server listens on (0.0.0.0, ::), which names no machine."""
    host = (urlsplit(address if "//" in address else f"//{address}").hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified


# Longer than any address a room needs; a QR code at error level "m" holds about 2,300 bytes.
MAX_ADDRESS = 512


def qr_png(address: str) -> bytes | None:
    """The address as a QR code (PNG), or None when it is too long for one."""
    if len(address) > MAX_ADDRESS:
        return None
    try:
        code = segno.make(address, error="m")
    except segno.DataOverflowError:  # long in bytes though short in characters
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
