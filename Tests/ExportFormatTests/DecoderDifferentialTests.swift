import Foundation
import Testing
import TestSupport
@testable import ExportFormat

/// The decoder against a slow trusted one: Foundation's JSONSerialization for the
/// JSON, `String(validating:)` for the UTF-8, and the format's field rules written
/// out plainly over the parsed dictionary.
@Suite struct DecoderDifferentialTests {
    @Test func agreesWithTheReferenceOnRandomLines() {
        var gen = LineGenerator(seed: fuzzSeed(default: 8259))
        var tally: [String: Int] = [:]
        var compared = 0
        for n in 0..<4_000 {
            var line = Array(gen.record().utf8)
            if n % 2 == 1 { line = gen.mutate(line) }
            // Foundation guesses UTF-16 or UTF-32 from NUL bytes at the start; we read UTF-8 only.
            if line.prefix(4).contains(0) { continue }
            let ours = decode(line)
            let theirs = referenceDecode(line)
            compared += 1
            tally[reason(ours).map { String($0.prefix { $0 != ":" }) } ?? "record", default: 0] += 1
            // Byte-exact comparison: String's == would equate canonically equivalent text.
            #expect(Array(String(reflecting: ours).utf8) == Array(String(reflecting: theirs).utf8),
                    "line \(n): \(String(decoding: line, as: UTF8.self).debugDescription)")
        }
        #expect(compared > 3_900)
        // Every branch must have been exercised, or the agreement proves little.
        for code in ["record", "invalid_json", "invalid_utf8", "not_an_object", "missing_field", "wrong_type",
                     "bad_value", "bad_timestamp"] {
            #expect(tally[code, default: 0] >= 20, "too few \(code): \(tally)")
        }
    }

    /// The trusted slow decoder.
    func referenceDecode(_ bytes: [UInt8]) -> DecodeOutcome {
        guard String(validating: bytes, as: UTF8.self) != nil else { return .rejected(.invalidUTF8) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed),
              !hasTrailingComma(bytes), !hasOverflowingNumber(bytes)
        else { return .rejected(.invalidJSON) }
        guard let dict = object as? [String: Any] else { return .rejected(.notAnObject) }
        do {
            return .record(try ReferenceRecord(dict).record())
        } catch {
            return .rejected((error as! ReferenceProblem).reason)
        }
    }

    /// A `,` followed (after whitespace) by `]` or `}` outside any string: JSONSerialization
    /// takes it, RFC 8259 and we do not.
    func hasTrailingComma(_ b: [UInt8]) -> Bool {
        var inString = false, escaped = false
        for (k, c) in b.enumerated() {
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: ",") {
                let next = b[(k + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
                if next == UInt8(ascii: "]") || next == UInt8(ascii: "}") { return true }
            }
        }
        return false
    }

    /// A number too large for a Double anywhere outside strings. JSONSerialization rejects
    /// it too, except (lazily) in a value that a duplicate key later replaces; we always do.
    func hasOverflowingNumber(_ b: [UInt8]) -> Bool {
        var inString = false, escaped = false
        var k = 0
        while k < b.count {
            let c = b[k]
            if inString {
                if escaped { escaped = false } else if c == UInt8(ascii: "\\") { escaped = true } else if c == UInt8(ascii: "\"") { inString = false }
            } else if c == UInt8(ascii: "\"") {
                inString = true
            } else if c == UInt8(ascii: "-") || (0x30...0x39).contains(c) {
                let token = b[k...].prefix { Array("+-.eE0123456789".utf8).contains($0) }
                if let d = Double(String(decoding: token, as: UTF8.self)), d.isInfinite { return true }
                k += token.count
                continue
            }
            k += 1
        }
        return false
    }

    @Test func trailingCommaDetectorWorks() {
        #expect(hasOverflowingNumber(Array(#"{"a":[1,-1e400]}"#.utf8)))
        #expect(!hasOverflowingNumber(Array(#"{"a":"1e400"}"#.utf8)))
        #expect(hasTrailingComma(Array(#"[1, ]"#.utf8)))
        #expect(!hasTrailingComma(Array(#"["a,]"]"#.utf8)))
        #expect(!hasTrailingComma(Array(#"["\",]"]"#.utf8)))
    }
}

struct ReferenceProblem: Error { let reason: RejectionReason }

/// The format's field rules, written out over a JSONSerialization dictionary.
struct ReferenceRecord {
    let d: [String: Any]
    let prefix: String
    init(_ d: [String: Any], prefix: String = "") {
        self.d = d
        self.prefix = prefix
    }

