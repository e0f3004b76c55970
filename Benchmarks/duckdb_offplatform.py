#!/usr/bin/env python3
"""What a team would otherwise run: DuckDB SQL with regular expressions over the
gzipped JSON Lines of an export, counting emails, phone numbers, messaging-app
names and URLs in message text per room and day. Timed on the same files as
`offplatform bench`, and scored on the generator's ground truth next to
`offplatform eval --labels` (docs/BENCHMARKS.md).

What it does not do, and OffPlatform does: no disguises ("five five five",
"anna at gmail dot com", "sk-ype"), no conversation phases or contract epochs,
no policy verdicts or exceptions, no payment accounts, addresses, meeting or
scheduling links told apart, no statistics (intervals, call-failure effect),
no rejected-line accounting.

Usage: python3 Benchmarks/duckdb_offplatform.py EXPORT_DIR [--threads N] [--repeat K]
       [--offplatform .build/release/offplatform] [--json]
DuckDB is installed into .tools/duckdb (ignored by git) when it is not importable.
"""
import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOLS = os.path.join(ROOT, ".tools", "duckdb")

# RE2 syntax (DuckDB's regexp engine). The patterns a team would write first.
PATTERNS = {
    "email": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    "phone": r"\+?[0-9][0-9 ().-]{7,}[0-9]",
    "messaging_app": r"(?i)\b(whatsapp|telegram|skype|signal|wechat|viber|discord|imessage)\b",
    "url": r"(?i)\b(https?://|www\.)[^\s]+",
}


def import_duckdb():
    try:
        import duckdb  # noqa: F401
        return duckdb
    except ImportError:
        pass
    if os.path.isdir(TOOLS):
        sys.path.insert(0, TOOLS)
        try:
            import duckdb
            return duckdb
        except ImportError:
            pass
    print("duckdb_offplatform: installing duckdb into .tools/duckdb", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "--root-user-action=ignore", "--target", TOOLS, "duckdb"], check=True)
    sys.path.insert(0, TOOLS)
    import duckdb
    return duckdb


def uncompressed_bytes(directory, files):
    """From the generator's truth/summary.json when present (not timed), else by inflating."""
    summary = os.path.join(directory, "truth", "summary.json")
    if os.path.exists(summary):
        with open(summary) as f:
            listed = {e["path"]: e["uncompressed_bytes"] for e in json.load(f).get("files", [])}
        if all(os.path.basename(p) in listed for p in files):
            return sum(listed[os.path.basename(p)] for p in files)
    total = 0
    for p in files:
        with gzip.open(p, "rb") as f:
            while chunk := f.read(1 << 20):
                total += len(chunk)
    return total


def counts_query(glob):
    flags = ",\n       ".join(
        f"count(*) FILTER (WHERE regexp_matches(text, '{p}')) AS {k}" for k, p in PATTERNS.items())
    return f"""
CREATE OR REPLACE TABLE contact_counts AS
SELECT room_id, CAST(sent_at AS DATE) AS day, count(*) AS messages,
       {flags}
FROM read_ndjson('{glob}', columns = {{'type': 'VARCHAR', 'room_id': 'VARCHAR', 'sent_at': 'TIMESTAMP', 'text': 'VARCHAR'}},
                 compression = 'gzip', maximum_object_size = 16777216, ignore_errors = true)
WHERE type = 'message' AND text IS NOT NULL
GROUP BY ALL
"""


def score_query(labels):
    """Per text and kind, as `offplatform eval` scores: true positives min(expected, found)."""
    found = {k: f"len(regexp_extract_all(text, '{p}'))" for k, p in PATTERNS.items()}
    any_hit = " OR ".join(f"regexp_matches(text, '{p}')" for p in PATTERNS.values())
    return f"""
WITH l AS (
  SELECT text, kinds,
         len(list_filter(kinds, lambda k: k = 'email')) AS e_email, {found['email']} AS f_email,
         len(list_filter(kinds, lambda k: k = 'phone')) AS e_phone, {found['phone']} AS f_phone,
         len(list_filter(kinds, lambda k: k <> 'website')) > 0 AS e_any, ({any_hit}) AS f_any
  FROM read_ndjson('{labels}', columns = {{'text': 'VARCHAR', 'kinds': 'VARCHAR[]'}})
)
SELECT count(*) AS texts,
  sum(least(e_email, f_email)) AS tp_email, sum(f_email) AS found_email, sum(e_email) AS expected_email,
  sum(least(e_phone, f_phone)) AS tp_phone, sum(f_phone) AS found_phone, sum(e_phone) AS expected_phone,
  count(*) FILTER (WHERE e_any AND f_any) AS tp_any, count(*) FILTER (WHERE f_any) AS found_any,
  count(*) FILTER (WHERE e_any) AS expected_any
FROM l
"""


