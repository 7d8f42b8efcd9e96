"""Tiny, valid images for every ``/uploads/`` path the pages reference."""

from __future__ import annotations

import struct
import zlib

# An 8x8 grey baseline JPEG: one block whose DC and AC coefficients are all zero, coded with
# one-symbol Huffman tables.
_JPEG = bytes.fromhex(
    "ffd8"
    "ffe000104a46494600010100000100010000"
    "ffdb004300" + "01" * 64
    + "ffc0000b080008000801011100"
    "ffc4001400" + "01" + "00" * 15 + "00"
    "ffc4001410" + "01" + "00" * 15 + "00"
    "ffda000801010000003f00"
    "3f"
    "ffd9"
)


def _png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


_PNG = _png(4, 4, (32, 96, 160))


def image_bytes(path: str) -> tuple[bytes, str]:
    """(body, content type) for an image path; the extension decides the format."""
    if path.endswith(".png"):
        return _PNG, "image/png"
    return _JPEG, "image/jpeg"
