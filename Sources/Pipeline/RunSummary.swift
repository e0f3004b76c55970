import Foundation
import Writers

/// How a run ended, from best to worst; the command maps it to an exit status.
public enum RunOutcome: Int, Sendable, Comparable {
    case success
    case linesRejected
    case filesFailed
    case nothingRead

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// The command's exit status for this outcome (README, "Exit status"), as the `runs` row records it.
    public var exitStatus: Int32 {
        switch self {
        case .success: 0
        case .linesRejected: 2
        case .filesFailed: 3
        case .nothingRead: 4
        }
    }
}

/// What a run did, for the final summary and the `runs` row. Every input line
/// is accounted for: `linesRead == records + blankLines + linesRejected`.
public struct RunSummary: Sendable {
    public var files: [InputFileRecord]
    public var linesRead: Int
    public var blankLines: Int
    public var recordsByType: [String: Int]
    public var rejectedByReason: [String: Int]
    public var messages: Int
    public var duplicateMessages: Int
    public var findingsByVerdict: [String: Int]
    public var bytesRead: Int64
    public var uncompressedBytes: Int64
    public var wallSeconds: Double
    public var policyLabel: String
    public var databasePath: String
    public var reportsDirectory: String

    public var records: Int { recordsByType.values.reduce(0, +) }
    public var linesRejected: Int { rejectedByReason.values.reduce(0, +) }

    public var outcome: RunOutcome {
        let failed = files.filter { $0.status == .failed }.count
        let usable = files.filter { $0.status != .failed }.count
        if usable == 0 { return .nothingRead }
        if failed > 0 { return .filesFailed }
        if linesRejected > 0 { return .linesRejected }
        return .success
    }

    /// The summary printed at the end of a run.
    public var text: String {
        func n(_ v: Int) -> String { Self.grouped(v) }
        func mb(_ b: Int64) -> String { String(format: "%.1f MB", Double(b) / 1e6) }
        let analyzed = files.filter { $0.status == .analyzed }.count
        let skipped = files.filter { $0.status == .skippedAlreadyAnalyzed }.count
        let failed = files.filter { $0.status == .failed }
        var lines: [String] = []
        let rate = wallSeconds > 0 ? Double(uncompressedBytes) / 1e6 / wallSeconds : 0
        lines.append("offplatform analyze: \(files.count) file\(files.count == 1 ? "" : "s") (\(analyzed) analyzed, \(skipped) skipped as already analyzed, \(failed.count) failed), "
                     + "\(mb(uncompressedBytes)) read in \(String(format: "%.2f", wallSeconds)) s (\(String(format: "%.1f", rate)) MB/s)")
        lines.append("  lines \(n(linesRead)) = records \(n(records)) + blank \(n(blankLines)) + rejected \(n(linesRejected))")
        let types = ["message", "call", "contract", "room", "unknown"].filter { recordsByType[$0] != nil }
            + recordsByType.keys.filter { !["message", "call", "contract", "room", "unknown"].contains($0) }.sorted()
        if !types.isEmpty {
            lines.append("  records: " + types.map { "\($0) \(n(recordsByType[$0]!))" }.joined(separator: " · "))
        }
        if !rejectedByReason.isEmpty {
            lines.append("  rejected: " + rejectedByReason.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
                .map { "\($0.key) \(n($0.value))" }.joined(separator: " · "))
        }
        let verdicts = ["violation", "excused", "allowed", "info"]
        let findings = findingsByVerdict.values.reduce(0, +)
        lines.append("  messages \(n(messages)) (duplicates \(n(duplicateMessages))) · findings \(n(findings))"
                     + (findings > 0 ? ": " + verdicts.map { "\($0) \(n(findingsByVerdict[$0] ?? 0))" }.joined(separator: " · ") : ""))
        for f in failed {
            lines.append("  failed: \(f.path): \(f.failure ?? "?") (\(n(f.lines)) lines read before)")
        }
        lines.append("  policy \(policyLabel) · database \(databasePath) · reports \(reportsDirectory)")
        return lines.joined(separator: "\n")
    }

    static func grouped(_ v: Int) -> String {
        let s = String(v)
        var out = ""
        for (i, c) in s.reversed().enumerated() {
            if i > 0 && i % 3 == 0 && c != "-" { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }
}
