"""Every ctypes prototype of the Python package matches include/backbalance/backbalance.h:
the function exists, and its return type and each argument's type are what the header
declares. A prototype that drifts from the header is a crash waiting, not an error ctypes
reports: this test is the check.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any, Optional

from conftest import REPO

from backbalance import _native

HEADER = REPO / "include" / "backbalance" / "backbalance.h"

_INT = ctypes.c_int
_VOIDP = ctypes.c_void_p
_CHARP = ctypes.c_char_p


def parse_header(text: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (return type, [argument types]) of every BKB_API function, types with
    their parameter names removed and spaces normalised (``const char *``)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"^\s*#(?:[^\n]*\\\n)*[^\n]*", " ", text, flags=re.M)  # preprocessor lines
    functions: dict[str, tuple[str, list[str]]] = {}
    for match in re.finditer(r"BKB_API\s+(.*?)\b(bkb_\w+)\s*\((.*?)\)\s*BKB_NOEXCEPT\s*;",
                             text, flags=re.S):
        result, name, params = match.groups()
        arguments = [] if params.strip() in ("", "void") else [
            _type_of(p) for p in params.split(",")]
        functions[name] = (_normalise(result), arguments)
    return functions


def _type_of(parameter: str) -> str:
    parameter = " ".join(parameter.split())
    return _normalise(re.sub(r"\s*\b\w+$", "", parameter))  # drop the parameter's name


def _normalise(c_type: str) -> str:
    c_type = " ".join(c_type.replace("*", " * ").split())
    return c_type.replace("* *", "**").replace("* const *", "*const *")


ENUMS = {"bkb_status", "bkb_plan_status", "bkb_phase"}


def _accepts(c_type: str, ctype: Optional[Any]) -> bool:
    """True when the ctypes type `ctype` is right for the C type `c_type`."""
    if c_type == "void":
        return ctype is None
    if c_type in ENUMS:
        return ctype is _INT
    scalars = {"uint32_t": ctypes.c_uint32, "int32_t": ctypes.c_int32, "double": ctypes.c_double}
    if c_type in scalars:
        return ctype is scalars[c_type]
    if c_type == "const char *":
        return ctype is _CHARP
    if c_type == "char *":  # owned text: kept as a pointer for bkb_free
        return ctype in (_VOIDP, _CHARP)
    if c_type in ("const char **", "const char *const *"):
        return ctype is ctypes.POINTER(_CHARP)
    if c_type == "char **":
        return ctype in (ctypes.POINTER(_VOIDP), ctypes.POINTER(_CHARP))
    if c_type == "void *":
        return ctype is _VOIDP
    if re.fullmatch(r"(const )?bkb_\w+ \*", c_type):  # a handle
        return ctype is _VOIDP
    if re.fullmatch(r"bkb_\w+ \*\*", c_type):  # a handle's address (out, destroy)
        return ctype is ctypes.POINTER(_VOIDP)
    return False


def _name(ctype: Optional[Any]) -> str:
    return "None" if ctype is None else getattr(ctype, "__name__", repr(ctype))


def mismatches(prototypes: dict[str, tuple[Optional[Any], list[Any]]],
               header: dict[str, tuple[str, list[str]]]) -> list[str]:
    """Every difference between `prototypes` (as _native.PROTOTYPES) and the header."""
    problems = []
    for name, (restype, argtypes) in sorted(prototypes.items()):
        if name not in header:
            problems.append(f"{name}: not declared in backbalance.h")
            continue
        result, arguments = header[name]
        if not _accepts(result, restype):
            problems.append(f"{name}: returns {result!r}, prototype says {_name(restype)}")
        if len(arguments) != len(argtypes):
            problems.append(f"{name}: takes {len(arguments)} arguments, prototype has "
                            f"{len(argtypes)}")
            continue
        for index, (c_type, ctype) in enumerate(zip(arguments, argtypes)):
            if not _accepts(c_type, ctype):
                problems.append(f"{name}: argument {index} is {c_type!r}, prototype says "
                                f"{_name(ctype)}")
    return problems


def test_header_parses():
    header = parse_header(HEADER.read_text())
    assert header["bkb_planner_plan_batch"] == (
        "bkb_status", ["const bkb_planner *", "const char *const *", "uint32_t", "int32_t",
                       "bkb_batch **"])
    assert header["bkb_version_number"] == ("uint32_t", [])
    assert len(header) >= len(_native.PROTOTYPES)


def test_every_prototype_matches_the_header():
    problems = mismatches(_native.PROTOTYPES, parse_header(HEADER.read_text()))
    assert problems == [], "\n".join(problems)


def test_the_loaded_library_has_the_prototypes():
    for name, (restype, argtypes) in _native.PROTOTYPES.items():
        function = getattr(_native.lib, name)
        assert function.restype is restype and function.argtypes == argtypes, name


def test_a_changed_prototype_is_caught():
    """The check fails for each way a prototype can drift: a wrong return type, a wrong
    argument type, a missing argument, a name the header does not have."""
    header = parse_header(HEADER.read_text())
    cases = {
        "bkb_catalog_size": (ctypes.c_int32, [_VOIDP]),          # uint32_t returned
        "bkb_planner_plan": (_INT, [_VOIDP, _VOIDP, ctypes.POINTER(_VOIDP)]),  # char* arg
        "bkb_batch_plan": (_VOIDP, [_VOIDP]),                     # index left out
        "bkb_plan_destroy": (None, [_VOIDP]),                     # bkb_plan ** passed as *
        "bkb_no_such_function": (None, []),
    }
    for name, prototype in cases.items():
        changed = dict(_native.PROTOTYPES)
        changed[name] = prototype
        problems = mismatches(changed, header)
        assert len(problems) == 1 and problems[0].startswith(f"{name}:"), (name, problems)
