"""Reads the written export files back, the way the spec says a reader must, and
checks they say exactly what the stories say: every record present with the
same instants and texts, every blank and bad line where the summary puts it.
A guard on the writer, so that the expectations describe the bytes on disk.
"""
from __future__ import annotations

import json
import zlib

from check import ts
from model import Room

STATUSES = {"completed", "failed", "dropped", "missed", "declined"}


def lines_of(path: str, data: bytes) -> tuple[list[bytes], int]:
    members = 0
    if data[:2] == b"\x1f\x8b":
        out, rest = b"", data
        while rest:
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += d.decompress(rest)
            rest = d.unused_data
            members += 1
        data = out
    parts = data.split(b"\n")
    if parts[-1] == b"":
        parts.pop()
    return [p[:-1] if p.endswith(b"\r") else p for p in parts], members


def classify(line: bytes) -> tuple[str, object]:
    if not line.strip():
        return "blank", None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return "rejected", "invalid_utf8"
    try:
        obj = json.loads(text)
    except json.JSONDecodeError:
        return "rejected", "invalid_json"
    if not isinstance(obj, dict):
        return "rejected", "not_an_object"
    t = obj.get("type")
    if t == "message":
        for f in ("message_id", "room_id", "sender_id", "sent_at"):
            if f not in obj:
                return "rejected", f"missing_field:{f}"
        try:
            ts(obj["sent_at"])
        except ValueError:
            return "rejected", "bad_timestamp:sent_at"
    if t == "call" and obj.get("status") not in STATUSES:
        return "rejected", "bad_value:status"
    if t not in ("room", "contract", "message", "call"):
        return "unknown", obj
    return "record", obj


def reread(rooms: list[Room], written: dict[str, bytes], summary: dict) -> list[str]:
    errors: list[str] = []
    seen: dict[str, list] = {"room": [], "contract": [], "message": [], "call": []}
    for pf in summary["files"]:
        lines, members = lines_of(pf["path"], written[pf["path"]])
        if len(lines) != pf["lines"] or members != pf["gzip_members"]:
            errors.append(f"{pf['path']}: {len(lines)} lines, {members} members; summary says otherwise")
        rejections = []
        blank = 0
        for n, line in enumerate(lines, start=1):
            what, obj = classify(line)
            if what == "blank":
                blank += 1
            elif what == "rejected":
                rejections.append({"line": n, "reason": obj})
            elif what == "record":
                seen[obj["type"]].append(obj)
        if blank != pf["blank_lines"] or rejections != pf["rejections"]:
            errors.append(f"{pf['path']}: blank {blank}, rejections {rejections}: summary says otherwise")

    def same_instant(a: str, b: str) -> bool:
        return ts(a) == ts(b)

    messages: dict[str, list[dict]] = {}
    for o in seen["message"]:
        messages.setdefault(o["message_id"], []).append(o)
    for r in rooms:
        for m in r.messages:
            copies = messages.pop(m.id, [])
            if not copies:
                errors.append(f"{m.id}: not in any file")
            for o in copies:
                atts = [(a.name, a.kind, a.text) for a in m.attachments]
                got = [(a["name"], a["kind"], a.get("text")) for a in o.get("attachments", [])]
                if (o["room_id"], o["sender_id"], o.get("text", ""), got) != (r.id, r.sender_id(m), m.text, atts) \
                        or not same_instant(o["sent_at"], m.at):
                    errors.append(f"{m.id}: written differently from the story")
        calls = [o for o in seen["call"] if o["room_id"] == r.id]
        for c in r.calls:
            mine = [o for o in calls if o["call_id"] == c.id]
            if not mine or any(not same_instant(o["started_at"], c.started) or o["status"] != c.status
                               or (c.ended and not same_instant(o["ended_at"], c.ended))
                               or (not c.ended and "ended_at" in o) or o.get("media") != c.media for o in mine):
                errors.append(f"{c.id}: written differently from the story")
        events = sorted((o["contract_id"], o["event"], ts(o["at"])) for o in seen["contract"] if o["room_id"] == r.id)
        if events != sorted((e.contract_id, e.event, ts(e.at)) for e in r.contracts):
            errors.append(f"{r.id}: contract events differ from the story")
        records = [o for o in seen["room"] if o["room_id"] == r.id]
        if r.described != bool(records) or any(o.get("client_plan") != r.plan for o in records):
            errors.append(f"{r.id}: room record differs from the story")
    if messages:
        errors.append(f"messages in the files but not in the stories: {sorted(messages)}")
    return errors
