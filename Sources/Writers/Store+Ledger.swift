import GRDB
import ExportFormat
import Policy

extension Store {
    /// Everything the ledger knows from earlier runs.
    public func loadLedger() throws -> LedgerDelta {
        try queue.read { db in try Self.ledgerRows(db, rooms: "ledger_rooms", events: "ledger_contract_events", offers: "ledger_offers") }
    }

    /// What the ledger knows from earlier runs that a run holding `rooms`, and telling the ledger `run`, can
    /// ask about; loading the whole ledger made a night's time and memory grow with every night stored. The
    /// lookups of a run's rooms give the same answers as with the whole ledger (`RoomLedger`):
    /// - the rooms themselves (role, plan, offers);
    /// - every room of the same client and freelancer pairs (a relationship starts with a contract in any room);
    /// - every event of every contract with an event in any of those rooms or in `run` (a contract belongs to
    ///   the room of its `started` event, else of its offer, else of its end, so one event is not enough).
    public func loadLedger(for run: LedgerDelta, rooms: [String]) throws -> LedgerDelta {
        var d = LedgerDelta()
        try queue.inTransaction { db in
            // A first night has nothing to look up (the temporary tables of its rooms cost about a second).
            guard try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM ledger_rooms) OR EXISTS (SELECT 1 FROM ledger_contract_events)
                    OR EXISTS (SELECT 1 FROM ledger_offers)
                """) == true else { return .rollback }
            try db.execute(sql: """
                CREATE TEMP TABLE wanted_rooms (room_id TEXT PRIMARY KEY, asked INTEGER NOT NULL) WITHOUT ROWID;
                CREATE TEMP TABLE wanted_pairs (client_id TEXT, freelancer_id TEXT, PRIMARY KEY (client_id, freelancer_id)) WITHOUT ROWID;
                CREATE TEMP TABLE wanted_contracts (contract_id TEXT PRIMARY KEY) WITHOUT ROWID;
                """)
            var add = try BulkInsert(db, "INSERT OR IGNORE INTO temp.wanted_rooms (room_id, asked) VALUES (?, 1)")
            for r in ByteOrder.sorted(rooms) {
                add.bind(r)
                try add.insert()
            }
            let own = try Self.ledgerRows(db, rooms: "ledger_rooms JOIN temp.wanted_rooms USING (room_id)", events: nil, offers: nil)
            // The pairs as they stand after this run: its own room records replace stored ones.
            var pairs = Set<[String]>()
            for r in rooms {
                if let room = run.rooms[r] ?? own.rooms[r] { pairs.insert([room.clientID, room.freelancerID]) }
            }
            var addPair = try BulkInsert(db, "INSERT INTO temp.wanted_pairs (client_id, freelancer_id) VALUES (?, ?)")
            for p in pairs.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                addPair.bind(p[0]); addPair.bind(p[1])
                try addPair.insert()
            }
            try db.execute(sql: """
                INSERT OR IGNORE INTO temp.wanted_rooms (room_id, asked)
                    SELECT room_id, 0 FROM ledger_pair_rooms WHERE (client_id, freelancer_id) IN (SELECT client_id, freelancer_id FROM temp.wanted_pairs);
                INSERT OR IGNORE INTO temp.wanted_contracts (contract_id)
                    SELECT contract_id FROM ledger_room_contracts WHERE room_id IN (SELECT room_id FROM temp.wanted_rooms);
                """)
            var addContract = try BulkInsert(db, "INSERT OR IGNORE INTO temp.wanted_contracts (contract_id) VALUES (?)")
            for c in ByteOrder.sorted(Set(run.contractEvents.keys.map(\.contractID))) {
                addContract.bind(c)
                try addContract.insert()
            }
            // The asked rooms' records are in `own` already: only those of their pairs' other rooms are read now.
            d = own
            d.merge(try Self.ledgerRows(db, rooms: "ledger_rooms JOIN temp.wanted_rooms USING (room_id) WHERE asked = 0",
                                        events: "ledger_contract_events WHERE contract_id IN (SELECT contract_id FROM temp.wanted_contracts)",
                                        offers: "ledger_offers WHERE room_id IN (SELECT room_id FROM temp.wanted_rooms)"))
            // Read only: nothing of this transaction is kept (the temporary tables go with it).
            return .rollback
        }
        return d
    }

    /// The ledger rows of `FROM` clauses (nil: none of that kind).
    private static func ledgerRows(_ db: Database, rooms: String?, events: String?, offers: String?) throws -> LedgerDelta {
        var d = LedgerDelta()
        if let rooms {
            for row in try Row.fetchAll(db, sql: "SELECT room_id, client_id, freelancer_id, client_plan, created_at_ns FROM \(rooms)") {
                let plan: String? = row["client_plan"]
                let created: Int64? = row["created_at_ns"]
                d.add(LedgerRoom(roomID: row["room_id"], clientID: row["client_id"], freelancerID: row["freelancer_id"],
                                 plan: plan.flatMap(ClientPlan.init(rawValue:)),
                                 createdAt: created.map(Timestamp.init(nanosecondsSinceEpoch:))))
            }
        }
        if let events {
            for row in try Row.fetchAll(db, sql: "SELECT contract_id, event, room_id, at_ns FROM \(events)") {
                d.add(contractID: row["contract_id"], roomID: row["room_id"], event: ContractEvent(rawValue: row["event"])!,
                      at: Timestamp(nanosecondsSinceEpoch: row["at_ns"]))
            }
        }
        if let offers {
            for row in try Row.fetchAll(db, sql: "SELECT room_id, party_id, channel, at_ns FROM \(offers)") {
                d.add(OfferedChannel(roomID: row["room_id"], partyID: row["party_id"], channel: row["channel"],
                                     at: Timestamp(nanosecondsSinceEpoch: row["at_ns"])))
            }
        }
        return d
    }

    /// Stores what a run tells the ledger: a room's latest record replaces the
    /// stored one; contract events and offers keep their earliest time.
    func saveLedger(_ rows: LedgerRows, _ db: Database) throws {
        try BatchedInsert.rows(db, into: "INSERT INTO ledger_rooms (room_id, client_id, freelancer_id, client_plan, created_at_ns)", columns: 5,
                               then: """
            ON CONFLICT (room_id) DO UPDATE SET client_id = excluded.client_id, freelancer_id = excluded.freelancer_id,
                client_plan = excluded.client_plan, created_at_ns = excluded.created_at_ns
            """) { rooms in
            for r in rows.rooms {
                rooms.bind(r.roomID); rooms.bind(r.clientID); rooms.bind(r.freelancerID); rooms.bind(r.plan?.rawValue)
                rooms.bind(r.createdAt?.nanosecondsSinceEpoch)
                try rooms.endRow()
            }
        }
        try BatchedInsert.rows(db, into: "INSERT INTO ledger_contract_events (contract_id, event, room_id, at_ns)", columns: 4, then: """
            ON CONFLICT (contract_id, event) DO UPDATE SET room_id = excluded.room_id, at_ns = excluded.at_ns
            WHERE excluded.at_ns < ledger_contract_events.at_ns
            """) { events in
            for (k, v) in rows.contractEvents {
                events.bind(k.contractID); events.bind(k.event.rawValue); events.bind(v.roomID); events.bind(v.at.nanosecondsSinceEpoch)
                try events.endRow()
            }
        }
        try BatchedInsert.rows(db, into: "INSERT INTO ledger_offers (room_id, party_id, channel, at_ns)", columns: 4, then: """
            ON CONFLICT (room_id, party_id, channel) DO UPDATE SET at_ns = excluded.at_ns
            WHERE excluded.at_ns < ledger_offers.at_ns
            """) { offers in
            for (k, at) in rows.offers {
                offers.bind(k.roomID); offers.bind(k.partyID); offers.bind(k.channel); offers.bind(at.nanosecondsSinceEpoch)
                try offers.endRow()
            }
        }
        try BatchedInsert.rows(db, into: "INSERT OR IGNORE INTO ledger_pair_rooms (client_id, freelancer_id, room_id)", columns: 3) { pairRooms in
            for r in rows.pairRooms {
                pairRooms.bind(r.clientID); pairRooms.bind(r.freelancerID); pairRooms.bind(r.roomID)
                try pairRooms.endRow()
            }
        }
        try BatchedInsert.rows(db, into: "INSERT OR IGNORE INTO ledger_room_contracts (room_id, contract_id)", columns: 2) { roomContracts in
            var last: (room: String, contract: String)?
            for e in rows.roomContracts {
                // A contract's events mostly name one room: its pair goes in once (in this order, repeats are neighbours).
                if let l = last, l.room == e.value.roomID, l.contract == e.key.contractID { continue }
                last = (e.value.roomID, e.key.contractID)
                roomContracts.bind(e.value.roomID); roomContracts.bind(e.key.contractID)
                try roomContracts.endRow()
            }
        }
    }
}

/// A run's ledger updates in the order they are stored. The ledger tables are
/// keyed B-trees (WITHOUT ROWID): rows go in in key order, which made the insert
/// of a night's contract events 12 times cheaper than in hash order (measured
/// with the sqlite3 shell: 1.69 s against 0.14 s of CPU for 470,000 rows). The
/// keys decide what is kept, not the order. Sorting needs no database, so it can
/// be done beside judging and the fact inserts.
///
/// The order is SQLite's own, found by `ByteOrder`: sorting the rows themselves
/// by `String` comparison moved and retained their strings at every step.
public struct LedgerRows: Sendable {
    // The rows as the delta held them, and their orders: sorted copies of the rows would hold every row twice
    // while they are made (tens of MB at a night of 10 M messages, beside the fact inserts). The rooms stay in
    // the delta's table, which the room ledger shares while rooms are settled: a list of them would be a copy.
    private let roomTable: [String: LedgerRoom]
    private let roomSlots: [Dictionary<String, LedgerRoom>.Index]
    private let eventList: [(key: LedgerDelta.ContractEventKey, value: LedgerDelta.ContractEventValue)]
    private let offerList: [(key: LedgerDelta.OfferKey, value: Timestamp)]
    private let roomOrder: [Int32], eventOrder: [Int32], offerOrder: [Int32]
    private let pairRoomOrder: [Int32], roomContractOrder: [Int32]

    /// Consuming: each of the delta's tables goes once its rows are listed, so they are never all held twice.
    public init(_ delta: consuming LedgerDelta) {
        var tables = delta.takeTables()
        let table = tables.rooms, slots = Array(table.indices)
        tables.rooms = [:]
        roomOrder = ByteOrder.indices(slots.count, key: { table[slots[$0]].value.roomID })
        pairRoomOrder = ByteOrder.indices(slots.count, key: { table[slots[$0]].value.clientID }) { a, b in
            let x = table[slots[a]].value, y = table[slots[b]].value
            return x.freelancerID != y.freelancerID ? ByteOrder.precedes(x.freelancerID, y.freelancerID) : ByteOrder.precedes(x.roomID, y.roomID)
        }
        roomTable = table
        roomSlots = slots
        let events = Array(tables.contractEvents)
        tables.contractEvents = [:]
        eventOrder = ByteOrder.indices(events.count, key: { events[$0].key.contractID }) { a, b in
            ByteOrder.precedes(events[a].key.event.rawValue, events[b].key.event.rawValue)
        }
        roomContractOrder = ByteOrder.indices(events.count, key: { events[$0].value.roomID }) { a, b in
            ByteOrder.precedes(events[a].key.contractID, events[b].key.contractID)
        }
        eventList = events
        let offers = Array(tables.offers)
        tables.offers = [:]
        offerOrder = ByteOrder.indices(offers.count, key: { offers[$0].key.roomID }) { a, b in
            let x = offers[a].key, y = offers[b].key
            return x.partyID != y.partyID ? ByteOrder.precedes(x.partyID, y.partyID) : ByteOrder.precedes(x.channel, y.channel)
        }
        offerList = offers
    }

    /// Rooms in room order, for `ledger_rooms`.
    var rooms: LazyMapSequence<[Int32], LedgerRoom> { roomOrder.lazy.map { [roomTable, roomSlots] in roomTable[roomSlots[Int($0)]].value } }
    /// Contract events in (contract, event) order, for `ledger_contract_events`.
    var contractEvents: LazyMapSequence<[Int32], (key: LedgerDelta.ContractEventKey, value: LedgerDelta.ContractEventValue)> {
        eventOrder.lazy.map { eventList[Int($0)] }
    }
    /// Offers in (room, party, channel) order, for `ledger_offers`.
    var offers: LazyMapSequence<[Int32], (key: LedgerDelta.OfferKey, value: Timestamp)> { offerOrder.lazy.map { offerList[Int($0)] } }
    /// Rooms in (client, freelancer, room) order, for `ledger_pair_rooms`.
    var pairRooms: LazyMapSequence<[Int32], LedgerRoom> { pairRoomOrder.lazy.map { [roomTable, roomSlots] in roomTable[roomSlots[Int($0)]].value } }
    /// Contract events in (room, contract) order, for `ledger_room_contracts`.
    var roomContracts: LazyMapSequence<[Int32], (key: LedgerDelta.ContractEventKey, value: LedgerDelta.ContractEventValue)> {
        roomContractOrder.lazy.map { eventList[Int($0)] }
    }
}
