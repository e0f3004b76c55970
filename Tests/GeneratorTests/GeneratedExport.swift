import Foundation
import Generator
import ExportFormat
import TestSupport

/// A small export generated once and read back with Foundation, independently
/// of the generator's own code: the records of every file in file order, and
/// the truth files.
final class GeneratedExport: @unchecked Sendable {
    let directory: TemporaryDirectory
    let report: GenerationReport
    /// Per file, its records in file order.
    let files: [[[String: Any]]]
    let findings: [[String: String]]
    let calls: [[String: String]]
    let negatives: [[String: String]]
    let labels: [[String: Any]]
    let summary: [String: Any]
    let messagesByID: [String: [String: Any]]
    let roomsByID: [String: [String: Any]]

    /// Multi-chunk (64 rooms a chunk), three plain files, enough contact and calls to exercise every path.
    static let settings = GeneratorSettings(
        messages: 12_000, rooms: 420, files: 3, gzip: false, seed: 42, contactRate: 0.08, negativeRate: 0.04,
        callRate: 0.06, moveAfterCallRate: 0.1, failureEffect: 3, plainLabelRate: 0.02, jobs: 2, chunkRooms: 64)

    static let shared: GeneratedExport = try! GeneratedExport(settings: settings)

    init(settings: GeneratorSettings) throws {
        directory = TemporaryDirectory("generator")
        report = try ExportGenerator.generate(settings, into: directory.path)
        files = try report.files.map { f in
            try String(contentsOfFile: f.path, encoding: .utf8).split(separator: "\n").map { line in
                try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            }
        }
        let truth = directory.url.appendingPathComponent("truth")
        findings = try Self.tsv(truth.appendingPathComponent("findings.tsv"))
        calls = try Self.tsv(truth.appendingPathComponent("calls.tsv"))
        negatives = try Self.tsv(truth.appendingPathComponent("negatives.tsv"))
        labels = try String(contentsOf: truth.appendingPathComponent("labels.ndjson"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        summary = try JSONSerialization.jsonObject(with: Data(contentsOf: truth.appendingPathComponent("summary.json"))) as! [String: Any]
        let all = files.flatMap { $0 }
        messagesByID = Dictionary(all.filter { $0["type"] as? String == "message" }.map { ($0["message_id"] as! String, $0) },
                                  uniquingKeysWith: { a, _ in a })
        roomsByID = Dictionary(all.filter { $0["type"] as? String == "room" }.map { ($0["room_id"] as! String, $0) },
                               uniquingKeysWith: { a, _ in a })
    }

    static func tsv(_ url: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        let header = lines[0].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            precondition(cells.count == header.count, "\(url.lastPathComponent): \(cells.count) cells, \(header.count) columns")
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    var records: [[String: Any]] { files.flatMap { $0 } }

    func records(ofType type: String) -> [[String: Any]] { records.filter { $0["type"] as? String == type } }
}

/// RFC 3339 read with Foundation (an independent parser for the tests), to the nanosecond we write.
func instant(_ s: String) -> Double? {
    let withFraction = ISO8601DateFormatter()
    withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let plain = ISO8601DateFormatter()
    plain.formatOptions = [.withInternetDateTime]
    // Foundation keeps milliseconds only; add the rest of the fraction back by hand.
    var micros = 0.0
    if let dot = s.firstIndex(of: "."), let end = s[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
        let digits = s[s.index(after: dot)..<end]
        if digits.count > 3, let v = Double("0." + digits) { micros = v - (Double("0." + digits.prefix(3)) ?? 0) }
    }
    guard let d = withFraction.date(from: s) ?? plain.date(from: s) else { return nil }
    return d.timeIntervalSince1970 + micros
}

func gzipBinary() -> URL? {
    ["/usr/bin/gzip", "/bin/gzip"].map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
}