    func value(_ k: String) -> Any? {
        guard let v = d[k], !(v is NSNull) else { return nil }
        return v
    }
    func string(_ k: String) throws -> String? {
        guard let v = value(k) else { return nil }
        guard let s = v as? String else { throw ReferenceProblem(reason: .wrongType(prefix + k)) }
        return s
    }
    func required(_ k: String) throws -> String {
        guard let s = try string(k) else { throw ReferenceProblem(reason: .missingField(prefix + k)) }
        return s
    }
    func id(_ k: String) throws -> String {
        let s = try required(k)
        if s.isEmpty { throw ReferenceProblem(reason: .badValue(k)) }
        return s
    }
    func time(_ k: String) throws -> Timestamp? {
        guard let s = try string(k) else { return nil }
        guard let t = Timestamp(rfc3339: s) else { throw ReferenceProblem(reason: .badTimestamp(k)) }
        return t
    }
    func requiredTime(_ k: String) throws -> Timestamp {
        guard let t = try time(k) else { throw ReferenceProblem(reason: .missingField(k)) }
        return t
    }
    func choice<E: RawRepresentable<String>>(_ k: String) throws -> E? {
        guard let s = try string(k) else { return nil }
        guard let e = E(rawValue: s) else { throw ReferenceProblem(reason: .badValue(prefix + k)) }
        return e
    }
    func requiredChoice<E: RawRepresentable<String>>(_ k: String) throws -> E {
        guard let e: E = try choice(k) else { throw ReferenceProblem(reason: .missingField(prefix + k)) }
        return e
    }

    func record() throws -> Record {
        let type = try required("type")
        switch type {
        case "room":
            return .room(RoomRecord(roomID: try id("room_id"), clientID: try id("client_id"),
                                    freelancerID: try id("freelancer_id"), clientPlan: try choice("client_plan"),
                                    createdAt: try time("created_at")))
        case "contract":
            return .contract(ContractRecord(contractID: try id("contract_id"), roomID: try id("room_id"),
                                            event: try requiredChoice("event"), at: try requiredTime("at")))
        case "message":
            let messageID = try id("message_id"), roomID = try id("room_id"), senderID = try id("sender_id")
            let sentAt = try requiredTime("sent_at")
            let text = try string("text") ?? ""
            var attachments: [ExportFormat.Attachment] = []
            if let v = value("attachments") {
                guard let list = v as? [Any] else { throw ReferenceProblem(reason: .wrongType("attachments")) }
                for element in list {
                    guard let a = element as? [String: Any] else { throw ReferenceProblem(reason: .wrongType("attachments")) }
                    let r = ReferenceRecord(a, prefix: "attachments.")
                    attachments.append(ExportFormat.Attachment(name: try r.required("name"), kind: try r.requiredChoice("kind"),
                                                  text: try r.string("text")))
                }
            }
            return .message(MessageRecord(messageID: messageID, roomID: roomID, senderID: senderID, sentAt: sentAt,
                                          text: text, attachments: attachments))
        case "call":
            return .call(CallRecord(callID: try id("call_id"), roomID: try id("room_id"),
                                    initiatorID: try id("initiator_id"), startedAt: try requiredTime("started_at"),
                                    endedAt: try time("ended_at"), status: try requiredChoice("status"),
                                    media: try choice("media"), failureReason: try string("failure_reason")))
        case "":
            throw ReferenceProblem(reason: .badValue("type"))
        default:
            return .unknown(type: type)
        }
    }
}

