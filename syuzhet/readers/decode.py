"""Bytes to text: BOMs, UTF-8, legacy Cyrillic code pages; binary content refused with a reason."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from syuzhet.problems import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_MAGIC = [
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x7fELF", "executable"),
    (b"RIFF", "RIFF media file"),
    (b"\x00\x00\x00", "binary data"),
]
_LEGACY = ["cp1251", "koi8_r", "koi8_u", "cp866", "iso8859_5", "mac_cyrillic", "cp1252", "utf_16_le", "utf_16_be"]
_REPLACEMENT_BUDGET = 0.01
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|^<\?xml[^>]+encoding=["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_HEAD_BYTES = 4096  # a charset declaration sits near the top of a page or feed


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page (<meta charset>) or XML feed (<?xml encoding>) declares, if Python knows it."""
    match = _DECLARED.search(data[:_HEAD_BYTES])
    if match is None:
        return None
    try:
        return codecs.lookup((match.group(1) or match.group(2)).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(data: bytes) -> tuple[str, str | None]:
    """The decoded text and a warning (or None). Raises ``InputError`` for empty or binary input."""
    if not data.strip():
        raise InputError("empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="replace")), None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"binary file ({kind}), not text")
    if utf16 := _utf16_without_bom(data):
        return _checked(utf16), None
    try:
        return _checked(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    if declared := declared_charset(data):
        try:
            return _checked(data.decode(declared)), None
        except UnicodeDecodeError:
            pass
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    if bad <= max(8, _REPLACEMENT_BUDGET * len(lenient)) and _has_multibyte(lenient):
        return _checked(lenient), f"invalid UTF-8: {bad} undecodable byte sequence(s) replaced with U+FFFD"
    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None:
        raise InputError("binary or undecodable content (not UTF-8, UTF-16 or a Cyrillic code page)")
    return _checked(str(best)), None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: the high byte of each character is nearly always 0x00 (Latin, digits,
    spaces) or 0x04 (Cyrillic), at odd positions (LE) or even ones (BE); text in UTF-8 or an 8-bit code page
    shows no such pattern. The text when it decodes cleanly, else None."""
    head = data[:_HEAD_BYTES]
    if len(head) < 8 or b"\x00" not in head:
        return None
    odd, even = _high_share(head[1::2]), _high_share(head[0::2])
    codec = "utf-16-le" if odd > 0.7 > 0.3 > even else "utf-16-be" if even > 0.7 > 0.3 > odd else None
    if codec is None:
        return None
    try:
        return data[: len(data) - len(data) % 2].decode(codec)
    except UnicodeDecodeError:
        return None


def _high_share(half: bytes) -> float:
    return (half.count(0) + half.count(4)) / max(1, len(half))


def _has_multibyte(text: str) -> bool:
    return any(ord(ch) > 127 and ch != "\ufffd" for ch in text)


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters: binary data that happened to decode."""
    sample = text[:20000]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if sample and controls / len(sample) > 0.05:
        raise InputError("binary content (control characters), not text")
    if not text.strip():
        raise InputError("empty file")
    return text
