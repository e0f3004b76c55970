import Statistics
import Policy

/// Messages and violating messages for one group of dimensions, summed over every analyzed file.
public struct MessageGroup: Sendable, Hashable {
    public var epoch: String
    public var phase: String
    public var senderRole: String
    public var clientPlan: String
    public var date: String
    public var messages: Int
    public var violatingMessages: Int

    public init(epoch: String = "", phase: String, senderRole: String = "", clientPlan: String = "", date: String = "",
                messages: Int, violatingMessages: Int) {
        self.epoch = epoch
        self.phase = phase
        self.senderRole = senderRole
        self.clientPlan = clientPlan
        self.date = date
        self.messages = messages
        self.violatingMessages = violatingMessages
    }
}

/// Rooms with messages, and rooms with a violating message, for one epoch, phase and plan.
public struct RoomGroup: Sendable, Hashable {
    public var epoch: String
    public var phase: String
    public var clientPlan: String
    public var rooms: Int
    public var violatingRooms: Int

    public init(epoch: String, phase: String, clientPlan: String, rooms: Int, violatingRooms: Int) {
        self.epoch = epoch
        self.phase = phase
        self.clientPlan = clientPlan
        self.rooms = rooms
        self.violatingRooms = violatingRooms
    }
}

/// Findings counted by their dimensions and verdict.
public struct FindingGroup: Sendable, Hashable {
    public var epoch: String
    public var phase: String
    public var senderRole: String
    public var kind: String
    public var verdict: String
    public var exception: String?
    public var findings: Int

    public init(epoch: String, phase: String, senderRole: String, kind: String, verdict: String, exception: String?, findings: Int) {
        self.epoch = epoch
        self.phase = phase
        self.senderRole = senderRole
        self.kind = kind
        self.verdict = verdict
        self.exception = exception
        self.findings = findings
    }
}

/// One platform call and what followed it.
public struct CallOutcome: Sendable, Hashable {
    public enum Group: String, Sendable, CaseIterable {
        case failedOrDropped = "failed_or_dropped"
        case completed
    }

    public var group: Group
    public var phase: String
    /// `audio`, `video`, `screen_share` or `unknown`.
    public var media: String
    /// Minutes from the end of the call to the first move within the window; nil when there was none.
    public var minutesToMove: Double?

    public init(group: Group, phase: String, media: String, minutesToMove: Double?) {
        self.group = group
        self.phase = phase
        self.media = media
        self.minutesToMove = minutesToMove
    }
}

/// What the call reports are computed from, without a row per call: calls and
/// calls followed by a move per outcome group, phase and media, and the median
/// minutes to the move of each split's moved calls. The store keeps these up to
/// date night by night (docs/DATABASE.md); `init(outcomes:)` works them out from
/// every call, the slow and trusted way.
public struct CallInputs: Sendable, Hashable {
    public struct Count: Sendable, Hashable {
        public var group: CallOutcome.Group
        public var phase: String
        public var media: String
        public var calls: Int
        public var moved: Int

        public init(group: CallOutcome.Group, phase: String, media: String, calls: Int, moved: Int) {
            self.group = group
            self.phase = phase
            self.media = media
            self.calls = calls
            self.moved = moved
        }
    }

    /// A split of the call reports (`all`/`all`, `phase`/a phase, `media`/a medium) and an outcome group.
    public struct SplitGroup: Sendable, Hashable {
        public var split: String
        public var value: String
        public var group: CallOutcome.Group

        public init(split: String, value: String, group: CallOutcome.Group) {
            self.split = split
            self.value = value
            self.group = group
        }
    }

    public var counts: [Count]
    /// Median minutes from the end of the call to the move, of the moved calls; absent when none moved.
    public var medianMinutesToMove: [SplitGroup: Double]

    public init(counts: [Count], medianMinutesToMove: [SplitGroup: Double]) {
        self.counts = counts
        self.medianMinutesToMove = medianMinutesToMove
    }

    /// The median in minutes of delays (nanoseconds) whose middle values, in order, are `middle` (one value of an
    /// odd count, two of an even one): the same number as the median of all of them (type 7 uses only those).
    public static func medianMinutes(ofMiddle middle: [Int64]) -> Double? {
        Quantiles.median(middle.map { Double($0) / 60e9 })
    }

    public init(outcomes: [CallOutcome]) {
        var counts: [Count] = []
        var index: [[String]: Int] = [:]
        var delays: [SplitGroup: [Double]] = [:]
        for o in outcomes {
            let key = [o.group.rawValue, o.phase, o.media]
            if index[key] == nil {
                index[key] = counts.count
                counts.append(Count(group: o.group, phase: o.phase, media: o.media, calls: 0, moved: 0))
            }
            counts[index[key]!].calls += 1
            guard let m = o.minutesToMove else { continue }
            counts[index[key]!].moved += 1
            for (split, value) in [("all", "all"), ("phase", o.phase), ("media", o.media)] {
                delays[SplitGroup(split: split, value: value, group: o.group), default: []].append(m)
            }
        }
        self.counts = counts
        medianMinutesToMove = delays.compactMapValues { Quantiles.median($0) }
    }
}

/// The order rows appear in, so reports read the same every night.
public struct ReportOrder: Sendable {
    public var epochs: [String]
    public var exceptions: [String]

    public init(epochs: [String], exceptions: [String]) {
        self.epochs = epochs
        self.exceptions = exceptions
    }

    public init(policy: PolicyDocument) {
        self.init(epochs: policy.epochs.map(\.name), exceptions: policy.exceptions.map(\.name))
    }

    public static let phases = Phase.allCases.map(\.rawValue)
    public static let roles = SenderRole.allCases.map(\.rawValue)
    public static let plans = ["basic", "plus", "business", "enterprise", PlanLabel.unknown]
    public static let verdicts = Verdict.allCases.map(\.rawValue)
    public static let media = ["audio", "video", "screen_share", "unknown"]

    /// Position of `value` in `order`, values not listed sorting after, alphabetically.
    static func rank(_ value: String, in order: [String]) -> Rank {
        Rank(position: order.firstIndex(of: value) ?? order.count, value: value)
    }

    func epochRank(_ e: String) -> Rank { Self.rank(e, in: epochs) }

    /// A value's place in a fixed order; row keys are arrays of these.
    struct Rank: Comparable {
        var position: Int
        var value: String
        static func < (a: Rank, b: Rank) -> Bool { (a.position, a.value) < (b.position, b.value) }

        static func phase(_ v: String) -> Rank { ReportOrder.rank(v, in: ReportOrder.phases) }
        static func role(_ v: String) -> Rank { ReportOrder.rank(v, in: ReportOrder.roles) }
        static func plan(_ v: String) -> Rank { ReportOrder.rank(v, in: ReportOrder.plans) }
        static func verdict(_ v: String) -> Rank { ReportOrder.rank(v, in: ReportOrder.verdicts) }
        static func alphabetical(_ v: String) -> Rank { Rank(position: 0, value: v) }
    }

    /// An "is ordered before" for `sorted(by:)` from a row's key.
    func key<T>(_ k: @escaping (T) -> [Rank]) -> (T, T) -> Bool {
        { k($0).lexicographicallyPrecedes(k($1)) }
    }
}
