/// A message record whose ids and text are still bytes: of the line where they had no
/// escapes, else of a buffer holding them unescaped. Valid UTF-8 (the scanner validated
/// the line, and resolved escapes are scalars), and valid only during the call it is
/// handed to.
///
/// Nine lines in ten of a night are messages, and most of what `analyze` does with one
/// needs no `String`: its ids are hashed or interned, its text is read by the detector.
/// Made as `String`s, the four fields cost an allocation, a UTF-8 check of their own and a
/// release each (about a fifth of reading's instructions, measured with callgrind).
public struct MessageBytes {
    public let messageID: UnsafeBufferPointer<UInt8>
    public let roomID: UnsafeBufferPointer<UInt8>
    public let senderID: UnsafeBufferPointer<UInt8>
    public let sentAt: Timestamp
    /// Empty when the field is absent, `null` or empty.
    public let text: UnsafeBufferPointer<UInt8>
    public let attachments: [Attachment]

    /// The same message as `RecordDecoder.decode(_:)` makes it.
    public var record: MessageRecord {
        MessageRecord(messageID: Self.string(messageID), roomID: Self.string(roomID), senderID: Self.string(senderID),
                      sentAt: sentAt, text: Self.string(text), attachments: attachments)
    }

    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}

extension MessageRecord {
    /// The record as bytes, for code written once for both (valid during the call).
    public func withBytes<R>(_ body: (MessageBytes) throws -> R) rethrows -> R {
        var id = messageID, room = roomID, sender = senderID, text = text
        return try id.withUTF8 { i in
            try room.withUTF8 { r in
                try sender.withUTF8 { s in
                    try text.withUTF8 { t in
                        try body(MessageBytes(messageID: i, roomID: r, senderID: s, sentAt: sentAt, text: t, attachments: attachments))
                    }
                }
            }
        }
    }
}

extension RecordDecoder {
    /// Decodes `line` as `decode(_:)` does, with one difference: a message is handed to
    /// `message` as bytes (`MessageBytes`, valid only during that call) and nil is
    /// returned. Every other line's outcome — other records, rejections, messages whose
    /// `type` is spelled with escapes — is returned, exactly as `decode(_:)` gives it; a
    /// message the format rejects is rejected for the same reason.
    public func decode(_ line: UnsafeRawBufferPointer, message: (MessageBytes) -> Void) -> DecodeOutcome? {
        scanned(line) { reader in
            do throws(FieldProblem) {
                guard reader.isPlainMessage else { return .record(try reader.record()) }
                return try reader.withMessageBytes { m in
                    message(m)
                    return nil
                }
            } catch {
                return .rejected(error.reason)
            }
        }
    }
}

extension FieldReader {
    /// Whether `type` is the string `message` written without escapes (the one spelling the
    /// byte path reads; `record()` reads every other).
    var isPlainMessage: Bool {
        let s = slots[Field.type.rawValue]
        guard s.kind == .string, !s.flags.contains(.escaped), s.end - s.start == 7 else { return false }
        let b = p + s.start
        return b[0] == 0x6D && b[1] == 0x65 && b[2] == 0x73 && b[3] == 0x73 && b[4] == 0x61 && b[5] == 0x67 && b[6] == 0x65
    }

    /// The fields of a message, checked in the order and with the rejections of `record()`,
    /// handed to `body` as bytes. Fields with escapes are resolved into one buffer that
    /// lives as long as the call.
    func withMessageBytes<R>(_ body: (MessageBytes) throws(FieldProblem) -> R) throws(FieldProblem) -> R {
        let id = try requiredIDSlot(.messageID)
        let room = try requiredIDSlot(.roomID)
        let sender = try requiredIDSlot(.senderID)
        let sentAt = try requiredTimestamp(.sentAt)
        let text = try optionalStringSlot(.text)
        let attachments = try attachments()
        func escapedLength(_ s: FieldSlot?) -> Int {
            guard let s, s.flags.contains(.escaped) else { return 0 }
            return s.end - s.start
        }
        let escapedBytes = escapedLength(id) + escapedLength(room) + escapedLength(sender) + escapedLength(text)
        let result: Result<R, FieldProblem> = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(escapedBytes, 1)) { buffer in
            var used = 0
            func bytes(_ s: FieldSlot?) -> UnsafeBufferPointer<UInt8> {
                guard let s else { return UnsafeBufferPointer(start: nil, count: 0) }
                guard s.flags.contains(.escaped) else { return UnsafeBufferPointer(start: p + s.start, count: s.end - s.start) }
                let start = buffer.baseAddress! + used
                let n = unescape(p, s.start, s.end, into: start)
                used += n
                return UnsafeBufferPointer(start: start, count: n)
            }
            let m = MessageBytes(messageID: bytes(id), roomID: bytes(room), senderID: bytes(sender), sentAt: sentAt,
                                 text: bytes(text), attachments: attachments)
            do throws(FieldProblem) {
                return .success(try body(m))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
