"""Planner: plans weeks from one catalogue with fixed options (bkb_planner)."""

from __future__ import annotations

import ctypes
import json
from typing import Any, Iterable, Literal, Optional, Sequence, Union, overload

from . import _native, errors
from ._documents import ProfileLike, encode, profile_text
from .catalog import Catalog
from .errors import BackbalanceError
from .plan import Evaluation, NextWeek, Plan

PlanLike = Union[Plan, str, bytes]
FeedbackLike = Union[Sequence[dict[str, Any]], str, bytes]


def default_options() -> dict[str, Any]:
    """Every planner option with its default (bkb_options_default_json)."""
    return json.loads(_native.lib.bkb_options_default_json().decode())


class _PlanHandle:
    """A bkb_plan read from JSON, destroyed when dropped."""

    def __init__(self, text: str):
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
    return plan.decode("utf-8") if isinstance(plan, bytes) else plan


class Planner:
    """Plans weeks from one catalogue with fixed options.

    ``options`` are any of :func:`default_options`' fields, checked all at once
    (``Planner(catalog, variety_weight=0.25)``; a misspelt name raises InvalidInput
    naming ``options.<name>``). Immutable and safe to share between threads; it keeps its
    catalogue alive. It pickles as (catalogue, options), so it can be sent to Dask workers.
    """

    __slots__ = ("_handle", "_catalog", "_given_options")

    def __init__(self, catalog: Optional[Catalog] = None, **options: Any):
        self._handle = ctypes.c_void_p()
        self._catalog = catalog if catalog is not None else Catalog.builtin()
        self._given_options = dict(options)
        options_json = encode(json.dumps(options)) if options else None
        errors.check(_native.lib.bkb_planner_create(
            self._catalog._handle, options_json, ctypes.byref(self._handle)))

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def options(self) -> dict[str, Any]:
        """Every option of this planner, defaults included."""
        return json.loads(_native.lib.bkb_planner_options_json(self._handle).decode())

    def plan(self, profile: ProfileLike) -> Plan:
        """The best week for ``profile``; status "infeasible" or "refer" are plans too.

        Raises InvalidInput for a bad profile (``Problem("pain", "range", ...)``).
        """
        handle = ctypes.c_void_p()
        errors.check(_native.lib.bkb_planner_plan(
            self._handle, encode(profile_text(profile)), ctypes.byref(handle)))
        try:
            return Plan(_native.lib.bkb_plan_json(handle).decode())
        finally:
            _native.lib.bkb_plan_destroy(ctypes.byref(handle))

    @overload
    def plan_many(self, profiles: Iterable[ProfileLike], threads: int = ...,
                  errors: Literal["raise"] = ...) -> list[Plan]: ...

    @overload
    def plan_many(self, profiles: Iterable[ProfileLike], threads: int = ...,
                  errors: Literal["return"] = ...) -> list[Union[Plan, BackbalanceError]]: ...

    def plan_many(self, profiles, threads=0, errors="raise"):
        """Plans every profile on up to ``threads`` threads (0: one per hardware thread)
        with the library's batch, the GIL released while it runs. Results are in input
        order and equal to one-by-one :meth:`plan` calls.

        ``errors="raise"`` raises the first bad profile's error (its ``index`` attribute
        says which); ``errors="return"`` puts the exception in that profile's place.
        """
        if errors not in ("raise", "return"):
            raise ValueError(f'errors must be "raise" or "return", not {errors!r}')
        texts = [encode(profile_text(p)) for p in profiles]
        array = (ctypes.c_char_p * len(texts))(*texts)
        batch = ctypes.c_void_p()
        lib = _native.lib
        _check(lib.bkb_planner_plan_batch(self._handle, array, len(texts), threads,
                                          ctypes.byref(batch)))
        try:
            results: list[Union[Plan, BackbalanceError]] = []
            for index in range(len(texts)):
                plan = lib.bkb_batch_plan(batch, index)
                if plan:
                    results.append(Plan(lib.bkb_plan_json(plan).decode()))
                    continue
                error = _batch_entry_error(batch, index)
                error.index = index
                if errors == "raise":
                    raise error
                results.append(error)
            return results
        finally:
            lib.bkb_batch_destroy(ctypes.byref(batch))

    def evaluate(self, profile: ProfileLike, plan: PlanLike) -> Evaluation:
        """Judges any week (this planner's or one written by hand) for ``profile``: every
        broken hard rule and the score. A week that breaks rules is an Evaluation with
        ``valid == False``; InvalidInput means the input cannot be judged."""
        week = _PlanHandle(_plan_text(plan))
        handle = ctypes.c_void_p()
        _check(_native.lib.bkb_evaluate(self._handle, encode(profile_text(profile)),
                                        week.handle, ctypes.byref(handle)))
        try:
            return Evaluation(_native.lib.bkb_evaluation_json(handle).decode())
        finally:
            _native.lib.bkb_evaluation_destroy(ctypes.byref(handle))

    def next_week(self, profile: ProfileLike, last_week: PlanLike,
                  feedback: FeedbackLike) -> NextWeek:
        """Adapts to last week: ``last_week`` is the plan the person was given,
        ``feedback`` a list of entries {"day", "exercise", "completed", "pain_after",
        "soreness_hours", "rpe"} (or their JSON text). Problems name ``feedback[i]...``."""
        week = _PlanHandle(_plan_text(last_week))
        if not isinstance(feedback, (str, bytes)):
            feedback = json.dumps(list(feedback))
        elif isinstance(feedback, bytes):
            feedback = feedback.decode("utf-8")
        handle = ctypes.c_void_p()
        lib = _native.lib
        _check(lib.bkb_planner_next_week(self._handle, encode(profile_text(profile)),
                                         week.handle, encode(feedback), ctypes.byref(handle)))
        try:
            plan_text = lib.bkb_plan_json(lib.bkb_next_week_plan(handle)).decode()
            return NextWeek(lib.bkb_next_week_json(handle).decode(), plan_text)
        finally:
            lib.bkb_next_week_destroy(ctypes.byref(handle))

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
            self._handle, encode(profile_text(profile)), encode(options), ctypes.byref(out)))
        return json.loads(_native.take_owned_text(out))

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
        _check(_native.lib.bkb_planner_progress(self._handle, encode(text), ctypes.byref(out)))
        return json.loads(_native.take_owned_text(out))

    def __reduce__(self):
        return (_restore_planner, (self._catalog, self._given_options))

    def __repr__(self) -> str:
        return f"<backbalance.Planner catalog={self._catalog!r} options={self._given_options}>"

    def __del__(self) -> None:
        handle = getattr(self, "_handle", None)
        if handle:
            _native.lib.bkb_planner_destroy(ctypes.byref(handle))


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

    def __init__(self, weeks: Optional[Iterable[dict[str, Any]]] = None):
        self.weeks: list[dict[str, Any]] = [dict(w) for w in (weeks or [])]

    def add(self, profile: ProfileLike, plan: PlanLike, feedback: FeedbackLike = ()) -> None:
        """Appends a week (the chain is checked when the journal is read)."""
        if isinstance(profile, (str, bytes)):
            profile = json.loads(profile)
        plan_json = json.loads(_plan_text(plan))
        if isinstance(feedback, (str, bytes)):
            feedback = json.loads(feedback)
        self.weeks.append({"profile": dict(profile), "plan": plan_json,
                           "feedback": list(feedback)})

    def to_json(self) -> str:
        return json.dumps({"schema": "backbalance.journal/1", "weeks": self.weeks})

    @classmethod
    def from_json(cls, text: Union[str, bytes]) -> "Journal":
        document = json.loads(text)
        return cls(document.get("weeks", []))

    def __len__(self) -> int:
        return len(self.weeks)
