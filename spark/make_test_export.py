#!/usr/bin/env python3
"""A small deterministic export of two nights, for the Spark job's test.

Until `offplatform generate` is used here, this stands in for it. It is made to
catch what a distributed run could get wrong rather than to look like real
traffic: a room's records spread over several files and both nights (its
contract in another file than its messages, its contract started on the first
night and its messages on the second, so only the ledger tells its phase);
clients and freelancers meeting again in new rooms (an existing relationship
crosses rooms); re-exported messages; plain, gzip (two members) and CRLF files,
one in a subdirectory, one big enough for Spark to split; and on the first night
every kind of line the binary must reject or count by its file:line: blank and
whitespace lines, a `\\r` inside a line (JSON whitespace), a byte-order mark,
lines that are not JSON, not UTF-8, not an object, without a room, over the
length cap and exactly at it, a room id written with an escape and one in
decomposed Unicode.

Usage: make_test_export.py OUT_DIR [--rooms N] [--seed S] [--cap BYTES]
Writes OUT_DIR/night-1/ and OUT_DIR/night-2/.
"""

import argparse
import gzip
import json
import os
import random
from datetime import datetime, timedelta, timezone

START = datetime(2020, 3, 1, tzinfo=timezone.utc)
NIGHT_2 = datetime(2020, 7, 15, tzinfo=timezone.utc)
DAYS = 200
PLANS = ["basic", "basic", "basic", "plus", "business", "enterprise"]
CONTACTS = [
    "write to me at anna@example.com",
    "call me on +1 415 555 0199",
    "my number is five five five, zero one nine nine",
    "anna at gmail dot com is best",
    "add me on sk-ype: live:dev.anna_77",
    "pay me at paypal.me/annadesign instead",
    "whatsapp +44 7700 900123 works for me",
    "let's continue on telegram @anna_designs",
]
PLAIN = [
    "Thanks for the proposal, when can you start?",
    "I have attached the first draft.",
    "Could you make the logo a bit larger?",
    "The milestone is funded, go ahead.",
    "Sure, I will send an update tomorrow.",
    "Ça marche, merci ! Überweisung folgt über die Plattform.",
    "Can we do a quick call on the platform?",
]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def line(record):
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def model(rooms, rng):
    """Every record of the export as `(time, kind, bytes)`."""
    records = []
    clients = [f"c{i:04d}" for i in range(max(4, rooms // 4))]
    freelancers = [f"f{i:04d}" for i in range(max(4, rooms // 5))]
    for r in range(rooms):
        room = f"r{r:05d}"
        client, freelancer = rng.choice(clients), rng.choice(freelancers)
        created = START + timedelta(minutes=rng.randrange(DAYS * 24 * 60))
        room_record = {"type": "room", "room_id": room, "client_id": client, "freelancer_id": freelancer,
                       "created_at": stamp(created)}
        if rng.random() < 0.8:
            room_record["client_plan"] = rng.choice(PLANS)
        records.append((created, "room", line(room_record)))
        t = created
        messages = rng.randrange(2, 12)
        contract_at = rng.randrange(messages + 2) if rng.random() < 0.45 else None
        # Some rooms go on for weeks, so that many span both nights.
        longest_gap = 14400 if rng.random() < 0.25 else 3000
        for m in range(messages):
            t += timedelta(minutes=rng.randrange(5, longest_gap))
            if contract_at == m:
                cid = f"ct{r:05d}"
                records.append((t, "contract", line({"type": "contract", "contract_id": cid, "room_id": room,
                                                      "event": "offer_sent", "at": stamp(t)})))
                t += timedelta(minutes=rng.randrange(1, 600))
                records.append((t, "contract", line({"type": "contract", "contract_id": cid, "room_id": room,
                                                      "event": "started", "at": stamp(t)})))
                if rng.random() < 0.3:
                    end = t + timedelta(days=rng.randrange(1, 20))
                    records.append((end, "contract", line({"type": "contract", "contract_id": cid, "room_id": room,
                                                            "event": "ended", "at": stamp(end)})))
            if rng.random() < 0.12:
                status = rng.choice(["completed", "failed", "dropped", "missed", "declined"])
                call = {"type": "call", "call_id": f"k{r:05d}-{m}", "room_id": room, "initiator_id": client,
                        "started_at": stamp(t), "status": status, "media": rng.choice(["audio", "video"])}
                if status in ("failed", "dropped"):
                    call["failure_reason"] = "media connection timeout"
                records.append((t, "call", line(call)))
                t += timedelta(minutes=rng.randrange(1, 30))
            sender = client if m % 2 == 0 else freelancer
            text = rng.choice(CONTACTS) if rng.random() < 0.3 else rng.choice(PLAIN)
            message = {"type": "message", "message_id": f"m{r:05d}-{m:02d}", "room_id": room, "sender_id": sender,
                       "sent_at": stamp(t), "text": text}
            if rng.random() < 0.05:
                message["attachments"] = [{"name": "brief.pdf", "kind": "file", "text": rng.choice(CONTACTS)}]
            records.append((t, "message", line(message)))
            if rng.random() < 0.03:
                records.append((t, "resent", line(message)))
    return records


def oddities(cap):
    """Lines of the first night that test the numbering, the keying and the cap."""
    base = {"type": "message", "message_id": "m-odd-0", "room_id": "r00001", "sender_id": "system",
            "sent_at": "2020-03-02T10:00:00Z", "text": ""}

    def padded(length, message_id):
        record = dict(base, message_id=message_id)
        record["text"] = "x" * (length - len(line(record)))
        return line(record)

    decomposed = "cafe\u0301-room"
    composed = "caf\u00e9-room"
    return [
        b"",
        b"   \t",
        b"\xef\xbb\xbf" + line(dict(base, message_id="m-odd-bom")),
        b'{"type":"message",\r"message_id":"m-odd-cr","room_id":"r00002","sender_id":"system",'
        b'"sent_at":"2020-03-02T10:00:00Z","text":"a carriage return between tokens"}',
        b"{broken",
        b"[1,2,3]",
        b'{"type":"message","room_id":"r00003","text":"\xff\xfe not utf-8"}',
        line({"type": "message", "message_id": "m-odd-noroom", "sender_id": "system", "sent_at": "2020-03-02T10:00:00Z"}),
        line({"type": "unknown_kind", "room_id": "r00004"}),
        b'{"type":"message","message_id":"m-odd-esc","room_id":"r\\u00300005","sender_id":"system",'
        b'"sent_at":"2020-03-02T10:00:00Z","text":"room id with an escape"}',
        line({"type": "room", "room_id": composed, "client_id": "c0001", "freelancer_id": "f0001"}),
        line({"type": "message", "message_id": "m-odd-nfd", "room_id": decomposed, "sender_id": "c0001",
              "sent_at": "2020-05-02T10:00:00Z", "text": "call me on +1 415 555 0199"}),
        line({"type": "contract", "contract_id": "ct-nfc", "room_id": composed, "event": "started",
              "at": "2020-05-01T10:00:00Z"}),
        padded(cap, "m-odd-at-cap") + b"\r",
        padded(cap + 1, "m-odd-over-cap"),
        padded(cap * 3, "m-odd-far-over-cap"),
        b'{"type":"message","message_id":"m-odd-dup","room_id":"r99999","sender_id":"system",'
        b'"sent_at":"2020-03-02T10:00:00Z","text":"the last room_id counts","room_id":"r00001"}',
    ]


def write(path, lines, gz=False, crlf=False, members=1):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    end = b"\r\n" if crlf else b"\n"
    data = b"".join(l + end for l in lines)
    if gz:
        cut = len(lines) // members
        parts = [b"".join(l + end for l in lines[i * cut:(i + 1) * cut if i < members - 1 else len(lines)])
                 for i in range(members)]
        data = b"".join(gzip.compress(p, mtime=0) for p in parts)
    with open(path, "wb") as f:
        f.write(data)


def write_night(directory, records, rng, extra=()):
    by_kind = {}
    for _, kind, raw in records:
        by_kind.setdefault(kind, []).append(raw)
    messages = by_kind.get("message", []) + list(extra)
    rng.shuffle(messages)
    quarter = len(messages) // 4
    # The export promises no order: messages shuffled over files, their rooms and contracts elsewhere.
    write(os.path.join(directory, "messages-a.jsonl"), messages[:quarter])
    write(os.path.join(directory, "messages-b.jsonl.gz"), messages[quarter:2 * quarter], gz=True, members=2)
    write(os.path.join(directory, "messages-c.jsonl.gz"), messages[2 * quarter:3 * quarter], gz=True, crlf=True)
    write(os.path.join(directory, "late", "messages-d.jsonl"), messages[3 * quarter:])
    events = by_kind.get("contract", []) + by_kind.get("room", [])
    rng.shuffle(events)
    write(os.path.join(directory, "rooms and contracts", "events.jsonl"), events)
    calls = by_kind.get("call", [])
    write(os.path.join(directory, "calls.jsonl.gz"), calls, gz=True)
    write(os.path.join(directory, "resent", "again [re-export].jsonl"), by_kind.get("resent", []))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--rooms", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20201115)
    parser.add_argument("--cap", type=int, default=8192, help="the --max-line-bytes the test runs with")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    records = model(args.rooms, rng)
    first = [r for r in records if r[0] < NIGHT_2]
    second = [r for r in records if r[0] >= NIGHT_2]
    write_night(os.path.join(args.out, "night-1"), first, rng, extra=oddities(args.cap))
    write_night(os.path.join(args.out, "night-2"), second, rng)


if __name__ == "__main__":
    main()
