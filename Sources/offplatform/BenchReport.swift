import Foundation

/// Every figure of one `bench` run, as printed in the table and, with `--json`,
/// as one JSON object (snake_case keys). MB are 10^6 bytes; each timed figure is
/// the best (shortest) of `repeats` runs, all of which are listed.
struct BenchReport: Codable {
    struct Machine: Codable {
        var cpuModel: String
        var cores: Int
        var memoryBytes: Int64
        /// 1-minute load average before and after the bench: above 0 before, the machine was not idle.
        var loadAverageBefore: Double
        var loadAverageAfter: Double
    }

    struct Export: Codable {
        var directory: String
        var generated: Bool
        var reused: Bool
        var files: Int
        var compressedBytes: Int64
        var uncompressedBytes: Int64
        var lines: Int
        var records: Int
        var messages: Int
        var messageTextBytes: Int64
    }

    struct Decompression: Codable {
        var tool: String
        var processesAtOnce: Int
        var uncompressedBytes: Int64
        var seconds: Double
        var runs: [Double]
        /// CPU time of the decompressor processes in the best run.
        var cpuSeconds: Double
        var mbPerSecond: Double
    }

    struct DetectorAlone: Codable {
        var texts: Int
        var textBytes: Int64
        var findings: Int
        var seconds: Double
        var runs: [Double]
        /// CPU time of the thread in the best run (less than `seconds` when the machine was busy).
        var cpuSeconds: Double
        /// One thread, so this is also MB/s per core.
        var mbPerSecondPerCore: Double
        var textsPerSecond: Double
        /// Share of texts the prefilter lets through to the recognizers.
        var prefilterPassShare: Double
        var prefilterSeconds: Double
        var prefilterMBPerSecond: Double
    }

    struct Parsing: Codable {
        var uncompressedBytes: Int64
        var lines: Int
        var records: Int
        var rejected: Int
        var seconds: Double
        var runs: [Double]
        /// CPU time of the thread in the best run.
        var cpuSeconds: Double
        var mbPerSecond: Double
    }

    struct Analyze: Codable {
        var jobs: Int
        var seconds: Double
        var runs: [Double]
        var mbPerSecond: Double
        var messagesPerSecond: Double
        /// The largest `ru_maxrss` of the child over the runs.
        var peakResidentBytes: Int64
        /// CPU time (user + system) of the child in the best run.
        var cpuSeconds: Double
        var exitCode: Int32
    }

    struct Ratio: Codable {
        var name: String
        var value: Double
        var target: Double
        /// ">=" or "<".
        var comparison: String
        var pass: Bool
        var note: String?
    }

    var date: String
    var command: String
    var version: String
    var machine: Machine
    var repeats: Int
    var export: Export
    var decompression: Decompression
    var parsing: Parsing
    var detector: DetectorAlone
    var analyze: [Analyze]
    var ratios: [Ratio]
    var allPass: Bool
    /// Where the analyze runs' databases and reports were kept (`--keep`).
    var keptRuns: String?

    /// Whether other work competed for the cores during the run.
    var machineWasBusy: Bool {
        max(machine.loadAverageBefore, machine.loadAverageAfter - Double(analyze.map(\.jobs).max() ?? 1)) > Double(machine.cores) / 2
    }

    func json() throws -> String { try Self.json(self) }

