"""Planner: plans weeks from one catalogue with fixed options (bkb_planner)."""

from __future__ import annotations

import ctypes
import json
import numbers
import os
import signal
import threading
import time
from collections.abc import Iterable, Mapping
from types import TracebackType
from typing import (Any, Callable, Literal, Optional, Sequence, TypedDict, Union,
                    cast, overload)

from . import _native, errors
from ._documents import ProfileLike, encode, profile_text
from ._owned import OwnedHandle
from .catalog import Catalog
from .errors import BackbalanceError
from .options import PlannerOptions
from .plan import Alternatives, Evaluation, NextWeek, Plan

PlanLike = Union[Plan, Mapping[str, Any], str, bytes]

#: The views :meth:`Planner.render` knows, as ``backbalance plan --format`` names them.
ViewFormat = Literal["json", "text", "markdown", "html", "ics", "fhir"]

# plan_many's chunks aim at this many seconds each, and hold at most _MAX_CHUNK profiles.
_CHUNK_SECONDS = 0.25
_MAX_CHUNK = 4096


class Feedback(TypedDict, total=False):
    """How one use of last week went (plan model section 8); ``day`` and ``exercise`` name it."""

    day: int
    exercise: str
    completed: bool
    pain_after: str  # "better", "same" or "worse"
    soreness_hours: float
    rpe: int  # 1..10


FeedbackLike = Union[Sequence[Union[Feedback, Mapping[str, Any]]], str, bytes]


def _json_object(text: object) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(_native.text(text))
    return document


def default_options() -> PlannerOptions:
    """Every planner option with its default (bkb_options_default_json)."""
    return cast(PlannerOptions, _json_object(_native.lib.bkb_options_default_json()))


class _PlanHandle:
    """A bkb_plan read from JSON, destroyed when dropped."""

    def __init__(self, text: str) -> None:
        self.handle = ctypes.c_void_p()
        errors.check(_native.lib.bkb_plan_from_json(encode(text), ctypes.byref(self.handle)))

    def __del__(self) -> None:
        if self.handle:
            _native.lib.bkb_plan_destroy(ctypes.byref(self.handle))


def _checked_plan_text(text: str) -> str:
    _PlanHandle(text)  # raises InvalidInput naming each problem of the form
    return text


def _plan_text(plan: PlanLike) -> str:
    if isinstance(plan, Plan):
        return plan.to_json()
    if isinstance(plan, bytes):
        return plan.decode("utf-8")
    if isinstance(plan, str):
        return plan
    if isinstance(plan, Mapping):
        return json.dumps(dict(plan))
    raise TypeError(
        f"a plan is a Plan, a mapping of its fields or its JSON text, not {type(plan).__name__}")


def _feedback_text(feedback: FeedbackLike) -> str:
    if isinstance(feedback, bytes):
        return feedback.decode("utf-8")
    if isinstance(feedback, str):
        return feedback
    # A mapping is a sequence of its keys to list(); {"feedback": [...]} (the CLI's object
    # form) would have become ["feedback"]. Say what is wanted instead.
    if isinstance(feedback, Mapping) or not isinstance(feedback, Iterable):
        raise TypeError(
            "feedback is a list of entries {\"day\", \"exercise\", ...} or its JSON text, "
            f"not {type(feedback).__name__}")
    return json.dumps(list(feedback))


#: The most threads plan_many takes (as ``backbalance plan-batch --threads``).
MAX_THREADS = 256


def _checked_threads(threads: Any) -> int:
    # ctypes would raise ArgumentError for 1.5 and wrap 2**31 to -2147483648 and 10**10
    # silently: check here, in Python's own terms.
    if isinstance(threads, bool) or not isinstance(threads, numbers.Integral):
        raise TypeError(f"threads must be an integer, not {type(threads).__name__}")
    threads = int(threads)
    if not 0 <= threads <= MAX_THREADS:
        # InvalidInput is a ValueError, named as the library names its own argument problems.
        problem = errors.Problem(
            "argument threads", "range",
            f"threads must be in 0..{MAX_THREADS} (0: one per hardware thread), got {threads}")
        raise errors.InvalidInput(3, str(problem), [problem])
    return int(threads)


