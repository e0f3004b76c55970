import Foundation
import ExportFormat

/// The truth folder: plain text files a test, a spreadsheet or `sqlite3 .import`
/// can read. docs/GENERATOR.md describes every column.
final class TruthFiles: @unchecked Sendable {
    static let findingsHeader = "message_id\troom_id\tsender_role\tclient_plan\tsent_at\tepoch\tphase\tstage\tkind\tsource\tplatform\tintent\tverdict\texception\tpolicy_rule\tscenario\tdisguised\n"
    static let callsHeader = "call_id\troom_id\tstatus\toutcome\tstarted_at\tended_at\tmove_within_30min\tplanted_move\n"
    static let negativesHeader = "message_id\troom_id\tcategory\tsource\n"

    let directory: String
    private let findings: OutputFile
    private let calls: OutputFile
    private let negatives: OutputFile
    private let labels: OutputFile

    init(directory: String) throws {
        self.directory = directory
        findings = try OutputFile(path: directory + "/findings.tsv", gzip: false, level: 1)
        calls = try OutputFile(path: directory + "/calls.tsv", gzip: false, level: 1)
        negatives = try OutputFile(path: directory + "/negatives.tsv", gzip: false, level: 1)
        labels = try OutputFile(path: directory + "/labels.ndjson", gzip: false, level: 1)
        try findings.write(Array(Self.findingsHeader.utf8)[...])
        try calls.write(Array(Self.callsHeader.utf8)[...])
        try negatives.write(Array(Self.negativesHeader.utf8)[...])
    }

    func append(_ o: BlockOutput) throws {
        try findings.write(o.findings[...])
        try calls.write(o.calls[...])
        try negatives.write(o.negatives[...])
        try labels.write(o.labels[...])
    }

    func finish(summary: Data) throws {
        for f in [findings, calls, negatives, labels] { try f.close() }
        let path = directory + "/summary.json"
        guard FileManager.default.createFile(atPath: path, contents: summary) else {
            throw GeneratorError.cannotWrite(path, "could not create the file")
        }
    }
}

/// `truth/summary.json`: what was asked, what was written, and the expected
/// aggregates (violation rates' counts, findings by verdict, the call table).
enum Summary {
    static func json(settings s: GeneratorSettings, plan: RunPlan, tally t: Tally, files: [WrittenFile], directory: String) throws -> Data {
        var messages: [[String: Any]] = []
        for e in PolicyEpoch.allCases {
            for p in RoomPhase.allCases {
                for r in SenderRole.allCases {
                    for plan in PlanLabel.allCases {
                        let c = Tally.cell(e, p, r, plan)
                        guard t.messages[c] > 0 else { continue }
                        messages.append(["epoch": e.name, "phase": p.name, "sender_role": r.name, "client_plan": plan.name,
                                         "messages": t.messages[c], "violating_messages": t.violatingMessages[c]])
                    }
                }
            }
        }
        let daily: [[String: Any]] = t.daily.keys.sorted().map { k in
            let v = t.daily[k]!
            let day = RFC3339.floorDiv(Int64(k), 3)
            return ["date": Timestamp(secondsSinceEpoch: day * 86_400).utcDate, "phase": RoomPhase(rawValue: Int(Int64(k) - day * 3))!.name,
                    "messages": v.messages, "violating_messages": v.violating]
        }
        let findings: [[String: Any]] = t.findings.keys.sorted().map { key in
            let p = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            var row: [String: Any] = ["epoch": p[0], "phase": p[1], "sender_role": p[2], "client_plan": p[3], "kind": p[4],
                                      "source": p[5], "verdict": p[6], "findings": t.findings[key]!]
            row["exception"] = p[7].isEmpty ? NSNull() : p[7]
            return row
        }
        var byKind: [String: Int] = [:], byVerdict: [String: Int] = [:], byException: [String: Int] = [:]
        for (key, n) in t.findings {
            let p = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            byKind[p[4], default: 0] += n
            byVerdict[p[6], default: 0] += n
            if !p[7].isEmpty { byException[p[7], default: 0] += n }
        }
        func row(_ i: Int, _ p: Double) -> [String: Any] {
            let calls = t.callTable[i][0], moved = t.callTable[i][1]
            return ["calls": calls, "followed_by_move": moved, "move_rate": calls > 0 ? Double(moved) / Double(calls) : NSNull(),
                    "planted_moves": t.plantedMoves[i][1], "expected_followed_by_move": Double(calls) * p]
        }
        let p0 = s.moveAfterCallRate, p1 = s.moveAfterCallRate * s.failureEffect
        let a = t.callTable[0], b = t.callTable[1]
        let observedRR: Any = (a[0] > 0 && b[0] > 0 && b[1] > 0)
            ? (Double(a[1]) / Double(a[0])) / (Double(b[1]) / Double(b[0])) : NSNull()
        let root: [String: Any] = [
            "format": "offplatform-generator-truth/1",
            "policy": "marketplace-default (built-in); verdicts follow docs/POLICY.md",
            "settings": [
                "seed": String(s.seed), "messages": plan.messages, "rooms": plan.rooms,
                "target_bytes": s.targetBytes.map { Int($0) as Any } ?? NSNull(),
                "start": s.start.utcDate, "days": s.days, "files": s.files, "gzip": s.gzip, "members_per_file": s.membersPerFile,
                "compression_level": s.compressionLevel, "contact_rate": s.contactRate, "disguise_rate": s.disguiseRate,
                "negative_rate": s.negativeRate, "call_rate": s.callRate, "move_after_call_rate": s.moveAfterCallRate,
                "failure_effect": s.failureEffect, "plain_label_rate": s.plainLabelRate,
            ] as [String: Any],
            "files": files.map { f -> [String: Any] in
                ["path": String(f.path.dropFirst(directory.count + 1)), "bytes": f.bytesOnDisk, "uncompressed_bytes": f.uncompressedBytes,
                 "records": f.records, "gzip_members": f.gzipMembers]
            },
            "counts": [
                "rooms": t.rooms, "rooms_without_record": t.roomsWithoutRecord, "messages": t.messages.reduce(0, +),
                "records_by_type": t.recordsByType, "attachments": t.attachments,
                "messages_with_planted_findings": t.messagesWithFindings, "messages_with_violation": t.messagesWithViolation,
                "planted_findings": t.findings.values.reduce(0, +), "hard_negatives": t.negatives.values.reduce(0, +),
                "label_lines": t.labelLines, "calls": t.callsByStatus.values.reduce(0, +),
            ] as [String: Any],
            "planted_findings_by_kind": byKind,
            "findings_by_verdict": byVerdict,
            "findings_by_exception": byException,
            "findings": findings,
            "scenarios": t.scenarios,
            "hard_negatives_by_category": t.negatives,
            "messages": messages,
            "daily": daily,
            "calls_by_status": t.callsByStatus,
            "call_failure": [
                "window_minutes": 30,
                "planted_relative_risk": s.failureEffect,
                "move_after_completed_call_rate": p0,
                "move_after_failed_call_rate": p1,
                "failed_or_dropped": row(0, p1),
                "completed": row(1, p0),
                "observed_relative_risk": observedRR,
            ] as [String: Any],
        ]
        return try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
    }
}
