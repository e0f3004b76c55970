import Foundation
import GRDB
import Detection
import Policy
import Pipeline
import TestSupport

/// A stand-in detector with obvious rules, so pipeline tests do not depend on
/// the real detector's judgment: a word with `@` is an email, a run of 7 or
/// more digits a phone, `whatsapp?` a request, a word starting with `http` a link.
struct FakeDetector: TextDetector {
    func findings(in text: String) -> [Finding] {
        var out: [Finding] = []
        var word = String.UnicodeScalarView(), start = 0, i = 0
        func flush() {
            defer { word = String.UnicodeScalarView() }
            let w = String(word)
            guard !w.isEmpty else { return }
            let end = start + word.count
            if w.contains("@") {
                out.append(Finding(kind: .email, start: start, end: end, rule: "fake.email", normalized: w.lowercased()))
            } else if w.count >= 7, w.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
                out.append(Finding(kind: .phone, start: start, end: end, rule: "fake.phone", normalized: w))
            } else if w.lowercased() == "whatsapp?" {
                out.append(Finding(kind: .offplatformRequest, start: start, end: end, platform: "whatsapp", intent: .request, rule: "fake.request"))
            } else if w.hasPrefix("http") {
                out.append(Finding(kind: .website, start: start, end: end, rule: "fake.link", normalized: w))
            }
        }
        for s in text.unicodeScalars {
            if s == " " || s == "\n" { flush() } else { if word.isEmpty { start = i }; word.append(s) }
            i += 1
        }
        flush()
        return out
    }
}

/// Messages the analysis logged, for assertions.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ s: String) { lock.lock(); lines.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

struct Workspace {
    let dir = TemporaryDirectory("pipeline")
    var db: String { dir.file("db/offplatform.sqlite").path }
    var reports: String { dir.file("reports").path }

    @discardableResult
    func analyze(_ inputs: [String], jobs: Int = 2, force: Bool = false, policy: PolicyDocument? = nil,
                 db: String? = nil, reports: String? = nil, callWindowSeconds: Int64 = 30 * 60,
                 log: LogLines = LogLines()) throws -> RunSummary {
        let config = AnalyzeConfiguration(inputs: inputs, databasePath: db ?? self.db, reportsDirectory: reports ?? self.reports,
                                          policy: try policy ?? PolicyDocument.builtIn(), jobs: jobs, force: force,
                                          callWindowSeconds: callWindowSeconds)
        return try Analysis(configuration: config, detector: FakeDetector(), log: { log.append($0) }).run()
    }

    /// Every CSV report, by file name.
    func csvReports(_ reports: String? = nil) throws -> [String: String] {
        let dir = URL(fileURLWithPath: reports ?? self.reports)
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".csv") {
            out[name] = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
        }
        return out
    }

    /// The findings' judgement, in a stable order, without run-specific ids.
    func findings(_ db: String? = nil) throws -> [String] {
        let q = try DatabaseQueue(path: db ?? self.db)
        return try q.read { db in
            try Row.fetchAll(db, sql: """
                SELECT message_id, source, kind, span_start, sender_role, client_plan, epoch, phase, IFNULL(stage,'') AS stage,
                       verdict, IFNULL(exception,'') AS exception, policy_rule, evidence
                FROM findings ORDER BY message_id, source, span_start, kind
                """).map { r in
                (0..<r.count).map { "\(r[$0] as DatabaseValue)" }.joined(separator: "|")
            }
        }
    }

    /// Every row of every table the runs write, in a stable order, without the run's times, wall clock, jobs
    /// and row ids.
    func tableRows(_ db: String? = nil) throws -> [String: [String]] {
        let q = try DatabaseQueue(path: db ?? self.db)
        return try q.read { db in
            var out: [String: [String]] = [:]
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            let skipped: Set<String> = ["id", "run_id", "input_file_id", "started_at", "finished_at", "wall_seconds", "jobs"]
            for table in tables {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
                    .filter { !skipped.contains($0) }
                let list = columns.joined(separator: ", ")
                out[table] = try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table) ORDER BY \(list)").map { r in
                    (0..<r.count).map { "\(r[$0] as DatabaseValue)" }.joined(separator: "|")
                }
            }
            return out
        }
    }

    func scalar<T: DatabaseValueConvertible>(_ sql: String, _ db: String? = nil) throws -> T? {
        let q = try DatabaseQueue(path: db ?? self.db)
        return try q.read { try T.fetchOne($0, sql: sql) }
    }
}

/// A day of a small marketplace whose stories touch every rule the fake detector can trigger.
enum Story {
    static func lines(rooms: Int = 24) -> [String] {
        var out: [String] = []
        let plans = ["basic", "plus", "business", "enterprise", nil]
        for r in 0..<rooms {
            let room = "r\(r)", client = "c\(r % 7)", freelancer = "f\(r % 5)"
            if r % 11 != 10 { out.append(ExportLine.room(room, client: client, freelancer: freelancer, plan: plans[r % plans.count])) }
            let month = 3 + r % 6
            func at(_ day: Int, _ minute: Int) -> String { String(format: "2020-%02d-%02dT10:%02d:00Z", month, day, minute) }
            if r % 3 != 0 {
                out.append(ExportLine.contract("k\(r)", room: room, event: "offer_sent", at: at(3, 0)))
                out.append(ExportLine.contract("k\(r)", room: room, event: "started", at: at(5, 0)))
                if r % 3 == 2 { out.append(ExportLine.contract("k\(r)", room: room, event: "ended", at: at(9, 0))) }
            }
            for m in 0..<12 {
                let sender = m % 2 == 0 ? client : (m % 5 == 4 ? "platform" : freelancer)
                let texts = ["hello there", "mail me anna\(r)@example.com", "call 5550\(100 + m)99 please", "whatsapp?",
                             "see https://portfolio.example/\(r) my past work", "ok thanks", "price is 1250 dollars"]
                out.append(ExportLine.message("m\(r)-\(m)", room: room, sender: sender, at: at(1 + m, 2 * m), text: texts[(r + m) % texts.count]))
            }
            out.append(ExportLine.call("call\(r)a", room: room, initiator: client, started: at(2, 0), ended: at(2, 5),
                                       status: ["failed", "dropped", "completed", "missed"][r % 4]))
            out.append(ExportLine.message("m\(r)-after", room: room, sender: freelancer, at: at(2, 20 + r % 15),
                                          text: r % 2 == 0 ? "call me 5559876543" : "sorry about that"))
        }
        // The same message exported twice: counted once.
        out.append(ExportLine.message("m0-0", room: "r0", sender: "c0", at: "2020-03-01T10:00:00Z", text: "hello there"))
        return out
    }
}
