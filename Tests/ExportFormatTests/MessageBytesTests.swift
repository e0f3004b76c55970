import Testing
import TestSupport
@testable import ExportFormat

/// The byte path for messages (`decode(_:message:)`) against `decode(_:)`, the path
/// every other caller takes: a message it hands over as bytes is the record `decode(_:)`
/// makes, and every other line gets the outcome `decode(_:)` gives.
@Suite struct MessageBytesTests {
    /// What the byte path made of a line: the message it handed over, or the outcome it returned.
    func bytePath(_ line: [UInt8]) -> (handed: MessageRecord?, returned: DecodeOutcome?) {
        var handed: MessageRecord?
        var calls = 0
        let returned = line.withUnsafeBytes { raw in
            RecordDecoder().decode(raw) { m in
                calls += 1
                // The bytes are valid UTF-8: what the analysis reads is the text a String would hold.
                #expect(String(validating: m.text, as: UTF8.self) != nil)
                #expect(String(validating: m.messageID, as: UTF8.self) != nil)
                handed = m.record
            }
        }
        #expect(calls <= 1)
        return (handed, returned)
    }

    func same(_ a: DecodeOutcome, _ b: DecodeOutcome) -> Bool {
        // Byte-exact: String's == would equate canonically equivalent text.
        Array(String(reflecting: a).utf8) == Array(String(reflecting: b).utf8)
    }

    func check(_ line: [UInt8], _ label: String) -> Bool {
        let expected = line.withUnsafeBytes { RecordDecoder().decode($0) }
        let (handed, returned) = bytePath(line)
        if let handed {
            #expect(returned == nil, "\(label)")
            #expect(same(.record(.message(handed)), expected), "\(label): \(String(decoding: line, as: UTF8.self).debugDescription)")
            return true
        }
        #expect(returned.map { same($0, expected) } == true, "\(label): \(String(decoding: line, as: UTF8.self).debugDescription)")
        return false
    }

    @Test func agreesWithDecodeOnRandomLines() {
        var gen = LineGenerator(seed: fuzzSeed(default: 6401))
        var handed = 0, rejected = 0
        for n in 0..<6_000 {
            var line = Array(gen.record().utf8)
            if n % 2 == 1 { line = gen.mutate(line) }
            if check(line, "line \(n)") {
                handed += 1
            } else {
                if case .rejected = line.withUnsafeBytes({ RecordDecoder().decode($0) }) { rejected += 1 }
            }
        }
        // Both ways out must have been taken often for the agreement to say much (a message with `type`
        // spelled with escapes, returned as a record, is among the listed lines).
        #expect(handed > 200, "\(handed) messages handed over as bytes")
        #expect(rejected > 1_000)
    }

    /// Escapes in every field the byte path resolves, alone and together, and the rejections of a message in
    /// the order `decode(_:)` gives them.
    @Test(arguments: [
        #"{"type":"message","message_id":"m\u00e91","room_id":"r\"1","sender_id":"u\\1","sent_at":"2024-03-01T10:00:00Z","text":"a\nb\tc \ud83d\ude00 \u0000 end"}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":"call me on sk\u0079pe: +1 555 0100"}"#,
        #"{"type":"message","message_id":"\/","room_id":"\b","sender_id":"\f","sent_at":"2024-03-01T10:00:00Z","text":"\r"}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z"}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":null}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":""}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":"x","attachments":[{"name":"a\u00e9.pdf","kind":"pdf","text":"mail me: a@b.co"}]}"#,
        #"{"type":"mess\u0061ge","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":"x"}"#,
        #"{"type":"message","message_id":"","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z"}"#,
        #"{"type":"message","message_id":"m1","room_id":1,"sender_id":"u1","sent_at":"2024-03-01T10:00:00Z"}"#,
        #"{"type":"message","room_id":"r1","sender_id":"","sent_at":"yesterday"}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","text":5}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z","attachments":{}}"#,
        #"{"type":"message","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00\u005A","text":"x"}"#,
        #"{"type":"message","message_id":"m1","message_id":"m\u00302","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z"}"#,
        #"{"type":"messages","message_id":"m1","room_id":"r1","sender_id":"u1","sent_at":"2024-03-01T10:00:00Z"}"#,
        #"{"type":"room","room_id":"r1","client_id":"c1","freelancer_id":"f1"}"#,
    ])
    func listedLines(line: String) {
        _ = check(Array(line.utf8), "listed")
    }

    /// A text made only of escapes, each resolved to fewer bytes than it is written with: the buffer the byte
    /// path resolves them into is as long as the escaped text, and the four fields share it.
    @Test func escapedFieldsShareTheirBufferWithoutOverlap() {
        let escapes = [#"\n"#, #"\u00e9"#, #"\ud83d\ude00"#, #"\""#, #"\u2028"#]
        for count in [1, 2, 7, 300] {
            var text = ""
            for k in 0..<count { text += escapes[k % escapes.count] }
            let line = #"{"type":"message","message_id":"\#(text)","room_id":"r\#(text)","sender_id":"\#(text)u","sent_at":"2024-03-01T10:00:00Z","text":"\#(text)\#(text)"}"#
            #expect(check(Array(line.utf8), "\(count) escapes"))
        }
    }
}
