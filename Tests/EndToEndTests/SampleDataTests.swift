import Foundation
import Testing
import GRDB
import TestSupport

/// `offplatform analyze` on SampleData/ gives exactly what SampleData/README.md
/// tells: every verdict of every finding, the run summary, and every row of
/// every CSV report. The expectations in Fixtures/ are written by
/// scripts/sampledata from the stories by hand, independently of the tool.
@Suite(.serialized) struct SampleDataTests {
    static let fixtures = Paths.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// One run of the built binary on SampleData/, shared by the tests below.
    final class SampleRun: @unchecked Sendable {
        let dir = TemporaryDirectory("sampledata")
        let result: ProcessResult
        var db: String { dir.file("op.sqlite").path }
        var reports: URL { dir.file("reports") }

        init() {
            result = try! runOffplatform(["analyze", "SampleData", "--db", dir.file("op.sqlite").path,
                                          "--reports", dir.file("reports").path, "--jobs", "2"],
                                         currentDirectory: Paths.packageRoot)
        }
    }

    static let run = SampleRun()

    static func summary() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent("sample_summary.json"))) as! [String: Any]
    }

    @Test func exitStatusSaysSomeLinesWereRejected() {
        #expect(Self.run.result.status == 2, "\(Self.run.result.stderr)")
    }

    @Test func theRunSummaryAddsUp() throws {
        let expected = try Self.summary()
        let row = try DatabaseQueue(path: Self.run.db).read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM runs")!
        }
        #expect(row["lines_read"] as Int == expected["lines_read"] as! Int)
        #expect(row["blank_lines"] as Int == expected["blank_lines"] as! Int)
        #expect(row["records"] as Int == expected["records"] as! Int)
        #expect(row["lines_rejected"] as Int == expected["lines_rejected"] as! Int)
        #expect(row["duplicate_messages"] as Int == expected["duplicate_messages"] as! Int)
        #expect(row["messages"] as Int == expected["messages"] as! Int)
        func object(_ s: String) -> NSDictionary { try! JSONSerialization.jsonObject(with: Data(s.utf8)) as! NSDictionary }
        #expect(object(row["records_by_type"]) == expected["records_by_type"] as! NSDictionary)
        #expect(object(row["rejected_by_reason"]) == expected["rejected_by_reason"] as! NSDictionary)
        #expect(object(row["findings_by_verdict"]) == expected["findings_by_verdict"] as! NSDictionary)
        // The summary on standard output says the same.
        #expect(Self.run.result.stdout.contains("lines 366 = records 357 + blank 3 + rejected 6"), "\(Self.run.result.stdout)")
    }

    @Test func everyFileAndRejectedLineIsAccountedFor() throws {
        let expected = try Self.summary()
        let files = expected["files"] as! [[String: Any]]
        let rows = try DatabaseQueue(path: Self.run.db).read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM input_files ORDER BY path")
        }
        #expect(rows.map { $0["path"] as String } == files.map { $0["path"] as! String }.sorted())
        for f in files {
            guard let r = rows.first(where: { $0["path"] as String == f["path"] as! String }) else { continue }
            #expect(r["lines"] as Int == f["lines"] as! Int, "\(f["path"]!)")
            #expect(r["blank_lines"] as Int == f["blank_lines"] as! Int, "\(f["path"]!)")
            #expect(r["records"] as Int == f["records"] as! Int, "\(f["path"]!)")
            #expect(r["rejected_lines"] as Int == f["rejected_lines"] as! Int, "\(f["path"]!)")
            #expect(r["status"] as String == "analyzed")
        }
        let rejections = try DatabaseQueue(path: Self.run.db).read { db in
            try String.fetchAll(db, sql: """
                SELECT f.path || ':' || r.line || ':' || r.reason FROM rejections r JOIN input_files f ON f.id = r.input_file_id
                ORDER BY f.path, r.line
                """)
        }
        let expectedRejections = (expected["rejections"] as! [[String: Any]])
            .sorted { ($0["file"] as! String, $0["line"] as! Int) < ($1["file"] as! String, $1["line"] as! Int) }
            .map { "\($0["file"]!):\($0["line"]!):\($0["reason"]!)" }
        #expect(rejections == expectedRejections)
        for r in expectedRejections {
            #expect(Self.run.result.stderr.contains("\(r.split(separator: ":")[0]):\(r.split(separator: ":")[1]): rejected:"), "\(r)")
        }
    }

    @Test func everyFindingHasTheDocumentedVerdict() throws {
        let tsv = try String(contentsOf: Self.fixtures.appendingPathComponent("sample_findings.tsv"), encoding: .utf8)
        let lines = tsv.split(separator: "\n").map(String.init)
        let header = lines[0]
        let expected = lines.dropFirst().sorted()
        let actual = try DatabaseQueue(path: Self.run.db).read { db in
            try String.fetchAll(db, sql: """
                SELECT message_id || char(9) || source || char(9) || kind || char(9) || IFNULL(platform,'') || char(9) || intent
                    || char(9) || epoch || char(9) || phase || char(9) || IFNULL(stage,'') || char(9) || sender_role
                    || char(9) || verdict || char(9) || IFNULL(exception,'') FROM findings
                """)
        }.sorted()
        #expect(header == "message_id\tsource\tkind\tplatform\tintent\tepoch\tphase\tstage\tsender_role\tverdict\texception")
        let missing = Set(expected).subtracting(actual).sorted(), extra = Set(actual).subtracting(expected).sorted()
        #expect(missing.isEmpty && extra.isEmpty,
                "findings differ from Fixtures/sample_findings.tsv\n  missing:\n    \(missing.joined(separator: "\n    "))\n  unexpected:\n    \(extra.joined(separator: "\n    "))")
        #expect(actual.count == expected.count)
    }

    @Test(arguments: ["violation_rates", "room_violation_rates", "exception_usage", "call_failure_correlation",
                      "call_failure_summary", "findings_by_kind", "daily"])
    func everyReportRowIsAsDocumented(report: String) throws {
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("expected_reports/\(report).csv"), encoding: .utf8)
        let actual = try String(contentsOf: Self.run.reports.appendingPathComponent("\(report).csv"), encoding: .utf8)
        let e = expected.components(separatedBy: "\r\n"), a = actual.components(separatedBy: "\r\n")
        #expect(a.first == e.first, "header of \(report).csv")
        let missing = e.filter { !a.contains($0) }, extra = a.filter { !e.contains($0) }
        #expect(actual == expected, "\(report).csv\n  expected but missing:\n    \(missing.joined(separator: "\n    "))\n  not expected:\n    \(extra.joined(separator: "\n    "))")
    }

    /// No contact detail in clear anywhere in the database or the CSVs.
    @Test func evidenceIsMasked() throws {
        let evidence = try DatabaseQueue(path: Self.run.db).read { db in try String.fetchAll(db, sql: "SELECT evidence FROM findings") }
        #expect(!evidence.isEmpty)
        for e in evidence {
            #expect(!e.contains("@"), "\(e)")
            #expect(!e.unicodeScalars.contains { $0.properties.numericType != nil }, "digits in evidence: \(e)")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.run.reports.path) {
            let text = try String(contentsOf: Self.run.reports.appendingPathComponent(name), encoding: .utf8)
            #expect(!text.contains("@"), "\(name)")
        }
    }
}
