import ExportFormat
import Detection
import Policy
import Analytics

/// The detector as the pipeline sees it: text in, findings out.
public protocol TextDetector: Sendable {
    func findings(in text: String) -> [Finding]
    /// The findings of the text whose UTF-8 bytes (valid UTF-8) these are, as `findings(in:)` gives them.
    func findings(utf8: UnsafeBufferPointer<UInt8>) -> [Finding]
}

extension TextDetector {
    public func findings(utf8: UnsafeBufferPointer<UInt8>) -> [Finding] {
        findings(in: String(decoding: utf8, as: UTF8.self))
    }
}

/// One message as kept until rooms are settled: a few fixed bytes, never its text.
struct MessageStub: Sendable {
    var sentAt: Int64
    var key: UInt64
    var room: Int32
    var sender: Int32
    var file: Int32
    var line: Int32
}

/// A harvest's stubs in chunks of a million (32 MiB each: mapped memory, which the
/// system takes back when a chunk goes, and whose untouched part is never
/// resident). Appending never copies what is there, merging harvests moves
/// chunks instead of copying stubs (a copy held every merged file's stubs twice:
/// the peak of reading), and settling takes them as one array chunk by chunk.
/// Chunks are objects, not arrays, so that no copy-on-write can ever copy one.
struct StubChunks: Sendable {
    static let chunkCapacity = 1 << 20
    private(set) var chunks: [StubChunk] = []
    private(set) var count = 0

    mutating func append(_ s: MessageStub) {
        if chunks.last?.isFull ?? true {
            chunks.append(StubChunk(capacity: Self.chunkCapacity))
        }
        chunks[chunks.count - 1].append(s)
        count += 1
    }

    /// Moves `other`'s chunks here, each stub changed by `adjust` on the way (in place: `other` is spent).
    mutating func absorb(_ other: StubChunks, adjust: (inout MessageStub) -> Void) {
        for chunk in other.chunks {
            for j in 0..<chunk.count { adjust(&chunk.base[j]) }
            chunks.append(chunk)
        }
        count += other.count
    }

    /// Every stub in one array, in order; each chunk is let go once copied (when no other harvest holds it).
    mutating func takeAll() -> [MessageStub] {
        var all: [MessageStub] = []
        all.reserveCapacity(count)
        chunks.reverse()
        while let chunk = chunks.popLast() {
            all.append(contentsOf: UnsafeBufferPointer(start: chunk.base, count: chunk.count))
        }
        count = 0
        return all
    }
}

/// Room for a fixed number of stubs, filled from the front; written by one thread at a time.
final class StubChunk: @unchecked Sendable {
    let base: UnsafeMutablePointer<MessageStub>
    let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    var isFull: Bool { count == capacity }

    func append(_ s: MessageStub) {
        precondition(count < capacity)
        (base + count).initialize(to: s)
        count += 1
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }
}

/// A message that had findings, kept with them until it is judged.
struct DetectedMessage: Sendable {
    var messageID: String
    var findings: [DetectedFinding]
}

/// Where a line came from.
struct LineOrigin: Hashable, Sendable {
    var file: Int32
    var line: Int32
    var packed: UInt64 { UInt64(UInt32(bitPattern: file)) << 32 | UInt64(UInt32(bitPattern: line)) }
}

/// What a worker gathers from the lines it is given: values that merge, in any order.
struct Harvest: Sendable {
    var rooms = Interner()
    var senders = Interner()
    var stubs = StubChunks()
    /// Messages with findings, by their origin.
    var detected: [UInt64: DetectedMessage] = [:]
    var ledger = LedgerDelta()
    var calls: [(origin: LineOrigin, call: CallRecord)] = []
    /// Per file: records by type, rejections.
    var files: [Int32: FileTally] = [:]

    mutating func merge(_ other: consuming Harvest) {
        // Taking `other` whole is cheapest.
        if stubs.count == 0 && rooms.count == 0 && senders.count == 0 && detected.isEmpty && calls.isEmpty && files.isEmpty {
            let keptLedger = ledger
            self = other
            ledger.merge(keptLedger)
            return
        }
        let roomMap = rooms.absorb(other.rooms)
        let senderMap = senders.absorb(other.senders)
        stubs.absorb(other.stubs) { s in
            s.room = roomMap[Int(s.room)]
            s.sender = senderMap[Int(s.sender)]
        }
        detected.merge(other.detected) { a, _ in a }
        ledger.merge(other.ledger)
        calls += other.calls
        for (f, t) in other.files { files[f, default: FileTally()].merge(t) }
    }
}

/// Per-file counts of what its lines became.
struct FileTally: Sendable {
    /// Records by `Record.typeIndex`: every line adds to one, and an array index costs less than a look-up by
    /// type name (1.5 % of a run's instructions).
    var recordCounts = [Int](repeating: 0, count: Record.typeNames.count)
    var rejections: [(line: Int32, reason: String)] = []
    /// Counted here only for keyed lines (a file read directly is counted by its reader).
    var lines = 0
    var blankLines = 0
    var payloadBytes: Int64 = 0

