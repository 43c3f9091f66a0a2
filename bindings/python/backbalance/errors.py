"""Errors of the library as Python exceptions, carrying its status code and problems."""

from __future__ import annotations

import ctypes
from typing import Any, Callable, NamedTuple, Optional

from . import _native


class Problem(NamedTuple):
    """One fault of a document: ``path`` in the document's own syntax ("" for the whole
    document), ``rule`` a stable code (``range``, ``required``, ``unknown_field``...),
    ``detail`` a sentence that may change."""

    path: str
    rule: str
    detail: str

    def __str__(self) -> str:
        return f"{self.path or '(document)'}: {self.rule}: {self.detail}"


class BackbalanceError(Exception):
    """A failed call into backbalance.

    ``code`` is the status name (``"INVALID_ARGUMENT"``, ``"NOT_FOUND"``, ...), ``status``
    its number (absl::StatusCode), ``message`` the library's text and ``problems`` the
    faults of a bad document, in document order. ``index`` is the position of the profile
    in :meth:`Planner.plan_many` (None elsewhere).
    """

    index: Optional[int]

    def __init__(self, status: int, message: str, problems: list[Problem]) -> None:
        self.index = None
        self.status = status
        self.code = _native.status_name(status)
        self.message = message
        self.problems = problems
        super().__init__(f"{self.code}: {message}" if message else self.code)

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception pickles as cls(*self.args), and args holds the one formatted text:
        # unpickling then failed (missing arguments), which hangs a multiprocessing Pool
        # whose worker raised it. Rebuild from the fields, extra attributes (``index``)
        # included.
        return (_restore_error, (type(self), self.status, self.message, list(self.problems)),
                self.__dict__)


class InvalidInput(BackbalanceError, ValueError):
    """A bad document, option or argument (BKB_INVALID_ARGUMENT); see ``problems``."""


class NotFound(BackbalanceError, LookupError):
    """A file could not be read (BKB_NOT_FOUND)."""


_BY_STATUS = {3: InvalidInput, 5: NotFound}


def _restore_error(cls: type[BackbalanceError], status: int, message: str,
                   problems: list[Problem]) -> BackbalanceError:
    return cls(status, message, [Problem(*p) for p in problems])


def make_error(status: int, message: str, problems: list[Problem]) -> BackbalanceError:
    return _BY_STATUS.get(status, BackbalanceError)(status, message, problems)


def _read_problems(count: int, read: Callable[..., int]) -> list[Problem]:
    problems: list[Problem] = []
    for index in range(count):
        path, rule, detail = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
        if read(index, ctypes.byref(path), ctypes.byref(rule), ctypes.byref(detail)) != 0:
            break
        problems.append(Problem((path.value or b"").decode(), (rule.value or b"").decode(),
                                (detail.value or b"").decode()))
    return problems


def last_error(status: int) -> BackbalanceError:
    """The exception for this thread's last failed call, which returned ``status``."""
    lib = _native.lib
    problems = _read_problems(int(lib.bkb_last_error_problem_count()),
                              lib.bkb_last_error_problem)
    return make_error(status, _native.text(lib.bkb_last_error_message()), problems)


def check(status: int) -> None:
    """Raises the last error unless ``status`` is BKB_OK."""
    if status != 0:
        raise last_error(status)


def batch_entry_error(batch: ctypes.c_void_p, index: int) -> BackbalanceError:
    """The exception for entry ``index`` of a batch that failed."""
    lib = _native.lib
    def read(i: int, *out: object) -> int:
        return int(lib.bkb_batch_problem(batch, index, i, *out))

    problems = _read_problems(int(lib.bkb_batch_problem_count(batch, index)), read)
    return make_error(int(lib.bkb_batch_status(batch, index)),
                      _native.text(lib.bkb_batch_error_message(batch, index)), problems)
