/// Why a line was not turned into a record. The `code` is stable: it appears in
/// summaries, the database and the docs (`invalid_json`, `missing_field:room_id`).
public struct RejectionReason: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let code: String

    public init(code: String) { self.code = code }

    public static let invalidJSON = RejectionReason(code: "invalid_json")
    public static let notAnObject = RejectionReason(code: "not_an_object")
    public static let invalidUTF8 = RejectionReason(code: "invalid_utf8")
    public static let lineTooLong = RejectionReason(code: "line_too_long")
    public static func missingField(_ name: String) -> RejectionReason { .init(code: "missing_field:\(name)") }
    public static func wrongType(_ name: String) -> RejectionReason { .init(code: "wrong_type:\(name)") }
    public static func badTimestamp(_ name: String) -> RejectionReason { .init(code: "bad_timestamp:\(name)") }
    public static func badValue(_ name: String) -> RejectionReason { .init(code: "bad_value:\(name)") }

    public var description: String { code }
    public static func < (a: RejectionReason, b: RejectionReason) -> Bool { a.code < b.code }
}
