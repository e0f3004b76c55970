"""SampleData/README.md, written from the stories so it cannot drift from the data."""
from __future__ import annotations

from check import first_move_minutes, role_of, ts
from exportfiles import member_split
from model import Room, parse_context

EPOCH_ORDER = {"legacy": 0, "unsolicited_contact": 1, "pre_contract_on_platform": 2}


def cell(s: str) -> str:
    s = s.replace("\u200b", "&lt;U+200B&gt;").replace("|", "\\|").replace("\n", " ")
    return s


def when(utc: str) -> str:
    return utc.replace("T", " ").replace("Z", "")


def fmt_minutes(x: float | None) -> str:
    return "—" if x is None else f"{x:g} min"


def readme(rooms: list[Room], files, summ: dict, reports: dict) -> str:
    out: list[str] = []
    w = out.append
    w("# SampleData: a small export with known answers\n")
    w("A hand-written export of a freelance marketplace's messages, in the format of `export-v1.md`, whose "
      "rooms tell small stories that exercise every rule of the policy (docs/POLICY.md): each epoch and phase, "
      "each exception and a near miss for it, payments, unsolicited contact, calls followed or not by a move "
      "off the platform, disguised contact details and hard negatives. `offplatform analyze` with no input "
      "analyzes this folder; the end-to-end test compares what the tool reports with the expectations in "
      "`Tests/EndToEndTests/Fixtures/` (`sample_findings.tsv`, `sample_summary.json`, `expected_reports/`).\n")
    w("**Generated** by `python3 scripts/sampledata/build.py` from `scripts/sampledata/stories.py`, where every "
      "finding and verdict is written by hand. Do not edit these files: edit the stories and rebuild. All "
      "names, numbers, addresses and accounts are made up (fictional 555-01xx and 7700 900xxx numbers, "
      "the standard example IBANs).\n")
    w("Reading the verdicts: a message is judged by the epoch in force when it was sent (UTC): `legacy` until "
      "2020-04-02 (only payments outside the platform are prohibited), `unsolicited_contact` from 2020-04-03 "
      "(also contacting someone through a channel they never offered), `pre_contract_on_platform` from "
      "2020-06-26 (also any contact detail or move off the platform before a contract, unless an exception "
      "applies). Phases: `pre_contract` (stage `inquiry` before an offer, `offer` after), `active_contract`, "
      "`post_contract`.\n")

    # Files
    w("## Files\n")
    w("| # | file | format | lines | blank | records | rejected | what is special |")
    w("|---|---|---|---|---|---|---|---|")
    for i, (f, pf) in enumerate(zip(files, summ["files"]), start=1):
        fmt = "plain" if not f.gzip else f"gzip, {f.members} member{'s' if f.members > 1 else ''}"
        fmt += ", CRLF" if f.crlf else ", LF"
        w(f"| #{i} | `{f.path.removeprefix('SampleData/')}` | {fmt} | {pf['lines']} | {pf['blank_lines']} | "
          f"{pf['records']} | {pf['rejected_lines']} | {f.note} |")
    w("")
    w("Lines that are not ordinary records (line numbers count every line of the decompressed file, from 1):\n")
    for f in files:
        notes = []
        for n, what in enumerate(f.what, start=1):
            if what.get("blank"):
                raw = f.lines[n - 1]
                notes.append(f"line {n}: blank" + (" (spaces only)" if raw.strip() == b"" and raw else ""))
            elif "rejected" in what:
                notes.append(f"line {n}: rejected as `{what['rejected']}`")
            elif what["record"] == "unknown":
                notes.append(f"line {n}: a record of unknown type `reaction` (counted, skipped)")
        if f.members == 2:
            notes.append(f"the second gzip member starts at line {member_split(f) + 1}")
        w(f"- `{f.path.removeprefix('SampleData/')}`: " + "; ".join(notes) + "." if notes else
          f"- `{f.path.removeprefix('SampleData/')}`: nothing special.")
    w("")
    w("Records are spread over the files and shuffled within each one: " + out_of_order(rooms, files) + "\n")

    # Summary
    w("## Expected run summary\n")
    w("| | |\n|---|---|")
    w(f"| lines read | {summ['lines_read']} |")
    w(f"| blank lines | {summ['blank_lines']} |")
    w("| records | " + f"{summ['records']} (" + ", ".join(f"{k} {v}" for k, v in summ["records_by_type"].items())
      + ") |")
    w("| rejected lines | " + f"{summ['lines_rejected']} (" +
      ", ".join(f"`{k}` {v}" for k, v in summ["rejected_by_reason"].items()) + ") |")
    w(f"| duplicate messages (same id exported twice, counted once) | {summ['duplicate_messages']} |")
    w(f"| messages | {summ['messages']} in {summ['rooms_with_messages']} rooms "
      f"({summ['rooms_described']} described by a room record) |")
    w(f"| calls | {summ['calls_unique']} distinct ({summ['duplicate_calls']} exported twice); "
      f"{summ['calls_in_call_reports']} connected (completed, failed or dropped) |")
    w("| findings | " + f"{summ['findings']}: " +
      ", ".join(f"{k} {v}" for k, v in summ["findings_by_verdict"].items()) + " |")
    w("")
    w("Reports expected: `" + "`, `".join(reports) + "` in `Tests/EndToEndTests/Fixtures/expected_reports/`.\n")
    rows = reports["call_failure_summary.csv"]
    all_row = dict(zip(rows[0], rows[1]))
    w(f"Calls, all of them: after a failed or dropped call {all_row['failed_moved']} of "
      f"{int(all_row['failed_moved']) + int(all_row['failed_not_moved'])} were followed by a move within 30 "
      f"minutes, after a completed call {all_row['completed_moved']} of "
      f"{int(all_row['completed_moved']) + int(all_row['completed_not_moved'])}: relative risk "
      f"{all_row['relative_risk']}, odds ratio {all_row['odds_ratio']}, Fisher p = {all_row['p_value']}.\n")

    # Rooms
    w("## The rooms\n")
    w("Each room: its story, then every message in time order with the findings a correct detector makes and "
      "the verdict each must get; `(#2:14)` after an id is where the record is (file number from the Files "
      "table, line).\n")
    where = locations(files)
    for r in sorted(rooms, key=room_order):
        w(room_section(r, where))
    w(DECISIONS)
    return "\n".join(out)


