import Foundation
import GRDB
import Testing
import ExportFormat
import Policy
import TestSupport
@testable import Writers

/// A run loads only the part of the ledger its rooms can ask about
/// (`loadLedger(for:rooms:)`). Checked against the slow, trusted way, the whole
/// ledger: on random histories where pairs of client and freelancer share
/// rooms, contracts have events in several rooms, and the run's own records
/// change rooms' parties and add events to stored contracts, every lookup the
/// run can make about its rooms answers the same.
@Suite struct LedgerLoadTests {
    struct Universe {
        var rng: SplitMix64
        let rooms = (0..<40).map { "room-\($0)" }
        let clients = (0..<6).map { "client-\($0)" }
        let freelancers = (0..<5).map { "freelancer-\($0)" }
        let contracts = (0..<30).map { "contract-\($0)" }
        let channels = ["phone", "email", "whatsapp", "telegram"]

        mutating func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
        mutating func time() -> Timestamp { Timestamp(nanosecondsSinceEpoch: 1_600_000_000_000_000_000 + Int64(rng.next() % 1_000) * 60_000_000_000) }

        /// Records of rooms, contract events and offers over the universe.
        mutating func delta(records: Int) -> LedgerDelta {
            var d = LedgerDelta()
            for _ in 0..<records {
                switch rng.next() % 3 {
                case 0:
                    d.add(LedgerRoom(roomID: pick(rooms), clientID: pick(clients), freelancerID: pick(freelancers),
                                     plan: chance(20) ? nil : pick(ClientPlan.allCases), createdAt: chance(50) ? time() : nil))
                case 1:
                    d.add(contractID: pick(contracts), roomID: pick(rooms), event: pick(ContractEvent.allCases), at: time())
                default:
                    d.add(OfferedChannel(roomID: pick(rooms), partyID: chance(50) ? pick(clients) : pick(freelancers),
                                         channel: pick(channels), at: time()))
                }
            }
            return d
        }
    }

    /// Every answer a run can get about `room`, as text.
    static func answers(_ l: RoomLedger, room: String, u: Universe, times: [Timestamp]) -> [String] {
        var out = ["timeline " + l.timeline(of: room).changes.map { "\($0.at.nanosecondsSinceEpoch)=\($0.phase)" }.joined(separator: ",")]
        out.append("relationship \(l.relationshipStart(inRoom: room).map { "\($0.nanosecondsSinceEpoch)" } ?? "none")")
        out.append("plan \(l.planLabel(of: room))")
        for p in u.clients + u.freelancers + ["someone"] {
            out.append("role \(p) \(l.role(of: p, in: room))")
            for c in u.channels + [nil] as [String?] {
                for t in times { out.append("offered \(p) \(c ?? "any") \(t.nanosecondsSinceEpoch) \(l.channelOffered(in: room, channel: c, byOtherThan: p, before: t))") }
            }
        }
        for t in times { out.append("phase \(t.nanosecondsSinceEpoch) \(l.phase(of: room, at: t))") }
        return out
    }

    @Test(arguments: 0..<40)
    func aRunsRoomsAnswerAsWithTheWholeLedger(seed: UInt64) throws {
        var u = Universe(rng: SplitMix64(seed: seed))
        let store = try Store()
        // Several nights: later room records change a room's pair, earlier events move a contract's room.
        var stored = LedgerDelta()
        for _ in 0..<4 {
            let night = u.delta(records: 40)
            try store.queue.write { db in try store.saveLedger(LedgerRows(night), db) }
            stored.update(with: night)
        }
        #expect(try store.loadLedger() == stored)

        let run = u.delta(records: 15)
        var runRooms = Set(run.rooms.keys).union(run.contractEvents.values.map(\.roomID))
        for _ in 0..<5 { runRooms.insert(u.pick(u.rooms)) }
        runRooms.insert("room-new")
        let part = try store.loadLedger(for: run, rooms: Array(runRooms))

        var whole = try store.loadLedger(), some = part
        whole.update(with: run)
        some.update(with: run)
        let everything = RoomLedger(whole), loaded = RoomLedger(some)
        let times = (0..<4).map { _ in u.time() }
        for room in runRooms.sorted() {
            let got = Self.answers(loaded, room: room, u: u, times: times), expected = Self.answers(everything, room: room, u: u, times: times)
            let differing = zip(got, expected).filter { $0 != $1 }.map { "\($0.0) (whole ledger: \($0.1))" }
            #expect(got.count == expected.count && differing.isEmpty, "room \(room), seed \(seed): \(differing.prefix(3))")
        }
        // It is a part: rooms of other pairs with no contract shared stay out (on most seeds).
        #expect(part.rooms.count <= stored.rooms.count)
    }

