"""Finding, loading and describing libbackbalance.so, the C ABI this package wraps.

The library is located by the first rule that applies:

1. ``BACKBALANCE_LIBRARY``: the path of the shared library;
2. bundled: ``backbalance/_lib/libbackbalance.so.0`` inside this package (a wheel built
   with ``BACKBALANCE_BUILD_DIR`` or ``BACKBALANCE_LIBRARY`` set carries it);
3. ``BACKBALANCE_BUILD_DIR``: a CMake build tree, ``<dir>/src/capi/libbackbalance.so.0``;
4. the system's loader: ``libbackbalance.so.0`` on its search path (``cmake --install``).

ctypes releases the GIL around every call into the library, so a long batch on one
thread does not stop other Python threads.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Any, Optional

SONAME = "libbackbalance.so.0"
#: The ABI major version this package speaks; bkb_version_number() // 10000 must match.
ABI_MAJOR = 0
#: The oldest library version (MAJOR*10000 + MINOR*100 + PATCH) with every function used.
MINIMUM_VERSION = 100


class LibraryNotFound(ImportError):
    """No usable libbackbalance was found by the documented rule."""


def _candidates() -> list[tuple[str, str]]:
    """(rule, path) pairs in the order they are tried."""
    found: list[tuple[str, str]] = []
    explicit = os.environ.get("BACKBALANCE_LIBRARY")
    if explicit:
        found.append(("BACKBALANCE_LIBRARY", explicit))
    bundled = Path(__file__).resolve().parent / "_lib" / SONAME
    if bundled.exists():
        found.append(("bundled", str(bundled)))
    build_dir = os.environ.get("BACKBALANCE_BUILD_DIR")
    if build_dir:
        found.append(("BACKBALANCE_BUILD_DIR", str(Path(build_dir) / "src" / "capi" / SONAME)))
    found.append(("system", SONAME))
    return found


_STATUS = ctypes.c_int  # bkb_status, an enum
_OUT = ctypes.POINTER(ctypes.c_void_p)  # T **out
_TEXT_OUT = ctypes.POINTER(ctypes.c_char_p)  # const char **
_P, _S, _U32, _I32 = ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32, ctypes.c_int32

#: Name -> (restype, argtypes) of every function this package calls, as backbalance.h
#: declares them (tests/python/test_prototypes.py checks each against the header).
#: Opaque handles are c_void_p; a string the caller frees (``char **out``) is read through
#: c_void_p, so that the pointer can be handed back to bkb_free.
PROTOTYPES: dict[str, tuple[Optional[Any], list[Any]]] = {
    "bkb_version_number": (_U32, []),
    "bkb_version_string": (_S, []),
    "bkb_status_name": (_S, [_STATUS]),
    "bkb_last_error_message": (_S, []),
    "bkb_last_error_problem_count": (_U32, []),
    "bkb_last_error_problem": (_STATUS, [_U32, _TEXT_OUT, _TEXT_OUT, _TEXT_OUT]),
    "bkb_free": (None, [_P]),
    "bkb_catalog_builtin": (_STATUS, [_OUT]),
    "bkb_catalog_from_json": (_STATUS, [_S, _OUT]),
    "bkb_catalog_from_file": (_STATUS, [_S, _OUT]),
    "bkb_catalog_size": (_U32, [_P]),
    "bkb_catalog_sha256": (_S, [_P]),
    "bkb_catalog_json": (_S, [_P]),
    "bkb_profile_canonical_json": (_STATUS, [_P, _S, _OUT]),
    "bkb_catalog_destroy": (None, [_OUT]),
    "bkb_options_default_json": (_S, []),
    "bkb_planner_create": (_STATUS, [_P, _S, _OUT]),
    "bkb_planner_options_json": (_S, [_P]),
    "bkb_planner_destroy": (None, [_OUT]),
    "bkb_planner_plan": (_STATUS, [_P, _S, _OUT]),
    "bkb_plan_from_json": (_STATUS, [_S, _OUT]),
    "bkb_plan_json": (_S, [_P]),
    "bkb_plan_destroy": (None, [_OUT]),
    "bkb_planner_plan_batch": (_STATUS, [_P, ctypes.POINTER(_S), _U32, _I32, _OUT]),
    "bkb_batch_size": (_U32, [_P]),
    "bkb_batch_status": (_STATUS, [_P, _U32]),
    "bkb_batch_plan": (_P, [_P, _U32]),
    "bkb_batch_error_message": (_S, [_P, _U32]),
    "bkb_batch_problem_count": (_U32, [_P, _U32]),
    "bkb_batch_problem": (_STATUS, [_P, _U32, _U32, _TEXT_OUT, _TEXT_OUT, _TEXT_OUT]),
    "bkb_batch_destroy": (None, [_OUT]),
    "bkb_evaluate": (_STATUS, [_P, _S, _P, _OUT]),
    "bkb_evaluation_json": (_S, [_P]),
    "bkb_evaluation_destroy": (None, [_OUT]),
    "bkb_planner_next_week": (_STATUS, [_P, _S, _P, _S, _OUT]),
    "bkb_next_week_json": (_S, [_P]),
    "bkb_next_week_plan": (_P, [_P]),
    "bkb_next_week_destroy": (None, [_OUT]),
    # Experimental (BKB_EXPERIMENTAL): programmes and progress; the text is freed with bkb_free.
    "bkb_planner_programme": (_STATUS, [_P, _S, _S, _OUT]),
    "bkb_planner_progress": (_STATUS, [_P, _S, _OUT]),
    # Experimental: a plan's view by name (plan, format, planner, profile, options, out).
    "bkb_plan_render": (_STATUS, [_P, _S, _P, _S, _S, _OUT]),
    # Experimental (BKB_EXPERIMENTAL): clinician control; plans are handles, the
    # alternatives document is text freed with bkb_free.
    "bkb_planner_repair": (_STATUS, [_P, _S, _P, _OUT]),
    "bkb_planner_replan": (_STATUS, [_P, _S, _P, _I32, _S, _OUT]),
    "bkb_planner_alternatives": (_STATUS, [_P, _S, _P, _I32, _S, _OUT]),
}


def _declare(lib: ctypes.CDLL) -> None:
    """Sets the prototype of every function this package calls."""
    for name, (restype, argtypes) in PROTOTYPES.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes


def _load() -> tuple[ctypes.CDLL, str, str]:
    """The first library the rule finds, its prototypes declared and its version checked."""
    tried: list[str] = []
    for rule, path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as error:
            tried.append(f"  {rule}: {path}: {error}")
            continue
        _declare(lib)
        number = int(lib.bkb_version_number())
        if number // 10000 != ABI_MAJOR or number < MINIMUM_VERSION:
            raise LibraryNotFound(
                f"{path} ({rule}) is libbackbalance {text(lib.bkb_version_string())}; this "
                f"package needs ABI {ABI_MAJOR} at version >= {MINIMUM_VERSION // 10000}."
                f"{MINIMUM_VERSION // 100 % 100}.{MINIMUM_VERSION % 100}"
            )
        return lib, path, rule
    raise LibraryNotFound(
        "libbackbalance.so.0 not found; set BACKBALANCE_LIBRARY to the library or "
        "BACKBALANCE_BUILD_DIR to a CMake build tree. Tried:\n" + "\n".join(tried)
    )



def library_version() -> str:
    """The version of the loaded library, e.g. ``"0.2.0"``."""
    return text(lib.bkb_version_string())


def status_name(status: int) -> str:
    return text(lib.bkb_status_name(status))


def text(value: object) -> str:
    """A ``const char *`` result as str; NULL (only on lack of memory) raises MemoryError."""
    if isinstance(value, bytes):
        return value.decode()
    if value is None:
        raise MemoryError("backbalance: out of memory")
    raise TypeError(f"backbalance: expected a C string, got {type(value).__name__}")


def take_owned_text(pointer: ctypes.c_void_p) -> str:
    """The text of a string the library allocated for us, freed with bkb_free."""
    if not pointer:
        raise MemoryError("backbalance: out of memory")
    try:
        return ctypes.string_at(pointer).decode()
    finally:
        lib.bkb_free(pointer)


lib: ctypes.CDLL
library_path: str
library_rule: str
lib, library_path, library_rule = _load()