def room_order(r: Room):
    first = min(r.messages, key=lambda m: ts(m.at))
    return (EPOCH_ORDER[parse_context(first.context)[0]], r.id)


def out_of_order(rooms: list[Room], files) -> str:
    pos = {}
    for fi, f in enumerate(files):
        for n, what in enumerate(f.what, start=1):
            if "key" in what:
                pos.setdefault(what["key"], (fi, n))
    late_room = [r.id for r in rooms if r.described and any(pos[f"message {m.id}"] < pos[f"room {r.id}"]
                                                            for m in r.messages)]
    late_contract = [r.id for r in rooms if r.contracts and any(
        pos[f"message {m.id}"] < min(pos[f"contract {e.contract_id} {e.event} {e.at}"] for e in r.contracts)
        for m in r.messages)]
    split = [r.id for r in rooms if len({pos[f"message {m.id}"][0] for m in r.messages}) > 1]
    return (f"in {len(late_room)} rooms a message comes before the room record in file order "
            f"({', '.join(late_room)}); in {len(late_contract)} rooms a message comes before the room's "
            f"contract events ({', '.join(late_contract)}); {len(split)} rooms have their messages in more "
            f"than one file.")


def locations(files) -> dict[str, list[str]]:
    """Where each record is: 'message m0101' → ['#1:7'] (file number as in the Files table, line)."""
    where: dict[str, list[str]] = {}
    for fi, f in enumerate(files, start=1):
        for n, what in enumerate(f.what, start=1):
            if "key" in what:
                where.setdefault(what["key"], []).append(f"#{fi}:{n}")
    return where


