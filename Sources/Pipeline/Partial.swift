import Foundation
import ExportFormat
import Detection
import Policy
import Analytics
import Writers

/// A partial result: what `analyze --partial` contributes, ready to `merge`.
///
/// It holds the facts of whole rooms, settled (phases, roles, plans, offered
/// channels known) but not yet judged — judging needs every room at once,
/// because an existing relationship crosses rooms — plus the file table with
/// every line accounted for, and what the rooms told the ledger. The format is
/// JSON Lines, versioned, documented in docs/DISTRIBUTED.md.
public struct Partial: Sendable {
    public static let format = "offplatform-partial"
    public static let version = 1

    public struct Header: Codable, Sendable, Equatable {
        public var format: String
        public var version: Int
        public var toolVersion: String
        public var policy: String
        public var policyHash: String
        public var createdAt: Timestamp
    }

    /// One input file as this partial saw it (in keyed mode, the lines of it that came to this partition).
    public struct File: Codable, Sendable, Equatable {
        public var id: Int32
        public var path: String
        public var sha256: String
        public var bytes: Int64
        public var uncompressedBytes: Int64
        public var lines: Int
        public var blankLines: Int
        public var recordsByType: [String: Int]
        public var rejections: [Rejection]
        public var status: String
        public var failure: String?

        public struct Rejection: Codable, Sendable, Equatable { public var line: Int; public var reason: String }
    }

    public var header: Header
    public var files: [File]
    public var facts: SettledFacts
    public var messages: Int
    public var duplicateMessages: Int
}

/// The lines of a partial file: one JSON object per line, its single key naming the entry.
enum PartialEntry: Codable {
    case header(Partial.Header)
    case file(Partial.File)
    case count(CountEntry)
    case room(RoomEntry)
    case message(PendingMessage)
    case call(CallFact)
    case ledgerRoom(LedgerRoom)
    case contractEvent(ContractEventEntry)
    case offer(OfferedChannel)
    case totals(Totals)

    struct CountEntry: Codable { var key: MessageCountKey; var messages: Int }
    struct RoomEntry: Codable { var key: RoomFactKey; var messages: Int }
    struct ContractEventEntry: Codable { var contractId: String; var event: ContractEvent; var roomId: String; var at: Timestamp }
    struct Totals: Codable { var messages: Int; var duplicateMessages: Int }

    enum Key: String, CodingKey {
        case header, file, count, room, message, call, ledgerRoom, contractEvent, offer, totals
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "an entry has exactly one key"))
        }
        switch key {
        case .header: self = .header(try c.decode(Partial.Header.self, forKey: key))
        case .file: self = .file(try c.decode(Partial.File.self, forKey: key))
        case .count: self = .count(try c.decode(CountEntry.self, forKey: key))
        case .room: self = .room(try c.decode(RoomEntry.self, forKey: key))
        case .message: self = .message(try c.decode(PendingMessage.self, forKey: key))
        case .call: self = .call(try c.decode(CallFact.self, forKey: key))
        case .ledgerRoom: self = .ledgerRoom(try c.decode(LedgerRoom.self, forKey: key))
        case .contractEvent: self = .contractEvent(try c.decode(ContractEventEntry.self, forKey: key))
        case .offer: self = .offer(try c.decode(OfferedChannel.self, forKey: key))
        case .totals: self = .totals(try c.decode(Totals.self, forKey: key))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        switch self {
        case .header(let v): try c.encode(v, forKey: .header)
        case .file(let v): try c.encode(v, forKey: .file)
        case .count(let v): try c.encode(v, forKey: .count)
        case .room(let v): try c.encode(v, forKey: .room)
        case .message(let v): try c.encode(v, forKey: .message)
        case .call(let v): try c.encode(v, forKey: .call)
        case .ledgerRoom(let v): try c.encode(v, forKey: .ledgerRoom)
        case .contractEvent(let v): try c.encode(v, forKey: .contractEvent)
        case .offer(let v): try c.encode(v, forKey: .offer)
        case .totals(let v): try c.encode(v, forKey: .totals)
        }
    }

    static func ledgerEntries(_ d: LedgerDelta) -> [PartialEntry] {
        d.rooms.values.sorted { $0.roomID < $1.roomID }.map { .ledgerRoom($0) }
            + d.contractEvents.sorted { $0.key < $1.key }.map {
                .contractEvent(ContractEventEntry(contractId: $0.key.contractID, event: $0.key.event, roomId: $0.value.roomID, at: $0.value.at))
            }
            + d.offers.sorted { $0.key < $1.key }.map {
                .offer(OfferedChannel(roomID: $0.key.roomID, partyID: $0.key.partyID, channel: $0.key.channel, at: $0.value))
            }
    }
}

