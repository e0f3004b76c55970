"""Checks the hand-written stories before anything is built from them.

The expected epoch, phase, stage, verdict and exception of every finding are
written by hand in stories.py. This module re-derives each of them from the
rules of docs/POLICY.md (epochs, the room ledger, the exceptions with their
word windows) and refuses to build when the two disagree: a typo in a story
must not become an expectation. It also checks the mechanics: ids unique,
every finding's detail really in the text, IBAN checksums, call moves.

It is a second opinion written from the docs, independent of the Swift
Policy module; it reads only the lists of the default policy file
(project systems, chat tools, portfolio hosts, cue phrases), which are data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import yaml

from model import (EPOCHS, EXCEPTIONS, KINDS, MEDIA, SYSTEM_SENDER, VERDICTS, Finding, Message, Room,
                   parse_context)

EPOCH_STARTS = [(datetime(2020, 6, 26, tzinfo=timezone.utc), "pre_contract_on_platform"),
                (datetime(2020, 4, 3, tzinfo=timezone.utc), "unsolicited_contact")]
MOVE_KINDS = {"messaging_app", "meeting_link", "phone", "email", "offplatform_request"}
CALL_WINDOW = timedelta(minutes=30)
CONTACT_KINDS = {"email", "phone", "messaging_app", "social_profile", "meeting_link", "scheduling_link",
                 "contact_form", "postal_address", "offplatform_request"}


def ts(s: str) -> datetime:
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def epoch_of(t: datetime) -> str:
    for start, name in EPOCH_STARTS:
        if t >= start:
            return name
    return "legacy"


class PolicyLists:
    """The lists of the default policy file, as data."""

    def __init__(self, path: Path):
        doc = yaml.safe_load(path.read_text())
        ex = {e["name"]: e for e in doc["exceptions"]}
        self.project_systems = [p.split() for p in ex["system_access_email"]["project_systems"]]
        self.chat_tools = [p.split() for p in ex["system_access_email"]["chat_tools"]]
        self.system_window = ex["system_access_email"]["window_words"]
        self.portfolio_hosts = ex["portfolio_link"]["hosts"]
        self.portfolio_cues = [p.split() for p in ex["portfolio_link"]["cues"]]
        self.portfolio_window = ex["portfolio_link"]["window_words"]
        self.project_cues = [p.split() for p in ex["project_website"]["cues"]]
        self.project_window = ex["project_website"]["window_words"]
        self.social_platforms = set(doc["never_excused_before_contract"]["platforms"])


@dataclass
class Word:
    text: str
    start: int
    end: int


def words_of(text: str) -> list[Word]:
    """Lower-cased runs of letters and digits, with their code-point offsets."""
    out, start, cur = [], 0, []
    for i, ch in enumerate(text):
        if ch.isalpha() or ch.isnumeric():
            if not cur:
                start = i
            cur.append(ch.lower())
        elif cur:
            out.append(Word("".join(cur), start, i))
            cur = []
    if cur:
        out.append(Word("".join(cur), start, len(text)))
    return out


def phrase_near(phrases: list[list[str]], text: str, span: tuple[int, int], window: int) -> str | None:
    ws = words_of(text)
    before = [w.text for w in ws if w.end <= span[0]][-window:]
    after = [w.text for w in ws if w.start >= span[1]][:window]

    def has(seq: list[str], p: list[str]) -> bool:
        return any(seq[i:i + len(p)] == p for i in range(len(seq) - len(p) + 1))

    for p in phrases:
        if has(before, p) or has(after, p):
            return " ".join(p)
    return None


def host_of(link: str) -> str:
    s = link.lower()
    if "://" in s:
        s = s.split("://", 1)[1]
    s = re.split(r"[/?#]", s, maxsplit=1)[0]
    return s[4:] if s.startswith("www.") else s


def iban_valid(s: str) -> bool:
    s = s.replace(" ", "")
    moved = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


class Ledger:
    """Phases and relationships from the stories' contract events (docs/POLICY.md, "Phases of a room")."""

    def __init__(self, rooms: list[Room]):
        self.rooms = {r.id: r for r in rooms}
        per_contract: dict[str, dict] = {}
        for r in rooms:
            for e in r.contracts:
                c = per_contract.setdefault(e.contract_id, {"room": r.id})
                t = ts(e.at)
                # A re-exported event keeps its earliest time.
                if e.event not in c or t < c[e.event]:
                    c[e.event] = t
        self.contracts: dict[str, list[dict]] = {}
        self.relationship: dict[tuple[str, str], datetime] = {}
        for c in per_contract.values():
            self.contracts.setdefault(c["room"], []).append(c)
            room = self.rooms[c["room"]]
            if "started" in c and room.described:
                key = (room.client, room.freelancer)
                if key not in self.relationship or c["started"] < self.relationship[key]:
                    self.relationship[key] = c["started"]

    def phase(self, room_id: str, t: datetime) -> tuple[str, str]:
        started = active = offered = False
        for c in self.contracts.get(room_id, []):
            if "started" in c and c["started"] <= t:
                started = True
                if "ended" not in c or c["ended"] > t:
                    active = True
            if "offer_sent" in c and c["offer_sent"] <= t:
                offered = True
        if active:
            return "active_contract", ""
        if started:
            return "post_contract", ""
        return "pre_contract", "offer" if offered else "inquiry"