def room_section(r: Room, where: dict[str, list[str]]) -> str:
    out = [f"### {r.id}: {r.title}\n"]
    head = []
    if r.described:
        plan = f"`{r.plan}`" if r.plan else "not given (`basic`)"
        head.append(f"Client `{r.client}`, freelancer `{r.freelancer}`, plan {plan}; room record at "
                    f"{', '.join(where[f'room {r.id}'])}.")
    else:
        senders = sorted({m.sender for m in r.messages})
        head.append(f"No room record in any file: senders {', '.join(f'`{s}`' for s in senders)} have role "
                    f"`unknown`, plan `unknown`.")
    if r.contracts:
        head.append("Contract events: " + "; ".join(
            f"`{e.contract_id}` {e.event} {when(e.at)} ({', '.join(where[f'contract {e.contract_id} {e.event} {e.at}'])})"
            for e in r.contracts) + ".")
    out.append(" ".join(head) + "\n")
    out.append(r.story + "\n")
    out.append("| message | sent (UTC) | from | context | what is said | finding | verdict | why |")
    out.append("|---|---|---|---|---|---|---|---|")
    for m in sorted(r.messages, key=lambda m: ts(m.at)):
        said = m.text or "(no text)"
        for a in m.attachments:
            said += f" [attachment `{a.name}` ({a.kind})" + (f": \"{a.text}\"]" if a.text else "]")
        epoch, phase, stage = parse_context(m.context)
        ctx = f"{epoch} / {phase}" + (f"/{stage}" if stage else "")
        role = role_of(r, m)
        sender = role if r.described else f"`{m.sender}` (unknown)"
        mid = f"{m.id} ({', '.join(where[f'message {m.id}'])})"
        if not m.findings:
            out.append(f"| {mid} | {when(m.at)} | {sender} | {ctx} | {cell(said)} | — | — | no finding |")
            continue
        for i, f in enumerate(m.findings):
            what = f"`{f.kind}`" + (f" ({f.platform})" if f.platform else "") + \
                   (", request" if f.intent == "request" else "") + \
                   ("" if f.source == "text" else f", in {f.source}") + f": {cell(f.detail)}"
            verdict = f"**{f.verdict}**" + (f" `{f.exception}`" if f.exception else "")
            if i == 0:
                out.append(f"| {mid} | {when(m.at)} | {sender} | {ctx} | {cell(said)} | {what} | {verdict} | "
                           f"{cell(f.why)} |")
            else:
                out.append(f"| | | | | | {what} | {verdict} | {cell(f.why)} |")
    if r.calls:
        out.append("\n| call | status | media | started (UTC) | ended (UTC) | phase | first move | why |")
        out.append("|---|---|---|---|---|---|---|---|")
        for c in r.calls:
            counted = c.status not in ("missed", "declined")
            move = fmt_minutes(first_move_minutes(r, c)) if counted else "left out"
            out.append(f"| {c.id} ({', '.join(where[f'call {c.id}'])}) | {c.status} | {c.media or '(none: unknown)'} | {when(c.started)} | "
                       f"{when(c.ended) if c.ended else '(none)'} | {c.phase} | {move} | {cell(c.why)} |")
    out.append("")
    return "\n".join(out)


DECISIONS = """## Where the docs leave room, what these expectations assume

- `intent`: `request` for `offplatform_request` and for asking to be paid outside the platform ("pay me
  directly"); `share` for every identifier (including PayPal links and IBANs) and for `unsolicited_contact`
  (a report of contact made, not a request).
- `platform`: the slug of the platform named (`skype`, `zoom`, `paypal`, `google_meet`, `lever`…); for a
  request without identifier the channel asked for (`email`, `phone`); for `unsolicited_contact` the channel
  used (`phone`, `email`, `linkedin`, `whatsapp`); for a link to a portfolio host the host's name (`behance`,
  `dribbble`, `vimeo`); empty for IBANs, generic links, phones, emails and "pay me directly".
- `room_violation_rates.csv` has a row only for an epoch, phase and plan with at least one room.
- `exception_usage.csv`: rows in exception order (policy order), then phase, then role; a phase and role
  appear when at least one finding there was judged `violation` or `excused` (payments and unsolicited
  contact included), with a row for every exception, zeros included.
- `call_failure_correlation.csv` and `call_failure_summary.csv`: a phase or media split appears when at least
  one connected call has it, with a row for both outcomes. `corrected` is 0 when a group has no calls (no
  ratio is computed). A move is a finding of kind `messaging_app`, `meeting_link`, `phone`, `email` or
  `offplatform_request` in a message by the client or the freelancer sent strictly after the call's end (its
  start when it has no end) and at most 30 minutes later.
- `daily.csv`: rows by date, then phase.
- `sample_findings.tsv`: one row per finding, sorted by message id, source, kind; a message exported twice
  appears once.
"""
