#!/usr/bin/env python3
"""Builds SampleData/ and the end-to-end expectations from the hand-written stories.

Regenerate (from anywhere; paths are taken relative to the repository root):

    python3 scripts/sampledata/build.py          # writes everything
    python3 scripts/sampledata/build.py --check  # only checks that the committed files are up to date

Needs Python 3.11 with PyYAML, scipy and statsmodels (`pip install statsmodels`).

What it writes, byte for byte the same on every run:
- SampleData/*.jsonl, SampleData/**/*.jsonl.gz — the export files (gzip with mtime 0);
- SampleData/README.md — each room's story and the verdicts expected;
- Tests/EndToEndTests/Fixtures/sample_findings.tsv — one row per expected finding;
- Tests/EndToEndTests/Fixtures/sample_summary.json — lines, records, rejections, duplicates, verdicts;
- Tests/EndToEndTests/Fixtures/expected_reports/*.csv — every CSV of docs/METRICS.md;
- Tests/EndToEndTests/Fixtures/README.md — what each expectation file holds.

The end-to-end test runs `offplatform analyze SampleData` and compares the tool's
findings, run summary and CSV reports with these files. The verdicts are not
computed here: they are written by hand in stories.py. Before writing anything
the script checks the stories against the rules of docs/POLICY.md (check.py)
and stops at the first disagreement. The report numbers are computed from the
stories' verdicts following docs/METRICS.md (reports.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

from check import check_stories, ts  # noqa: E402
from exportfiles import FILES, build_files, file_bytes, member_split  # noqa: E402
from model import VERDICTS, Room  # noqa: E402
from readme import readme  # noqa: E402
from reports import all_reports, call_facts, csv_bytes, message_facts  # noqa: E402
from reread import reread  # noqa: E402
from stories import ROOMS  # noqa: E402

FIXTURES = "Tests/EndToEndTests/Fixtures"
TSV_COLUMNS = ["message_id", "source", "kind", "platform", "intent", "epoch", "phase", "stage", "sender_role",
               "verdict", "exception"]


def findings_tsv(rooms: list[Room]) -> bytes:
    rows = []
    for m in message_facts(rooms):
        for f in m.findings:
            rows.append([m.id, f.source, f.kind, f.platform, f.intent, m.epoch, m.phase, m.stage, m.role,
                         f.verdict, f.exception])
    rows.sort()
    return "".join("\t".join(r) + "\n" for r in [TSV_COLUMNS] + rows).encode()


def summary(rooms: list[Room], files) -> dict:
    per_file = []
    by_type: Counter = Counter()
    rejected: Counter = Counter()
    rejections = []
    message_copies: Counter = Counter()
    call_copies: Counter = Counter()
    for f in files:
        types: Counter = Counter()
        rej = []
        blank = 0
        for n, w in enumerate(f.what, start=1):
            if w.get("blank"):
                blank += 1
            elif "rejected" in w:
                rej.append({"line": n, "reason": w["rejected"]})
                rejections.append({"file": f.path, "line": n, "reason": w["rejected"]})
                rejected[w["rejected"]] += 1
            else:
                types[w["record"]] += 1
                if w["record"] == "message":
                    message_copies[w["key"]] += 1
                if w["record"] == "call":
                    call_copies[w["key"]] += 1
        by_type.update(types)
        per_file.append({
            "path": f.path, "format": "jsonl.gz" if f.gzip else "jsonl",
            "gzip_members": f.members if f.gzip else 0,
            "second_member_starts_at_line": member_split(f) + 1 if f.members == 2 else None,
            "line_ending": "crlf" if f.crlf else "lf", "lines": len(f.lines), "blank_lines": blank,
            "records": sum(types.values()), "records_by_type": dict(sorted(types.items())),
            "rejected_lines": len(rej), "rejections": rej,
        })
    for pf in per_file:
        if pf["second_member_starts_at_line"] is None:
            del pf["second_member_starts_at_line"]
    msgs = message_facts(rooms)
    findings = [f for m in msgs for f in m.findings]
    calls = call_facts(rooms)
    return {
        "files": per_file,
        "lines_read": sum(len(f.lines) for f in files),
        "blank_lines": sum(pf["blank_lines"] for pf in per_file),
        "records": sum(by_type.values()),
        "records_by_type": dict(sorted(by_type.items())),
        "unknown_record_types": {"reaction": by_type["unknown"]},
        "lines_rejected": sum(rejected.values()),
        "rejected_by_reason": dict(sorted(rejected.items())),
        "rejections": rejections,
        "duplicate_messages": sum(n - 1 for n in message_copies.values()),
        "messages": len(msgs),
        "rooms_described": sum(r.described for r in rooms),
        "rooms_with_messages": len({m.room.id for m in msgs}),
        "calls_unique": len(call_copies),
        "duplicate_calls": sum(n - 1 for n in call_copies.values()),
        "calls_in_call_reports": len(calls),
        "findings": len(findings),
        "findings_by_verdict": {v: sum(f.verdict == v for f in findings) for v in VERDICTS},
        "findings_by_source": dict(sorted(Counter(f.source for f in findings).items())),
    }


FIXTURES_README = """# End-to-end expectations for SampleData

