import Testing
import ExportFormat
@testable import Policy

func ts(_ s: String) -> Timestamp { Timestamp(rfc3339: s)! }

@Suite struct RoomLedgerTests {
    static let room = LedgerRoom(roomID: "r1", clientID: "c1", freelancerID: "f1", plan: .plus, createdAt: nil)

    static func ledger(_ events: [(String, ContractEvent, String)], rooms: [LedgerRoom] = [room], room: String = "r1") -> RoomLedger {
        var d = LedgerDelta()
        rooms.forEach { d.add($0) }
        for (id, e, at) in events { d.add(ContractRecord(contractID: id, roomID: room, event: e, at: ts(at))) }
        return RoomLedger(d)
    }

    @Test func phasesFollowContractEvents() {
        let l = Self.ledger([("k1", .offerSent, "2020-07-02T00:00:00Z"), ("k1", .started, "2020-07-03T00:00:00Z"),
                             ("k1", .ended, "2020-07-10T00:00:00Z")])
        #expect(l.phase(of: "r1", at: ts("2020-07-01T00:00:00Z")) == .inquiry)
        #expect(l.phase(of: "r1", at: ts("2020-07-02T00:00:00Z")) == RoomPhase(.preContract, stage: .offer))
        #expect(l.phase(of: "r1", at: ts("2020-07-02T23:59:59Z")) == RoomPhase(.preContract, stage: .offer))
        #expect(l.phase(of: "r1", at: ts("2020-07-03T00:00:00Z")) == RoomPhase(.activeContract), "started is inclusive")
        #expect(l.phase(of: "r1", at: ts("2020-07-09T23:59:59Z")) == RoomPhase(.activeContract))
        #expect(l.phase(of: "r1", at: ts("2020-07-10T00:00:00Z")) == RoomPhase(.postContract), "ended is exclusive")
        #expect(l.phase(of: "elsewhere", at: ts("2020-07-05T00:00:00Z")) == .inquiry)
    }

    @Test func severalContractsInOneRoom() {
        let l = Self.ledger([("k1", .started, "2020-07-01T00:00:00Z"), ("k1", .ended, "2020-07-05T00:00:00Z"),
                             ("k2", .offerSent, "2020-07-06T00:00:00Z"), ("k2", .started, "2020-07-08T00:00:00Z")])
        #expect(l.phase(of: "r1", at: ts("2020-07-06T12:00:00Z")).phase == .postContract)
        #expect(l.phase(of: "r1", at: ts("2020-07-09T00:00:00Z")).phase == .activeContract)
    }

    @Test func endedWithoutStartIsIgnoredAndTheEarliestDuplicateCounts() {
        let l = Self.ledger([("k1", .ended, "2020-07-05T00:00:00Z"), ("k2", .started, "2020-07-09T00:00:00Z"),
                             ("k2", .started, "2020-07-07T00:00:00Z")])
        #expect(l.phase(of: "r1", at: ts("2020-07-06T00:00:00Z")) == .inquiry)
        #expect(l.phase(of: "r1", at: ts("2020-07-08T00:00:00Z")).phase == .activeContract)
    }

    @Test func rolesAndPlans() {
        let l = Self.ledger([], rooms: [Self.room, LedgerRoom(roomID: "r2", clientID: "c2", freelancerID: "f2", plan: nil, createdAt: nil)])
        #expect(l.role(of: "c1", in: "r1") == .client)
        #expect(l.role(of: "f1", in: "r1") == .freelancer)
        #expect(l.role(of: "bot", in: "r1") == .system)
        #expect(l.role(of: "c1", in: "nowhere") == .unknown)
        #expect(l.planLabel(of: "r1") == "plus")
        #expect(l.planLabel(of: "r2") == "basic")
        #expect(l.planLabel(of: "nowhere") == "unknown")
    }

    @Test func relationshipsCrossRooms() {
        var d = LedgerDelta()
        d.add(LedgerRoom(roomID: "a", clientID: "c", freelancerID: "f", plan: nil, createdAt: nil))
        d.add(LedgerRoom(roomID: "b", clientID: "c", freelancerID: "f", plan: nil, createdAt: nil))
        d.add(LedgerRoom(roomID: "x", clientID: "c", freelancerID: "other", plan: nil, createdAt: nil))
        d.add(ContractRecord(contractID: "k", roomID: "a", event: .started, at: ts("2020-08-01T00:00:00Z")))
        let l = RoomLedger(d)
        #expect(l.relationshipStart(inRoom: "b") == ts("2020-08-01T00:00:00Z"))
        #expect(l.relationshipStart(inRoom: "a") == ts("2020-08-01T00:00:00Z"))
        #expect(l.relationshipStart(inRoom: "x") == nil)
    }

