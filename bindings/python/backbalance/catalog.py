"""Catalog: an immutable, validated set of exercises (bkb_catalog)."""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Callable, Union

from . import _native, errors
from ._documents import ProfileLike, encode, profile_text
from ._owned import OwnedHandle


class Catalog(OwnedHandle):
    """An exercise catalogue: the built-in one, or a backbalance.catalog/1 document.

    Immutable and safe to share between threads. It pickles by its source (the built-in
    marker, or its JSON text), so a custom catalogue travels to Dask workers. ``close()``
    (or a ``with`` block) frees the library's copy at once; planners made from it keep
    their own share, so closing it never breaks them.

    >>> with Catalog.builtin() as catalog:
    ...     len(catalog) > 0
    True
    """

    __slots__ = ("_source",)
    _what = "catalog"
    _destroy = "bkb_catalog_destroy"
    _source: tuple[str, str]

    def __init__(self) -> None:
        raise TypeError("use Catalog.builtin(), Catalog.from_json() or Catalog.from_file()")

    @classmethod
    def _wrap(cls, handle: ctypes.c_void_p, source: tuple[str, str]) -> Catalog:
        catalog = object.__new__(cls)
        catalog._handle = handle
        catalog._source = source
        return catalog

    @classmethod
    def builtin(cls) -> Catalog:
        """The catalogue built into the library (data/catalog/builtin.json)."""
        handle = ctypes.c_void_p()
        errors.check(_native.lib.bkb_catalog_builtin(ctypes.byref(handle)))
        return cls._wrap(handle, ("builtin", ""))

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> Catalog:
        """Parses and validates a catalogue document.

        Raises InvalidInput listing every problem (``exercises[3].rest_hours: range: ...``).
        """
        if isinstance(text, bytes):
            text = text.decode("utf-8")
        handle = ctypes.c_void_p()
        errors.check(_native.lib.bkb_catalog_from_json(encode(text), ctypes.byref(handle)))
        return cls._wrap(handle, ("json", text))

    @classmethod
    def from_file(cls, path: Union[str, os.PathLike[str]]) -> Catalog:
        """Catalog.from_json on a file's contents; NotFound when it cannot be read."""
        handle = ctypes.c_void_p()
        errors.check(
            _native.lib.bkb_catalog_from_file(encode(os.fspath(path)), ctypes.byref(handle)))
        # Keep the canonical text: the pickled copy must not depend on the file.
        catalog = cls._wrap(handle, ("json", ""))
        catalog._source = ("json", catalog.to_json())
        return catalog

    def __len__(self) -> int:
        return int(_native.lib.bkb_catalog_size(self.handle))

    @property
    def sha256(self) -> str:
        """SHA-256 of the canonical JSON: the catalog_sha256 of every plan made from it."""
        return _native.text(_native.lib.bkb_catalog_sha256(self.handle))

    @property
    def is_builtin(self) -> bool:
        return self._source[0] == "builtin"

    def to_json(self) -> str:
        """The canonical JSON (every default spelled out), as ``backbalance catalog``."""
        return _native.text(_native.lib.bkb_catalog_json(self.handle))

    def check_profile(self, profile: ProfileLike) -> dict[str, Any]:
        """The profile with every field spelled out, after checking it against this
        catalogue; raises InvalidInput listing its problems."""
        out = ctypes.c_void_p()
        errors.check(_native.lib.bkb_profile_canonical_json(
            self.handle, encode(profile_text(profile)), ctypes.byref(out)))
        document: dict[str, Any] = json.loads(_native.take_owned_text(out))
        return document

    def __reduce__(self) -> tuple[Callable[[str, str], Catalog], tuple[str, str]]:
        return (_restore_catalog, self._source)

    def __repr__(self) -> str:
        origin = "builtin" if self.is_builtin else "json"
        if self.closed:
            return f"<backbalance.Catalog {origin} closed>"
        return f"<backbalance.Catalog {origin} exercises={len(self)} sha256={self.sha256[:12]}>"


def _restore_catalog(kind: str, text: str) -> Catalog:
    return Catalog.builtin() if kind == "builtin" else Catalog.from_json(text)