def pr(tp, found, expected):
    return {"precision": tp / found if found else None, "recall": tp / expected if expected else None}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("export_dir")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--offplatform", default=os.path.join(ROOT, ".build", "release", "offplatform"),
                    help="binary for `eval --labels` (skipped when missing)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    duckdb = import_duckdb()
    directory = os.path.abspath(args.export_dir)
    files = sorted(os.path.join(directory, n) for n in os.listdir(directory) if n.endswith(".jsonl.gz"))
    if not files:
        sys.exit(f"duckdb_offplatform: no *.jsonl.gz in {directory}")
    size = uncompressed_bytes(directory, files)
    con = duckdb.connect()
    con.execute(f"SET threads = {args.threads}")
    runs, cpu = [], []
    for k in range(args.repeat):
        print(f"duckdb_offplatform: query over {len(files)} files, run {k + 1} of {args.repeat}", file=sys.stderr)
        began, cpu_began = time.monotonic(), resource.getrusage(resource.RUSAGE_SELF)
        con.execute(counts_query(os.path.join(directory, "*.jsonl.gz")))
        runs.append(time.monotonic() - began)
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu.append(used.ru_utime - cpu_began.ru_utime + used.ru_stime - cpu_began.ru_stime)
    rows, messages, *hits = con.execute(
        "SELECT count(*), sum(messages), " + ", ".join(f"sum({k})" for k in PATTERNS) + " FROM contact_counts").fetchone()
    result = {
        "duckdb_version": duckdb.__version__, "threads": args.threads, "files": len(files),
        "uncompressed_bytes": size, "seconds": min(runs), "runs": runs, "cpu_seconds": cpu[runs.index(min(runs))],
        "mb_per_second": size / 1e6 / min(runs), "messages": messages, "room_days": rows,
        "messages_matching": dict(zip(PATTERNS, hits)),
    }
    labels = os.path.join(directory, "truth", "labels.ndjson")
    if os.path.exists(labels):
        s = con.execute(score_query(labels)).fetchone()
        names = [d[0] for d in con.description]
        s = dict(zip(names, s))
        result["labels"] = {"texts": s["texts"], "duckdb": {
            "email": pr(s["tp_email"], s["found_email"], s["expected_email"]),
            "phone": pr(s["tp_phone"], s["found_phone"], s["expected_phone"]),
            "any_contact": pr(s["tp_any"], s["found_any"], s["expected_any"])}}
        if os.access(args.offplatform, os.X_OK):
            out = subprocess.run([args.offplatform, "eval", "--labels", labels, "--json"],
                                 capture_output=True, text=True, check=True).stdout
            ours = json.loads(out)
            result["labels"]["offplatform"] = {
                k: {"precision": ours["kinds"][k]["precision"], "recall": ours["kinds"][k]["recall"]}
                for k in ("email", "phone") if k in ours["kinds"]}
            result["labels"]["offplatform"]["any_contact"] = {
                "precision": ours["any_contact"]["precision"], "recall": ours["any_contact"]["recall"]}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"DuckDB {result['duckdb_version']}, {args.threads} threads: {len(files)} files, "
          f"{size / 1e6:.1f} MB uncompressed in {min(runs):.2f} s = {result['mb_per_second']:.1f} MB/s "
          f"(best of {args.repeat}, CPU {result['cpu_seconds']:.1f} s); {messages:,} messages with text, {rows:,} room-days")
    print("messages matching: " + ", ".join(f"{k} {v:,}" for k, v in result["messages_matching"].items()))
    if "labels" in result:
        def f(v):
            return "-" if v is None else f"{v:.3f}"
        print(f"on truth/labels.ndjson ({result['labels']['texts']:,} texts): precision / recall")
        for who, scores in result["labels"].items():
            if who == "texts":
                continue
            print(f"  {who:12s} " + "  ".join(
                f"{k} {f(v['precision'])} / {f(v['recall'])}" for k, v in scores.items()))


if __name__ == "__main__":
    main()