def _checked_day_number(name: str, value: Any, highest: int) -> int:
    """An int for an int32_t argument: ctypes would raise ArgumentError for 2.0 and wrap
    2**32 silently. Values that fit go to the library, which names a bad one
    (``from_day: range``); the others are refused here in the same words."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, not {type(value).__name__}")
    number = int(value)
    if not -2**31 <= number < 2**31:
        problem = errors.Problem(name, "range", f"must be an integer in 0..{highest}, got {number}")
        raise errors.InvalidInput(3, str(problem), [problem])
    return number


class _InterruptFlag:
    """Ctrl-C during a batch, noted by a flag and raised between chunks.

    Python's own SIGINT handler raises KeyboardInterrupt at the next bytecode, and when that
    bytecode belongs to a finaliser (a handle's ``__del__`` after a chunk) the exception is
    printed as "ignored" and lost, so the batch ran on to its end. A handler that only sets
    a flag cannot be lost. Installed only where Python allows it (the main thread) and
    only over Python's default handler, so that an application's own handler is left
    alone."""

    def __init__(self) -> None:
        self._set = False
        self._previous: Any = None

    def __enter__(self) -> "_InterruptFlag":
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            self._previous = signal.signal(signal.SIGINT, self._note)
        return self

    def _note(self, signum: int, frame: Any) -> None:
        self._set = True

    def raise_if_set(self) -> None:
        if self._set:
            raise KeyboardInterrupt

    def __exit__(self, kind: Optional[type[BaseException]], value: Optional[BaseException],
                 traceback: Optional[TracebackType]) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


class Planner(OwnedHandle):
    """Plans weeks from one catalogue with fixed options.

    ``options`` are any of :func:`default_options`' fields (typed as
    :class:`~backbalance.options.PlannerOptions`), checked all at once
    (``Planner(catalog, variety_weight=0.25)``, ``Planner(catalog, first_week_cap_by_fitness=
    [90, 150, 210, 270, 330])``; a misspelt name or a value out of range raises InvalidInput
    naming ``options.<name>``). Immutable and safe to share between threads; it keeps its
    catalogue alive. It pickles as (catalogue, options), so it can be sent to Dask workers.
    """

    __slots__ = ("_catalog", "_given_options")
    _what = "planner"
    _destroy = "bkb_planner_destroy"
    _catalog: Catalog
    _given_options: dict[str, Any]

    def __init__(self, catalog: Optional[Catalog] = None,
                 **options: Any) -> None:
        self._handle = ctypes.c_void_p()
        self._catalog = catalog if catalog is not None else Catalog.builtin()
        self._given_options = dict(options)
        options_json = encode(json.dumps(options)) if options else None
        errors.check(_native.lib.bkb_planner_create(
            self._catalog.handle, options_json, ctypes.byref(self._handle)))

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def options(self) -> PlannerOptions:
        """Every option of this planner, defaults included."""
        return cast(PlannerOptions,
                    _json_object(_native.lib.bkb_planner_options_json(self.handle)))

    def plan(self, profile: ProfileLike) -> Plan:
        """The best week for ``profile``; status "infeasible" or "refer" are plans too.

        Raises InvalidInput for a bad profile (``Problem("pain", "range", ...)``).
        """
        handle = ctypes.c_void_p()
        errors.check(_native.lib.bkb_planner_plan(
            self.handle, encode(profile_text(profile)), ctypes.byref(handle)))
        try:
            return Plan(_native.text(_native.lib.bkb_plan_json(handle)))
        finally:
            _native.lib.bkb_plan_destroy(ctypes.byref(handle))

    @overload
    def plan_many(self, profiles: Iterable[ProfileLike], threads: int = ...,
                  errors: Literal["raise"] = ...) -> list[Plan]: ...

    @overload
    def plan_many(self, profiles: Iterable[ProfileLike], threads: int = ..., *,
                  errors: Literal["return"]) -> list[Union[Plan, BackbalanceError]]: ...

    def plan_many(self, profiles: Iterable[ProfileLike], threads: int = 0,
                  errors: str = "raise") -> Union[list[Plan], list[Union[Plan, BackbalanceError]]]:
        """Plans every profile on up to ``threads`` threads (0: one per hardware thread)
        with the library's batch, the GIL released while it runs. Results are in input
        order and equal to one-by-one :meth:`plan` calls.

        ``errors="raise"`` raises the first bad profile's error (its ``index`` attribute
        says which); ``errors="return"`` puts the exception in that profile's place.
        """
        if errors not in ("raise", "return"):
            raise ValueError(f'errors must be "raise" or "return", not {errors!r}')
        threads = _checked_threads(threads)
        texts = [encode(profile_text(p)) for p in profiles]
        results: list[Union[Plan, BackbalanceError]] = []
        # The library's batch runs in chunks short enough (about a quarter of a second)
        # that Ctrl-C stops a long batch within about a second: Python raises
        # KeyboardInterrupt only between calls into the library, never inside one.
        chunk = max(1, threads or (os.cpu_count() or 1))
        begin = 0
        with _InterruptFlag() as interrupt:
            while begin < len(texts):
                end = min(len(texts), begin + chunk)
                started = time.monotonic()
                self._plan_chunk(texts, begin, end, threads, errors, results)
                interrupt.raise_if_set()
                elapsed = time.monotonic() - started
                if elapsed < _CHUNK_SECONDS / 2 and chunk < _MAX_CHUNK:
                    chunk *= 2
                elif elapsed > _CHUNK_SECONDS * 2 and chunk > 1:
                    chunk //= 2
                begin = end
        return results

    def _plan_chunk(self, texts: list[bytes], begin: int, end: int, threads: int, errors: str,
                    results: list[Union[Plan, BackbalanceError]]) -> None:
        array = (ctypes.c_char_p * (end - begin))(*texts[begin:end])
        batch = ctypes.c_void_p()
        lib = _native.lib
        _check(lib.bkb_planner_plan_batch(self.handle, array, end - begin, threads,
                                          ctypes.byref(batch)))
        try:
            for index in range(end - begin):
                plan = lib.bkb_batch_plan(batch, index)
                if plan:
                    results.append(Plan(_native.text(lib.bkb_plan_json(plan))))
                    continue
                error = _batch_entry_error(batch, index)
                error.index = begin + index
                if errors == "raise":
                    raise error
                results.append(error)
        finally:
            lib.bkb_batch_destroy(ctypes.byref(batch))

    def evaluate(self, profile: ProfileLike, plan: PlanLike) -> Evaluation:
        """Judges any week (this planner's or one written by hand) for ``profile``: every
        broken hard rule and the score. A week that breaks rules is an Evaluation with
        ``valid == False``; InvalidInput means the input cannot be judged."""
        week = _PlanHandle(_plan_text(plan))
        handle = ctypes.c_void_p()
        _check(_native.lib.bkb_evaluate(self.handle, encode(profile_text(profile)),
                                        week.handle, ctypes.byref(handle)))
        try:
            return Evaluation(_native.text(_native.lib.bkb_evaluation_json(handle)))
        finally:
            _native.lib.bkb_evaluation_destroy(ctypes.byref(handle))

    def next_week(self, profile: ProfileLike, last_week: PlanLike,
                  feedback: FeedbackLike) -> NextWeek:
        """Adapts to last week: ``last_week`` is the plan the person was given,
        ``feedback`` a list of entries {"day", "exercise", "completed", "pain_after",
        "soreness_hours", "rpe"} (or their JSON text). Problems name ``feedback[i]...``."""
        week = _PlanHandle(_plan_text(last_week))
        feedback = _feedback_text(feedback)
        handle = ctypes.c_void_p()
        lib = _native.lib
        _check(lib.bkb_planner_next_week(self.handle, encode(profile_text(profile)),
                                         week.handle, encode(feedback), ctypes.byref(handle)))
        try:
            plan_text = _native.text(lib.bkb_plan_json(lib.bkb_next_week_plan(handle)))
            return NextWeek(_native.text(lib.bkb_next_week_json(handle)), plan_text)
        finally:
            lib.bkb_next_week_destroy(ctypes.byref(handle))

    def render(self, plan: PlanLike, format: ViewFormat, *,
               profile: Optional[ProfileLike] = None, title: Optional[str] = None,
               color: Optional[bool] = None, start: Optional[str] = None,
               weeks: Optional[int] = None, subject: Optional[str] = None) -> str:
        """``plan`` in the view ``format`` names, byte for byte what ``backbalance plan
        --format <format>`` prints: ``"json"``, ``"text"`` (``title``, ``color``),
        ``"markdown"`` and ``"html"`` (``title``), ``"ics"`` (``start`` as
        ``"YYYY-MM-DDTHH:MM"``, required; ``weeks`` 1..52; ``title``) or ``"fhir"``, a FHIR
        R4 Bundle (``subject``, e.g. ``"Patient/123"``) that needs the ``profile`` the plan
        was made for: its conditions become the bundle's Conditions.

        Raises InvalidInput naming the problem: an unknown format (``Problem("argument
        format", "unknown_name", ...)``), an option the format does not take
        (``options.<name>``), ``fhir`` without a profile, a bad profile; BackbalanceError
        with status FAILED_PRECONDITION for ``ics`` of a week without sessions. Experimental.

        >>> bundle = json.loads(planner.render(plan, "fhir", profile=profile))  # doctest: +SKIP
        """
        if not isinstance(format, str):
            raise TypeError(
                f"format is a view's name such as \"fhir\", not {type(format).__name__}")
        given = {"title": title, "color": color, "start": start, "weeks": weeks,
                 "subject": subject}
        options = {name: value for name, value in given.items() if value is not None}
        week = _PlanHandle(_plan_text(plan))
        out = ctypes.c_void_p()
        _check(_native.lib.bkb_plan_render(
            week.handle, encode(format), self.handle,
            None if profile is None else encode(profile_text(profile)),
            encode(json.dumps(options)) if options else None, ctypes.byref(out)))
        return _native.take_owned_text(out)

    def _plan_result(self, call: Callable[[ctypes.c_void_p], int]) -> Plan:
        """The plan a library call hands out through its ``out`` handle."""
        handle = ctypes.c_void_p()
        _check(call(handle))
        try:
            return Plan(_native.text(_native.lib.bkb_plan_json(handle)))
        finally:
            _native.lib.bkb_plan_destroy(ctypes.byref(handle))

    def repair(self, profile: ProfileLike, plan: PlanLike) -> Plan:
        """The valid week closest to ``plan`` (an edited week, valid or not; plan model 12):
        the least distance, then the best score. Its :attr:`Plan.changes` say what changed
        (``[]`` when ``plan`` was already valid, and then the week comes back as given).
        No valid week: a Plan with status "infeasible" and a diagnosis. Experimental."""
        week = _PlanHandle(_plan_text(plan))
        profile_json = encode(profile_text(profile))
        return self._plan_result(lambda out: int(_native.lib.bkb_planner_repair(
            self.handle, profile_json, week.handle, ctypes.byref(out))))

    def replan(self, profile: ProfileLike, plan: PlanLike, from_day: int,
               feedback: Optional[FeedbackLike] = None) -> Plan:
        """The week under way (plan model 12): days before ``from_day`` (0..7) as they
        happened, the rest planned afresh for the best week, every rule kept across the
        boundary. ``feedback`` (entries as for :meth:`next_week`, about days before
        ``from_day``) says which uses happened: only completed ones; None: all, as planned.
        Raises InvalidInput naming ``from_day`` (``range``) or ``feedback[i]``
        (``not_happened``, ``unknown_use``, ``duplicate``). Experimental."""
        from_day = _checked_day_number("from_day", from_day, 7)
        week = _PlanHandle(_plan_text(plan))
        profile_json = encode(profile_text(profile))
        feedback_json = None if feedback is None else encode(_feedback_text(feedback))
        return self._plan_result(lambda out: int(_native.lib.bkb_planner_replan(
            self.handle, profile_json, week.handle, from_day, feedback_json,
            ctypes.byref(out))))

    def alternatives(self, profile: ProfileLike, plan: PlanLike, day: int,
                     exercise: str) -> Alternatives:
        """Every item that could take the place of ``exercise`` on ``day`` in the valid week
        ``plan``, the week staying valid, with the new week's score (plan model 12.1):
        substitutes first, then best score first, then by id. Raises InvalidInput with
        ``plan: invalid`` for a week that breaks a rule, ``exercise: unknown_use`` for a use
        it does not hold, ``day: range``. Experimental."""
        day = _checked_day_number("day", day, 6)
        if not isinstance(exercise, str):
            raise TypeError(f"exercise must be a str, not {type(exercise).__name__}")
        week = _PlanHandle(_plan_text(plan))
        out = ctypes.c_void_p()
        _check(_native.lib.bkb_planner_alternatives(
            self.handle, encode(profile_text(profile)), week.handle, day, encode(exercise),
            ctypes.byref(out)))
        return Alternatives(_native.take_owned_text(out))

    def programme(self, profile: ProfileLike, weeks: int = 4, deload_every: int = 0,
                  assumed_rpe: int = 5) -> dict[str, Any]:
        """The weeks ahead (plan model section 13): the backbalance.programme/1 document as
        a dict, ``{"schema", "weeks": [{"week", "deload", "profile", "plan"}]}``, byte for
        byte what ``backbalance programme --format json`` prints when dumped. Raises
        InvalidInput naming a bad option (``Problem("weeks", "range", ...)``) or the
        profile's problems. Experimental."""
        options = json.dumps({"weeks": weeks, "deload_every": deload_every,
                              "assumed_rpe": assumed_rpe})
        out = ctypes.c_void_p()
        _check(_native.lib.bkb_planner_programme(
            self.handle, encode(profile_text(profile)), encode(options), ctypes.byref(out)))
        document: dict[str, Any] = json.loads(_native.take_owned_text(out))
        return document

    def progress(self, journal: Union["Journal", str, bytes, dict[str, Any]]) -> dict[str, Any]:
        """What a journal says (plan model section 13): the backbalance.progress/1 document
        as a dict. Raises InvalidInput naming each problem, e.g.
        ``weeks[3].profile.history.plan: chain``. Experimental."""
        if isinstance(journal, Journal):
            text = journal.to_json()
        elif isinstance(journal, dict):
            text = json.dumps(journal)
        else:
            text = journal.decode("utf-8") if isinstance(journal, bytes) else journal
        out = ctypes.c_void_p()
        _check(_native.lib.bkb_planner_progress(self.handle, encode(text), ctypes.byref(out)))
        document: dict[str, Any] = json.loads(_native.take_owned_text(out))
        return document

    def __reduce__(
            self) -> tuple[Callable[[Catalog, dict[str, Any]], Planner],
                           tuple[Catalog, dict[str, Any]]]:
        return (_restore_planner, (self._catalog, self._given_options))

    def __repr__(self) -> str:
        return f"<backbalance.Planner catalog={self._catalog!r} options={self._given_options}>"


def _check(status: int) -> None:
    errors.check(status)


def _batch_entry_error(batch: ctypes.c_void_p, index: int) -> BackbalanceError:
    return errors.batch_entry_error(batch, index)


def _restore_planner(catalog: Catalog, options: dict[str, Any]) -> Planner:
    return Planner(catalog, **options)


class Journal:
    """A journal of weeks as they were planned and done (backbalance.journal/1): each
    entry the profile a week was planned for, its plan and the feedback given. Weeks
    chain: each week's profile has ``history`` = the previous week's plan and feedback
    (what :meth:`Planner.next_week` gives). Read it with :meth:`Planner.progress`."""

    def __init__(self, weeks: Optional[Iterable[dict[str, Any]]] = None) -> None:
        self.weeks: list[dict[str, Any]] = [dict(w) for w in (weeks or [])]

    def add(self, profile: ProfileLike, plan: PlanLike, feedback: FeedbackLike = ()) -> None:
        """Appends a week (the chain is checked when the journal is read)."""
        profile_json: dict[str, Any] = json.loads(profile_text(profile))
        plan_json = json.loads(_plan_text(plan))
        if isinstance(feedback, (str, bytes)):
            feedback = json.loads(feedback)
        self.weeks.append({"profile": profile_json, "plan": plan_json,
                           "feedback": list(feedback)})

    def to_json(self) -> str:
        return json.dumps({"schema": "backbalance.journal/1", "weeks": self.weeks})

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Journal":
        document = json.loads(text)
        return cls(document.get("weeks", []))

    def __len__(self) -> int:
        return len(self.weeks)