    @Test func aPartIsLessThanTheWhole() throws {
        var u = Universe(rng: SplitMix64(seed: 7))
        let store = try Store()
        let stored = u.delta(records: 300)
        try store.queue.write { db in try store.saveLedger(LedgerRows(stored), db) }
        let part = try store.loadLedger(for: LedgerDelta(), rooms: ["room-1"])
        #expect(part.rooms.count < stored.rooms.count && part.offers.count < stored.offers.count)
        #expect(part.rooms["room-1"] == stored.rooms["room-1"])
        #expect(try store.loadLedger(for: LedgerDelta(), rooms: []) == LedgerDelta())
    }
}

/// The ledger rows' order against sorting the rows themselves by their keys' UTF-8 bytes: ids that share long
/// prefixes, are shorter or longer than the 16 bytes compared as integers, hold non-ASCII or are empty.
@Suite struct LedgerRowOrderTests {
    static func id(_ rng: inout SplitMix64) -> String {
        let prefixes = ["", "k_", "k_0123456789abcd", "k_0123456789abcdef", "é", "ключ-", "😀"]
        let tail = String(rng.next() % 1000, radix: 16)
        return prefixes[Int(rng.next() % UInt64(prefixes.count))] + (rng.next() % 5 == 0 ? "" : tail)
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    @Test(arguments: 0..<20)
    func rowsComeInTheKeysByteOrder(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var d = LedgerDelta()
        let t = Timestamp(nanosecondsSinceEpoch: 1_600_000_000_000_000_000)
        for _ in 0..<300 {
            d.add(LedgerRoom(roomID: Self.id(&rng), clientID: "c", freelancerID: "f", plan: nil, createdAt: nil))
            d.add(contractID: Self.id(&rng), roomID: "r", event: ContractEvent.allCases[Int(rng.next() % 3)], at: t)
            d.add(OfferedChannel(roomID: Self.id(&rng), partyID: Self.id(&rng), channel: ["phone", "email", "é-mail"][Int(rng.next() % 3)], at: t))
        }
        let rows = LedgerRows(d)
        #expect(rows.rooms.map { Self.bytes($0.roomID) } == d.rooms.keys.map(Self.bytes).sorted { $0.lexicographicallyPrecedes($1) })
        #expect(rows.rooms.count == d.rooms.count && Set(rows.rooms.map(\.roomID)) == Set(d.rooms.keys))
        let eventKeys = d.contractEvents.keys.map { [Self.bytes($0.contractID), Self.bytes($0.event.rawValue)] }
            .sorted { $0[0] != $1[0] ? $0[0].lexicographicallyPrecedes($1[0]) : $0[1].lexicographicallyPrecedes($1[1]) }
        #expect(rows.contractEvents.map { [Self.bytes($0.key.contractID), Self.bytes($0.key.event.rawValue)] } == eventKeys)
        #expect(rows.contractEvents.allSatisfy { d.contractEvents[$0.key] == $0.value })
        let offerKeys = d.offers.keys.map { [Self.bytes($0.roomID), Self.bytes($0.partyID), Self.bytes($0.channel)] }
            .sorted { $0.lexicographicallyPrecedes($1, by: { $0.lexicographicallyPrecedes($1) }) }
        #expect(rows.offers.map { [Self.bytes($0.key.roomID), Self.bytes($0.key.partyID), Self.bytes($0.key.channel)] } == offerKeys)
        #expect(rows.offers.allSatisfy { d.offers[$0.key] == $0.value })
    }
}
