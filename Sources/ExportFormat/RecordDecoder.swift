/// What one line of the export decodes to.
public enum DecodeOutcome: Sendable, Hashable {
    case record(Record)
    case rejected(RejectionReason)
}

/// Turns the bytes of one export line (without its newline) into a record or a
/// named rejection, in two steps:
///
/// 1. One pass over the bytes validates the whole line as JSON (RFC 8259) and as
///    UTF-8, and notes where the value of each field this format knows begins
///    and ends. Unknown fields are validated and skipped.
/// 2. The record type's fields are checked in the order of the format's tables,
///    and Strings are made only for the fields kept.
///
/// Decisions (docs/INPUT.md explains them to analysts):
/// - Precedence: `invalid_utf8` (any byte sequence in the line that is not UTF-8),
///   then `invalid_json`, then `not_an_object`, then the first field problem in
///   the order of the format's table for the record's type.
/// - A UTF-8 byte order mark at the start of a line is skipped (JSONSerialization does too).
/// - Duplicate keys: the last one wins, as with JSONSerialization; an earlier
///   value is validated as JSON but not checked against the field's type.
/// - `null` means absent: for an optional field it is as if the field were not
///   there; for a required field it is `missing_field:<name>`.
/// - Ids (`room_id`, `message_id`, …) must not be empty: `bad_value:<name>`.
///   An empty `type` is `bad_value:type`; any other unknown `type` is a record of
///   unknown type, not a rejection. Text fields and attachment names may be empty.
/// - Enum values (`client_plan`, `event`, `status`, `media`, attachment `kind`)
///   must be spelled exactly as in the format (lower case): else `bad_value:<name>`.
/// - Containers nested deeper than 512 levels are `invalid_json` (JSONSerialization's limit).
/// - Numbers follow the JSON grammar (`01`, `1.`, `+1`, `.5` are invalid); a number
///   too large for a Double (`1e400`) is `invalid_json`, as with JSONSerialization.
/// - Trailing commas (`[1,]`, `{"a":1,}`) are `invalid_json`. JSONSerialization
///   accepts them; RFC 8259 does not, and we follow the RFC.
public struct RecordDecoder: Sendable {
    public init() {}

    public func decode(_ line: UnsafeRawBufferPointer) -> DecodeOutcome {
        scanned(line) { reader in
            do throws(FieldProblem) {
                return .record(try reader.record())
            } catch {
                return .rejected(error.reason)
            }
        }!
    }

    /// Step 1 over `line`, then `read` (step 2) with the fields it found; or the rejection step 1 ended in.
    @inline(__always)
    func scanned(_ line: UnsafeRawBufferPointer, _ read: (FieldReader) -> DecodeOutcome?) -> DecodeOutcome? {
        guard let base = line.baseAddress, line.count > 0 else { return .rejected(.invalidJSON) }
        let p = base.assumingMemoryBound(to: UInt8.self)
        return withUnsafeTemporaryAllocation(of: FieldSlot.self, capacity: Field.count) { slots -> DecodeOutcome? in
            slots.initialize(repeating: FieldSlot())
            var s = JSONScanner(p, count: line.count)
            do throws(JSONScanner.Failure) {
                try Self.scanTopLevel(&s, into: slots)
            } catch {
                // Only lines that fail pay for this second look, over the whole line
                // (a bad byte may come after the JSON error).
                if error == .invalidUTF8 || !s.isValidUTF8(from: 0) { return .rejected(.invalidUTF8) }
                return .rejected(.invalidJSON)
            }
            guard slots[Field.topLevelObject].kind == .object else { return .rejected(.notAnObject) }
            return read(FieldReader(p: p, slots: UnsafeBufferPointer(slots)))
        }
    }

