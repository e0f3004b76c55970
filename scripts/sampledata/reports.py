"""The CSV reports of docs/METRICS.md, computed from the stories' expected verdicts.

Independent of the tool: the numbers follow docs/METRICS.md literally, with
statsmodels' Wilson interval and scipy's Fisher test as references.
Formats: counts as integers; rates, shares, intervals, ratios and median
minutes with 6 decimals; p-values with 6 decimals from 0.0001 up and '%.3e'
below; an empty cell where a value does not exist. Columns in the order docs/METRICS.md lists them.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from scipy.stats import fisher_exact
from statsmodels.stats.proportion import proportion_confint

from check import CALL_WINDOW, MOVE_KINDS, role_of, ts
from model import EPOCHS, EXCEPTIONS, MEDIA, PHASES, PLANS, ROLES, VERDICTS, Finding, Room, parse_context

Z = 1.959963984540054


@dataclass
class MessageFact:
    room: Room
    id: str
    at: str
    epoch: str
    phase: str
    stage: str
    role: str
    plan: str
    findings: list[Finding]

    @property
    def date(self) -> str:
        return ts(self.at).strftime("%Y-%m-%d")

    @property
    def violating(self) -> bool:
        return any(f.verdict == "violation" for f in self.findings)


@dataclass
class CallFact:
    id: str
    outcome: str          # failed_or_dropped | completed
    phase: str
    media: str
    moved: bool
    minutes: float | None


def message_facts(rooms: list[Room]) -> list[MessageFact]:
    out = []
    for r in rooms:
        for m in r.messages:
            epoch, phase, stage = parse_context(m.context)
            out.append(MessageFact(r, m.id, m.at, epoch, phase, stage, role_of(r, m), r.plan_label(), m.findings))
    return out


def call_facts(rooms: list[Room]) -> list[CallFact]:
    """Calls that connected, each once, with the first move by a participant within the window."""
    out = []
    for r in rooms:
        for c in r.calls:
            if c.status in ("missed", "declined"):
                continue
            base = ts(c.ended or c.started)
            moves = sorted(ts(m.at) for m in r.messages
                           if role_of(r, m) in ("client", "freelancer")
                           and base < ts(m.at) <= base + CALL_WINDOW
                           and any(f.kind in MOVE_KINDS for f in m.findings))
            minutes = (moves[0] - base).total_seconds() / 60.0 if moves else None
            out.append(CallFact(c.id, "completed" if c.status == "completed" else "failed_or_dropped",
                                c.phase, c.media or "unknown", bool(moves), minutes))
    return out


# --- formatting -------------------------------------------------------------

def f6(x: float | None) -> str:
    return "" if x is None else "%.6f" % x


def wilson(k: int, n: int) -> tuple[str, str, str]:
    if n == 0:
        return "", "", ""
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    return f6(k / n), f6(lo), f6(hi)


def order(values: tuple[str, ...]):
    return lambda v: values.index(v)


# --- the reports -------------------------------------------------------------

def violation_rates(msgs: list[MessageFact]) -> list[list[str]]:
    groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for m in msgs:
        g = groups[(m.epoch, m.phase, m.role, m.plan)]
        g[0] += 1
        g[1] += m.violating
    rows = []
    for key in sorted(groups, key=lambda k: (EPOCHS.index(k[0]), PHASES.index(k[1]), ROLES.index(k[2]),
                                              PLANS.index(k[3]))):
        n, k = groups[key]
        rows.append(list(key) + [str(n), str(k), *wilson(k, n)])
    return [["epoch", "phase", "sender_role", "client_plan", "messages", "violating_messages", "rate", "ci_low",
             "ci_high"]] + rows


def room_violation_rates(msgs: list[MessageFact]) -> list[list[str]]:
    rooms: dict[tuple, set] = defaultdict(set)
    violating: dict[tuple, set] = defaultdict(set)
    for m in msgs:
        key = (m.epoch, m.phase, m.plan)
        rooms[key].add(m.room.id)
        if m.violating:
            violating[key].add(m.room.id)
    rows = []
    for key in sorted(rooms, key=lambda k: (EPOCHS.index(k[0]), PHASES.index(k[1]), PLANS.index(k[2]))):
        n, k = len(rooms[key]), len(violating[key])
        rows.append(list(key) + [str(n), str(k), *wilson(k, n)])
    return [["epoch", "phase", "client_plan", "rooms", "violating_rooms", "rate", "ci_low", "ci_high"]] + rows


def exception_usage(msgs: list[MessageFact]) -> list[list[str]]:
    candidates: dict[tuple, int] = defaultdict(int)
    excused: dict[tuple, int] = defaultdict(int)
    for m in msgs:
        for f in m.findings:
            if f.verdict in ("violation", "excused"):
                candidates[(m.phase, m.role)] += 1
            if f.verdict == "excused":
                excused[(f.exception, m.phase, m.role)] += 1
    rows = []
    for e in EXCEPTIONS:
        for key in sorted(candidates, key=lambda k: (PHASES.index(k[0]), ROLES.index(k[1]))):
            n, k = candidates[key], excused[(e, *key)]
            rows.append([e, key[0], key[1], str(k), f6(k / n), str(n)])
    return [["exception", "phase", "sender_role", "findings_excused", "share_of_candidates", "candidates"]] + rows


def call_splits(calls: list[CallFact]) -> list[tuple[str, str, list[CallFact]]]:
    """(split, split_value, calls) for `all`, each phase and each media that has a call, in report order."""
    out = [("all", "all", calls)]
    for p in PHASES:
        group = [c for c in calls if c.phase == p]
        if group:
            out.append(("phase", p, group))
    for media in MEDIA:
        group = [c for c in calls if c.media == media]
        if group:
            out.append(("media", media, group))
    return out


def call_failure_correlation(calls: list[CallFact]) -> list[list[str]]:
    rows = []
    for split, value, group in call_splits(calls):
        for outcome in ("failed_or_dropped", "completed"):
            cs = [c for c in group if c.outcome == outcome]
            moved = [c for c in cs if c.moved]
            rate, lo, hi = wilson(len(moved), len(cs))
            med = f6(median(c.minutes for c in moved)) if moved else ""
            rows.append([outcome, str(len(cs)), str(len(moved)), rate, split, value, lo, hi, med])
    return [["call_outcome", "calls", "followed_by_move", "move_rate", "split", "split_value", "ci_low", "ci_high",
             "median_minutes_to_move"]] + rows


def two_by_two(a: int, b: int, c: int, d: int) -> list[str]:
    """Relative risk (Katz), odds ratio (Woolf), Fisher's two-sided p and the correction flag."""
    if a + b == 0 or c + d == 0:
        return ["", "", "", "", "", "", "", "0"]
    if a + c == 0 or b + d == 0:
        # No call moved, or every call did: no ratio exists; the test still has a p-value (1).
        return ["", "", "", "", "", "", p_value(fisher_exact([[a, b], [c, d]], alternative="two-sided")[1]), "0"]
    corrected = min(a, b, c, d) == 0
    A, B, C, D = (x + 0.5 for x in (a, b, c, d)) if corrected else (a, b, c, d)
    rr = (A / (A + B)) / (C / (C + D))
    se_rr = math.sqrt(1 / A - 1 / (A + B) + 1 / C - 1 / (C + D))
    odds = (A * D) / (B * C)
    se_or = math.sqrt(1 / A + 1 / B + 1 / C + 1 / D)
    p = fisher_exact([[a, b], [c, d]], alternative="two-sided")[1]
    return [f6(rr), f6(rr * math.exp(-Z * se_rr)), f6(rr * math.exp(Z * se_rr)),
            f6(odds), f6(odds * math.exp(-Z * se_or)), f6(odds * math.exp(Z * se_or)),
            p_value(p), "1" if corrected else "0"]


