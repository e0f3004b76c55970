import Foundation

/// Lines of the export format for tests, written the way the format says.
public enum ExportLine {
    public static func json(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    public static func room(_ id: String, client: String, freelancer: String, plan: String? = nil) -> String {
        var o: [String: Any] = ["type": "room", "room_id": id, "client_id": client, "freelancer_id": freelancer]
        if let plan { o["client_plan"] = plan }
        return json(o)
    }

    public static func contract(_ id: String, room: String, event: String, at: String) -> String {
        json(["type": "contract", "contract_id": id, "room_id": room, "event": event, "at": at])
    }

    public static func message(_ id: String, room: String, sender: String, at: String, text: String,
                               attachments: [[String: Any]]? = nil) -> String {
        var o: [String: Any] = ["type": "message", "message_id": id, "room_id": room, "sender_id": sender, "sent_at": at, "text": text]
        if let attachments { o["attachments"] = attachments }
        return json(o)
    }

    public static func call(_ id: String, room: String, initiator: String, started: String, ended: String?, status: String,
                            media: String? = "video") -> String {
        var o: [String: Any] = ["type": "call", "call_id": id, "room_id": room, "initiator_id": initiator, "started_at": started,
                                "status": status]
        if let ended { o["ended_at"] = ended }
        if let media { o["media"] = media }
        return json(o)
    }
}

/// A small seedable generator (SplitMix64), so a failing random case reproduces from its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range` (modulo bias is irrelevant for test data).
    public mutating func next(in range: ClosedRange<UInt64>) -> UInt64 {
        range.lowerBound &+ next() % (range.upperBound &- range.lowerBound &+ 1)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// An element of a non-empty array.
    public mutating func pick<T>(_ a: [T]) -> T { a[Int(next() % UInt64(a.count))] }
}
