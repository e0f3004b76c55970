import Foundation
import Testing
import Generator
import TestSupport

/// No ordering is promised by the format, and the export shows it: a room's
/// records are spread over files, contract events come after the messages they
/// govern, some room records never appear.
@Suite struct LayoutTests {
    let g = GeneratedExport.shared

    /// Room of each record → the files it appears in.
    var filesByRoom: [String: Set<Int>] {
        var out: [String: Set<Int>] = [:]
        for (i, f) in g.files.enumerated() {
            for r in f { if let room = r["room_id"] as? String { out[room, default: []].insert(i) } }
        }
        return out
    }

    @Test func roomsAreSpreadAcrossFiles() {
        let busy = filesByRoom.filter { room, _ in g.records.filter { $0["room_id"] as? String == room }.count >= 10 }
        let spread = busy.filter { $0.value.count >= 2 }.count
        #expect(!busy.isEmpty && Double(spread) / Double(busy.count) > 0.8, "\(spread) of \(busy.count) busy rooms span several files")
        // Some room records sit in a file holding none of the room's messages.
        var apart = 0
        for (i, f) in g.files.enumerated() {
            for room in f where room["type"] as? String == "room" {
                let id = room["room_id"] as! String
                if !f.contains(where: { $0["type"] as? String == "message" && $0["room_id"] as? String == id }) && filesByRoom[id]!.count > 1 {
                    apart += 1
                }
                _ = i
            }
        }
        #expect(apart > 0)
    }

    @Test func contractEventsSometimesFollowTheMessagesTheyGovern() {
        var laterInFile = 0
        for f in g.files {
            var messageTimes: [String: [Double]] = [:]   // room → sent_at of messages read so far in this file
            for r in f {
                let room = r["room_id"] as? String ?? ""
                if r["type"] as? String == "message" { messageTimes[room, default: []].append(instant(r["sent_at"] as! String)!) }
                if r["type"] as? String == "contract", let at = instant(r["at"] as! String),
                   (messageTimes[room] ?? []).contains(where: { $0 > at }) {
                    laterInFile += 1
                }
            }
        }
        #expect(laterInFile > 10, "\(laterInFile) contract events come after a message they govern")
    }

    @Test func recordsWithinAFileAreNotInTimeOrder() {
        for f in g.files {
            let times = f.compactMap { ($0["sent_at"] as? String).flatMap(instant) }
            let inversions = zip(times, times.dropFirst()).filter { $0 > $1 }.count
            #expect(inversions > times.count / 10)
        }
    }

    @Test func everyRecordsRoomExistsButForTheDeliberatelyUnknownOnes() {
        let known = Set(g.roomsByID.keys)
        let orphanRooms = Set(g.records.compactMap { $0["room_id"] as? String }).subtracting(known)
        let unknown = (g.summary["counts"] as! [String: Any])["rooms_without_record"] as! Int
        #expect(orphanRooms.count <= unknown, "only rooms the generator left without a record are unknown")
        #expect(unknown > 0)
        // Their messages are counted under role and plan unknown, and no call happens in them.
        for row in g.findings where orphanRooms.contains(g.messagesByID[row["message_id"]!]!["room_id"] as! String) {
            #expect(row["sender_role"] == "unknown" && row["client_plan"] == "unknown")
        }
        #expect(!g.records(ofType: "call").contains { orphanRooms.contains($0["room_id"] as! String) })
        // Messages come from the room's two participants or the platform's system sender.
        for m in g.records(ofType: "message") {
            guard let room = g.roomsByID[m["room_id"] as! String] else { continue }
            let sender = m["sender_id"] as! String
            #expect(sender == room["client_id"] as! String || sender == room["freelancer_id"] as! String || sender == "sys_offplatform")
        }
    }

    @Test func usersMeetInSeveralRooms() {
        var roomsPerClient: [String: Int] = [:], roomsPerPair: [String: Int] = [:]
        for r in g.records(ofType: "room") {
            roomsPerClient[r["client_id"] as! String, default: 0] += 1
            roomsPerPair["\(r["client_id"]!)|\(r["freelancer_id"]!)", default: 0] += 1
        }
        #expect(roomsPerClient.values.contains { $0 >= 3 })
        #expect(roomsPerPair.values.contains { $0 >= 2 }, "some client–freelancer pairs meet in several rooms")
        let plans = Set(g.records(ofType: "room").map { $0["client_plan"] as? String ?? "absent" })
        #expect(plans == ["basic", "plus", "business", "enterprise", "absent"])
    }
}

/// Memory is bounded by a chunk of rooms, not by the size of the export.
@Suite struct StreamingTests {
    @Test func peakHeldBytesDoesNotGrowWithTheExport() throws {
        func peak(rooms: Int) throws -> GenerationReport {
            let dir = TemporaryDirectory()
            let s = GeneratorSettings(messages: rooms * 20, rooms: rooms, files: 2, gzip: true, seed: 3, jobs: 2, chunkRooms: 128)
            return try ExportGenerator.generate(s, into: dir.path)
        }
        let small = try peak(rooms: 512), large = try peak(rooms: 2048)
        #expect(large.uncompressedBytes > 3 * small.uncompressedBytes)
        #expect(large.chunks == 4 * small.chunks)
        #expect(Double(large.peakHeldBytes) < 1.5 * Double(small.peakHeldBytes),
                "peak \(large.peakHeldBytes) bytes for 4× the rooms against \(small.peakHeldBytes)")
    }
}