    mutating func merge(_ other: FileTally) {
        for t in recordCounts.indices { recordCounts[t] += other.recordCounts[t] }
        rejections += other.rejections
        lines += other.lines
        blankLines += other.blankLines
        payloadBytes += other.payloadBytes
    }

    mutating func count(line: UnsafeRawBufferPointer) {
        lines += 1
        payloadBytes += Int64(line.count + 1)
        if KeyedLine.isBlank(line) { blankLines += 1 }
    }

    /// The types seen, by name.
    var recordsByType: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(Record.typeNames, recordCounts).filter { $0.1 > 0 })
    }

    var records: Int { recordCounts.reduce(0, +) }

    var sortedRejections: [(line: Int, reason: String)] {
        rejections.map { (line: Int($0.line), reason: $0.reason) }.sorted { $0.line < $1.line }
    }
}

/// Turns decoded records into harvest entries: runs the detector on message
/// texts and attachments, and works out what exceptions need from the text
/// while it is at hand.
struct Harvester: Sendable {
    let detector: any TextDetector
    let contexts: FindingContextScanner

    func add(_ outcome: DecodeOutcome, origin: LineOrigin, to h: inout Harvest) {
        switch outcome {
        case .rejected(let reason):
            h.files[origin.file, default: FileTally()].rejections.append((origin.line, reason.code))
        case .record(let record):
            h.files[origin.file, default: FileTally()].recordCounts[record.typeIndex] += 1
            // Ids the night holds for its whole length are the interners' own strings: one copy per room and
            // sender instead of one per record (at 8 M messages, ≈ 100 MB less).
            switch record {
            case .room(var r):
                r.roomID = h.rooms.canonical(r.roomID)
                r.clientID = h.senders.canonical(r.clientID)
                r.freelancerID = h.senders.canonical(r.freelancerID)
                h.ledger.add(LedgerRoom(r))
            case .contract(var c):
                c.roomID = h.rooms.canonical(c.roomID)
                h.ledger.add(c)
            case .call(var c):
                c.roomID = h.rooms.canonical(c.roomID)
                c.initiatorID = h.senders.canonical(c.initiatorID)
                h.calls.append((origin, c))
            case .message(let m): m.withBytes { harvest($0, origin: origin, to: &h) }
            case .unknown: break
            }
        }
    }

    /// A message read as bytes (`RecordDecoder.decode(_:message:)`): counted, then harvested as its record is.
    func add(_ m: MessageBytes, origin: LineOrigin, to h: inout Harvest) {
        h.files[origin.file, default: FileTally()].recordCounts[Record.messageTypeIndex] += 1
        harvest(m, origin: origin, to: &h)
    }

    /// `String`s are made only for what is kept: an id interned for the first time, the id of a message with
    /// findings.
    private func harvest(_ m: MessageBytes, origin: LineOrigin, to h: inout Harvest) {
        h.stubs.append(MessageStub(sentAt: m.sentAt.nanosecondsSinceEpoch, key: MessageKey.of(m.messageID),
                                   room: h.rooms.intern(m.roomID), sender: h.senders.intern(m.senderID),
                                   file: origin.file, line: origin.line))
        var found: [DetectedFinding] = []
        detect(utf8: m.text, source: .text, into: &found)
        for a in m.attachments {
            if let t = a.text { detect(in: t, source: .attachment(a.kind), into: &found) }
        }
        if !found.isEmpty {
            h.detected[origin.packed] = DetectedMessage(messageID: MessageBytes.string(m.messageID), findings: found)
        }
    }

    func detect(in text: String, source: FindingSource, into found: inout [DetectedFinding]) {
        var utf8 = text
        utf8.withUTF8 { detect(utf8: $0, source: source, into: &found) }
    }

    func detect(utf8 text: UnsafeBufferPointer<UInt8>, source: FindingSource, into found: inout [DetectedFinding]) {
        guard !text.isEmpty else { return }
        let findings = detector.findings(utf8: text)
        guard !findings.isEmpty else { return }
        add(findings, of: text, source: source, into: &found)
    }

    private func add(_ findings: [Finding], of bytes: UnsafeBufferPointer<UInt8>, source: FindingSource,
                     into found: inout [DetectedFinding]) {
        // Both read the bytes near each finding; the scalar-to-byte map is made once.
        let offsets = ScalarOffsets(bytes)
        let ctx = contexts.contexts(for: findings, utf8: bytes, offsets: offsets, source: source)
        let evidence = Evidence.masked(utf8: bytes, offsets: offsets, findings: findings)
        for (i, f) in findings.enumerated() {
            found.append(DetectedFinding(kind: f.kind, platform: f.platform, intent: f.intent, detectorRule: f.rule,
                                         start: f.start, end: f.end, context: ctx[i], evidence: evidence[i]))
        }
    }
}

extension Detector: TextDetector {}
