"""Bytes to text: byte-order marks, UTF-8, declared and detected encodings, mojibake repair.

Order of trust: a byte-order mark, then strict UTF-8 (what nearly every file is), then UTF-8 with
a few damaged bytes (replaced and reported), then an encoding the container declares (HTTP
header, ``<meta charset>``), then charset-normalizer. Detection is first restricted to the
Western European code pages French text comes in, because unrestricted detection calls short
French Windows-1252 text Central European (cp1250) and garbles its accents; it falls back to the
full detector when that fits badly. Every decision other than clean UTF-8 is reported as a
warning on the article.

Mojibake (UTF-8 read as Windows-1252 somewhere upstream: "Ã©" for "é", "â€™" for "’") is repaired
with ftfy, limited to its encoding fixes so that correct text is never touched.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any

# Code pages of Western European text, tried first by the detector.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]
_MAX_CHAOS = 0.2  # charset-normalizer's "mess" ratio above which a Western guess is refused
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_C1_BYTES = re.compile(rb"[\x80-\x9f]")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Text of ``data`` with line ends normalised to ``\\n``, and warnings saying how it was
    decoded when that was not plain UTF-8."""
    text, warnings = _decode(data, declared)
    if "\x00" in text:  # stray NUL bytes (a broken export): no text holds them
        warnings.append(f"{text.count(chr(0))} NUL character(s) removed")
        text = text.replace("\x00", "")
    return _NEWLINES.sub("\n", text), warnings


def _decode(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    encoding, warnings = choose_encoding(data, declared=declared)
    return data.decode(encoding, errors="replace"), warnings


def choose_encoding(data: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """The codec to read ``data`` with (undecodable bytes then become U+FFFD), and warnings."""
    bom = _bom_encoding(data)
    if bom:
        return bom, []
    if _is_utf8(data):
        return "utf-8", []
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        if _decodes(data, encoding):
            return encoding, [f"no byte-order mark: decoded as {encoding.upper()}"]
    bad = _damaged_utf8(data)
    if bad is not None:
        return "utf-8", [f"invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD"]
    declared = declared or declared_charset(data)
    if declared:
        codec = _codec(declared)
        if codec and codec not in {"utf-8", "utf-8-sig"} and _decodes(data, codec):
            return codec, [f"not UTF-8: decoded as declared {declared}"]
    detected = detect_encoding(data)
    if detected:
        return detected, [f"not UTF-8: decoded as {detected} (detected by charset-normalizer)"]
    return "cp1252", ["not UTF-8 and no encoding detected: decoded as Windows-1252"]


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def _bom_encoding(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _looks_utf16(data: bytes) -> bool:
    """ASCII-heavy UTF-16 without a BOM: one byte of each pair is NUL, always the same one."""
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 8:
        return False
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    return max(even, odd) > pairs * 0.6 and min(even, odd) == 0


def _damaged_utf8(data: bytes) -> int | None:
    """UTF-8 text with a few bad bytes (a truncated export, a stray byte): the number of bad
    sequences when the valid multi-byte characters outnumber them, else None."""
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte >= bad and bad <= max(3, len(replaced) // 1000):
        return bad
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    found = _DECLARED.search(data[:4096])
    return found.group(1).decode("ascii", errors="ignore") if found else None


def charset_from_content_type(content_type: str | None) -> str | None:
    """``text/html; charset=ISO-8859-1`` → ``ISO-8859-1``."""
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, Western European code pages first."""
    from charset_normalizer import from_bytes

    sample = data[: 256 * 1024]
    western = from_bytes(sample, cp_isolation=WESTERN_ENCODINGS).best()
    if western is not None and western.chaos <= _MAX_CHAOS:
        if western.encoding in ("latin_1", "iso8859_15") and _C1_BYTES.search(sample) and (
                _decodes(sample, "cp1252")):
            # Bytes 0x80-0x9f are invisible controls in Latin-1 but letters and punctuation
            # (œ, ’, …) in Windows-1252: text that uses them is Windows-1252.
            return "cp1252"
        return str(western.encoding)
    anything = from_bytes(sample).best()
    if anything is not None:
        return str(anything.encoding)
    return str(western.encoding) if western is not None else None


@lru_cache(maxsize=1)
def _ftfy_config() -> Any:
    from ftfy import TextFixerConfig

    # Only the encoding repairs: no quote uncurling, no width or ligature folding, no Unicode
    # normalisation, no HTML unescaping, so text that was right stays byte-for-byte the same.
    return TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=True,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Text with mojibake undone, and a warning naming what was repaired (None when unchanged)."""
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(text, config=_ftfy_config())
    if fixed == text:
        return text, None
    steps = ", ".join(f"{step} {arg}" for step, arg in explanation or [])
    examples = _changed_examples(text, fixed)
    return fixed, f"mojibake repaired by ftfy ({steps}): {examples}"


def _changed_examples(before: str, after: str, limit: int = 3) -> str:
    """A few before → after word pairs, so the user can see what the repair did."""
    import difflib

    old, new = before.split(" "), after.split(" ")
    matcher = difflib.SequenceMatcher(None, old, new)
    pairs: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pair = f"'{' '.join(old[i1:i2])[:40]}' → '{' '.join(new[j1:j2])[:40]}'"
        if pair not in pairs:
            pairs.append(pair)
        if len(pairs) == limit:
            break
    return "; ".join(pairs)


def is_utf16(head: bytes) -> bool:
    """UTF-16 text, with a byte-order mark or without (then mostly ASCII)."""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(head)
