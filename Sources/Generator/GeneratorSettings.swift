import ExportFormat

/// Everything `generate` is asked for, as plain values (the command line turns
/// its flags into one of these before any work starts).
public struct GeneratorSettings: Sendable, Equatable {
    /// Total messages; nil means: follow `targetBytes` or `rooms`.
    public var messages: Int?
    /// Uncompressed bytes of export records to aim for (`--size`); the message count follows it.
    public var targetBytes: Int64?
    /// Rooms; nil means one room per 30 messages.
    public var rooms: Int?
    public var start: Timestamp
    public var days: Int
    public var files: Int
    public var gzip: Bool
    public var membersPerFile: Int
    /// zlib level, 1 (fast, default) to 9.
    public var compressionLevel: Int
    public var seed: UInt64
    /// Share of participants' messages with a planted detail.
    public var contactRate: Double
    /// Share of planted details written in disguise (spelled digits, "at … dot", bent names…).
    public var disguiseRate: Double
    /// Share of participants' messages that are hard negatives.
    public var negativeRate: Double
    /// Calls placed per participant message.
    public var callRate: Double
    /// Chance of a move within 30 minutes after a completed call.
    public var moveAfterCallRate: Double
    /// Relative risk of such a move after a failed or dropped call.
    public var failureEffect: Double
    /// Share of message texts with nothing planted also written to `truth/labels.ndjson`.
    public var plainLabelRate: Double
    public var jobs: Int
    /// Rooms per chunk (the unit of memory); nil: sized for about 16 MB of records.
    public var chunkRooms: Int?

    public static let defaultStart = Timestamp(secondsSinceEpoch: Timestamp.days(fromCivil: 2020, 3, 1) * 86_400)

    public init(messages: Int? = nil, targetBytes: Int64? = nil, rooms: Int? = nil,
                start: Timestamp = GeneratorSettings.defaultStart, days: Int = 180, files: Int = 4, gzip: Bool = true,
                membersPerFile: Int = 1, compressionLevel: Int = 1, seed: UInt64 = 1, contactRate: Double = 0.03,
                disguiseRate: Double = 0.3, negativeRate: Double = 0.02, callRate: Double = 0.02,
                moveAfterCallRate: Double = 0.08, failureEffect: Double = 2.5, plainLabelRate: Double = 0.01,
                jobs: Int = 2, chunkRooms: Int? = nil) {
        self.messages = messages
        self.targetBytes = targetBytes
        self.rooms = rooms
        self.start = start
        self.days = days
        self.files = files
        self.gzip = gzip
        self.membersPerFile = membersPerFile
        self.compressionLevel = compressionLevel
        self.seed = seed
        self.contactRate = contactRate
        self.disguiseRate = disguiseRate
        self.negativeRate = negativeRate
        self.callRate = callRate
        self.moveAfterCallRate = moveAfterCallRate
        self.failureEffect = failureEffect
        self.plainLabelRate = plainLabelRate
        self.jobs = jobs
        self.chunkRooms = chunkRooms
    }

    /// What is wrong with these settings, or nil.
    public func problem() -> String? {
        if let m = messages, m < 0 { return "--messages must not be negative" }
        if let r = rooms, r < 1 { return "--rooms must be at least 1" }
        if let b = targetBytes, b < 1 { return "--size must be positive" }
        if messages != nil && targetBytes != nil { return "give --messages or --size, not both" }
        if days < 1 { return "--days must be at least 1" }
        if files < 1 || files > 10_000 { return "--files must be between 1 and 10000" }
        if membersPerFile < 1 { return "--members-per-file must be at least 1" }
        if membersPerFile > 1 && !gzip { return "--members-per-file needs gzip output (drop --plain)" }
        if !(1...9).contains(compressionLevel) { return "--level must be between 1 and 9" }
        if jobs < 1 { return "--jobs must be at least 1" }
        for (name, v) in [("--contact-rate", contactRate), ("--disguise-rate", disguiseRate), ("--negative-rate", negativeRate),
                          ("--call-rate", callRate), ("--move-after-call-rate", moveAfterCallRate), ("plain label rate", plainLabelRate)]
        where !(0...1).contains(v) || v.isNaN {
            return "\(name) must be between 0 and 1"
        }
        if contactRate + negativeRate > 1 { return "--contact-rate plus --negative-rate must not exceed 1" }
        if !(failureEffect > 0) || failureEffect.isInfinite { return "--failure-effect must be a positive number" }
        if moveAfterCallRate * failureEffect > 1 {
            return "--move-after-call-rate × --failure-effect must not exceed 1 (it is the chance of a move after a failed call)"
        }
        if let c = chunkRooms, c < 1 { return "chunk rooms must be at least 1" }
        return nil
    }
}
