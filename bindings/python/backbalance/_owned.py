"""The one library handle a Python object owns (a bkb_catalog, a bkb_planner).

Closing frees it at once and is idempotent; a ``with`` block closes it on the way out;
the finaliser frees what was not closed. Catalog and Planner share this, so the rules of
ownership (backbalance.h: each handle destroyed once, by its own bkb_*_destroy) are
written once.
"""

from __future__ import annotations

import ctypes
from types import TracebackType
from typing import ClassVar, Optional, TypeVar

from . import _native

_Owner = TypeVar("_Owner", bound="OwnedHandle")


class OwnedHandle:
    """Owns one handle; a subclass names what it is and the function that destroys it."""

    __slots__ = ("_handle",)
    _handle: ctypes.c_void_p
    _what: ClassVar[str] = ""     # "catalog": for the message once closed
    _destroy: ClassVar[str] = ""  # "bkb_catalog_destroy"

    @property
    def handle(self) -> ctypes.c_void_p:
        """The library's pointer; ValueError once closed."""
        if not self._handle:
            raise ValueError(f"backbalance: the {self._what} is closed")
        return self._handle

    @property
    def closed(self) -> bool:
        return not self._handle

    def close(self) -> None:
        """Frees the library's object now (again: nothing)."""
        if self._handle:
            getattr(_native.lib, self._destroy)(ctypes.byref(self._handle))
            self._handle = ctypes.c_void_p()

    def __enter__(self: _Owner) -> _Owner:
        return self

    def __exit__(self, kind: Optional[type[BaseException]], error: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None:
        self.close()

    def __del__(self) -> None:
        # At interpreter exit the module's globals may already be gone.
        handle = getattr(self, "_handle", None)
        if handle and _native is not None and _native.lib is not None:
            getattr(_native.lib, self._destroy)(ctypes.byref(handle))