Generated by `python3 scripts/sampledata/build.py` from `scripts/sampledata/stories.py`; do not edit.
`SampleData/README.md` tells the story behind every row.

- `sample_findings.tsv`: one row per finding a correct run of `offplatform analyze SampleData` records
  (a message exported twice counted once), tab-separated, header row, sorted by message id, source, kind.
  Columns: message_id, source (`text` or `attachment:<kind>`), kind, platform (empty when none), intent,
  epoch, phase, stage (empty outside pre_contract), sender_role, verdict, exception (empty unless excused).
  Compare as a multiset of rows.
- `sample_summary.json`: per file (path from the repository root, lines, blank lines, records by type,
  rejected lines with line number and reason) and for the run: `lines_read`, `blank_lines`,
  `records_by_type` (a record of unknown type counts as `unknown`), `rejected_by_reason`, `rejections`,
  `duplicate_messages`, `messages` (distinct), `findings_by_verdict`; and facts for the call report.
- `expected_reports/*.csv`: the CSV reports of docs/METRICS.md, byte for byte (RFC 4180, CRLF, header row).
"""


def outputs(rooms: list[Room]) -> dict[str, bytes]:
    files = build_files(rooms)
    out = {f.path: file_bytes(f) for f in files}
    summ = summary(rooms, files)
    reports = all_reports(rooms)
    out[f"{FIXTURES}/README.md"] = FIXTURES_README.encode()
    out[f"{FIXTURES}/sample_findings.tsv"] = findings_tsv(rooms)
    out[f"{FIXTURES}/sample_summary.json"] = (json.dumps(summ, indent=2, ensure_ascii=False) + "\n").encode()
    for name, rows in reports.items():
        out[f"{FIXTURES}/expected_reports/{name}"] = csv_bytes(rows)
    out["SampleData/README.md"] = readme(rooms, files, summ, reports).encode()
    errors = reread(rooms, out, summ)
    if errors:
        raise SystemExit("The written files do not say what the stories say:\n  " + "\n  ".join(errors))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk; write nothing")
    args = ap.parse_args()
    errors = check_stories(ROOMS, ROOT / "Sources/Policy/DefaultPolicy.yaml")
    if errors:
        print("The stories disagree with docs/POLICY.md:", *errors, sep="\n  ", file=sys.stderr)
        return 1
    out = outputs(ROOMS)
    stale = [p for p, data in out.items() if not (ROOT / p).exists() or (ROOT / p).read_bytes() != data]
    if args.check:
        for p in stale:
            print(f"out of date: {p}", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        (ROOT / p).parent.mkdir(parents=True, exist_ok=True)
        (ROOT / p).write_bytes(out[p])
    print(f"{len(out)} files, {len(stale)} rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
