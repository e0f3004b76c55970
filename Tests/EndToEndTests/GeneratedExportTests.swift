import Foundation
import Testing
import GRDB
import TestSupport

/// `analyze` on a generated export agrees with the generator's ground truth,
/// which the generator works out on its own from the scenario it planted
/// (docs/GENERATOR.md): verdict by verdict, and for the planted effect of call
/// failures.
@Suite(.serialized) struct GeneratedExportTests {
    final class Run: @unchecked Sendable {
        let dir = TemporaryDirectory("generated")
        let generate: ProcessResult
        let analyze: ProcessResult
        var export: URL { dir.file("export") }
        var db: String { dir.file("op.sqlite").path }
        var reports: URL { dir.file("reports") }

        init() {
            generate = try! runOffplatform(["generate", "--out", dir.file("export").path, "--rooms", "3000", "--files", "3", "--seed", "11"])
            analyze = try! runOffplatform(["analyze", dir.file("export").path, "--db", dir.file("op.sqlite").path,
                                           "--reports", dir.file("reports").path])
        }
    }

    static let run = Run()

    struct Key: Hashable { var message: String; var kind: String; var source: String }

    static func truth() throws -> [Key: [String]] {
        let text = try String(contentsOf: run.export.appendingPathComponent("truth/findings.tsv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        var out: [Key: [String]] = [:]
        for r in rows.dropFirst() where r.count == header.count {
            out[Key(message: r[col("message_id")], kind: r[col("kind")], source: r[col("source")]), default: []]
                .append(r[col("verdict")] + ":" + r[col("exception")])
        }
        return out
    }

    static func found() throws -> [Key: [String]] {
        try DatabaseQueue(path: run.db).read { db in
            var out: [Key: [String]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT message_id, kind, source, verdict, IFNULL(exception, '') AS e FROM findings") {
                out[Key(message: r["message_id"], kind: r["kind"], source: r["source"]), default: []].append("\(r["verdict"] as String):\(r["e"] as String)")
            }
            return out
        }
    }

    @Test func bothCommandsSucceed() {
        #expect(Self.run.generate.status == 0, "\(Self.run.generate.stderr)")
        #expect(Self.run.analyze.status == 0, "\(Self.run.analyze.stderr)")
    }

    /// Analyzed again, in another process (another hash seed) on three jobs, the export gives the same rows in
    /// the same row order: room counts, findings, message counts and calls.
    @Test func rowOrderIsTheSameInAnotherProcess() throws {
        let again = Self.run.dir.file("again.sqlite").path
        let second = try runOffplatform(["analyze", Self.run.export.path, "--db", again, "--reports", Self.run.dir.file("again").path,
                                         "--jobs", "3", "--no-progress"])
        #expect(second.status == 0, "\(second.stderr)")
        func rows(_ path: String) throws -> [String: [String]] {
            try DatabaseQueue(path: path).read { db in
                var out: [String: [String]] = [:]
                for (table, columns) in [("room_counts", "input_file_id, room_id, epoch, phase, client_plan, messages, violating_messages"),
                                         ("findings", "id, message_id, span_start, kind, room_id, verdict"),
                                         ("message_counts", "input_file_id, epoch, phase, stage, sender_role, client_plan, date, messages"),
                                         ("calls", "input_file_id, call_id, room_id, status")] {
                    out[table] = try Row.fetchAll(db, sql: "SELECT rowid, \(columns) FROM \(table) ORDER BY rowid").map { r in
                        (0..<r.count).map { "\(r[$0] as DatabaseValue)" }.joined(separator: "|")
                    }
                }
                return out
            }
        }
        let first = try rows(Self.run.db), other = try rows(again)
        #expect((first["room_counts"]?.count ?? 0) > 1_000)
        for table in first.keys.sorted() { #expect(first[table] == other[table], "\(table)") }
    }

    /// Wherever the detector finds what was planted, the verdict and the exception are the ones the truth gives.
    @Test func verdictsAgreeWithTheGroundTruth() throws {
        let truth = try Self.truth(), found = try Self.found()
        var matched = 0
        var disagreements: [String] = []
        for (key, expected) in truth {
            guard let got = found[key], got.count == expected.count else { continue }
            matched += expected.count
            if got.sorted() != expected.sorted() { disagreements.append("\(key): expected \(expected.sorted()), got \(got.sorted())") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20).joined(separator: "\n"))")
        let planted = truth.values.reduce(0) { $0 + $1.count }
        // Detection recall on the planted findings: today 0.94; a floor that can only go up.
        #expect(Double(matched) / Double(planted) >= 0.93, "matched \(matched) of \(planted)")
    }

    /// A finding where nothing was planted is a false alarm; a false violation is a wrongly accused user.
    @Test func falseAlarmsAreRare() throws {
        let truth = try Self.truth(), found = try Self.found()
        var extra = 0, extraViolations = 0, total = 0
        for (key, got) in found {
            total += got.count
            let surplus = got.count - (truth[key]?.count ?? 0)
            if surplus > 0 {
                extra += surplus
                if truth[key] == nil { extraViolations += got.filter { $0.hasPrefix("violation") }.count }
            }
        }
        #expect(Double(extra) / Double(total) <= 0.005, "\(extra) of \(total) findings were not planted")
        #expect(Double(extraViolations) / Double(total) <= 0.002, "\(extraViolations) violations where nothing was planted")
    }

    /// The planted relative risk of a move after a failed call lies inside the reported 95% interval.
    @Test func theReportedIntervalContainsThePlantedEffect() throws {
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.run.export.appendingPathComponent("truth/summary.json"))) as! [String: Any]
        let planted = (summary["call_failure"] as! [String: Any])["planted_relative_risk"] as! Double
        let csv = try String(contentsOf: Self.run.reports.appendingPathComponent("call_failure_summary.csv"), encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        let header = lines[0].split(separator: ",").map(String.init)
        let all = try #require(lines.first { $0.hasPrefix("all,all,") }).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let low = try #require(Double(all[header.firstIndex(of: "rr_ci_low")!]))
        let high = try #require(Double(all[header.firstIndex(of: "rr_ci_high")!]))
        #expect(low <= planted && planted <= high, "planted \(planted), reported [\(low), \(high)]")
        #expect(low > 1, "the effect is detected: the interval excludes 1")
    }
}
