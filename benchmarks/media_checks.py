"""What confirming an upload costs in CPU (domain/media/checks.py): size, checksum, the real
type, the (pass-through) scan and, for pictures, the decode and metadata-free re-encode, for a
phone photo (12 MP JPEG with EXIF GPS) and a small one. The anchor is hashing the same bytes
alone (SHA-256), so figures from machines of different speeds compare.

    .venv/bin/python benchmarks/media_checks.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image

from domain.media.checks import check
from domain.media.models import UploadKind
from domain.media.ports import PassThroughScanner
from domain.media.rules import DEFAULT_RULES, MB, KindRule


def photo(width: int, height: int) -> bytes:
    """A noisy picture (compresses like a photo, not like a flat colour) with EXIF GPS."""
    image = Image.effect_noise((width, height), 64).convert("RGB")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def timed(rounds: int, step: Any) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        step()
    return (time.perf_counter() - started) / rounds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rule = KindRule(DEFAULT_RULES[UploadKind.EVIDENCE].types, 64 * MB, None)
    for label, (width, height) in (("12 MP phone photo", (4000, 3000)), ("1 MP photo", (1200, 900))):
        data = photo(width, height)
        upload: Any = SimpleNamespace(declared_size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                                      declared_type="image/jpeg", kind=UploadKind.EVIDENCE)
        anchor = timed(args.rounds, lambda data=data: hashlib.sha256(data).digest())
        confirm = timed(args.rounds, lambda data=data, upload=upload: asyncio.run(
            check(upload, data, rule, PassThroughScanner())))
        print(f"{label} ({len(data) / MB:.1f} MiB): confirm checks {confirm * 1000:.0f} ms; "
              f"anchor sha256 {anchor * 1000:.1f} ms ({confirm / anchor:.0f}x the anchor)")
    print("load average:", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
