"""Which address a request comes from, when proxies stand in between.

A forwarded header is the client's word unless it was written by a proxy we run: it is read
only when the peer is one of the configured trusted proxies (TRUSTED_PROXIES), and then from
the right, skipping our own proxies, so an address a client prepended is never taken."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """CIDR blocks (a bare address is its own /32 or /128); raises ValueError on a bad one."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


def _address(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted(peer: str | None, trusted: tuple[Network, ...]) -> bool:
    address = _address(peer or "")
    return address is not None and any(address in network for network in trusted)


def client_address(peer: str | None, forwarded_for: str | None, trusted: tuple[Network, ...]) -> str:
    """The client's address: the peer's own, or (peer trusted) the rightmost X-Forwarded-For
    entry that is not itself a trusted proxy."""
    if not trusted or not is_trusted(peer, trusted):
        return peer or "unknown"
    for entry in reversed((forwarded_for or "").split(",")):
        address = _address(entry)
        if address is None:
            break  # garbage where our proxy writes: fall back to the peer
        if not any(address in network for network in trusted):
            return str(address)
    return peer or "unknown"
