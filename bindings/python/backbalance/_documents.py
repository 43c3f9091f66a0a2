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
    return text.encode("utf-8")