    /// Step 1. Records the top-level value's kind in the slot `Field.topLevelObject`.
    static func scanTopLevel(_ s: inout JSONScanner, into slots: UnsafeMutableBufferPointer<FieldSlot>)
        throws(JSONScanner.Failure)
    {
        if s.byte(0) == 0xEF && s.byte(1) == 0xBB && s.byte(2) == 0xBF { s.i = 3 }
        s.skipWhitespace()
        guard s.current == 0x7B else {
            let (kind, _) = try s.skipValue(depth: 0)
            s.skipWhitespace()
            guard s.i == s.end else { throw .invalidJSON }
            slots[Field.topLevelObject].kind = kind
            return
        }
        s.i += 1
        s.skipWhitespace()
        if s.current == 0x7D {
            s.i += 1
        } else {
            while true {
                guard s.current == 0x22 else { throw .invalidJSON }
                let keyStart = s.i + 1
                let keyFlags = try s.scanString()
                let field = Field.named(s.p, keyStart, s.i - 1, lineEnd: s.end, escaped: keyFlags.contains(.escaped))
                s.skipWhitespace()
                try s.expect(0x3A)
                s.skipWhitespace()
                let valueStart = s.i
                let (kind, flags) = try s.skipValue(depth: 1)
                if let field {
                    slots[field.rawValue] = kind == .string
                        ? FieldSlot(kind: kind, flags: flags, start: valueStart + 1, end: s.i - 1)
                        : FieldSlot(kind: kind, flags: flags, start: valueStart, end: s.i)
                }
                s.skipWhitespace()
                let c = s.current
                s.i += 1
                if c == 0x2C {
                    s.skipWhitespace()
                } else if c == 0x7D {
                    break
                } else {
                    throw .invalidJSON
                }
            }
        }
        s.skipWhitespace()
        guard s.i == s.end else { throw .invalidJSON }
        slots[Field.topLevelObject].kind = .object
    }
}

/// Where a field's value lies in the line: for a string, its content between the quotes.
struct FieldSlot {
    /// `nil` while the field has not been seen.
    var kind: JSONScanner.Kind? = nil
    var flags: JSONScanner.StringFlags = []
    var start = 0
    var end = 0
}

/// The field names this format knows, over all record types and attachments.
enum Field: Int, CaseIterable {
    case type, roomID, clientID, freelancerID, clientPlan, createdAt
    case contractID, event, at
    case messageID, senderID, sentAt, text, attachments
    case callID, initiatorID, startedAt, endedAt, status, media, failureReason
    case name, kind

    /// One slot past the fields holds the kind of the top-level value.
    static let topLevelObject = allCases.count
    static let count = allCases.count + 1

    var jsonName: String {
        switch self {
        case .type: return "type"
        case .roomID: return "room_id"
        case .clientID: return "client_id"
        case .freelancerID: return "freelancer_id"
        case .clientPlan: return "client_plan"
        case .createdAt: return "created_at"
        case .contractID: return "contract_id"
        case .event: return "event"
        case .at: return "at"
        case .messageID: return "message_id"
        case .senderID: return "sender_id"
        case .sentAt: return "sent_at"
        case .text: return "text"
        case .attachments: return "attachments"
        case .callID: return "call_id"
        case .initiatorID: return "initiator_id"
        case .startedAt: return "started_at"
        case .endedAt: return "ended_at"
        case .status: return "status"
        case .media: return "media"
        case .failureReason: return "failure_reason"
        case .name: return "name"
        case .kind: return "kind"
        }
    }

