"""Turning the profiles and plans callers pass into the JSON text the library reads."""

from __future__ import annotations

import json
import os
from typing import Any, Mapping, Union

PROFILE_SCHEMA = "backbalance.profile/1"

#: A profile: a mapping of its fields (``schema`` may be left out), its JSON text (str or
#: bytes), or the path of a JSON file (``os.PathLike``; a ``str`` is always JSON text).
ProfileLike = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]"]


def profile_text(profile: ProfileLike) -> str:
    """The JSON text of ``profile``; a mapping without ``schema`` gets the profile schema."""
    if isinstance(profile, os.PathLike):
        with open(profile, encoding="utf-8") as file:
            return file.read()
    if isinstance(profile, bytes):
        return profile.decode("utf-8")
    if isinstance(profile, str):
        return profile
    if isinstance(profile, Mapping):
        fields = dict(profile)
        fields.setdefault("schema", PROFILE_SCHEMA)
        return json.dumps(fields)
    raise TypeError(
        f"a profile is a mapping, JSON text or an os.PathLike, not {type(profile).__name__}")


def encode(text: str) -> bytes:
    """The UTF-8 bytes of a document for the C ABI, which reads NUL-terminated strings.

    A NUL byte would end the document there without a word, and whatever follows it
    would be ignored: it is refused here as the library refuses it in a file, with the
    same ``syntax`` problem (``invalid JSON at byte N (line L, column C): a NUL byte...``).
    """
    data = text.encode("utf-8")
    nul = data.find(b"\0")
    if nul >= 0:
        raise _nul_byte_error(data, nul)
    return data


def _nul_byte_error(data: bytes, offset: int) -> Exception:
    from .errors import InvalidInput, Problem  # errors imports the library; load it late

    line = 1 + data.count(b"\n", 0, offset)
    line_start = data.rfind(b"\n", 0, offset)
    column = offset + 1 if line_start < 0 else offset - line_start
    detail = (f"invalid JSON at byte {offset} (line {line}, column {column}): a NUL byte; "
              "JSON text holds none, and nothing may follow a document")
    problem = Problem("", "syntax", detail)
    return InvalidInput(3, str(problem), [problem])