def p_value(p: float) -> str:
    """Six decimals from 0.0001 up, three significant digits in scientific notation below."""
    return "%.6f" % p if p >= 1e-4 else "%.3e" % p


def call_failure_summary(calls: list[CallFact]) -> list[list[str]]:
    rows = []
    for split, value, group in call_splits(calls):
        f = [c for c in group if c.outcome == "failed_or_dropped"]
        k = [c for c in group if c.outcome == "completed"]
        a, c = sum(x.moved for x in f), sum(x.moved for x in k)
        b, d = len(f) - a, len(k) - c
        rows.append([split, value, str(a), str(b), str(c), str(d), *two_by_two(a, b, c, d)])
    return [["split", "split_value", "failed_moved", "failed_not_moved", "completed_moved", "completed_not_moved",
             "relative_risk", "rr_ci_low", "rr_ci_high", "odds_ratio", "or_ci_low", "or_ci_high", "p_value",
             "corrected"]] + rows


def findings_by_kind(msgs: list[MessageFact]) -> list[list[str]]:
    counts: dict[tuple, int] = defaultdict(int)
    for m in msgs:
        for f in m.findings:
            counts[(m.epoch, m.phase, f.kind, f.verdict)] += 1
    keys = sorted(counts, key=lambda k: (EPOCHS.index(k[0]), PHASES.index(k[1]), k[2], VERDICTS.index(k[3])))
    return [["epoch", "phase", "kind", "verdict", "findings"]] + [list(k) + [str(counts[k])] for k in keys]


def daily(msgs: list[MessageFact]) -> list[list[str]]:
    groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for m in msgs:
        g = groups[(m.date, m.phase)]
        g[0] += 1
        g[1] += m.violating
    rows = []
    for key in sorted(groups, key=lambda k: (k[0], PHASES.index(k[1]))):
        n, k = groups[key]
        rows.append(list(key) + [str(n), str(k), *wilson(k, n)])
    return [["date", "phase", "messages", "violating_messages", "rate", "ci_low", "ci_high"]] + rows


def all_reports(rooms: list[Room]) -> dict[str, list[list[str]]]:
    msgs = message_facts(rooms)
    calls = call_facts(rooms)
    return {
        "violation_rates.csv": violation_rates(msgs),
        "room_violation_rates.csv": room_violation_rates(msgs),
        "exception_usage.csv": exception_usage(msgs),
        "call_failure_correlation.csv": call_failure_correlation(calls),
        "call_failure_summary.csv": call_failure_summary(calls),
        "findings_by_kind.csv": findings_by_kind(msgs),
        "daily.csv": daily(msgs),
    }


def csv_bytes(rows: list[list[str]]) -> bytes:
    """RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; CRLF line ends."""
    def field(s: str) -> str:
        return '"' + s.replace('"', '""') + '"' if any(ch in s for ch in ',"\r\n') else s
    return "".join(",".join(field(c) for c in row) + "\r\n" for row in rows).encode("utf-8")