    /// The field a key names. An unescaped key of at most 16 bytes is packed into two
    /// words and matched by one switch; a key with escapes is unescaped first. `lineEnd`:
    /// where the line's bytes end (a key with 16 bytes of the line from its start is read
    /// as two eight-byte loads, its length masking the bytes after it).
    static func named(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, lineEnd: Int, escaped: Bool) -> Field? {
        if escaped {
            let key = unescape(p, start, end)
            return allCases.first { $0.jsonName.utf8.elementsEqual(key.utf8) }
        }
        let n = end - start
        guard n >= 2, n <= 16 else { return nil }
        var lo: UInt64 = 0, hi: UInt64 = 0
        if start + 16 <= lineEnd {
            let raw = UnsafeRawPointer(p + start)
            lo = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
            hi = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            if n < 8 {
                lo &= (1 << UInt64(8 * n)) - 1
                hi = 0
            } else if n < 16 {
                hi &= (1 << UInt64(8 * (n - 8))) - 1
            }
        } else {
            for k in 0..<min(n, 8) { lo |= UInt64(p[start + k]) << (8 * UInt64(k)) }
            if n > 8 { for k in 8..<n { hi |= UInt64(p[start + k]) << (8 * UInt64(k - 8)) } }
        }
        switch (lo, hi) {
        case (0x0000_0000_6570_7974, 0): return .type
        case (0x0064_695F_6D6F_6F72, 0): return .roomID
        case (0x695F_746E_6569_6C63, 0x0000_0000_0000_0064): return .clientID
        case (0x636E_616C_6565_7266, 0x0000_0064_695F_7265): return .freelancerID
        case (0x705F_746E_6569_6C63, 0x0000_0000_006E_616C): return .clientPlan
        case (0x5F64_6574_6165_7263, 0x0000_0000_0000_7461): return .createdAt
        case (0x7463_6172_746E_6F63, 0x0000_0000_0064_695F): return .contractID
        case (0x0000_0074_6E65_7665, 0): return .event
        case (0x0000_0000_0000_7461, 0): return .at
        case (0x5F65_6761_7373_656D, 0x0000_0000_0000_6469): return .messageID
        case (0x695F_7265_646E_6573, 0x0000_0000_0000_0064): return .senderID
        case (0x0074_615F_746E_6573, 0): return .sentAt
        case (0x0000_0000_7478_6574, 0): return .text
        case (0x656D_6863_6174_7461, 0x0000_0000_0073_746E): return .attachments
        case (0x0064_695F_6C6C_6163, 0): return .callID
        case (0x6F74_6169_7469_6E69, 0x0000_0000_6469_5F72): return .initiatorID
        case (0x5F64_6574_7261_7473, 0x0000_0000_0000_7461): return .startedAt
        case (0x7461_5F64_6564_6E65, 0): return .endedAt
        case (0x0000_7375_7461_7473, 0): return .status
        case (0x0000_0061_6964_656D, 0): return .media
        case (0x5F65_7275_6C69_6166, 0x0000_6E6F_7361_6572): return .failureReason
        case (0x0000_0000_656D_616E, 0): return .name
        case (0x0000_0000_646E_696B, 0): return .kind
        default: return nil
        }
    }
}

/// The content of a validated JSON string, escapes resolved.
func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> String {
    // The content never grows when escapes are resolved (`\u00e9`, six bytes, is two).
    String(unsafeUninitializedCapacity: max(end - start, 1)) { out in
        unescape(p, start, end, into: out.baseAddress!)
    }
}

/// Writes the content of a validated JSON string, escapes resolved, to `out` (room for
/// `end - start` bytes); returns how many bytes it wrote. The result is valid UTF-8 when the
/// string was (the scanner checked it, and a `\u` escape is a scalar or a surrogate pair).
@discardableResult
func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
    var i = start
    var n = 0
    func hex(_ k: Int) -> UInt32 {
        var v: UInt32 = 0
        for j in k..<(k + 4) {
            let c = p[j]
            v = v << 4 | UInt32(c <= 0x39 ? c - 0x30 : (c | 0x20) - 0x61 + 10)
        }
        return v
    }
    func put(_ b: UInt8) {
        out[n] = b
        n += 1
    }
    while i < end {
        let c = p[i]
        guard c == 0x5C else {
            put(c)
            i += 1
            continue
        }
        let e = p[i + 1]
        i += 2
        switch e {
        case 0x62: put(0x08)
        case 0x66: put(0x0C)
        case 0x6E: put(0x0A)
        case 0x72: put(0x0D)
        case 0x74: put(0x09)
        case 0x75:
            var scalar = hex(i)
            i += 4
            if scalar >= 0xD800 && scalar <= 0xDBFF {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (hex(i + 2) - 0xDC00)
                i += 6
            }
            for b in UTF8.encode(Unicode.Scalar(scalar)!)! { put(b) }
        default: put(e)  // `"`, `\`, `/`
        }
    }
    return n
}

