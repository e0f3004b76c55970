import ArgumentParser
import ExportFormat
import Foundation
import Generator

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic export of a requested size, with its ground truth beside it.",
        discussion: """
        Writes export-NNNN.jsonl.gz files (format export-v1) into --out, and truth/ beside them: \
        findings.tsv (every planted contact detail with the verdict the built-in policy gives it), \
        calls.tsv, negatives.tsv, labels.ndjson (for `offplatform eval --labels`) and summary.json. \
        `analyze DIR` never reads truth/. The same arguments give byte-identical files, whatever --jobs. \
        See docs/GENERATOR.md.

        Examples:
          offplatform generate --out /tmp/gen                          # 100,000 messages, 4 gzip files
          offplatform generate --out /tmp/small --messages 5000 --files 2 --plain --seed 7
          offplatform generate --out /tmp/big --size 2GB --files 8 --jobs 2
          offplatform generate --out /tmp/calls --call-rate 0.1 --failure-effect 3 --move-after-call-rate 0.1
          offplatform generate --out /tmp/hard --contact-rate 0.2 --disguise-rate 0.8 --negative-rate 0.2
        """)

    @Option(help: ArgumentHelp("Folder to write into (created if missing).", valueName: "dir"))
    var out: String

    @Option(help: ArgumentHelp("Total messages (default 100000, or --rooms × 30).", valueName: "n"))
    var messages: Int?

    @Option(help: ArgumentHelp("Uncompressed size to aim for instead of --messages: 500MB, 2GB, 1.5GiB, or bytes.", valueName: "size"))
    var size: String?

    @Option(help: ArgumentHelp("Rooms (default: one per 30 messages).", valueName: "n"))
    var rooms: Int?

    @Option(help: ArgumentHelp("Days the messages span.", valueName: "n"))
    var days: Int = 180

    @Option(help: ArgumentHelp("First day, YYYY-MM-DD (UTC). The default range covers all three policy epochs.", valueName: "date"))
    var start: String = "2020-03-01"

    @Option(help: ArgumentHelp("Number of export files; each room's records are spread over several.", valueName: "n"))
    var files: Int = 4

    @Flag(help: "Write plain .jsonl instead of gzip.")
    var plain = false

    @Option(help: ArgumentHelp("Gzip members per file (concatenated, as `cat a.gz b.gz` makes).", valueName: "n"))
    var membersPerFile: Int = 1

    @Option(help: ArgumentHelp("Gzip level, 1 (fast) to 9.", valueName: "n"))
    var level: Int = 1

    @Option(help: ArgumentHelp("Seed: the same seed and arguments give the same bytes.", valueName: "n"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Share of messages with a planted contact detail.", valueName: "rate"))
    var contactRate: Double = 0.03

    @Option(help: ArgumentHelp("Share of planted details in disguise (spelled digits, \"at … dot\", bent names, homoglyphs).", valueName: "rate"))
    var disguiseRate: Double = 0.3

    @Option(help: ArgumentHelp("Share of messages that are hard negatives (prices, versions, platform talk…).", valueName: "rate"))
    var negativeRate: Double = 0.02

    @Option(help: ArgumentHelp("Platform calls per message.", valueName: "rate"))
    var callRate: Double = 0.02

    @Option(help: ArgumentHelp("Chance of a move off the platform within 30 minutes after a completed call.", valueName: "rate"))
    var moveAfterCallRate: Double = 0.08

    @Option(help: ArgumentHelp("Planted relative risk of such a move after a failed or dropped call.", valueName: "rr"))
    var failureEffect: Double = 2.5

    @Option(help: ArgumentHelp("Share of messages with nothing planted also written to truth/labels.ndjson.", valueName: "rate"))
    var labelRate: Double = 0.01

    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Rooms held in memory at a time (default: about 16 MB of records).", valueName: "n"))
    var chunkRooms: Int?

    @Flag(help: "Replace an export and truth/ already in --out.")
    var force = false

    func validate() throws {
        if let problem = try settings().problem() { throw ValidationError(problem) }
    }

    func settings() throws -> GeneratorSettings {
        GeneratorSettings(
            messages: messages, targetBytes: try size.map(Self.parseSize), rooms: rooms, start: try Self.parseDate(start),
            days: days, files: files, gzip: !plain, membersPerFile: membersPerFile, compressionLevel: level, seed: seed,
            contactRate: contactRate, disguiseRate: disguiseRate, negativeRate: negativeRate, callRate: callRate,
            moveAfterCallRate: moveAfterCallRate, failureEffect: failureEffect, plainLabelRate: labelRate,
            jobs: jobs, chunkRooms: chunkRooms)
    }

    func run() throws {
        let began = Date()
        let report: GenerationReport
        do {
            report = try ExportGenerator.generate(try settings(), into: out, replacing: force) { done, total in
                if total >= 8 && done % max(1, total / 8) == 0 && done < total {
                    FileHandle.standardError.write(Data("generate: \(done)/\(total) chunks\n".utf8))
                }
            }
        } catch let e as GeneratorError {
            throw ValidationError(e.description)
        }
        let seconds = Date().timeIntervalSince(began)
        var lines: [String] = []
        for f in report.files {
            let members = f.gzipMembers == 0 ? "" : ", \(f.gzipMembers) gzip member(s)"
            lines.append("  \(f.path)  \(Self.bytes(f.bytesOnDisk)) on disk, \(Self.bytes(f.uncompressedBytes)) uncompressed, \(f.records) records\(members)")
        }
        let types = report.recordsByType.keys.sorted().map { "\($0) \(report.recordsByType[$0]!)" }.joined(separator: ", ")
        lines.append("wrote \(report.files.count) file(s): \(Self.bytes(report.bytesOnDisk)) on disk, \(Self.bytes(report.uncompressedBytes)) uncompressed")
        lines.append("records: \(types)")
        lines.append("rooms \(report.rooms), messages \(report.messages), planted findings \(report.plantedFindings), hard negatives \(report.hardNegatives), calls \(report.calls)")
        lines.append("truth: \(report.truthDirectory)/ (findings.tsv, calls.tsv, negatives.tsv, labels.ndjson, summary.json)")
        let rate = Double(report.uncompressedBytes) / 1_000_000 / max(seconds, 0.001)
        lines.append(String(format: "%.1f s, %.0f MB/s uncompressed, %d chunk(s), at most %@ held in memory", seconds, rate,
                            report.chunks, Self.bytes(Int64(report.peakHeldBytes))))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// "2GB" (decimal), "1.5GiB" (binary), "500MB", "750k", or plain bytes.
    static func parseSize(_ s: String) throws -> Int64 {
        let t = s.trimmingCharacters(in: .whitespaces)
        let units: [(String, Double)] = [("KIB", 1024), ("MIB", 1_048_576), ("GIB", 1_073_741_824), ("TIB", 1_099_511_627_776),
                                         ("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12), ("K", 1e3), ("M", 1e6), ("G", 1e9), ("B", 1)]
        let upper = t.uppercased()
        for (suffix, factor) in units where upper.hasSuffix(suffix) {
            if let v = Double(upper.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), v > 0 {
                return Int64(v * factor)
            }
            break
        }
        if let v = Int64(t), v > 0 { return v }
        throw ValidationError("--size: cannot read \"\(s)\" (examples: 500MB, 2GB, 1.5GiB, 1000000)")
    }

    static func parseDate(_ s: String) throws -> Timestamp {
        let parts = s.split(separator: "-").map { Int64($0) }
        guard parts.count == 3, let y = parts[0], let m = parts[1], let d = parts[2],
              (1...12).contains(m), (1...31).contains(d), (1678...2261).contains(y) else {
            throw ValidationError("--start: expected a date as YYYY-MM-DD, got \"\(s)\"")
        }
        return Timestamp(secondsSinceEpoch: Timestamp.days(fromCivil: y, m, d) * 86_400)
    }

    static func bytes(_ n: Int64) -> String {
        let v = Double(n)
        if v >= 1e9 { return String(format: "%.2f GB", v / 1e9) }
        if v >= 1e6 { return String(format: "%.1f MB", v / 1e6) }
        if v >= 1e3 { return String(format: "%.1f kB", v / 1e3) }
        return "\(n) B"
    }
}
