import ExportFormat
import Detection

/// A room as the ledger keeps it.
public struct LedgerRoom: Sendable, Hashable, Codable {
    public var roomID: String
    public var clientID: String
    public var freelancerID: String
    public var plan: ClientPlan?
    public var createdAt: Timestamp?

    public init(roomID: String, clientID: String, freelancerID: String, plan: ClientPlan?, createdAt: Timestamp?) {
        self.roomID = roomID
        self.clientID = clientID
        self.freelancerID = freelancerID
        self.plan = plan
        self.createdAt = createdAt
    }

    public init(_ r: RoomRecord) {
        self.init(roomID: r.roomID, clientID: r.clientID, freelancerID: r.freelancerID, plan: r.clientPlan, createdAt: r.createdAt)
    }

    /// Orders conflicting records of one room so the choice does not depend on arrival order.
    var precedenceKey: (Int64, String, String, String) {
        (createdAt?.nanosecondsSinceEpoch ?? .min, plan?.rawValue ?? "", clientID, freelancerID)
    }
}

/// A channel a party offered in a room (shared an identifier on it or proposed it).
public struct OfferedChannel: Sendable, Hashable, Codable {
    public var roomID: String
    public var partyID: String
    public var channel: String
    public var at: Timestamp

    public init(roomID: String, partyID: String, channel: String, at: Timestamp) {
        self.roomID = roomID
        self.partyID = partyID
        self.channel = channel
        self.at = at
    }
}

/// What a run (or an earlier night) tells the ledger. Values merge, whatever the
/// order records arrived in: conflicting room records resolve by a fixed
/// precedence, contract events and offers keep their earliest time.
public struct LedgerDelta: Sendable, Codable, Equatable {
    public private(set) var rooms: [String: LedgerRoom] = [:]
    /// Per (contract, event): the earliest time seen, and its room.
    public private(set) var contractEvents: [ContractEventKey: ContractEventValue] = [:]
    /// Per (room, party, channel): the earliest offer.
    public private(set) var offers: [OfferKey: Timestamp] = [:]
    public init() {}

    public struct ContractEventKey: Sendable, Hashable, Codable, Comparable {
        public var contractID: String
        public var event: ContractEvent
        public static func < (a: Self, b: Self) -> Bool { (a.contractID, a.event.rawValue) < (b.contractID, b.event.rawValue) }
    }

    public struct ContractEventValue: Sendable, Hashable, Codable {
        public var roomID: String
        public var at: Timestamp
    }

    public struct OfferKey: Sendable, Hashable, Codable, Comparable {
        public var roomID: String
        public var partyID: String
        public var channel: String
        public static func < (a: Self, b: Self) -> Bool { (a.roomID, a.partyID, a.channel) < (b.roomID, b.partyID, b.channel) }
    }

    public mutating func add(_ room: LedgerRoom) {
        if let old = rooms[room.roomID], old.precedenceKey >= room.precedenceKey { return }
        rooms[room.roomID] = room
    }

    public mutating func add(_ c: ContractRecord) {
        add(contractID: c.contractID, roomID: c.roomID, event: c.event, at: c.at)
    }

    public mutating func add(contractID: String, roomID: String, event: ContractEvent, at: Timestamp) {
        let key = ContractEventKey(contractID: contractID, event: event)
        let value = ContractEventValue(roomID: roomID, at: at)
        if let old = contractEvents.updateValue(value, forKey: key), (old.at, old.roomID) <= (value.at, value.roomID) {
            contractEvents[key] = old
        }
    }

    public mutating func add(_ o: OfferedChannel) {
        // Stored first and the earlier time put back if there was one: a new key (the usual case) is hashed
        // once, not once to look and again to store.
        let key = OfferKey(roomID: o.roomID, partyID: o.partyID, channel: o.channel)
        if let old = offers.updateValue(o.at, forKey: key), old <= o.at { offers[key] = old }
    }

    /// Adds everything `other` knows; for rooms, conflicting records resolve by precedence.
    public mutating func merge(_ other: LedgerDelta) {
        if rooms.isEmpty && contractEvents.isEmpty && offers.isEmpty {
            self = other
            return
        }
        for r in other.rooms.values { add(r) }
        for (k, v) in other.contractEvents { add(contractID: k.contractID, roomID: v.roomID, event: k.event, at: v.at) }
        for (k, at) in other.offers { add(OfferedChannel(roomID: k.roomID, partyID: k.partyID, channel: k.channel, at: at)) }
    }

    /// Its three tables, taken out (the delta is left empty): a consumer can then let each go in turn.
    public mutating func takeTables() -> (rooms: [String: LedgerRoom], contractEvents: [ContractEventKey: ContractEventValue],
                                          offers: [OfferKey: Timestamp]) {
        defer { self = LedgerDelta() }
        return (rooms, contractEvents, offers)
    }

    /// Like `merge`, but `newer`'s room records replace ours: a later night's
    /// record of a room (say, a new plan) wins over what was stored.
    public mutating func update(with newer: LedgerDelta) {
        if rooms.isEmpty && contractEvents.isEmpty && offers.isEmpty {
            self = newer
            return
        }
        for r in newer.rooms.values { rooms[r.roomID] = r }
        var rest = newer
        rest.rooms = [:]
        merge(rest)
    }
}

/// Everything known about rooms, contracts and offers, settled for lookups by
/// time: the phase of a room at a moment, who a sender is, the client's plan,
/// whether a pair had a contract before, whether a channel was offered.
public struct RoomLedger: Sendable {
    struct ContractTimes { var offer: Timestamp?; var started: Timestamp?; var ended: Timestamp? }

    public let rooms: [String: LedgerRoom]
    let contractsByRoom: [String: [ContractTimes]]
    let relationshipStart: [PairKey: Timestamp]
    let offersByRoom: [String: [OfferedChannel]]

