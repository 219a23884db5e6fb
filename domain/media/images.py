"""Pictures are decoded and encoded again: what is stored holds pixels only, no EXIF (GPS
position, camera serial), no XMP, no comments, no trailing bytes. A file whose header says
image but whose body does not decode (a PNG header on a script) is refused."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

from domain.media.rules import JPEG, PNG, WEBP

# Larger pictures are refused before decoding (a small file can inflate to gigabytes).
MAX_PIXELS = 40_000_000
_FORMATS = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}


class NotAnImage(ValueError):
    """The bytes do not decode as the picture their header announces."""


@dataclass(frozen=True)
class Cleaned:
    data: bytes
    width: int
    height: int


def reencode(data: bytes, content_type: str) -> Cleaned:
    """Decode, apply the EXIF orientation to the pixels, and encode again without metadata.
    CPU-bound: callers run it in a thread."""
    target = _FORMATS[content_type]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[target]) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    raise NotAnImage("too many pixels")
                probe.load()
                upright = ImageOps.exif_transpose(probe)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError,
            Image.DecompressionBombWarning) as exc:
        raise NotAnImage(str(exc)) from None
    if upright.mode not in ("RGB", "RGBA", "L", "LA"):  # palettes, CMYK, 16-bit: plain pixels
        upright = upright.convert("RGBA" if "transparency" in upright.info or upright.mode == "PA" else "RGB")
    if target == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    # A fresh image from the pixels alone: nothing of the original's info (EXIF, XMP, text) follows.
    clean = Image.new(upright.mode, upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    options: dict[str, object] = {"quality": 90} if target in ("JPEG", "WEBP") else {"optimize": True}
    clean.save(out, format=target, **options)
    return Cleaned(out.getvalue(), clean.width, clean.height)
