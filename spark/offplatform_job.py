#!/usr/bin/env python3
"""OffPlatform's nightly analysis on Apache Spark (docs/DISTRIBUTED.md).

Spark only moves the data; the `offplatform` binary stays the engine of
detection, settling and judging. The driver lists the export files and hashes
them into a manifest; Spark numbers every line of every file, keys it by its
room and repartitions by a stable hash of the room, so that each room's whole
history meets in one partition; each partition is piped through
`offplatform analyze --partial`, and the driver runs `offplatform merge` over
the partials. Judging happens only at the merge, because an existing
relationship crosses rooms; settling a room needs all of it, which is why rooms
must stay whole.

Everything this file decides must agree byte for byte with what a plain
`offplatform analyze` of the same files would see: the list and order of files,
their line numbering (every line counted, blank ones too, split on `\\n` only),
and which lines are over the length cap. The pure functions below carry those
decisions and are tested without Spark (spark/test_spark_job.py).

Exit status: that of `offplatform merge` (0, or 2 when lines were rejected, as
for `analyze`); 1 when the job failed (a partition's program, a file Spark
could not read, the merge) and nothing was recorded; 64 for a bad command line.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import unicodedata
import zlib

# The keyed-line format version this job writes (docs/DISTRIBUTED.md).
KEYED_LINE_FORMAT = 1
# What replaces a line over the cap; the binary rejects it as line_too_long with its file:line.
TOO_LONG_SENTINEL = b"!line_too_long"
# A keyed line is its payload plus `<file id>\t<line>\t`: two Int32 and two tabs at most.
KEY_PREFIX_HEADROOM = 32
# Compression Hadoop would apply by name; only gzip is part of the export format.
EXPORT_SUFFIXES = (".jsonl", ".jsonl.gz")
GLOB_CHARACTERS = "\\{}[]*?"
PARTITION_FAILED = "offplatform-partition-failed"
BUNDLE_ARCHIVE = "offplatform-bundle.tar"

EXIT_FAILURE = 1
EXIT_USAGE = 64


class UsageError(Exception):
    """A bad command line or input list: nothing was read."""


class JobFailure(Exception):
    """The job went wrong after starting: nothing was recorded."""


# ---------------------------------------------------------------- pure decisions


def parse_byte_size(text):
    """Sizes as the binary's --max-line-bytes takes them: 1048576, 512KiB, 1MiB, 64k."""
    t = text.strip().lower()
    units = [("gib", 1 << 30), ("mib", 1 << 20), ("kib", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
    for suffix, factor in units:
        if t.endswith(suffix):
            number = t[: -len(suffix)]
            if not number.isdigit() or int(number) <= 0:
                return None
            return int(number) * factor
    if not t.isdigit() or int(t) <= 0:
        return None
    return int(t)


def is_export_file_name(name):
    """The binary's rule for a file found in a directory walk."""
    return name.endswith(EXPORT_SUFFIXES) and not name.startswith(".")


def is_too_long(payload, cap):
    """As the binary's line splitter: one trailing `\\r` does not count towards the cap."""
    length = len(payload) - 1 if payload.endswith(b"\r") else len(payload)
    return length > cap


def room_key(payload):
    """The room a line belongs to, as bytes to hash; empty when it names none.

    Keying may only ever be coarser than the binary's idea of a room, never
    finer: two lines of one room must get one key. JSON escapes are resolved
    and the last duplicate key wins, as in the binary's decoder; the id is put
    in Unicode normal form C because Swift compares strings by canonical
    equivalence. A line that is not a JSON object with a string `room_id`
    (blank, malformed, not UTF-8) gets the empty key: the binary rejects it,
    with its file:line, in whichever partition it lands.
    """
    try:
        record = json.loads(payload)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return b""
    if not isinstance(record, dict):
        return b""
    room = record.get("room_id")
    if not isinstance(room, str):
        return b""
    return unicodedata.normalize("NFC", room).encode("utf-8", "surrogatepass")


def partition_of(key, partitions):
    """A hash that is the same in every process and run (Python's `hash` of text is salted)."""
    return zlib.crc32(key) % partitions


def keyed_line(file_id, line_number, payload, cap):
    """`(room key, keyed line)` for one export line; the keyed line ends with `\\n`."""
    if is_too_long(payload, cap):
        return b"", b"%d\t%d\t%s\n" % (file_id, line_number, TOO_LONG_SENTINEL)
    return room_key(payload), b"%d\t%d\t%s\n" % (file_id, line_number, payload)


def block_bases(counts):
    """Where each block's line numbering starts: `{(file, block start): lines before it in its file}`.

    `counts` holds `(file, block start, lines)` for every block Spark read; a
    block is the part of a file one task reads, and its lines are the lines
    that begin inside it.
    """
    bases = {}
    running = {}
    for file_id, start, lines in sorted(counts):
        bases[(file_id, start)] = running.get(file_id, 0)
        running[file_id] = running.get(file_id, 0) + lines
    return bases


def number_lines(rows, bases):
    """`(file, line number, payload)` for rows `(file, block start, payload)` in the order a task read them.

    A block's rows come in file order, one after the other, within one task:
    the line number is the block's base plus the row's place in its block.
    """
    current = None
    number = 0
    for file_id, start, payload in rows:
        if (file_id, start) != current:
            current = (file_id, start)
            number = bases[current]
        number += 1
        yield file_id, number, payload


def escape_glob(path):
    """Spark reads a path as a glob pattern; a file name with `[` or `{` must be read as it is."""
    return "".join("\\" + c if c in GLOB_CHARACTERS else c for c in path)


def display_child(argument, relative):
    """The path the binary shows for a file found below a directory argument."""
    prefix = argument if argument.endswith("/") else argument + "/"
    return prefix + relative


def sort_key(display_path):
    """Byte-wise order of the UTF-8 path, as the binary sorts a directory's files."""
    return display_path.encode("utf-8", "surrogateescape")


# ---------------------------------------------------------------- the driver


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="offplatform_job.py",
        description="OffPlatform's nightly analysis on Apache Spark: gives the database rows and CSV reports "
        "of one `offplatform analyze` over the same files.",
        epilog="Exit status: that of `offplatform merge` (0; 2 when lines were rejected); 1 when the job failed "
        "and nothing was recorded; 64 for a bad command line. See docs/DISTRIBUTED.md.")
    parser.add_argument("inputs", nargs="+", help="Export files or directories (local paths, hdfs://, s3a://, …).")
    parser.add_argument("--binary", required=True, help="The offplatform executable; its *.resources bundles beside it are shipped too.")
    parser.add_argument("--db", required=True, help="The SQLite database `merge` writes (on the driver's machine).")
    parser.add_argument("--reports", required=True, help="Where `merge` writes the CSV reports (on the driver's machine).")
    parser.add_argument("--partitions", type=int, help="How many partitions (and runs of the binary); default: Spark's default parallelism.")
    parser.add_argument("--policy", help="A policy file (YAML), as for `offplatform analyze --policy`.")
    parser.add_argument("--ledger", help="The ledger of earlier nights (`offplatform ledger export`); default: exported from --db when it exists.")
    parser.add_argument("--work-dir", help="Where the manifest, the ledger and the partials are kept on the driver; "
                        "default: a new temporary directory, removed after a successful merge.")
    parser.add_argument("--max-line-bytes", default="1MiB", help="Longest accepted line, as for `analyze` (default 1MiB).")
    parser.add_argument("--call-window", type=int, help="Passed to `merge` (minutes).")
    parser.add_argument("--force", action="store_true", help="Passed to `merge`: count files already in the database again.")
    parser.add_argument("--master", help="Spark master, e.g. local[2]; default: as spark-submit sets it, else local[*].")
    parser.add_argument("--conf", action="append", default=[], metavar="KEY=VALUE", help="A Spark setting (repeatable).")

    def fail(message):
        parser.print_usage(sys.stderr)
        print(f"offplatform_job.py: error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)

    parser.error = fail
    args = parser.parse_args(argv)
    args.cap = parse_byte_size(args.max_line_bytes)
    if args.cap is None:
        fail(f"--max-line-bytes: '{args.max_line_bytes}' is not a size like 1MiB, 512KiB or 65536")
    if args.partitions is not None and args.partitions < 1:
        fail("--partitions must be at least 1")
    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        fail(f"--binary: {args.binary} is not an executable file")
    for name in ("policy", "ledger"):
        path = getattr(args, name)
        if path is not None and not os.path.isfile(path):
            fail(f"--{name}: {path} is not a file")
    for item in args.conf:
        if "=" not in item:
            fail(f"--conf: '{item}' is not KEY=VALUE")
    return args


class Clock:
    def __init__(self):
        self.last = time.monotonic()

    def lap(self):
        now = time.monotonic()
        seconds, self.last = now - self.last, now
        return f"{seconds:.1f} s"


def log(message):
    print(f"offplatform-spark: {message}", file=sys.stderr, flush=True)


def start_spark(args):
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    conf = SparkConf()
    for item in args.conf:
        key, value = item.split("=", 1)
        conf.set(key, value)
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    if conf.get("spark.master").startswith("local"):
        # Local mode talks to itself only: nothing listens beyond loopback, no web UI.
        # Its Python workers are this Python, which has pyspark.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1")
        conf.setIfMissing("spark.driver.host", "127.0.0.1")
        conf.setIfMissing("spark.ui.enabled", "false")
    conf.setIfMissing("spark.app.name", "offplatform")
    # Only the small count of lines per block goes through Spark SQL's shuffle.
    conf.setIfMissing("spark.sql.shuffle.partitions", "4")
    # Export files are never the output of a streaming sink: no search for its metadata beside them.
    conf.setIfMissing("spark.sql.streaming.fileStreamSink.ignoreMetadata", "true")
    # A log, not a terminal: the job logs its steps itself.
    conf.setIfMissing("spark.ui.showConsoleProgress", "false")
    spark = SparkSession.builder.config(conf=conf).getOrCreate()
    spark.sparkContext.setLogLevel(conf.get("spark.log.level", "WARN"))
    return spark


class HadoopFiles:
    """Lists and hashes files through Hadoop's FileSystem API, so any file system Spark reads works."""

    def __init__(self, spark):
        self.jvm = spark.sparkContext._jvm
        self.conf = spark.sparkContext._jsc.hadoopConfiguration()
        self.codecs = self.jvm.org.apache.hadoop.io.compress.CompressionCodecFactory(self.conf)

    def path(self, text):
        return self.jvm.org.apache.hadoop.fs.Path(text)

    def resolve(self, arguments):
        """The export files, as `(display path, qualified path)`, in the binary's order: each argument in
        turn, a directory as every export file below it in byte-wise order of their paths, each file once."""
        files = []
        seen = set()
        for argument in arguments:
            path = self.path(argument)
            fs = path.getFileSystem(self.conf)
            if not fs.exists(path):
                raise UsageError(f"{argument}: no such file or directory")
            status = fs.getFileStatus(path)
            if status.isDirectory():
                found = []
                self._walk(fs, status.getPath(), argument, "", found)
                if not found:
                    raise UsageError(f"{argument}: no *.jsonl or *.jsonl.gz files in this directory")
                found.sort(key=lambda f: sort_key(f[0]))
            else:
                found = [(argument, status.getPath().toString())]
            for display, qualified in found:
                if display not in seen:
                    seen.add(display)
                    files.append((display, qualified))
        return files

    def _walk(self, fs, directory, argument, relative, found):
        for status in fs.listStatus(directory):
            name = status.getPath().getName()
            if name.startswith("."):
                continue
            child = relative + name
            if status.isDirectory():
                if not self._is_local_symlink(status):  # the binary does not follow links to directories
                    self._walk(fs, status.getPath(), argument, child + "/", found)
            elif is_export_file_name(name):
                found.append((display_child(argument, child), status.getPath().toString()))

    def _is_local_symlink(self, status):
        uri = status.getPath().toUri()
        return uri.getScheme() == "file" and os.path.islink(uri.getPath())

    def describe(self, qualified):
        """`(sha256 hex, size in bytes)` of the file as stored, streamed in the JVM (never loaded whole).

        Refuses a file Spark would read differently from the binary: the binary
        inflates by content (the gzip signature), Hadoop by name (`.gz`, but also
        `.bz2`, `.zst`, …)."""
        path = self.path(qualified)
        fs = path.getFileSystem(self.conf)
        codec = self.codecs.getCodec(path)
        codec_name = codec.getClass().getSimpleName() if codec is not None else None
        stream = fs.open(path)
        try:
            magic = [stream.read(), stream.read()]
        finally:
            stream.close()
        gzip_content = magic == [0x1F, 0x8B]
        if codec_name not in (None, "GzipCodec"):
            raise UsageError(f"{qualified}: Spark would decompress it by its name ({codec_name}); "
                             f"an export file is *.jsonl or *.jsonl.gz")
        if gzip_content and codec_name != "GzipCodec":
            raise UsageError(f"{qualified}: gzip content in a file not named *.gz: Spark would read its "
                             f"compressed bytes as text; rename it to *.jsonl.gz")
        stream = fs.open(path)
        try:
            digest = self.jvm.org.apache.commons.codec.digest.DigestUtils.sha256Hex(stream)
        finally:
            stream.close()
        size = fs.getFileStatus(path).getLen()
        return digest, size


def export_ledger(args, work):
    """The ledger shipped to every task: the one given, else the database's, else none (a first night)."""
    if args.ledger:
        return args.ledger
    if not os.path.exists(args.db):
        return None
    out = os.path.join(work, "ledger.jsonl")
    command = [args.binary, "ledger", "export", "--db", args.db, "--out", out]
    if args.policy:
        command += ["--policy", args.policy]
    status = subprocess.run(command).returncode
    if status != 0:
        raise JobFailure(f"`{' '.join(command)}` exited with status {status}")
    return out


def ship(sc, args, work, manifest, ledger):
    """Ships the binary with its resource bundles, and the small read-only inputs, to every executor;
    returns the names the tasks find them by (`SparkFiles.get`).

    The binary finds its lexicons and default policy in the `*.resources`
    bundles beside its own file, so they travel together in one archive, which
    Spark unpacks into one directory on each executor (`addFile` takes no
    local directory on a cluster)."""
    shipped = os.path.join(work, "ship")
    os.makedirs(shipped, exist_ok=True)
    binary = os.path.abspath(args.binary)
    archive = os.path.join(shipped, BUNDLE_ARCHIVE)
    with tarfile.open(archive, "w", dereference=True) as tar:
        tar.add(binary, arcname=os.path.basename(binary))
        directory = os.path.dirname(binary)
        for entry in sorted(os.listdir(directory)):
            if entry.endswith(".resources") and os.path.isdir(os.path.join(directory, entry)):
                tar.add(os.path.join(directory, entry), arcname=entry)
    sc.addArchive(archive)
    names = {"bundle": BUNDLE_ARCHIVE, "binary": os.path.basename(binary), "manifest": None, "ledger": None, "policy": None}
    for key, source, name in (("manifest", manifest, "manifest.json"), ("ledger", ledger, "offplatform-ledger.jsonl"),
                              ("policy", args.policy, "offplatform-policy.yaml")):
        if source is None:
            continue
        target = os.path.join(shipped, name)
        if os.path.abspath(source) != target:
            shutil.copyfile(source, target)
        sc.addFile(target)
        names[key] = name
    return names


def shipped_binary(names):
    """The binary as unpacked on this executor (an archive does not keep its mode bits)."""
    from pyspark import SparkFiles

    path = os.path.join(SparkFiles.get(names["bundle"]), names["binary"])
    mode = os.stat(path).st_mode
    if mode & 0o111 != 0o111:
        os.chmod(path, mode | 0o755)
    return path


def read_lines(spark, files):
    """One row per line of every file: `(file id, block start, payload bytes)`.

    Read with Spark SQL's text source because it hands over a line's bytes
    unchanged (the RDD `textFile` decodes them as UTF-8, replacing what is not),
    with `\\n` as the only separator (the default also splits on a lone `\\r`,
    which JSON allows as whitespace) and keeping a trailing `\\r`, which the
    binary strips as it does for a file it reads itself."""
    from pyspark.sql import functions as F

    frames = []
    for file_id, (_, qualified) in enumerate(files):
        frames.append(spark.read.option("lineSep", "\n").text(escape_glob(qualified)).select(
            F.lit(file_id).alias("file"), F.col("_metadata.file_block_start").alias("block"),
            F.col("value").cast("binary").alias("payload")))
    lines = frames[0]
    for frame in frames[1:]:
        lines = lines.unionAll(frame)
    return lines


def run_partition_task(names, cap, jobs):
    """The task of one partition: pipe its keyed lines through `offplatform analyze --partial`, check its
    exit status, and hand back the partial (compressed) to the driver."""

    def run(index, records):
        from pyspark import SparkFiles

        scratch = tempfile.mkdtemp(prefix=f"offplatform-part-{index}-")
        try:
            out = os.path.join(scratch, f"part-{index}.partial")
            errors = os.path.join(scratch, "stderr.txt")
            command = [shipped_binary(names), "analyze", "--partial", out,
                       "--manifest", SparkFiles.get(names["manifest"]),
                       "--max-line-bytes", str(cap + KEY_PREFIX_HEADROOM), "--jobs", str(jobs), "--no-progress"]
            if names["ledger"]:
                command += ["--ledger", SparkFiles.get(names["ledger"])]
            if names["policy"]:
                command += ["--policy", SparkFiles.get(names["policy"])]
            command.append("-")
            with open(errors, "wb") as err:
                process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=err, stderr=err, bufsize=1 << 20)
                try:
                    for _, line in records:
                        process.stdin.write(line)
                    process.stdin.close()
                except BrokenPipeError:
                    pass  # it stopped reading: its status and message say why
                except BaseException:  # the task itself failed (a lost shuffle block, a kill): leave no process behind
                    process.kill()
                    process.wait()
                    raise
                status = process.wait()
            with open(errors, "rb") as err:
                message = err.read().decode("utf-8", "replace").strip()
            if status != 0:
                how = f"was killed by signal {-status}" if status < 0 else f"exited with status {status}"
                tail = "\n".join(message.splitlines()[-20:]) or "(nothing on standard error)"
                raise RuntimeError(f"{PARTITION_FAILED}: partition {index}: `{' '.join(command)}` {how}:\n{tail}")
            with open(out, "rb") as f:
                yield index, message, zlib.compress(f.read(), 6)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    return run


def explain(error):
    """The part of a Spark failure a person needs: the binary's message, or the file Spark could not read."""
    text = str(error)
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if PARTITION_FAILED in line:
            start = line.index(PARTITION_FAILED)
            block = [line[start:]]
            for following in lines[i + 1:]:
                if following.startswith(("\tat ", "Caused by", "Driver stacktrace")) or following.strip().startswith("at "):
                    break
                block.append(following)
            return "\n".join(block).strip()
    for line in lines:
        if "FAILED_READ_FILE" in line or "Encountered error while reading file" in line:
            reading = line[line.index("Encountered"):].strip() if "Encountered" in line else line.strip()
            cause = next((l.strip() for l in lines if l.startswith("Caused by:")), "")
            return (f"{reading} {cause}\nA corrupt or truncated file fails the Spark job (`analyze` would report "
                    f"it and go on): repair or remove it and run again; see docs/DISTRIBUTED.md.")
    return "\n".join(lines[:3]) if lines else repr(error)


def run_job(args):
    own_work = args.work_dir is None
    work = os.path.abspath(args.work_dir or tempfile.mkdtemp(prefix="offplatform-spark-"))
    os.makedirs(work, exist_ok=True)
    try:
        paths = distribute(args, work)
    except BaseException:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
        raise
    return merge(args, work, paths, own_work)


def distribute(args, work):
    """Everything up to the merge: the partials, on the driver, in `work`/partials."""
    from pyspark import StorageLevel

    clock = Clock()
    spark = start_spark(args)
    sc = spark.sparkContext
    log(f"Spark {spark.version} started, master {sc.master} ({clock.lap()})")
    try:
        hadoop = HadoopFiles(spark)
        files = hadoop.resolve(args.inputs)
        entries = []
        for file_id, (display, qualified) in enumerate(files):
            digest, size = hadoop.describe(qualified)
            entries.append({"id": file_id, "path": display, "sha256": digest, "bytes": size})
        manifest = os.path.join(work, "manifest.json")
        with open(manifest, "w", encoding="utf-8") as f:
            json.dump({"files": entries, "keyed_line_format": KEYED_LINE_FORMAT}, f, indent=1)
        ledger = export_ledger(args, work)
        names = ship(sc, args, work, manifest, ledger)
        partitions = args.partitions or sc.defaultParallelism
        log(f"{len(files)} files, {sum(e['bytes'] for e in entries)} bytes; {partitions} partitions; "
            f"ledger: {ledger or 'none (first night)'}; work directory {work} ({clock.lap()})")

        lines = read_lines(spark, files)
        try:
            counts = [(r["file"], r["block"], r["count"]) for r in lines.groupBy("file", "block").count().collect()]
        except Exception as error:  # py4j wraps Spark's failure to read a file
            raise JobFailure(explain(error)) from None
        bases = sc.broadcast(block_bases(counts))
        log(f"{sum(c[2] for c in counts)} lines in {len(counts)} blocks counted ({clock.lap()})")
        cap = args.cap

        def key_partition(rows):
            for file_id, number, payload in number_lines(((r[0], r[1], r[2]) for r in rows), bases.value):
                yield keyed_line(file_id, number, bytes(payload), cap)

        jobs = int(sc.getConf().get("spark.task.cpus", "1"))
        partials = (lines.rdd.mapPartitions(key_partition)
                    .partitionBy(partitions, lambda key: partition_of(key, partitions))
                    .mapPartitionsWithIndex(run_partition_task(names, cap, jobs))
                    .persist(StorageLevel.DISK_ONLY))
        try:
            partials.count()  # every partition runs here, in parallel; the first failure fails the job
        except Exception as error:  # py4j wraps the task's failure
            raise JobFailure(explain(error)) from None
        log(f"partitions analyzed ({clock.lap()})")
        partial_dir = os.path.join(work, "partials")
        shutil.rmtree(partial_dir, ignore_errors=True)
        os.makedirs(partial_dir)
        paths = []
        for index, message, blob in partials.toLocalIterator():  # one partial in the driver's memory at a time
            path = os.path.join(partial_dir, f"part-{index:05d}.partial")
            with open(path, "wb") as f:
                f.write(zlib.decompress(blob))
            paths.append(path)
            if message:
                log(f"partition {index}: {message.splitlines()[-1]}")
        partials.unpersist()
        log(f"{len(paths)} partials in {partial_dir}, {sum(os.path.getsize(p) for p in paths)} bytes ({clock.lap()})")
        if len(paths) != partitions:
            raise JobFailure(f"{len(paths)} partials came back from {partitions} partitions")
    finally:
        spark.stop()
    return paths


def merge(args, work, paths, own_work):
    command = [args.binary, "merge", *sorted(paths), "--db", args.db, "--reports", args.reports]
    if args.policy:
        command += ["--policy", args.policy]
    if args.force:
        command.append("--force")
    if args.call_window is not None:
        command += ["--call-window", str(args.call_window)]
    status = subprocess.run(command).returncode
    if status not in (0, 2):
        raise JobFailure(f"`{args.binary} merge` exited with status {status}; the partials are kept in {work}")
    if own_work:
        shutil.rmtree(work, ignore_errors=True)
    return status


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        return run_job(args)
    except UsageError as error:
        print(f"offplatform_job.py: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except JobFailure as error:
        print(f"offplatform_job.py: error: the job failed, nothing was recorded:\n{error}", file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