    struct PairKey: Hashable { var client: String; var freelancer: String }

    public init(_ delta: LedgerDelta) {
        rooms = delta.rooms
        // A contract belongs to the room of its `started` event, else of its offer, else of its end:
        // fixed precedence, so the order events were added in does not matter.
        // Sized up front (a contract has one to three events): growing these step by step rehashed them over and
        // over, about a third of building the ledger of the 2 GB export (perf samples 2.7% -> 1.7% of the run).
        var perContract: [String: (room: String, roomRank: Int, times: ContractTimes)] = [:]
        perContract.reserveCapacity(delta.contractEvents.count / 2)
        for (k, v) in delta.contractEvents {
            var entry = perContract[k.contractID] ?? (v.roomID, 3, ContractTimes())
            let rank: Int
            switch k.event {
            case .started: entry.times.started = v.at; rank = 0
            case .offerSent: entry.times.offer = v.at; rank = 1
            case .ended: entry.times.ended = v.at; rank = 2
            }
            if rank < entry.roomRank { entry.room = v.roomID; entry.roomRank = rank }
            perContract[k.contractID] = entry
        }
        var byRoom: [String: [ContractTimes]] = [:]
        byRoom.reserveCapacity(perContract.count)
        var rel: [PairKey: Timestamp] = [:]
        for (_, e) in perContract {
            byRoom[e.room, default: []].append(e.times)
            if let s = e.times.started, let room = delta.rooms[e.room] {
                let key = PairKey(client: room.clientID, freelancer: room.freelancerID)
                if let old = rel[key], old <= s { continue }
                rel[key] = s
            }
        }
        contractsByRoom = byRoom
        relationshipStart = rel
        var offers: [String: [OfferedChannel]] = [:]
        offers.reserveCapacity(delta.offers.count)
        for (k, at) in delta.offers {
            offers[k.roomID, default: []].append(OfferedChannel(roomID: k.roomID, partyID: k.partyID, channel: k.channel, at: at))
        }
        offersByRoom = offers
    }

    /// The room's phase at `t`. A contract is in place from its `started` event
    /// (inclusive) until its `ended` event (exclusive); an `ended` without a
    /// `started` is ignored.
    public func phase(of roomID: String, at t: Timestamp) -> RoomPhase {
        var started = false, active = false, offered = false
        for c in contractsByRoom[roomID] ?? [] {
            if let s = c.started, s <= t {
                started = true
                if c.ended.map({ $0 > t }) ?? true { active = true }
            }
            if let o = c.offer, o <= t { offered = true }
        }
        if active { return RoomPhase(.activeContract) }
        if started { return RoomPhase(.postContract) }
        return RoomPhase(.preContract, stage: offered ? .offer : .inquiry)
    }

    /// The room's phases over time, for looking up many moments of one room cheaply.
    public func timeline(of roomID: String) -> PhaseTimeline {
        var times = Set<Timestamp>()
        for c in contractsByRoom[roomID] ?? [] {
            for t in [c.offer, c.started, c.ended] { if let t { times.insert(t) } }
        }
        let sorted = times.sorted()
        return PhaseTimeline(changes: sorted.map { ($0, phase(of: roomID, at: $0)) })
    }

    public func role(of senderID: String, in roomID: String) -> SenderRole {
        guard let room = rooms[roomID] else { return .unknown }
        if senderID == room.clientID { return .client }
        if senderID == room.freelancerID { return .freelancer }
        return .system
    }

    /// The plan as reports show it: `basic` when the room record has none, `unknown` without a room record.
    public func planLabel(of roomID: String) -> String {
        guard let room = rooms[roomID] else { return PlanLabel.unknown }
        return PlanLabel.of(room.plan)
    }

    /// When the room's client and freelancer first had a started contract, in any room.
    public func relationshipStart(inRoom roomID: String) -> Timestamp? {
        guard let room = rooms[roomID] else { return nil }
        return relationshipStart[PairKey(client: room.clientID, freelancer: room.freelancerID)]
    }

    /// Whether someone in the room other than `senderID` offered `channel` before `t`
    /// (`channel` nil: any channel).
    public func channelOffered(in roomID: String, channel: String?, byOtherThan senderID: String, before t: Timestamp) -> Bool {
        (offersByRoom[roomID] ?? []).contains { o in
            o.partyID != senderID && o.at < t && (channel == nil || o.channel == channel)
        }
    }
}

/// A room's phase as it changes over time: the phase from each change point on.
public struct PhaseTimeline: Sendable {
    /// In time order; before the first change the room is in `pre_contract/inquiry`.
    public let changes: [(at: Timestamp, phase: RoomPhase)]

    public func phase(at t: Timestamp) -> RoomPhase {
        // Rooms have a handful of contract events: a backward scan beats a binary search.
        var i = changes.count - 1
        while i >= 0 {
            if changes[i].at <= t { return changes[i].phase }
            i -= 1
        }
        return .inquiry
    }
}

/// The channels a finding offers when its sender shares it or proposes it
/// (`phone`, `email`, or the platform named), used to judge unsolicited contact.
public enum OfferChannels {
    public static func of(kind: FindingKind, platform: String?) -> [String] {
        switch kind {
        case .phone: return ["phone"] + (platform.map { [$0] } ?? [])
        case .email: return ["email"]
        case .messagingApp, .socialProfile, .meetingLink, .schedulingLink, .contactForm:
            return [platform ?? kind.rawValue]
        case .offplatformRequest: return platform.map { [$0] } ?? []
        case .postalAddress: return ["postal_address"]
        case .paymentAccount, .unsolicitedContact, .website: return []
        }
    }
}
