import Foundation
import Testing
import Generator
import TestSupport
import ExportFormat

/// Every line is a JSON object of export-v1 with its required fields, of the right types and values.
@Suite struct FormatTests {
    let g = GeneratedExport.shared

    static let required: [String: [String]] = [
        "room": ["room_id", "client_id", "freelancer_id"],
        "contract": ["contract_id", "room_id", "event", "at"],
        "message": ["message_id", "room_id", "sender_id", "sent_at"],
        "call": ["call_id", "room_id", "initiator_id", "started_at", "status"],
    ]
    static let timestamps = ["created_at", "at", "sent_at", "started_at", "ended_at"]

    @Test func everyRecordHasItsRequiredFields() {
        var seen: [String: Int] = [:]
        for r in g.records {
            guard let type = r["type"] as? String else { Issue.record("a record without type: \(r)"); continue }
            seen[type, default: 0] += 1
            for field in Self.required[type] ?? [] {
                #expect(r[field] is String, "\(type) without string \(field): \(r)")
            }
            for field in Self.timestamps {
                if let v = r[field] {
                    #expect((v as? String).flatMap(instant) != nil, "\(type).\(field) is not RFC 3339: \(v)")
                }
            }
        }
        #expect(Set(seen.keys).isSuperset(of: ["room", "contract", "message", "call"]))
        #expect((seen["message"] ?? 0) == GeneratedExport.settings.messages)
    }

    @Test func enumeratedValuesAreThoseOfTheFormat() {
        for r in g.records(ofType: "room") {
            if let plan = r["client_plan"] { #expect(["basic", "plus", "business", "enterprise"].contains(plan as? String ?? "")) }
        }
        for r in g.records(ofType: "contract") {
            #expect(["offer_sent", "started", "ended"].contains(r["event"] as? String ?? ""))
        }
        for r in g.records(ofType: "call") {
            #expect(["completed", "failed", "dropped", "missed", "declined"].contains(r["status"] as? String ?? ""))
            if let m = r["media"] { #expect(["audio", "video", "screen_share"].contains(m as? String ?? "")) }
        }
        for r in g.records(ofType: "message") {
            if let t = r["text"] { #expect(t is String) }
            for a in r["attachments"] as? [[String: Any]] ?? [] {
                #expect(a["name"] is String)
                #expect(["file", "image", "video", "legal_document", "portfolio"].contains(a["kind"] as? String ?? ""))
            }
        }
    }

    @Test func messageIDsAreUnique() {
        let ids = g.records(ofType: "message").map { $0["message_id"] as! String }
        #expect(Set(ids).count == ids.count)
    }

    @Test func variedTimestampsAndText() {
        let stamps = g.records(ofType: "message").compactMap { $0["sent_at"] as? String }
        #expect(stamps.contains { $0.hasSuffix("Z") && !$0.contains(".") })
        #expect(stamps.contains { $0.range(of: #"\.\d{3}Z$"#, options: .regularExpression) != nil })
        #expect(stamps.contains { $0.range(of: #"\.\d{6}[+-]\d\d:\d\d$"#, options: .regularExpression) != nil })
        #expect(stamps.contains { $0.range(of: #"[+-]\d\d:\d\d$"#, options: .regularExpression) != nil })
        let texts = g.records(ofType: "message").compactMap { $0["text"] as? String }
        #expect(texts.contains { $0.unicodeScalars.contains { $0.properties.isEmoji && $0.value > 0x2000 } })
        #expect(texts.contains { $0.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }, "CJK")
        #expect(texts.contains { $0.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }, "Cyrillic")
        #expect(texts.contains { $0.contains("```") }, "code snippets")
        #expect(texts.contains { $0.count < 15 } && texts.contains { $0.count > 400 }, "short and long messages")
        #expect(g.records(ofType: "message").contains { $0["text"] == nil }, "messages without text")
    }

    @Test func exportsDifferInTheWayRealExportersDo() throws {
        // Some rooms are written with \u escapes (ASCII-only exporters), some records carry fields this
        // version does not know, and a few records have a type it does not know.
        let raw = try g.report.files.map { try String(contentsOfFile: $0.path, encoding: .utf8) }.joined()
        #expect(raw.contains(#"\u"#))
        #expect(g.records.contains { $0["reactions"] != nil || $0["edited"] != nil || $0["thread"] != nil })
        #expect(raw.contains(#""type":"message"}"#), "type written last in some records")
    }
}

/// Timestamps stay inside --start … --start + --days, even when rooms are crowded into a short range.
@Suite struct TimeRangeTests {
    static func outside(_ g: GeneratedExport, _ s: GeneratorSettings) -> [String] {
        let start = Double(s.start.secondsSinceEpoch), end = start + Double(s.days) * 86_400
        var bad: [String] = []
        for r in g.records {
            for field in FormatTests.timestamps {
                guard let v = r[field] as? String, let t = instant(v) else { continue }
                if t < start || t >= end { bad.append("\(r["type"]!).\(field) \(v)") }
            }
        }
        return bad
    }

    @Test func defaultRange() {
        let bad = Self.outside(GeneratedExport.shared, GeneratedExport.settings)
        #expect(bad.isEmpty, "\(bad.prefix(5))")
    }

    @Test func crowdedShortRange() throws {
        let s = GeneratorSettings(messages: 6_000, rooms: 4, start: Timestamp(secondsSinceEpoch: 1_609_459_200), days: 1,
                                  files: 2, gzip: false, seed: 5, callRate: 0.05, jobs: 1)
        let g = try GeneratedExport(settings: s)
        let bad = Self.outside(g, s)
        #expect(bad.isEmpty, "\(bad.count) timestamps outside the day, e.g. \(bad.prefix(3))")
        #expect(g.records(ofType: "message").count == 6_000)
    }
}
