#!/usr/bin/env python3
"""Tests of the Spark job (`make spark-test`, called by `make test`).

The end-to-end tests run the real thing: Spark in local mode over a generated
export of two nights, against plain `offplatform analyze` runs of the same
binary over the same files, and require the same reports and database rows. The
other tests check the job's own decisions (numbering, keying, the cap, the
file order) without Spark.

Environment: OFFPLATFORM_BINARY (default .build/debug/offplatform); pyspark
importable (the Makefile puts .tools/pyspark on PYTHONPATH).
"""

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import offplatform_job as job  # noqa: E402

BINARY = os.path.abspath(os.environ.get("OFFPLATFORM_BINARY", os.path.join(ROOT, ".build", "debug", "offplatform")))
JOB = os.path.join(HERE, "offplatform_job.py")
GENERATOR = os.path.join(HERE, "make_test_export.py")
CAP = 8192
# Columns that differ by nature between a merge and an analyze run (when, how, from which inputs),
# and `uncompressed_bytes`, which keyed lines cannot reproduce (docs/DISTRIBUTED.md, "Checking").
NOT_COMPARED = {
    "runs": {"id", "mode", "started_at", "finished_at", "wall_seconds", "inputs", "jobs", "uncompressed_bytes"},
    "input_files": {"uncompressed_bytes"},
    "grdb_migrations": set(),
}


class JobDecisionTests(unittest.TestCase):
    """What the job decides alone must agree with the binary's rules (Sources/Ingest, Sources/Pipeline/KeyedLine.swift)."""

    def test_byte_sizes_are_read_as_the_binary_reads_them(self):
        for text, expected in [("1MiB", 1 << 20), ("512KiB", 512 << 10), ("64k", 65536), ("65536", 65536), ("2G", 2 << 30),
                               (" 8kib ", 8192), ("0", None), ("-1", None), ("1.5MiB", None), ("MiB", None), ("ten", None)]:
            self.assertEqual(job.parse_byte_size(text), expected, text)

    def test_the_cap_does_not_count_one_trailing_carriage_return(self):
        self.assertFalse(job.is_too_long(b"x" * 10, 10))
        self.assertFalse(job.is_too_long(b"x" * 10 + b"\r", 10))
        self.assertTrue(job.is_too_long(b"x" * 10 + b"\r\r", 10))
        self.assertTrue(job.is_too_long(b"x" * 11, 10))

    def test_a_line_over_the_cap_becomes_the_sentinel_with_its_place(self):
        self.assertEqual(job.keyed_line(3, 17, b'{"room_id":"r1","t":"' + b"x" * 40 + b'"}', 20),
                         (b"", b"3\t17\t!line_too_long\n"))
        self.assertEqual(job.keyed_line(0, 1, b'{"room_id":"r1"}\r', 20), (b"r1", b'0\t1\t{"room_id":"r1"}\r\n'))
        self.assertEqual(job.keyed_line(2, 5, b"", 20), (b"", b"2\t5\t\n"))

    def test_room_keys_follow_the_decoder(self):
        cases = [
            (b'{"type":"message","room_id":"r1"}', b"r1"),
            (b'{"room_id":"r\\u0031"}', b"r1"),  # escapes resolved
            (b'{"room_id":"r9","room_id":"r1"}', b"r1"),  # the last duplicate wins
            (b'\xef\xbb\xbf{"room_id":"r1"}', b"r1"),  # a byte-order mark is skipped
            (b' {"room_id" :\r"r1"} \r', b"r1"),  # JSON whitespace anywhere
            ('{"room_id":"cafe\u0301"}'.encode(), "caf\u00e9".encode()),  # canonical equivalence, as Swift compares
            (b'{"room_id":"r\\ud800"}', "r\ud800".encode("utf-8", "surrogatepass")),
            (b"", b""), (b"   ", b""), (b"{broken", b""), (b"[1]", b""), (b'"r1"', b""), (b'{"room_id":7}', b""),
            (b'{"room_id":null}', b""), (b'{"room":"r1"}', b""), (b'{"room_id":"r1","t":"\xff"}', b""),
            (b"[" * 100000, b""),
        ]
        for payload, expected in cases:
            self.assertEqual(job.room_key(payload), expected, payload[:40])

    def test_the_partition_of_a_room_is_the_same_in_every_process(self):
        self.assertEqual(job.partition_of(b"r00001", 1 << 32), zlib.crc32(b"r00001"))
        script = "import sys; sys.path.insert(0, sys.argv[1]); import offplatform_job as j; print(j.partition_of(b'r00001', 7))"
        seen = {subprocess.run([sys.executable, "-c", script, HERE], env=dict(os.environ, PYTHONHASHSEED=seed),
                               capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "random")}
        self.assertEqual(seen, {f"{zlib.crc32(b'r00001') % 7}\n"})

    def test_blocks_are_numbered_in_file_order_whatever_order_they_come_in(self):
        bases = job.block_bases([(1, 200, 3), (0, 0, 2), (1, 0, 4), (1, 100, 1), (0, 50, 5)])
        self.assertEqual(bases, {(0, 0): 0, (0, 50): 2, (1, 0): 0, (1, 100): 4, (1, 200): 5})
        rows = [(1, 100, b"e"), (1, 0, b"a"), (1, 0, b"b"), (1, 0, b"c"), (1, 0, b"d"), (0, 0, b"x"), (0, 0, b"y")]
        self.assertEqual(list(job.number_lines(rows, bases)),
                         [(1, 5, b"e"), (1, 1, b"a"), (1, 2, b"b"), (1, 3, b"c"), (1, 4, b"d"), (0, 1, b"x"), (0, 2, b"y")])

    def test_paths_are_shown_and_ordered_as_the_binary_does(self):
        self.assertEqual(job.display_child("exports", "a/b.jsonl"), "exports/a/b.jsonl")
        self.assertEqual(job.display_child("exports/", "b.jsonl"), "exports/b.jsonl")
        names = ["d/\u00e9.jsonl", "d/Z.jsonl", "d/a.jsonl", "d/a/b.jsonl", "d/a.jsonl.gz", "d/\U0001F600.jsonl", "d/\uffff.jsonl"]
        self.assertEqual(sorted(names, key=job.sort_key), sorted(names, key=lambda n: n.encode()))
        self.assertEqual(sorted(names, key=job.sort_key)[:3], ["d/Z.jsonl", "d/a.jsonl", "d/a.jsonl.gz"])
        self.assertTrue(job.is_export_file_name("x.jsonl.gz"))
        self.assertFalse(job.is_export_file_name(".x.jsonl"))
        self.assertFalse(job.is_export_file_name("x.json"))
        self.assertEqual(job.escape_glob("/a/b [1]{x}*?.jsonl"), "/a/b \\[1\\]\\{x\\}\\*\\?.jsonl")


