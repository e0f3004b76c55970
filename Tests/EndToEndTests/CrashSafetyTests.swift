import Foundation
import Testing
import GRDB
import TestSupport

/// A run killed midway leaves no partial run in the database.
@Suite struct CrashSafetyTests {
    static func day(_ n: Int) -> String {
        (0..<40).map { i in
            ExportLine.message("d\(n)-m\(i)", room: "r\(i % 5)", sender: "c\(i % 5)", at: "2020-07-0\(n)T10:\(10 + i):00Z",
                               text: "message \(i) on day \(n): mail anna\(i)@example.com")
        }.joined(separator: "\n") + "\n"
    }

    @Test func aRunKilledInsideItsTransactionLeavesNoTrace() throws {
        let dir = TemporaryDirectory("crash")
        let db = dir.file("op.sqlite").path
        try dir.write("night1.jsonl", Self.day(1))
        try dir.write("night2.jsonl.gz", Data(try gzip(Self.day(2))))

        let first = try runOffplatform(["analyze", dir.file("night1.jsonl").path, "--db", db, "--reports", dir.file("r").path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try Self.counts(db)
        #expect(before.runs == 1 && before.files == 1)

        let killed = try runOffplatform(["analyze", dir.file("night2.jsonl.gz").path, "--db", db, "--reports", dir.file("r").path],
                                        environment: ["OFFPLATFORM_FAULT": "inside-run-transaction"])
        #expect(killed.status == SIGKILL, "the process was killed (status \(killed.status))")
        #expect(try Self.counts(db) == before, "nothing of the killed run is in the database")

        let again = try runOffplatform(["analyze", dir.file("night2.jsonl.gz").path, "--db", db, "--reports", dir.file("r").path])
        #expect(again.status == 0, "\(again.stderr)")
        let after = try Self.counts(db)
        #expect(after.runs == 2 && after.files == 2 && after.messages == before.messages + 40)
    }

    struct Counts: Equatable { var runs: Int; var files: Int; var findings: Int; var messages: Int }

    static func counts(_ path: String) throws -> Counts {
        try DatabaseQueue(path: path).read { db in
            Counts(runs: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs")!,
                   files: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM input_files")!,
                   findings: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM findings")!,
                   messages: try Int.fetchOne(db, sql: "SELECT IFNULL(SUM(messages),0) FROM message_counts")!)
        }
    }
}