def role_of(room: Room, m: Message) -> str:
    if not room.described:
        return "unknown"
    return {"client": "client", "freelancer": "freelancer", "system": "system"}[m.sender]


def offered_channels(kind: str, platform: str) -> list[str]:
    """What a finding offers for judging unsolicited contact (docs/POLICY.md, rule 3)."""
    if kind == "phone":
        return ["phone"] + ([platform] if platform else [])
    if kind == "email":
        return ["email"]
    if kind in ("messaging_app", "social_profile", "meeting_link", "scheduling_link", "contact_form"):
        return [platform or kind]
    if kind == "offplatform_request":
        return [platform] if platform else []
    if kind == "postal_address":
        return ["postal_address"]
    return []


def source_text(m: Message, f: Finding) -> str:
    if f.source == "text":
        return m.text
    kind = f.source.split(":", 1)[1]
    texts = [a.text for a in m.attachments if a.kind == kind and a.text and f.detail in a.text]
    return texts[0] if texts else ""


class StoryCheck:
    def __init__(self, rooms: list[Room], policy: PolicyLists):
        self.rooms = rooms
        self.policy = policy
        self.ledger = Ledger(rooms)
        self.errors: list[str] = []

    def fail(self, where: str, what: str) -> None:
        self.errors.append(f"{where}: {what}")

    def run(self) -> list[str]:
        self.check_ids()
        for r in self.rooms:
            self.check_room(r)
        return self.errors

    def check_ids(self) -> None:
        seen: set[str] = set()
        for kind, ids in (("room", [r.id for r in self.rooms]),
                          ("message", [m.id for r in self.rooms for m in r.messages]),
                          ("call", [c.id for r in self.rooms for c in r.calls])):
            for i in ids:
                if i in seen:
                    self.fail(i, f"duplicate {kind} id in the stories")
                seen.add(i)

    def check_room(self, r: Room) -> None:
        offers: list[tuple[str, str, datetime]] = []   # (party, channel, at)
        for m in sorted(r.messages, key=lambda m: ts(m.at)):
            t = ts(m.at)
            epoch, phase, stage = parse_context(m.context)
            if epoch != epoch_of(t):
                self.fail(m.id, f"context says epoch {epoch}, sent_at gives {epoch_of(t)}")
            if (phase, stage) != self.ledger.phase(r.id, t):
                self.fail(m.id, f"context says {phase}/{stage}, contract events give {self.ledger.phase(r.id, t)}")
            if r.described and m.sender not in ("client", "freelancer", "system"):
                self.fail(m.id, "a described room's sender must be client, freelancer or system")
            if not r.described and m.sender in ("client", "freelancer", "system"):
                self.fail(m.id, "a room never described needs literal sender ids")
            spans: set[tuple[str, str]] = set()
            for f in m.findings:
                self.check_finding(r, m, f, offers)
                if (f.source, f.detail) in spans:
                    self.fail(m.id, f"two findings on the same detail {f.detail!r}")
                spans.add((f.source, f.detail))
            for f in m.findings:
                if f.kind != "unsolicited_contact":
                    for ch in offered_channels(f.kind, f.platform):
                        offers.append((r.sender_id(m), ch, t))
        for c in r.calls:
            self.check_call(r, c)

    def check_finding(self, r: Room, m: Message, f: Finding, offers: list) -> None:
        where = f"{m.id} {f.kind}"
        if f.kind not in KINDS or f.verdict not in VERDICTS:
            self.fail(where, "unknown kind or verdict")
        if (f.verdict == "excused") != bool(f.exception) or (f.exception and f.exception not in EXCEPTIONS):
            self.fail(where, "an exception goes with `excused` and only with it")
        if f.intent not in ("share", "request"):
            self.fail(where, "intent must be share or request")
        text = source_text(m, f)
        if text.count(f.detail) != 1:
            self.fail(where, f"detail {f.detail!r} must occur exactly once in its {f.source}")
            return
        if re.fullmatch(r"[A-Z]{2}\d{2}( ?[A-Z0-9]{4})+( ?[A-Z0-9]{1,3})?", f.detail) and not iban_valid(f.detail):
            self.fail(where, "IBAN checksum is wrong")
        verdict, exception = self.second_opinion(r, m, f, text, offers)
        if (verdict, exception) != (f.verdict, f.exception):
            self.fail(where, f"written {f.verdict}/{f.exception or '-'}, the rules give {verdict}/{exception or '-'}")

    def second_opinion(self, r: Room, m: Message, f: Finding, text: str, offers: list) -> tuple[str, str]:
        t = ts(m.at)
        epoch, phase, _ = parse_context(m.context)
        role = role_of(r, m)
        if role == "system":
            return "allowed", ""
        if f.kind == "payment_account":
            return "violation", ""
        if f.kind == "unsolicited_contact":
            if epoch == "legacy":
                return "allowed", ""
            sender = r.sender_id(m)
            offered = any(p != sender and at < t and (not f.platform or ch == f.platform) for p, ch, at in offers)
            return ("allowed", "") if offered else ("violation", "")
        prohibited = epoch == "pre_contract_on_platform" and phase == "pre_contract"
        start = text.index(f.detail)
        span = (start, start + len(f.detail))
        if f.kind == "website":
            if prohibited:
                for e in self.applicable(r, m, f, text, span):
                    return "excused", e
            return "info", ""
        if not prohibited:
            return "allowed", ""
        if f.kind == "social_profile" or (f.kind == "offplatform_request" and f.platform in self.policy.social_platforms):
            return "violation", ""
        for e in self.applicable(r, m, f, text, span):
            return "excused", e
        return "violation", ""

    def applicable(self, r: Room, m: Message, f: Finding, text: str, span: tuple[int, int]):
        """The exceptions that apply to the finding, in the policy's order."""
        p = self.policy
        t = ts(m.at)
        role = role_of(r, m)
        link = f.kind == "website"
        if not link and r.described:
            rel = self.ledger.relationship.get((r.client, r.freelancer))
            if rel is not None and rel <= t:
                yield "existing_relationship"
        if not link and r.described and r.plan_label() in ("business", "enterprise"):
            yield "business_client"
        if not link and f.source == "attachment:legal_document":
            yield "legal_document"
        if f.kind == "email" or (f.kind == "offplatform_request" and f.platform == "email"):
            if phrase_near(p.project_systems, text, span, p.system_window) and \
                    not phrase_near(p.chat_tools, text, span, p.system_window):
                yield "system_access_email"
        if link and role == "freelancer":
            host = host_of(f.detail)
            if any(host == h or host.endswith("." + h) for h in p.portfolio_hosts) or \
                    phrase_near(p.portfolio_cues, text, span, p.portfolio_window):
                yield "portfolio_link"
        if link and role == "client" and phrase_near(p.project_cues, text, span, p.project_window):
            yield "project_website"

    def check_call(self, r: Room, c) -> None:
        start = ts(c.started)
        if (c.phase, "") != (self.ledger.phase(r.id, start)[0], ""):
            self.fail(c.id, f"phase written {c.phase}, contract events give {self.ledger.phase(r.id, start)[0]}")
        if c.media is not None and c.media not in MEDIA:
            self.fail(c.id, "unknown media")
        if c.status in ("missed", "declined"):
            if c.move_after is not None:
                self.fail(c.id, "missed and declined calls are left out: no move expected")
            return
        minutes = first_move_minutes(r, c)
        if minutes != c.move_after:
            self.fail(c.id, f"move written {c.move_after}, the messages give {minutes}")


def first_move_minutes(r: Room, c) -> float | None:
    """Minutes from the call's end (its start when no end) to the first move by a participant within 30 minutes."""
    base = ts(c.ended or c.started)
    best = None
    for m in r.messages:
        if role_of(r, m) not in ("client", "freelancer"):
            continue
        t = ts(m.at)
        if base < t <= base + CALL_WINDOW and any(f.kind in MOVE_KINDS for f in m.findings):
            if best is None or t < best:
                best = t
    return None if best is None else (best - base).total_seconds() / 60.0


def check_stories(rooms: list[Room], policy_path: Path) -> list[str]:
    return StoryCheck(rooms, PolicyLists(policy_path)).run()


__all__ = ["check_stories", "ts", "first_move_minutes", "role_of", "SYSTEM_SENDER", "EPOCHS"]