/// Why step 2 stopped: carries the rejection out of the typed-throwing readers.
struct FieldProblem: Error {
    let reason: RejectionReason
}

/// Step 2: reads the fields of the record's type from the slots step 1 filled.
struct FieldReader {
    let p: UnsafePointer<UInt8>
    let slots: UnsafeBufferPointer<FieldSlot>

    func record() throws(FieldProblem) -> Record {
        let type = try requiredString(.type)
        switch type {
        case "message":
            return .message(MessageRecord(
                messageID: try requiredID(.messageID),
                roomID: try requiredID(.roomID),
                senderID: try requiredID(.senderID),
                sentAt: try requiredTimestamp(.sentAt),
                text: try optionalString(.text) ?? "",
                attachments: try attachments()))
        case "room":
            return .room(RoomRecord(
                roomID: try requiredID(.roomID),
                clientID: try requiredID(.clientID),
                freelancerID: try requiredID(.freelancerID),
                clientPlan: try optionalEnum(.clientPlan),
                createdAt: try optionalTimestamp(.createdAt)))
        case "contract":
            return .contract(ContractRecord(
                contractID: try requiredID(.contractID),
                roomID: try requiredID(.roomID),
                event: try requiredEnum(.event),
                at: try requiredTimestamp(.at)))
        case "call":
            return .call(CallRecord(
                callID: try requiredID(.callID),
                roomID: try requiredID(.roomID),
                initiatorID: try requiredID(.initiatorID),
                startedAt: try requiredTimestamp(.startedAt),
                endedAt: try optionalTimestamp(.endedAt),
                status: try requiredEnum(.status),
                media: try optionalEnum(.media),
                failureReason: try optionalString(.failureReason)))
        case "":
            throw FieldProblem(reason: .badValue("type"))
        default:
            return .unknown(type: type)
        }
    }

    /// The slot of a field that is present and not `null`, else nil.
    @inline(__always) func present(_ f: Field) -> FieldSlot? {
        let s = slots[f.rawValue]
        guard let kind = s.kind, kind != .null else { return nil }
        return s
    }

    @inline(__always) func string(_ s: FieldSlot) -> String {
        if s.flags.contains(.escaped) { return unescape(p, s.start, s.end) }
        return String(decoding: UnsafeBufferPointer(start: p + s.start, count: s.end - s.start), as: UTF8.self)
    }

    /// The slot of a string field that is present and not `null`, else nil; a field of another type is rejected.
    @inline(__always) func optionalStringSlot(_ f: Field, prefix: String = "") throws(FieldProblem) -> FieldSlot? {
        guard let s = present(f) else { return nil }
        guard s.kind == .string else { throw FieldProblem(reason: .wrongType(prefix + f.jsonName)) }
        return s
    }

    func optionalString(_ f: Field, prefix: String = "") throws(FieldProblem) -> String? {
        try optionalStringSlot(f, prefix: prefix).map(string)
    }

    func requiredString(_ f: Field, prefix: String = "") throws(FieldProblem) -> String {
        guard let v = try optionalString(f, prefix: prefix) else {
            throw FieldProblem(reason: .missingField(prefix + f.jsonName))
        }
        return v
    }

    /// The slot of a required id: present, a string, not empty once unescaped.
    @inline(__always) func requiredIDSlot(_ f: Field) throws(FieldProblem) -> FieldSlot {
        guard let s = try optionalStringSlot(f) else { throw FieldProblem(reason: .missingField(f.jsonName)) }
        // An escape always stands for at least one byte: a string with one is never empty.
        guard s.end > s.start else { throw FieldProblem(reason: .badValue(f.jsonName)) }
        return s
    }

    func requiredID(_ f: Field) throws(FieldProblem) -> String {
        string(try requiredIDSlot(f))
    }