/// Random export lines: mostly well-formed records, with wrong, missing, null and
/// duplicate fields, unknown fields holding any JSON, and strings full of escapes.
struct LineGenerator {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next(in: 0...UInt64(xs.count - 1)))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next(in: 0...99) < percent }

    static let pieces: [String] = [
        "hello", " ", "add me on skype", "5", "@", ".", "é", "中文", "😀", "e\u{301}", "\u{7F}", "Ω",
        #"\n"#, #"\t"#, #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#, #"\r"#, #"\u00e9"#, #"\u0041"#, #"\u0000"#,
        #"\u001f"#, #"\ud83d\ude00"#, #"\uD834\uDD1E"#, #"\u2028"#, #"\uFFFF"#,
    ]
    static let badPieces: [String] = [#"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, #"\x"#, #"\u12"#, "\t"]

    mutating func stringContent() -> String {
        var s = ""
        for _ in 0..<rng.next(in: 0...6) {
            s += chance(2) ? pick(Self.badPieces) : pick(Self.pieces)
        }
        return s
    }
    mutating func jsonString() -> String { "\"" + stringContent() + "\"" }

    static let numbers = ["0", "-0", "1", "-17", "3.25", "2.5E+3", "1e-400", "1e400", "-1e400",
                          "123456789012345678901234567890", "1.7976931348623157e308", "01", "1.", ".5", "+1", "1e"]

    mutating func anyValue(depth: Int = 0) -> String {
        switch rng.next(in: 0...(depth > 3 ? 3 : 5)) {
        case 0: return jsonString()
        case 1: return pick(Self.numbers)
        case 2: return pick(["true", "false", "null"])
        case 3: return pick(["[]", "{}", "\"\""])
        case 4: return "[" + (0..<rng.next(in: 0...3)).map { _ in anyValue(depth: depth + 1) }.joined(separator: ",") + "]"
        default:
            return "{" + (0..<rng.next(in: 0...3)).map { _ in jsonString() + ":" + anyValue(depth: depth + 1) }
                .joined(separator: ",") + "}"
        }
    }

    static let timestamps = ["2020-07-01T10:05:00Z", "2020-07-01T10:05:00.123456789+02:00", "2016-12-31T23:59:60Z",
                             "2020-07-01t10:05:00z", "2021-02-29T10:00:00Z", "2020-07-01 10:05:00Z", "", "yesterday",
                             #"2020-07-01T10:05:00\u005A"#]

    /// A value for a field: usually of the right kind, sometimes not.
    mutating func fieldValue(_ good: String) -> String {
        switch rng.next(in: 0...19) {
        case 0: return "null"
        case 1: return anyValue()
        case 2: return "\"\""
        default: return good
        }
    }

    mutating func record() -> String {
        if chance(3) { return anyValue() }  // not an object, or not JSON
        let type = pick(["message", "message", "message", "room", "contract", "call", "reaction", ""])
        var fields: [(String, String)] = []
        func id(_ prefix: String) -> String { "\"\(prefix)\(rng.next(in: 0...99))\"" }
        func add(_ name: String, _ good: String) {
            if chance(4) { return }  // missing
            fields.append((name, fieldValue(good)))
        }
        func enumValue(_ values: [String]) -> String { "\"" + (chance(5) ? "Other" : pick(values)) + "\"" }
        func time() -> String { "\"" + (chance(15) ? pick(Self.timestamps) : pick(Array(Self.timestamps.prefix(4)))) + "\"" }
        switch type {
        case "room":
            add("room_id", id("r")); add("client_id", id("c")); add("freelancer_id", id("f"))
            add("client_plan", enumValue(ClientPlan.allCases.map(\.rawValue))); add("created_at", time())
        case "contract":
            add("contract_id", id("k")); add("room_id", id("r"))
            add("event", enumValue(ContractEvent.allCases.map(\.rawValue))); add("at", time())
        case "call":
            add("call_id", id("k")); add("room_id", id("r")); add("initiator_id", id("c")); add("started_at", time())
            add("ended_at", time()); add("status", enumValue(CallStatus.allCases.map(\.rawValue)))
            add("media", enumValue(CallMedia.allCases.map(\.rawValue))); add("failure_reason", jsonString())
        default:
            add("message_id", id("m")); add("room_id", id("r")); add("sender_id", id("u")); add("sent_at", time())
            add("text", jsonString())
            if chance(30) {
                let list = (0..<rng.next(in: 0...2)).map { _ -> String in
                    var a: [String] = []
                    if !chance(5) { a.append("\"name\":" + fieldValue(jsonString())) }
                    if !chance(5) { a.append("\"kind\":" + fieldValue(enumValue(AttachmentKind.allCases.map(\.rawValue)))) }
                    if chance(50) { a.append("\"text\":" + fieldValue(jsonString())) }
                    if chance(20) { a.append(jsonString() + ":" + anyValue()) }
                    return "{" + a.shuffled(using: &rng).joined(separator: ",") + "}"
                }
                fields.append(("attachments", chance(5) ? anyValue() : "[" + list.joined(separator: ",") + "]"))
            }
        }
        if !chance(3) { fields.append(("type", chance(3) ? anyValue() : "\"\(type)\"")) }
        for _ in 0..<rng.next(in: 0...2) { fields.append((stringContent(), anyValue())) }
        if chance(10), let dup = fields.randomElement(using: &rng) { fields.append((dup.0, fieldValue(jsonString()))) }
        fields.shuffle(using: &rng)
        let ws = [" ", "", "", "", "\t", "\r"]
        return pick(ws) + "{" + fields.map { pick(ws) + "\"\($0.0)\"" + pick(ws) + ":" + pick(ws) + $0.1 }
            .joined(separator: ",") + pick(ws) + "}" + pick(ws)
    }

    static let interestingBytes: [UInt8] = Array(#""\,}]{[:0-e.E+ /u"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xBF, 0xC0, 0xC3,
                                                                                    0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]

    mutating func mutate(_ line: [UInt8]) -> [UInt8] {
        var b = line
        for _ in 0..<rng.next(in: 1...2) {
            let k = b.isEmpty ? 0 : Int(rng.next(in: 0...UInt64(b.count - 1)))
            switch rng.next(in: 0...6) {
            case 0: if !b.isEmpty { b.remove(at: k) }
            case 1: b.insert(pick(Self.interestingBytes), at: k)
            case 2: if !b.isEmpty { b[k] = pick(Self.interestingBytes) }
            case 3: b = Array(b.prefix(k))
            case 4: b += Array(pick([" x", "}", ",", " {}", "\u{FEFF}", " "]).utf8)
            case 5: b = [0xEF, 0xBB, 0xBF] + b
            default: b.insert(contentsOf: Array(pick(["[", "{\"a\":", "\"", "\\u", "\\ud800", ","]).utf8), at: k)
            }
        }
        return b
    }
}
