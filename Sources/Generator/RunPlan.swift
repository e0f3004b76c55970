import ExportFormat

/// The fixed shape of a run, decided before any record is written: how many
/// rooms and messages, and how rooms are cut into blocks (the unit of
/// randomness and of parallel work) and chunks (the unit of memory).
///
/// Nothing here depends on `--jobs`: blocks are numbered, each draws from its
/// own stream, and chunks are written in order, so the bytes are the same
/// whether one worker or eight made them.
struct RunPlan: Sendable {
    static let blockRooms = 64
    /// About this many record bytes are held in memory at a time (plus what is deferred to the next chunk).
    static let chunkTargetBytes = 16 << 20

    let settings: GeneratorSettings
    let rooms: Int
    let messages: Int
    let rangeStart: Int64
    let rangeEnd: Int64
    let blocksPerChunk: Int
    let clientPool: Int
    let freelancerPool: Int
    let salt: UInt64

    var blockCount: Int { (rooms + Self.blockRooms - 1) / Self.blockRooms }
    var chunkCount: Int { max(1, (blockCount + blocksPerChunk - 1) / blocksPerChunk) }

    init(settings: GeneratorSettings, messages: Int, rooms: Int) {
        self.settings = settings
        self.messages = messages
        self.rooms = max(1, rooms)
        rangeStart = settings.start.secondsSinceEpoch
        rangeEnd = rangeStart + Int64(settings.days) * 86_400
        let bytesPerRoom = max(1, messages / max(1, rooms)) * 330 + 400
        let chunkRooms = settings.chunkRooms ?? max(Self.blockRooms, Self.chunkTargetBytes / bytesPerRoom)
        blocksPerChunk = max(1, chunkRooms / Self.blockRooms)
        // Clients meet about three freelancers each; freelancers work in about two rooms.
        clientPool = max(1, self.rooms / 3)
        freelancerPool = max(self.rooms / 2, self.rooms / clientPool + 2)
        salt = RandomStream.mix(settings.seed ^ 0x6F66_6670_6C61_7466)
    }

    /// The plan for these settings: messages and rooms from whichever was given (`--size` is calibrated on a sample).
    static func make(_ s: GeneratorSettings) -> RunPlan {
        if let target = s.targetBytes {
            let sampleRooms = blockRooms * 8
            let sample = RunPlan(settings: s, messages: sampleRooms * 30, rooms: sampleRooms)
            var bytes = 0, messages = 0
            for b in 0..<sample.blockCount {
                var generator = BlockGenerator(plan: sample, block: b)
                let out = generator.run()
                bytes += out.recordBytes
                messages += out.tally.messages.reduce(0, +)
            }
            let perMessage = Double(bytes) / Double(max(1, messages))
            let n = Int((Double(target) / perMessage).rounded())
            return RunPlan(settings: s, messages: n, rooms: s.rooms ?? max(1, n / 30))
        }
        let n = s.messages ?? (s.rooms.map { $0 * 30 } ?? 100_000)
        return RunPlan(settings: s, messages: n, rooms: s.rooms ?? max(1, n / 30))
    }

    func roomRange(block b: Int) -> Range<Int> {
        (b * Self.blockRooms)..<min(rooms, (b + 1) * Self.blockRooms)
    }

    func blockRange(chunk c: Int) -> Range<Int> {
        (c * blocksPerChunk)..<min(blockCount, (c + 1) * blocksPerChunk)
    }

    /// Messages in rooms before room `r`: blocks share messages in proportion to their rooms, exactly.
    func messagesBefore(room r: Int) -> Int {
        Int((Int64(messages) * Int64(r)) / Int64(rooms))
    }

    // Opaque, unique IDs: the SplitMix finalizer is a bijection, so distinct
    // numbers give distinct IDs, and the seed changes them all.
    func roomID(_ i: Int) -> [UInt8] { id("r_", UInt64(i) ^ (salt &* 11)) }
    func userID(client c: Int) -> [UInt8] { id("u_", UInt64(c) * 2 ^ (salt &* 13)) }
    func userID(freelancer f: Int) -> [UInt8] { id("u_", (UInt64(f) * 2 + 1) ^ (salt &* 13)) }
    func messageID(_ n: Int) -> [UInt8] { id("m_", UInt64(n) ^ (salt &* 3)) }
    func contractID(room: Int, _ k: Int) -> [UInt8] { id("ct_", (UInt64(room) << 4 | UInt64(k)) ^ (salt &* 5)) }
    func callID(room: Int, _ k: Int) -> [UInt8] { id("k_", (UInt64(room) << 12 | UInt64(k)) ^ (salt &* 7)) }

    private func id(_ prefix: StaticString, _ v: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(20)
        out.append(ascii: prefix)
        out.appendHex(RandomStream.mix(v), digits: 16)
        return out
    }

    /// The client and freelancer of room `i`. Each client has rooms with
    /// several freelancers and no pair meets twice by accident: for a given
    /// client, the freelancer index differs with every room of that client.
    func parties(room i: Int) -> (client: Int, freelancer: Int) {
        let c = i % clientPool
        let k = i / clientPool
        return (c, (c &* 7919 &+ k) % freelancerPool)
    }
}

let sharedChatter = Chatter()
