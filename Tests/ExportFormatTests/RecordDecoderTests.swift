import Foundation
import Testing
import TestSupport
@testable import ExportFormat

func decode(_ bytes: [UInt8]) -> DecodeOutcome {
    bytes.withUnsafeBytes { RecordDecoder().decode($0) }
}

func decode(_ line: String) -> DecodeOutcome { decode(Array(line.utf8)) }

func reason(_ o: DecodeOutcome) -> String? {
    if case .rejected(let r) = o { return r.code }
    return nil
}

@Suite struct RecordDecoderTests {
    /// The example tables of docs/INPUT.md, so what analysts read is what the decoder does.
    static let documentedExamples: [(String, String)] = {
        let doc = try! String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/INPUT.md"), encoding: .utf8)
        return doc.split(separator: "\n").compactMap { row in
            guard let m = row.wholeMatch(of: /\| `([^`]+)` \| `(\{.*|\[.*)` \|/) else { return nil }
            return (String(m.1), String(m.2))
        }
    }()

    @Test func theDocumentationHasExamples() {
        #expect(Self.documentedExamples.count >= 25)
    }

    @Test(arguments: documentedExamples)
    func documentedExample(_ expected: String, _ line: String) {
        let outcome = decode(line)
        switch outcome {
        case .rejected(let r): #expect(r.code == expected, "\(line)")
        case .record(.unknown): #expect(expected == "unknown type", "\(line)")
        case .record(let r): #expect(r.typeName == expected, "\(line)")
        }
    }

    @Test func decodesTheFormatsExample() {
        let message = #"{"type":"message","message_id":"m2","room_id":"r1","sender_id":"f1","sent_at":"2020-07-01T09:05:00Z","text":"Call keeps dropping - add me on skype: live:dev.anna_77"}"#
        #expect(decode(message) == .record(.message(MessageRecord(
            messageID: "m2", roomID: "r1", senderID: "f1", sentAt: Timestamp(secondsSinceEpoch: 1_593_594_300),
            text: "Call keeps dropping - add me on skype: live:dev.anna_77"))))
        let call = #"{"type":"call","call_id":"k1","room_id":"r1","initiator_id":"c1","started_at":"2020-07-01T09:03:00Z","ended_at":"2020-07-01T09:03:40Z","status":"failed","media":"video","failure_reason":"media connection timeout"}"#
        #expect(decode(call) == .record(.call(CallRecord(
            callID: "k1", roomID: "r1", initiatorID: "c1", startedAt: Timestamp(secondsSinceEpoch: 1_593_594_180),
            endedAt: Timestamp(secondsSinceEpoch: 1_593_594_220), status: .failed, media: .video,
            failureReason: "media connection timeout"))))
        let room = #"{"type":"room","room_id":"r1","client_id":"c1","freelancer_id":"f1","client_plan":"basic","created_at":"2020-07-01T09:00:00Z"}"#
        #expect(decode(room) == .record(.room(RoomRecord(
            roomID: "r1", clientID: "c1", freelancerID: "f1", clientPlan: .basic,
            createdAt: Timestamp(secondsSinceEpoch: 1_593_594_000)))))
        let contract = #"{"type":"contract","contract_id":"ct1","room_id":"r1","event":"started","at":"2020-07-02T12:00:00Z"}"#
        #expect(decode(contract) == .record(.contract(ContractRecord(
            contractID: "ct1", roomID: "r1", event: .started, at: Timestamp(secondsSinceEpoch: 1_593_691_200)))))
    }

    @Test func decodesEscapesAndAttachments() {
        let line = #"{"attachments":[{"name":"cv\"1\".pdf","kind":"legal_document","text":"\u00e9\ud83d\ude00\n\/","x":[{}]},{"kind":"image","name":"","text":null}],"text":"caf\u00E9 \\ é 😀","sent_at":"2020-07-01T09:05:00\u005a","sender_id":"f1","room_id":"r1","message_id":"m\u0031","type":"mess\u0061ge"}"#
        #expect(decode(line) == .record(.message(MessageRecord(
            messageID: "m1", roomID: "r1", senderID: "f1", sentAt: Timestamp(secondsSinceEpoch: 1_593_594_300),
            text: "café \\ é 😀",
            attachments: [ExportFormat.Attachment(name: "cv\"1\".pdf", kind: .legalDocument, text: "é😀\n/"),
                          ExportFormat.Attachment(name: "", kind: .image, text: nil)]))))
    }

    @Test func nullMeansAbsent() {
        let base = #""type":"call","call_id":"k1","room_id":"r1","initiator_id":"c1","started_at":"2020-07-01T09:03:00Z","status":"missed""#
        #expect(decode("{\(base),\"ended_at\":null,\"media\":null,\"failure_reason\":null}")
            == decode("{\(base)}"))
        #expect(reason(decode("{\(base),\"status\":null}")) == "missing_field:status")
        #expect(reason(decode(#"{"type":null,"room_id":"r1"}"#)) == "missing_field:type")
    }

    @Test func firstFieldProblemInTableOrderWins() {
        // room_id is missing and sent_at is bad: room_id comes first in the message table.
        let line = #"{"type":"message","message_id":"m1","sender_id":"","sent_at":"x"}"#
        #expect(reason(decode(line)) == "missing_field:room_id")
        // Fields of another record type are unknown fields here, whatever they hold.
        let room = #"{"type":"room","room_id":"r1","client_id":"c1","freelancer_id":"f1","status":5,"sent_at":"x"}"#
        #expect(reason(decode(room)) == nil)
    }

    @Test func duplicateKeysBehaveLikeJSONSerialization() throws {
        let line = #"{"type":"room","room_id":"a","client_id":"c","freelancer_id":"f","room_id":"b","r\u006fom_id":"c"}"#
        let dict = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        #expect(dict["room_id"] as? String == "c")
        guard case .record(.room(let room)) = decode(line) else {
            Issue.record("not a room")
            return
        }
        #expect(room.roomID == "c")
        // The last value counts even when an earlier one had the wrong type, and vice versa.
        #expect(reason(decode(#"{"type":"room","room_id":1,"client_id":"c","freelancer_id":"f","room_id":"r"}"#)) == nil)
        #expect(reason(decode(#"{"type":"room","room_id":"r","client_id":"c","freelancer_id":"f","room_id":1}"#))
            == "wrong_type:room_id")
    }

    @Test(arguments: [1, 2, 100, 511, 512, 513, 600, 5_000])
    func nestingDepthLimitMatchesJSONSerialization(_ depth: Int) {
        // `depth` containers in all, the record object included.
        let inner = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        let line = #"{"type":"zz","deep":"# + (depth > 1 ? inner : "0") + "}"
        let foundation = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil
        #expect(foundation == (depth <= JSONScanner.maximumDepth))
        #expect((reason(decode(line)) == nil) == foundation)
    }

    @Test func byteOrderMarkOnlyAtTheStart() {
        #expect(reason(decode([0xEF, 0xBB, 0xBF] + Array(#"{"type":"x"}"#.utf8))) == nil)
        #expect(reason(decode([0xEF, 0xBB, 0xBF, 0x20] + Array(#"{"type":"x"}"#.utf8))) == nil)
        #expect(reason(decode([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(#"{"type":"x"}"#.utf8))) == "invalid_json")
        #expect(reason(decode(Array(#"{"type":"x"}"#.utf8) + [0xEF, 0xBB, 0xBF])) == "invalid_json")
    }

    @Test func invalidUTF8TakesPrecedenceOverInvalidJSON() {
        // The bad byte comes after the JSON error, and inside a string, and outside any string.
        #expect(reason(decode(Array(#"{"type":"x",,"a":""#.utf8) + [0xFF] + Array("\"}".utf8))) == "invalid_utf8")
        #expect(reason(decode(Array(#"{"type":"x","a":""#.utf8) + [0xC0, 0xAF] + Array("\"}".utf8))) == "invalid_utf8")
        #expect(reason(decode(Array(#"{"type":"x","a":"#.utf8) + [0xED, 0xA0, 0x80] + Array("}".utf8))) == "invalid_utf8")
        #expect(reason(decode(Array(#"{"type":"x","a":"#.utf8) + Array("é}".utf8))) == "invalid_json")
        #expect(reason(decode(Array(#"{"type":"x","a":"abc"#.utf8) + [0xE2, 0x82])) == "invalid_utf8")
    }

    @Test(arguments: [
        "", " ", "\t", "{", "}", "{}", "[]", "null", "\"x\"", "0", "-0", "true",
        #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#, #"{"a":+1}"#, #"{"a":-}"#, #"{"a":1e}"#, #"{"a":1e+}"#,
        #"{"a":-0}"#, #"{"a":1E+2}"#, #"{"a":1e400}"#, #"{"a":-1e400}"#, #"{"a":1e-400}"#, #"{"a":1.7976931348623157e308}"#,
        #"{"a":1.797693134862315808e308}"#, #"{"a":0.0000e999}"#, #"{"a":"# + String(repeating: "9", count: 309) + "}",
        #"{"a":"# + String(repeating: "9", count: 310) + "}", #"{"a":NaN}"#, #"{"a":Infinity}"#,
        #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":fals}"#, #"{"a":falsey}"#, #"{"a":"\x"}"#, #"{"a":"\U0041"}"#,
        #"{"a":"\u12"}"#, #"{"a":"\u12G4"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00\ud800"}"#, #"{"a":"\ud800\u0041"}"#,
        #"{"a":"\ud83d\ude00"}"#, #"{"a":"\udbff\udfff"}"#, #"{"a":"\u0000"}"#, "{\"a\":\"x\ty\"}", "{\"a\":\"\u{7F}\"}",
        #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{,}"#, #"{"a":1,,"b":2}"#, #"{"a":[1,,2]}"#, #"{"a":[1 2]}"#,
        #"{"a":[}"#, #"{"a":1}}"#, #"{"a":1} x"#, "{\"a\":1}\u{0}", " {} ", "\r{}\r", #"{1:2}"#, #"{"":1}"#,
        #"{"a":[[[]],{},{"b":{"c":[null]}}]}"#,
    ])
    func jsonValidityMatchesJSONSerialization(_ line: String) {
        let foundation = (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: .fragmentsAllowed)) != nil
        let ours = reason(decode(line))
        #expect((ours != "invalid_json") == foundation, "\(line.prefix(80)): ours \(ours ?? "accepted")")
    }

    @Test func trailingCommasAreRejectedThoughJSONSerializationTakesThem() {
        for line in [#"{"type":"x",}"#, #"{"type":"x","a":[1,]}"#, #"{"type":"x","a":{"b":1,}}"#] {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil)
            #expect(reason(decode(line)) == "invalid_json")
        }
    }
}

/// The record type is told from its bytes for the four known names, and from the unescaped String otherwise:
/// both ways give the same record.
@Suite struct RecordTypeNameTests {
    static func typeName(_ line: String) -> String? {
        guard case .record(let r) = decode(line) else { return nil }
        if case .unknown(let t) = r { return "unknown:" + t }
        return r.typeName
    }

    @Test("known names, escaped names, near misses", arguments: [
        (#"{"type":"room","room_id":"r","client_id":"c","freelancer_id":"f"}"#, "room"),
        (#"{"type":"\u0072oom","room_id":"r","client_id":"c","freelancer_id":"f"}"#, "room"),
        (#"{"type":"contract","contract_id":"k","room_id":"r","event":"started","at":"2020-01-01T00:00:00Z"}"#, "contract"),
        (#"{"type":"call","call_id":"k","room_id":"r","initiator_id":"c","started_at":"2020-01-01T00:00:00Z","status":"failed"}"#, "call"),
        (#"{"type":"message","message_id":"m","room_id":"r","sender_id":"s","sent_at":"2020-01-01T00:00:00Z"}"#, "message"),
        (#"{"type":"messag\u0065","message_id":"m","room_id":"r","sender_id":"s","sent_at":"2020-01-01T00:00:00Z"}"#, "message"),
        (#"{"type":"messages"}"#, "unknown:messages"), (#"{"type":"Message"}"#, "unknown:Message"),
        (#"{"type":"roo"}"#, "unknown:roo"), (#"{"type":"calls"}"#, "unknown:calls"), (#"{"type":"contrac"}"#, "unknown:contrac"),
        (#"{"type":"poll"}"#, "unknown:poll"), (#"{"type":"réunion"}"#, "unknown:réunion"),
    ])
    func typeNames(line: String, expected: String) {
        #expect(Self.typeName(line) == expected)
    }
}