    func optionalTimestamp(_ f: Field) throws(FieldProblem) -> Timestamp? {
        guard let s = try optionalStringSlot(f) else { return nil }
        let t: Timestamp?
        if s.flags.contains(.escaped) {
            t = Timestamp(rfc3339: unescape(p, s.start, s.end))
        } else {
            t = Timestamp.parseRFC3339(UnsafeRawBufferPointer(start: p + s.start, count: s.end - s.start))
        }
        guard let t else { throw FieldProblem(reason: .badTimestamp(f.jsonName)) }
        return t
    }

    func requiredTimestamp(_ f: Field) throws(FieldProblem) -> Timestamp {
        guard let t = try optionalTimestamp(f) else { throw FieldProblem(reason: .missingField(f.jsonName)) }
        return t
    }

    func optionalEnum<E: RawRepresentable<String>>(_ f: Field, prefix: String = "") throws(FieldProblem) -> E? {
        guard let raw = try optionalString(f, prefix: prefix) else { return nil }
        guard let v = E(rawValue: raw) else { throw FieldProblem(reason: .badValue(prefix + f.jsonName)) }
        return v
    }

    func requiredEnum<E: RawRepresentable<String>>(_ f: Field, prefix: String = "") throws(FieldProblem) -> E {
        guard let v: E = try optionalEnum(f, prefix: prefix) else {
            throw FieldProblem(reason: .missingField(prefix + f.jsonName))
        }
        return v
    }

    /// The `attachments` array, already validated by step 1: each element must be an
    /// object with a string `name`, a known `kind` and optionally a string `text`.
    func attachments() throws(FieldProblem) -> [Attachment] {
        guard let slot = present(.attachments) else { return [] }
        guard slot.kind == .array else { throw FieldProblem(reason: .wrongType("attachments")) }
        var result: [Attachment] = []
        var s = JSONScanner(p, count: slot.end, at: slot.start + 1)
        s.skipWhitespace()
        if s.current == 0x5D { return [] }
        let outcome: Result<[Attachment], FieldProblem> = withUnsafeTemporaryAllocation(
            of: FieldSlot.self, capacity: Field.count
        ) { inner in
            do throws(FieldProblem) {
                while true {
                    guard s.current == 0x7B else { throw FieldProblem(reason: .wrongType("attachments")) }
                    inner.initialize(repeating: FieldSlot())
                    try? Self.scanAttachment(&s, into: inner)
                    let reader = FieldReader(p: p, slots: UnsafeBufferPointer(inner))
                    result.append(Attachment(
                        name: try reader.requiredString(.name, prefix: "attachments."),
                        kind: try reader.requiredEnum(.kind, prefix: "attachments."),
                        text: try reader.optionalString(.text, prefix: "attachments.")))
                    s.skipWhitespace()
                    let c = s.current
                    s.i += 1
                    if c == 0x5D { return .success(result) }
                    s.skipWhitespace()
                }
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Notes the fields of one attachment object at `s.i` (known to be valid JSON).
    static func scanAttachment(_ s: inout JSONScanner, into slots: UnsafeMutableBufferPointer<FieldSlot>)
        throws(JSONScanner.Failure)
    {
        s.i += 1
        s.skipWhitespace()
        if s.current == 0x7D {
            s.i += 1
            return
        }
        while true {
            let keyStart = s.i + 1
            let keyFlags = try s.scanString()
            let field = Field.named(s.p, keyStart, s.i - 1, lineEnd: s.end, escaped: keyFlags.contains(.escaped))
            s.skipWhitespace()
            s.i += 1  // ':'
            s.skipWhitespace()
            let valueStart = s.i
            let (kind, flags) = try s.skipValue(depth: 3)
            if let field, field == .name || field == .kind || field == .text {
                slots[field.rawValue] = kind == .string
                    ? FieldSlot(kind: kind, flags: flags, start: valueStart + 1, end: s.i - 1)
                    : FieldSlot(kind: kind, flags: flags, start: valueStart, end: s.i)
            }
            s.skipWhitespace()
            let c = s.current
            s.i += 1
            if c == 0x7D { return }
            s.skipWhitespace()
        }
    }
}
