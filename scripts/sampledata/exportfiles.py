"""Writes the stories as export files (docs: /shared/spec/export-v1.md), deterministically.

Records are spread over five files by fixed rules, shuffled within each file
by a hash of their ids (so the order is arbitrary but always the same), and
mixed with a few blank and bad lines at fixed places. gzip members are written
with mtime 0 and no file name, so the bytes do not depend on when or where
the script runs.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from check import ts
from model import Room


@dataclass
class ExportFile:
    path: str                 # relative to the repository root
    gzip: bool
    crlf: bool = False
    members: int = 1
    note: str = ""
    # Filled while building: the lines as written (bytes, no line end) and what each one is.
    lines: list[bytes] = field(default_factory=list)
    what: list[dict] = field(default_factory=list)


FILES = [
    ExportFile("SampleData/export-2020-04-02.jsonl", gzip=False,
               note="plain JSON Lines (LF); mostly the legacy epoch, plus the contract events of room r19"),
    ExportFile("SampleData/export-2020-06-26.jsonl.gz", gzip=True, crlf=True,
               note="gzip, every line ends in CRLF; mostly the unsolicited_contact epoch"),
    ExportFile("SampleData/export-2020-08-16.jsonl.gz", gzip=True, members=2,
               note="gzip made of two members (as `cat a.gz b.gz` makes), split at a line boundary"),
    ExportFile("SampleData/export-2020-09-30.jsonl.gz", gzip=True, note="gzip; late summer"),
    ExportFile("SampleData/resent/export-2020-09-30-resend.jsonl.gz", gzip=True,
               note="gzip in a subdirectory: a re-export holding a message, a call and a contract event "
                    "already exported elsewhere (one `started` event with a later time)"),
]

# Lines that are not records, at fixed places: (file, position among the lines, bytes, reason or None for blank).
# The reason is what a correct reader must report (docs/INPUT.md of the ingest work; spec export-v1.md).
NON_RECORDS = [
    (0, 4, b'{"type":"message","message_id":"m-bad-01","room_id":"r05","sender_id":"f-daniel",'
           b'"sent_at":"2020-03-11T10:00:00Z","text":"Audit draft attached, see', "invalid_json"),
    (0, 11, b"", None),
    (1, 2, b'["message","m-bad-02","r07","f-ivan","2020-04-16T13:00:00Z"]', "not_an_object"),
    (1, 9, b"", None),
    (1, 17, b'{"type":"message","message_id":"m-bad-03","room_id":"r09","sender_id":"f-lucia",'
            b'"sent_at":"yesterday","text":"Delivered the files"}', "bad_timestamp:sent_at"),
    (2, 5, b"   ", None),
    (2, "member2", b'{"type":"message","message_id":"m-bad-04","sender_id":"c-kestrel",'
                   b'"sent_at":"2020-07-02T08:00:00Z","text":"Any update on the dashboard?"}',
     "missing_field:room_id"),
    (2, 30, b'{"type":"message","message_id":"m-bad-05","room_id":"r23","sender_id":"f-ola",'
            b'"sent_at":"2020-08-03T11:00:00Z","text":"Caf\xe9 au lait colours for the boxes?"}', "invalid_utf8"),
    (3, 6, b'{"type":"call","call_id":"call-bad-06","room_id":"r27","initiator_id":"c-atlasbio",'
           b'"started_at":"2020-08-11T10:00:00Z","ended_at":"2020-08-11T10:05:00Z","status":"exploded",'
           b'"media":"video"}', "bad_value:status"),
]
# A record of a type this format version does not know: counted, then skipped.
UNKNOWN_TYPE = (3, 12, {"type": "reaction", "room_id": "r12", "message_id": "m1203", "emoji": "👍",
                        "by": "f-sara", "at": "2020-07-01T10:01:00Z"})


def stable_hash(s: str) -> int:
    return int.from_bytes(hashlib.sha256(("offplatform-sample:" + s).encode()).digest()[:8], "big")


def render_time(utc: str, mode: str) -> str:
    """The same instant written as the export may write it."""
    t = ts(utc)
    if mode in ("", "Z"):
        return utc
    if mode == "frac":
        return utc if "." in utc else utc[:-1] + ".000Z"
    sign = 1 if mode[0] == "+" else -1
    hours, minutes = int(mode[1:3]), int(mode[4:6])
    local = t.astimezone(timezone(sign * timedelta(hours=hours, minutes=minutes)))
    frac = "." + utc.split(".")[1][:-1] if "." in utc else ""
    return local.strftime("%Y-%m-%dT%H:%M:%S") + frac + mode


def auto_render(key: str, explicit: str) -> str:
    if explicit:
        return explicit
    return {0: "+02:00", 1: "frac", 2: "-05:00"}.get(stable_hash("time:" + key) % 9, "")


def home_file(r: Room) -> int:
    if r.home_file is not None:
        return r.home_file
    first = min(ts(m.at) for m in r.messages)
    if first < datetime(2020, 4, 3, tzinfo=timezone.utc):
        return 0
    if first < datetime(2020, 6, 26, tzinfo=timezone.utc):
        return 1
    if first < datetime(2020, 8, 10, tzinfo=timezone.utc):
        return 2
    return 3


@dataclass
class Record:
    file: int
    key: str          # what the record is, for ordering and the README ("message m0101")
    obj: dict
    ascii_json: bool = False


def records_of(r: Room) -> list[Record]:
    home = home_file(r)
    n = int(r.id[1:])
    out: list[Record] = []
    if r.described:
        room = {"type": "room", "room_id": r.id, "client_id": r.client, "freelancer_id": r.freelancer}
        if r.plan is not None:
            room["client_plan"] = r.plan
        if r.created is not None:
            room["created_at"] = render_time(r.created, auto_render("room:" + r.id, ""))
        if n % 4 == 0:
            room["title"] = r.title      # an unknown field: ignored
        out.append(Record(r.room_file if r.room_file is not None else (home + 1) % 4 if n % 2 else home,
                          f"room {r.id}", room))
    for i, e in enumerate(r.contracts):
        f = e.file if e.file is not None else (home + 1) % 4 if n % 3 == 0 else home
        obj = {"type": "contract", "contract_id": e.contract_id, "room_id": r.id, "event": e.event,
               "at": render_time(e.at, auto_render(f"contract:{e.contract_id}:{e.event}:{i}", e.render))}
        out.append(Record(f, f"contract {e.contract_id} {e.event} {e.at}", obj))
    for i, m in enumerate(r.messages):
        obj = {"type": "message", "message_id": m.id, "room_id": r.id, "sender_id": r.sender_id(m),
               "sent_at": render_time(m.at, auto_render("message:" + m.id, m.render))}
        if m.text:
            obj["text"] = m.text
        if m.attachments:
            obj["attachments"] = [{"name": a.name, "kind": a.kind, **({"text": a.text} if a.text else {})}
                                  for a in m.attachments]
        obj.update(m.extra)
        files = m.files or ((home + 1) % 4 if i % 3 == 2 else home,)
        for f in files:
            out.append(Record(f, f"message {m.id}", obj, m.ascii_json))
    for c in r.calls:
        obj = {"type": "call", "call_id": c.id, "room_id": r.id,
               "initiator_id": r.client if c.initiator == "client" else r.freelancer,
               "started_at": render_time(c.started, auto_render("call:" + c.id, c.render))}
        if c.ended:
            obj["ended_at"] = render_time(c.ended, auto_render("call-end:" + c.id, c.render))
        obj["status"] = c.status
        if c.media:
            obj["media"] = c.media
        if c.failure_reason:
            obj["failure_reason"] = c.failure_reason
        for f in c.files or (home,):
            out.append(Record(f, f"call {c.id}", obj))
    return out


def encode(rec: Record) -> bytes:
    obj = rec.obj
    h = stable_hash("json:" + rec.key + str(rec.file))
    if h % 5 == 0:   # `type` need not come first
        obj = {k: v for k, v in obj.items() if k != "type"} | {"type": obj["type"]}
    separators = (", ", ": ") if h % 4 == 0 else (",", ":")
    return json.dumps(obj, ensure_ascii=rec.ascii_json, separators=separators).encode("utf-8")


def build_files(rooms: list[Room]) -> list[ExportFile]:
    files = [ExportFile(f.path, f.gzip, f.crlf, f.members, f.note) for f in FILES]
    per_file: dict[int, list[Record]] = {i: [] for i in range(len(files))}
    for r in rooms:
        for rec in records_of(r):
            per_file[rec.file].append(rec)
    for i, recs in per_file.items():
        recs.sort(key=lambda rec: stable_hash(f"order:{i}:{rec.key}"))
        files[i].lines = [encode(rec) for rec in recs]
        files[i].what = [{"record": rec.obj["type"], "key": rec.key} for rec in recs]
    inserts = sorted([(f, pos, raw, reason) for f, pos, raw, reason in NON_RECORDS if pos != "member2"],
                     key=lambda x: (x[0], x[1]))
    for f, pos, raw, reason in inserts:
        files[f].lines.insert(pos, raw)
        files[f].what.insert(pos, {"blank": True} if reason is None else {"rejected": reason})
    f, pos, obj = UNKNOWN_TYPE
    files[f].lines.insert(pos, json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode())
    files[f].what.insert(pos, {"record": "unknown", "key": f"record of type {obj['type']}"})
    for f, pos, raw, reason in NON_RECORDS:
        if pos == "member2":   # first line of the second gzip member
            mid = len(files[f].lines) // 2
            files[f].lines.insert(mid, raw)
            files[f].what.insert(mid, {"rejected": reason, "member": 2})
    return files


def file_bytes(f: ExportFile) -> bytes:
    end = b"\r\n" if f.crlf else b"\n"
    if not f.gzip:
        return b"".join(line + end for line in f.lines)
    if f.members == 1:
        return gzip.compress(b"".join(line + end for line in f.lines), compresslevel=9, mtime=0)
    split = member_split(f)
    first = b"".join(line + end for line in f.lines[:split])
    second = b"".join(line + end for line in f.lines[split:])
    return gzip.compress(first, compresslevel=9, mtime=0) + gzip.compress(second, compresslevel=9, mtime=0)


def member_split(f: ExportFile) -> int:
    """Index of the first line of the second member (the line marked so, else the middle)."""
    for i, w in enumerate(f.what):
        if w.get("member") == 2:
            return i
    return len(f.lines) // 2