def run(command, **kwargs):
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    result.seconds = time.monotonic() - started
    return result


def rows(db, table):
    with sqlite3.connect(db) as c:
        columns = [r[1] for r in c.execute(f"PRAGMA table_info({table})") if r[1] not in NOT_COMPARED.get(table, set())]
        return sorted(c.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)


def tables(db):
    with sqlite3.connect(db) as c:
        return sorted(r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))


class SparkJobEndToEndTests(unittest.TestCase):
    """Spark in local[2] over two generated nights gives what `analyze` gives, night after night."""

    @classmethod
    def setUpClass(cls):
        if not os.access(BINARY, os.X_OK):
            raise RuntimeError(f"no offplatform binary at {BINARY} (build it, or set OFFPLATFORM_BINARY)")
        try:
            import pyspark  # noqa: F401
        except ImportError:
            raise RuntimeError("pyspark is not importable: `make spark-deps` installs it into .tools/pyspark") from None
        cls.dir = tempfile.mkdtemp(prefix="offplatform-spark-test-")
        cls.export = os.path.join(cls.dir, "export")
        subprocess.run([sys.executable, GENERATOR, cls.export, "--rooms", "3000", "--cap", str(CAP)], check=True)
        cls.nights = {}
        for night in ("night-1", "night-2"):
            inputs = [os.path.join(cls.export, night)]
            plain = run([BINARY, "analyze", *inputs, "--db", cls.path("plain.sqlite"), "--reports", cls.path("plain", night),
                         "--max-line-bytes", str(CAP), "--no-progress"])
            spark = cls.spark_job(inputs, "spark.sqlite", cls.path("spark", night), partitions=6 if night == "night-1" else 4)
            for name in ("plain", "spark"):
                shutil.copyfile(cls.path(f"{name}.sqlite"), cls.path(f"{name}-{night}.sqlite"))
            cls.nights[night] = (plain, spark)
            print(f"\n{night}: analyze {plain.seconds:.1f} s, Spark job {spark.seconds:.1f} s", file=sys.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    @classmethod
    def path(cls, *parts):
        return os.path.join(cls.dir, *parts)

    @classmethod
    def spark_job(cls, inputs, db, reports, partitions=4, binary=BINARY):
        # Small blocks, so that Spark splits the plain files and the numbering across blocks is exercised.
        return run([sys.executable, JOB, *inputs, "--binary", binary, "--db", cls.path(db), "--reports", reports,
                    "--partitions", str(partitions), "--max-line-bytes", str(CAP), "--master", "local[2]",
                    "--conf", "spark.sql.files.maxPartitionBytes=131072"])

    def test_both_runs_finish_with_the_same_status(self):
        for night, (plain, spark) in self.nights.items():
            self.assertIn(plain.returncode, (0, 2), plain.stderr)
            self.assertEqual(spark.returncode, plain.returncode, f"{night}:\n{spark.stderr[-5000:]}")

    def test_the_export_has_what_the_comparison_needs(self):
        """Guards the generator: a comparison over an export without these would prove little."""
        plain, spark = self.nights["night-1"]
        for reason in ("line_too_long", "invalid_json", "invalid_utf8", "not_an_object", "missing_field:room_id"):
            self.assertIn(f"rejected: {reason}", plain.stderr)
        self.assertRegex(spark.stderr, r"\d+ lines in \d+ blocks")
        blocks = int(spark.stderr.split(" lines in ")[1].split(" blocks")[0])
        self.assertGreater(blocks, 7, "Spark should have split the plain files into several blocks")
        self.assertIn("ledger: none (first night)", spark.stderr)
        self.assertIn("ledger.jsonl", self.nights["night-2"][1].stderr.split("ledger: ")[1].split(";")[0])
        started, described, rooms_with_messages = set(), set(), set()
        for record in self.records("night-1"):
            if record.get("type") == "contract" and record.get("event") == "started":
                started.add(record.get("room_id"))
            if record.get("type") == "room":
                described.add(record.get("room_id"))
        for record in self.records("night-2"):
            if record.get("type") == "message":
                rooms_with_messages.add(record.get("room_id"))
        # Rooms whose participants, plan and phase on the second night only the ledger of the first can tell.
        self.assertGreater(len(described & rooms_with_messages), 150)
        self.assertGreater(len(started & rooms_with_messages), 25)

    @classmethod
    def records(cls, night):
        for directory, _, names in os.walk(os.path.join(cls.export, night)):
            for name in names:
                opener = gzip.open if name.endswith(".gz") else open
                with opener(os.path.join(directory, name), "rb") as f:
                    for raw in f:
                        try:
                            record = json.loads(raw)
                        except ValueError:
                            continue
                        if isinstance(record, dict):
                            yield record

    def test_reports_are_identical_byte_for_byte(self):
        for night in self.nights:
            plain_dir, spark_dir = self.path("plain", night), self.path("spark", night)
            names = sorted(os.listdir(plain_dir))
            self.assertGreaterEqual(len(names), 5)
            self.assertEqual(sorted(os.listdir(spark_dir)), names)
            for name in names:
                with open(os.path.join(plain_dir, name), "rb") as a, open(os.path.join(spark_dir, name), "rb") as b:
                    plain, spark = a.read(), b.read()
                self.assertEqual(sorted(spark.splitlines()), sorted(plain.splitlines()), f"{night}/{name}, rows sorted")
                self.assertEqual(spark, plain, f"{night}/{name}, as written")

    def test_every_table_holds_the_same_rows(self):
        for night in self.nights:
            plain_db, spark_db = self.path(f"plain-{night}.sqlite"), self.path(f"spark-{night}.sqlite")
            self.assertEqual(tables(spark_db), tables(plain_db))
            for table in tables(plain_db):
                with self.subTest(night=night, table=table):
                    self.assertEqual(rows(spark_db, table), rows(plain_db, table))
            with sqlite3.connect(plain_db) as c:
                self.assertGreater(c.execute("SELECT COUNT(*) FROM rejections").fetchone()[0], 5)
                self.assertGreater(c.execute("SELECT SUM(lines) FROM input_files").fetchone()[0], 10000)

    def test_a_failing_partition_fails_the_job_and_records_nothing(self):
        wrapper = self.path("offplatform-failing")
        with open(wrapper, "w") as f:
            f.write("#!/bin/sh\n"
                    "case \"$*\" in *part-1.partial*) echo 'injected failure in this partition' >&2; exit 3;; esac\n"
                    f"exec '{BINARY}' \"$@\"\n")
        os.chmod(wrapper, 0o755)
        result = self.spark_job([os.path.join(self.export, "night-1")], "failing.sqlite", self.path("failing"), binary=wrapper)
        print(f"\nfailing partition: Spark job {result.seconds:.1f} s", file=sys.stderr)
        self.assertEqual(result.returncode, 1, result.stderr[-5000:])
        self.assertIn("the job failed, nothing was recorded", result.stderr)
        self.assertRegex(result.stderr, r"offplatform-partition-failed: partition 1: `.*offplatform-failing analyze --partial .* exited with status 3")
        self.assertIn("injected failure in this partition", result.stderr)
        self.assertFalse(os.path.exists(self.path("failing.sqlite")))
        self.assertFalse(os.path.exists(self.path("failing")))

    def test_a_truncated_gzip_file_fails_the_job_and_records_nothing(self):
        broken = self.path("broken")
        shutil.copytree(os.path.join(self.export, "night-2"), broken)
        name = os.path.join(broken, "messages-b.jsonl.gz")
        with open(name, "rb") as f:
            data = f.read()
        with open(name, "wb") as f:
            f.write(data[: len(data) // 2])
        result = self.spark_job([broken], "broken.sqlite", self.path("broken-reports"))
        print(f"\ntruncated gzip: Spark job {result.seconds:.1f} s", file=sys.stderr)
        self.assertEqual(result.returncode, 1, result.stderr[-5000:])
        self.assertIn("messages-b.jsonl.gz", result.stderr.split("nothing was recorded")[1])
        self.assertIn("corrupt or truncated file", result.stderr)
        self.assertFalse(os.path.exists(self.path("broken.sqlite")))


def main():
    runner = unittest.TextTestRunner(verbosity=2)
    result = runner.run(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    failed = len(result.failures) + len(result.errors)
    # The closing line CI reads (any language): "N passed, N failed".
    print(f"spark: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed, {len(result.skipped)} skipped")
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