    /// Any of the bench's figures as JSON: snake-case keys, sorted, indented.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The table printed on standard output (and pasted into docs/BENCHMARKS.md).
    func table() -> String {
        var out: [String] = []
        out.append("offplatform bench \(version), \(date)")
        out.append("command: \(command)")
        out.append("machine: \(machine.cpuModel), \(machine.cores) core\(machine.cores == 1 ? "" : "s"), "
                   + String(format: "%.1f GiB", Double(machine.memoryBytes) / 1_073_741_824)
                   + String(format: "; load average %.2f before, %.2f after", machine.loadAverageBefore, machine.loadAverageAfter))
        out.append("export: \(export.directory)\(export.generated ? (export.reused ? " (generated earlier, reused)" : " (generated now)") : ""): "
                   + "\(export.files) file\(export.files == 1 ? "" : "s"), \(Self.mb(export.compressedBytes)) on disk, "
                   + "\(Self.mb(export.uncompressedBytes)) uncompressed, \(Self.grouped(export.records)) records, "
                   + "\(Self.grouped(export.messages)) messages (\(Self.mb(export.messageTextBytes)) of message text)")
        out.append("each time is the best of \(repeats) run\(repeats == 1 ? "" : "s")")
        if machineWasBusy {
            out.append("note: other programs were running (load average above half the cores): absolute figures are low, "
                       + "compare CPU with wall time; the ratios compare figures of this same run")
        }
        out.append("")
        var rows: [[String]] = [["stage", "threads", "seconds", "MB/s", "per second", "notes"]]
        let d = decompression
        rows.append(["decompression limit (\(d.tool), \(d.processesAtOnce) at once)", "\(d.processesAtOnce)", Self.f2(d.seconds),
                     Self.f1(d.mbPerSecond), "", "CPU \(Self.f1(d.cpuSeconds)) s; one process per file, output to /dev/null"])
        let p = parsing
        rows.append(["parsing (read, inflate, split, decode)", "1", Self.f2(p.seconds), Self.f1(p.mbPerSecond),
                     "\(Self.grouped(Int(Double(p.records) / max(p.seconds, 1e-9)))) records", "CPU \(Self.f1(p.cpuSeconds)) s; no detection"])
        let t = detector
        rows.append(["detector alone (\(Self.grouped(t.texts)) texts, \(Self.mb(t.textBytes)))", "1", Self.f2(t.seconds),
                     Self.f1(t.mbPerSecondPerCore), "\(Self.grouped(Int(t.textsPerSecond))) texts",
                     String(format: "CPU %.1f s; prefilter passes %.1f%% of texts, %.0f MB/s", t.cpuSeconds, t.prefilterPassShare * 100, t.prefilterMBPerSecond)])
        for a in analyze {
            rows.append(["analyze --jobs \(a.jobs) (end to end)", "\(a.jobs)", Self.f2(a.seconds), Self.f1(a.mbPerSecond),
                         "\(Self.grouped(Int(a.messagesPerSecond))) messages",
                         "peak RSS \(Self.mb(a.peakResidentBytes)), CPU \(Self.f1(a.cpuSeconds)) s"])
        }
        out.append(contentsOf: Self.aligned(rows, rightAligned: [1, 2, 3, 4]))
        out.append("")
        var ratioRows: [[String]] = [["ratio", "value", "target", "result"]]
        for r in ratios {
            let value = r.name.contains("RSS") ? Self.mb(Int64(r.value)) : (r.value >= 10 ? Self.f1(r.value) : Self.f2(r.value))
            let target = r.name.contains("RSS") ? "< 1 GiB" : "\(r.comparison == ">=" ? "≥" : "<") \(r.target >= 10 ? Self.f1(r.target) : Self.f2(r.target))"
            ratioRows.append([r.name, value, target, (r.pass ? "PASS" : "FAIL") + (r.note.map { " (\($0))" } ?? "")])
        }
        out.append(contentsOf: Self.aligned(ratioRows, rightAligned: [1]))
        if let keptRuns { out.append("\nanalyze databases and reports kept in \(keptRuns)") }
        return out.joined(separator: "\n")
    }

    static func aligned(_ rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return rightAligned.contains(c) ? pad + cell : cell + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    static func f1(_ v: Double) -> String { String(format: "%.1f", v) }
    static func f2(_ v: Double) -> String { String(format: "%.2f", v) }
    static func mb(_ b: Int64) -> String { String(format: "%.1f MB", Double(b) / 1e6) }
    static func grouped(_ v: Int) -> String {
        var out = ""
        for (i, c) in String(v).reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