    @Test func offeredChannelsAreJudgedInTimeOrder() {
        var d = LedgerDelta()
        d.add(OfferedChannel(roomID: "r1", partyID: "f1", channel: "phone", at: ts("2020-05-01T10:00:00Z")))
        let l = RoomLedger(d)
        #expect(l.channelOffered(in: "r1", channel: "phone", byOtherThan: "c1", before: ts("2020-05-01T10:00:01Z")))
        #expect(!l.channelOffered(in: "r1", channel: "phone", byOtherThan: "c1", before: ts("2020-05-01T10:00:00Z")))
        #expect(!l.channelOffered(in: "r1", channel: "email", byOtherThan: "c1", before: ts("2020-06-01T00:00:00Z")))
        #expect(!l.channelOffered(in: "r1", channel: "phone", byOtherThan: "f1", before: ts("2020-06-01T00:00:00Z")),
                "a party's own offer does not count")
        #expect(l.channelOffered(in: "r1", channel: nil, byOtherThan: "c1", before: ts("2020-06-01T00:00:00Z")))
    }

    /// Records arrive in any order; the ledger must not care.
    /// Each contract event and offered channel keeps its earliest (time, room), whatever order the adds come in.
    @Test func addsKeepTheEarliest() {
        var rng = SystemRandomNumberGenerator()
        let times = (0..<5).map { ts("2020-07-0\($0 + 1)T00:00:00Z") }
        for _ in 0..<200 {
            var d = LedgerDelta()
            var events: [LedgerDelta.ContractEventKey: (Timestamp, String)] = [:]
            var offers: [LedgerDelta.OfferKey: Timestamp] = [:]
            for _ in 0..<Int.random(in: 1...12, using: &rng) {
                let at = times.randomElement(using: &rng)!, room = ["r1", "r2", "r0"].randomElement(using: &rng)!
                let contract = ["k1", "k2"].randomElement(using: &rng)!, event = [ContractEvent.started, .ended].randomElement(using: &rng)!
                d.add(contractID: contract, roomID: room, event: event, at: at)
                let key = LedgerDelta.ContractEventKey(contractID: contract, event: event)
                if let old = events[key], (old.0, old.1) <= (at, room) {} else { events[key] = (at, room) }
                let party = ["c", "f"].randomElement(using: &rng)!, channel = ["phone", "email"].randomElement(using: &rng)!
                d.add(OfferedChannel(roomID: room, partyID: party, channel: channel, at: at))
                let offer = LedgerDelta.OfferKey(roomID: room, partyID: party, channel: channel)
                offers[offer] = min(offers[offer] ?? at, at)
            }
            #expect(d.contractEvents.mapValues { "\($0.at)|\($0.roomID)" } == events.mapValues { "\($0.0)|\($0.1)" })
            #expect(d.offers == offers)
        }
    }

    @Test func mergingIsOrderIndependent() {
        let rooms = [
            LedgerRoom(roomID: "r", clientID: "c", freelancerID: "f", plan: .basic, createdAt: ts("2020-01-01T00:00:00Z")),
            LedgerRoom(roomID: "r", clientID: "c", freelancerID: "f", plan: .business, createdAt: ts("2020-01-01T00:00:00Z")),
            LedgerRoom(roomID: "r", clientID: "c", freelancerID: "f", plan: .plus, createdAt: nil),
        ]
        let events = [
            ContractRecord(contractID: "k", roomID: "r", event: .started, at: ts("2020-07-02T00:00:00Z")),
            ContractRecord(contractID: "k", roomID: "r", event: .started, at: ts("2020-07-01T00:00:00Z")),
            ContractRecord(contractID: "k", roomID: "r", event: .ended, at: ts("2020-07-09T00:00:00Z")),
        ]
        var reference: LedgerDelta?
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var d1 = LedgerDelta(), d2 = LedgerDelta()
            for r in rooms.shuffled(using: &generator) { Bool.random() ? d1.add(r) : d2.add(r) }
            for e in events.shuffled(using: &generator) { Bool.random() ? d1.add(e) : d2.add(e) }
            var merged = d2
            merged.merge(d1)
            if let reference { #expect(merged == reference) } else { reference = merged }
        }
        #expect(reference?.rooms["r"]?.plan == .business)
        #expect(reference?.contractEvents[.init(contractID: "k", event: .started)]?.at == ts("2020-07-01T00:00:00Z"))
    }

    @Test func aLaterNightsRoomRecordReplacesTheStoredOne() {
        var stored = LedgerDelta()
        stored.add(LedgerRoom(roomID: "r", clientID: "c", freelancerID: "f", plan: .business, createdAt: ts("2020-01-01T00:00:00Z")))
        var tonight = LedgerDelta()
        tonight.add(LedgerRoom(roomID: "r", clientID: "c", freelancerID: "f", plan: .basic, createdAt: nil))
        stored.update(with: tonight)
        #expect(stored.rooms["r"]?.plan == .basic)
    }
}

@Suite struct PhaseTimelineTests {
    /// The timeline answers exactly as the ledger does, at every moment around every event.
    @Test func agreesWithTheLedgerEverywhere() {
        var d = LedgerDelta()
        d.add(RoomLedgerTests.room)
        let events: [(String, ContractEvent, String)] = [
            ("k1", .offerSent, "2020-07-02T00:00:00Z"), ("k1", .started, "2020-07-03T00:00:00Z"), ("k1", .ended, "2020-07-10T00:00:00Z"),
            ("k2", .offerSent, "2020-07-12T00:00:00Z"), ("k2", .started, "2020-07-15T00:00:00Z"), ("k3", .ended, "2020-07-01T00:00:00Z"),
            ("k4", .started, "2020-07-16T00:00:00Z"), ("k4", .ended, "2020-07-20T00:00:00Z"),
        ]
        for (id, e, at) in events { d.add(ContractRecord(contractID: id, roomID: "r1", event: e, at: ts(at))) }
        let ledger = RoomLedger(d)
        let timeline = ledger.timeline(of: "r1")
        for (_, _, at) in events {
            for delta in [-1, 0, 1] {
                let t = Timestamp(nanosecondsSinceEpoch: ts(at).nanosecondsSinceEpoch + Int64(delta))
                #expect(timeline.phase(at: t) == ledger.phase(of: "r1", at: t), "\(t)")
            }
        }
        #expect(ledger.timeline(of: "nowhere").phase(at: ts("2020-07-05T00:00:00Z")) == .inquiry)
    }
}
