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
from typing import Optional

SONAME = "libbackbalance.so.0"
#: The ABI major version this package speaks; bkb_version_number() // 10000 must match.
ABI_MAJOR = 0
#: The oldest library version (MAJOR*10000 + MINOR*100 + PATCH) with every function used.
MINIMUM_VERSION = 100


class LibraryNotFound(ImportError):
    """No usable libbackbalance was found by the documented rule."""


def _candidates() -> list[tuple[str, str]]:
    """(rule, path) pairs in the order they are tried."""
    found = []
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


def _declare(lib: ctypes.CDLL) -> None:
    """The prototypes of the functions this package calls (backbalance.h)."""
    c_char_p, c_void_p, u32, i32 = ctypes.c_char_p, ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int32
    status = ctypes.c_int
    out = ctypes.POINTER(c_void_p)
    text_out = ctypes.POINTER(c_char_p)
    prototypes = {
        "bkb_version_number": (u32, []),
        "bkb_version_string": (c_char_p, []),
        "bkb_status_name": (c_char_p, [status]),
        "bkb_last_error_message": (c_char_p, []),
        "bkb_last_error_problem_count": (u32, []),
        "bkb_last_error_problem": (status, [u32, text_out, text_out, text_out]),
        "bkb_free": (None, [c_void_p]),
        "bkb_catalog_builtin": (status, [out]),
        "bkb_catalog_from_json": (status, [c_char_p, out]),
        "bkb_catalog_from_file": (status, [c_char_p, out]),
        "bkb_catalog_size": (u32, [c_void_p]),
        "bkb_catalog_sha256": (c_char_p, [c_void_p]),
        "bkb_catalog_json": (c_char_p, [c_void_p]),
        "bkb_profile_canonical_json": (status, [c_void_p, c_char_p, ctypes.POINTER(c_void_p)]),
        "bkb_catalog_destroy": (None, [out]),
        "bkb_options_default_json": (c_char_p, []),
        "bkb_planner_create": (status, [c_void_p, c_char_p, out]),
        "bkb_planner_options_json": (c_char_p, [c_void_p]),
        "bkb_planner_destroy": (None, [out]),
        "bkb_planner_plan": (status, [c_void_p, c_char_p, out]),
        "bkb_plan_from_json": (status, [c_char_p, out]),
        "bkb_plan_json": (c_char_p, [c_void_p]),
        "bkb_plan_destroy": (None, [out]),
        "bkb_planner_plan_batch": (status, [c_void_p, ctypes.POINTER(c_char_p), u32, i32, out]),
        "bkb_batch_size": (u32, [c_void_p]),
        "bkb_batch_status": (status, [c_void_p, u32]),
        "bkb_batch_plan": (c_void_p, [c_void_p, u32]),
        "bkb_batch_error_message": (c_char_p, [c_void_p, u32]),
        "bkb_batch_problem_count": (u32, [c_void_p, u32]),
        "bkb_batch_problem": (status, [c_void_p, u32, u32, text_out, text_out, text_out]),
        "bkb_batch_destroy": (None, [out]),
        "bkb_evaluate": (status, [c_void_p, c_char_p, c_void_p, out]),
        "bkb_evaluation_json": (c_char_p, [c_void_p]),
        "bkb_evaluation_destroy": (None, [out]),
        "bkb_planner_next_week": (status, [c_void_p, c_char_p, c_void_p, c_char_p, out]),
        "bkb_next_week_json": (c_char_p, [c_void_p]),
        "bkb_next_week_plan": (c_void_p, [c_void_p]),
        "bkb_next_week_destroy": (None, [out]),
        # Experimental (BKB_EXPERIMENTAL): programmes and progress.
        "bkb_planner_programme": (status, [c_void_p, c_char_p, c_char_p,
                                           ctypes.POINTER(c_void_p)]),
        "bkb_planner_progress": (status, [c_void_p, c_char_p, ctypes.POINTER(c_void_p)]),
    }
    for name, (restype, argtypes) in prototypes.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes


def _load() -> tuple[ctypes.CDLL, str, str]:
    tried = []
    for rule, path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as error:
            tried.append(f"  {rule}: {path}: {error}")
            continue
        _declare(lib)
        number = lib.bkb_version_number()
        if number // 10000 != ABI_MAJOR or number < MINIMUM_VERSION:
            raise LibraryNotFound(
                f"{path} ({rule}) is libbackbalance {lib.bkb_version_string().decode()}; this "
                f"package needs ABI {ABI_MAJOR} at version >= {MINIMUM_VERSION // 10000}."
                f"{MINIMUM_VERSION // 100 % 100}.{MINIMUM_VERSION % 100}"
            )
        return lib, path, rule
    raise LibraryNotFound(
        "libbackbalance.so.0 not found; set BACKBALANCE_LIBRARY to the library or "
        "BACKBALANCE_BUILD_DIR to a CMake build tree. Tried:\n" + "\n".join(tried)
    )


lib, library_path, library_rule = _load()


def library_version() -> str:
    """The version of the loaded library, e.g. ``"0.1.0"``."""
    return lib.bkb_version_string().decode()


def status_name(status: int) -> str:
    return lib.bkb_status_name(status).decode()


def take_owned_text(pointer: ctypes.c_void_p) -> Optional[str]:
    """The text of a string the library allocated for us, freed with bkb_free."""
    if not pointer:
        return None
    try:
        return ctypes.string_at(pointer).decode()
    finally:
        lib.bkb_free(pointer)