/// A partial file that cannot be used, with where and why.
public struct PartialError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String
    public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

extension Partial {
    static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        return d
    }

    /// Writes the partial as JSON Lines, through a temporary file renamed into place.
    public func write(to url: URL) throws {
        let e = Self.encoder()
        var out = Data()
        func put(_ entry: PartialEntry) throws {
            out.append(try e.encode(entry))
            out.append(0x0A)
        }
        try put(.header(header))
        for f in files { try put(.file(f)) }
        for (k, v) in MessageCountKey.inKeyOrder(facts.messageCounts) { try put(.count(.init(key: k, messages: v.messages))) }
        for r in facts.roomFacts.sorted(by: { $0.key < $1.key }) { try put(.room(.init(key: r.key, messages: r.count.messages))) }
        for m in facts.pendingMessages.sorted(by: { ($0.file, $0.messageID) < ($1.file, $1.messageID) }) { try put(.message(m)) }
        for c in facts.calls { try put(.call(c)) }
        for entry in PartialEntry.ledgerEntries(facts.ledger) { try put(entry) }
        try put(.totals(.init(messages: messages, duplicateMessages: duplicateMessages)))
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        try out.write(to: tmp)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
        try FileManager.default.moveItem(at: tmp, to: url)
    }

    /// Reads a partial, checking its format and version first.
    public static func read(from url: URL) throws -> Partial {
        try read(from: url, expecting: format)
    }

    static func read(from url: URL, expecting expectedFormat: String) throws -> Partial {
        let path = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PartialError(path: path, line: nil, message: "cannot read (\(error.localizedDescription))")
        }
        let d = decoder()
        var partial: Partial?
        var sawTotals = false
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: true) {
            lineNumber += 1
            let entry: PartialEntry
            do { entry = try d.decode(PartialEntry.self, from: Data(line)) } catch {
                throw PartialError(path: path, line: lineNumber, message: lineNumber == 1 ? "not a partial result (\(error))" : "bad entry (\(error))")
            }
            if case .header(let h) = entry {
                guard lineNumber == 1 else { throw PartialError(path: path, line: lineNumber, message: "a second header") }
                guard h.format == expectedFormat else {
                    throw PartialError(path: path, line: 1, message: "not an \(expectedFormat) file (format '\(h.format)')")
                }
                guard h.version == version else {
                    throw PartialError(path: path, line: 1, message: "partial format version \(h.version); this offplatform reads version \(version)")
                }
                partial = Partial(header: h, files: [], facts: SettledFacts(), messages: 0, duplicateMessages: 0)
                continue
            }
            // Taken out while it grows, so that no second reference makes each append copy everything read so far.
            guard var p = partial.take() else { throw PartialError(path: path, line: 1, message: "not a partial result (no header)") }
            switch entry {
            case .header: break
            case .file(let f): p.files.append(f)
            case .count(let c): p.facts.messageCounts[c.key, default: MessageCount()] += MessageCount(messages: c.messages)
            case .room(let r): p.facts.roomFacts.append(RoomFact(key: r.key, count: MessageCount(messages: r.messages)))
            case .message(let m): p.facts.pendingMessages.append(m)
            case .call(let c): p.facts.calls.append(c)
            case .ledgerRoom(let r): p.facts.ledger.add(r)
            case .contractEvent(let e): p.facts.ledger.add(contractID: e.contractId, roomID: e.roomId, event: e.event, at: e.at)
            case .offer(let o): p.facts.ledger.add(o)
            case .totals(let t): p.messages = t.messages; p.duplicateMessages = t.duplicateMessages; sawTotals = true
            }
            partial = p
        }
        guard let p = partial else { throw PartialError(path: path, line: nil, message: "empty: not a partial result") }
        guard sawTotals else { throw PartialError(path: path, line: nil, message: "incomplete (no totals line): was its writer interrupted?") }
        return p
    }
}

/// The room ledger of a database, exported to ship to the tasks of a
/// distributed run (read-only there): the same entries as a partial's ledger part.
public enum LedgerFile {
    public static let format = "offplatform-ledger"

    public static func write(_ ledger: LedgerDelta, to url: URL, policy: PolicyDocument) throws {
        var facts = SettledFacts()
        facts.ledger = ledger
        let p = Partial(header: .init(format: format, version: Partial.version, toolVersion: ToolVersion.current, policy: policy.name,
                                      policyHash: policy.contentHash, createdAt: .now),
                        files: [], facts: facts, messages: 0, duplicateMessages: 0)
        try p.write(to: url)
    }

    public static func read(from url: URL) throws -> LedgerDelta {
        try Partial.read(from: url, expecting: format).facts.ledger
    }
}
