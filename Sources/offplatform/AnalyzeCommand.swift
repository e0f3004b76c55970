import ArgumentParser
import Foundation
import Pipeline
import Policy
import Writers

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "The nightly job: read exports, detect, judge, aggregate; write the database and the CSV reports.",
        discussion: """
            INPUT is a file (.jsonl or .jsonl.gz, several gzip members allowed), a directory (every *.jsonl and \
            *.jsonl.gz below it, in path order) or - for standard input. With no INPUT, SampleData/ is analyzed.

            A file already analyzed into the database (same content) is skipped; --force re-analyzes it and \
            replaces its numbers. The reports cover everything in the database.

            Examples:
              offplatform analyze
              offplatform analyze /data/exports/2026-11-20 --db /var/lib/op.sqlite
              zcat day.jsonl.gz | offplatform analyze - --jobs 2
              offplatform analyze day/ --policy new.yaml --db new.sqlite --reports new/

            Exit status: 0 every line processed; 2 some lines rejected; 3 some files failed; 4 nothing could be \
            read; 64 bad command line or policy file; 1 unexpected error (nothing recorded).
            """)

    @Argument(help: "Export files, directories, or - for standard input (default: SampleData/).")
    var inputs: [String] = []

    @Option(name: .long, help: "The SQLite database (created if needed).")
    var db: String = "Reports/offplatform.sqlite"

    @Option(name: .long, help: "Where the CSV reports are written (created if needed).")
    var reports: String = "Reports/"

    @Option(name: .long, help: "A policy file (YAML) replacing the built-in policy; see `offplatform policy show`.")
    var policy: String?

    @Option(name: .long, help: "Threads reading and processing (default: all cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Re-analyze files already analyzed, replacing their numbers.")
    var force = false

    @Option(name: .long, help: "Longest accepted line, e.g. 1MiB, 512KiB or 65536; a longer line is rejected as line_too_long.")
    var maxLineBytes: String = "1MiB"

    @Option(name: .long, help: "Minutes after a platform call within which a move off the platform counts.")
    var callWindow: Int = 30

    @Flag(inversion: .prefixedNo, help: "Show a progress line on standard error (default: when it is a terminal).")
    var progress: Bool?

    @Flag(name: .long, help: "Print no summary (rejected lines and failed files are still reported on standard error).")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("Write a partial result to this file instead of the database and reports (for `merge`; docs/DISTRIBUTED.md).",
                                            valueName: "file"))
    var partial: String?

    @Option(name: .long, help: ArgumentHelp("With --partial: the inputs are keyed lines of the distributed job, and this JSON file lists their files.",
                                            valueName: "file"))
    var manifest: String?

    @Option(name: .long, help: ArgumentHelp("With --partial: the room ledger of earlier nights (from `offplatform ledger export`).", valueName: "file"))
    var ledger: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard callWindow >= 1 else { throw ValidationError("--call-window must be at least 1 minute") }
        guard ByteSize.parse(maxLineBytes) != nil else {
            throw ValidationError("--max-line-bytes: '\(maxLineBytes)' is not a size like 1MiB, 512KiB or 65536")
        }
        if partial == nil, manifest != nil || ledger != nil {
            throw ValidationError("--manifest and --ledger go with --partial")
        }
    }

    func run() throws {
        let policy = try loadPolicy(self.policy)
        let config = AnalyzeConfiguration(
            inputs: inputs.isEmpty ? ["SampleData"] : inputs, databasePath: db, reportsDirectory: reports, policy: policy,
            jobs: jobs, maxLineBytes: ByteSize.parse(maxLineBytes)!, force: force, callWindowSeconds: Int64(callWindow) * 60,
            progress: progress ?? (isatty(STDERR_FILENO) != 0))
        if let partial {
            do {
                let analysis = Analysis(configuration: config, detector: try makeDetector(), log: { printError($0) })
                let known = try ledger.map { try LedgerFile.read(from: URL(fileURLWithPath: $0)) } ?? LedgerDelta()
                let manifest = try self.manifest.map { try Manifest.read(from: URL(fileURLWithPath: $0)) }
                let s = try analysis.runPartial(output: URL(fileURLWithPath: partial), manifest: manifest, known: known)
                if !quiet { printError(s.text) }
            } catch {
                printError("offplatform: error: \(error) — no partial result was written")
                throw ExitStatus.failure.exitCode
            }
            return
        }
        let summary: RunSummary
        do {
            summary = try Analysis(configuration: config, detector: try makeDetector(), log: { printError($0) }).run()
        } catch {
            printError("offplatform: error: \(error) — nothing was recorded")
            throw ExitStatus.failure.exitCode
        }
        if !quiet { print(summary.text) }
        let status = ExitStatus(summary.outcome)
        if status != .success { throw status.exitCode }
    }
}

extension ExitStatus {
    /// The status the `runs` row records for the same outcome.
    init(_ outcome: RunOutcome) {
        self = ExitStatus(rawValue: outcome.exitStatus)!
    }
}

/// Sizes on the command line: `1048576`, `512KiB`, `1MiB`, `1M`, `64k`.
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Int)] = [("gib", 1 << 30), ("mib", 1 << 20), ("kib", 1 << 10), ("g", 1 << 30), ("m", 1 << 20), ("k", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Int(t.dropLast(suffix.count)), n > 0 else { return nil }
            return n * factor
        }
        guard let n = Int(t), n > 0 else { return nil }
        return n
    }
}
