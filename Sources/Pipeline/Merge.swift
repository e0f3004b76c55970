import Foundation
import ExportFormat
import Policy
import Analytics
import Writers

/// Combines partial results into the database and the reports, exactly as one
/// `analyze` over the same inputs would have.
public struct Merge: Sendable {
    public var partials: [String]
    public var databasePath: String
    public var reportsDirectory: String
    public var policy: PolicyDocument
    public var force: Bool
    public var callWindowSeconds: Int64
    let log: MessageLog

    public init(partials: [String], databasePath: String, reportsDirectory: String, policy: PolicyDocument, force: Bool = false,
                callWindowSeconds: Int64 = 30 * 60, log: @escaping MessageLog) {
        self.partials = partials
        self.databasePath = databasePath
        self.reportsDirectory = reportsDirectory
        self.policy = policy
        self.force = force
        self.callWindowSeconds = callWindowSeconds
        self.log = log
    }

    public func run() throws -> RunSummary {
        let clock = ContinuousClock.now
        let started = Timestamp.now
        let read = try partials.map { try Partial.read(from: URL(fileURLWithPath: $0)) }
        for (path, p) in zip(partials, read) where p.header.policyHash != policy.contentHash {
            throw PartialError(path: path, line: 1, message: "made with policy '\(p.header.policy)' (sha256 \(p.header.policyHash.prefix(12))…), "
                               + "not the one given here (\(policy.label)); merge with the same --policy")
        }
        let store = try Store(path: databasePath)

        // One file table: a file is the same file in every partial (same path and content).
        struct FileKey: Hashable, Comparable {
            var path: String
            var sha256: String
            static func < (a: Self, b: Self) -> Bool { (a.path, a.sha256) < (b.path, b.sha256) }
        }
        var combined: [FileKey: Partial.File] = [:]
        for p in read {
            for f in p.files {
                let key = FileKey(path: f.path, sha256: f.sha256)
                guard var c = combined[key] else { combined[key] = f; continue }
                c.lines += f.lines
                c.blankLines += f.blankLines
                c.uncompressedBytes += f.uncompressedBytes
                c.recordsByType.merge(f.recordsByType, uniquingKeysWith: +)
                c.rejections += f.rejections
                if f.status == InputFileRecord.Status.failed.rawValue { c.status = f.status; c.failure = f.failure }
                combined[key] = c
            }
        }
        let keys = combined.keys.sorted()
        let globalIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })

        var files: [InputFileRecord] = []
        var counted = Set<Int32>()
        var recordsByType: [String: Int] = [:]
        for (i, key) in keys.enumerated() {
            let f = combined[key]!
            let status = InputFileRecord.Status(rawValue: f.status) ?? .failed
            if status == .analyzed, !force, try store.isAnalyzed(contentHash: f.sha256) {
                files.append(InputFileRecord(path: f.path, contentHash: f.sha256, bytes: 0, uncompressedBytes: 0, lines: 0, blankLines: 0,
                                             records: 0, rejectedLines: 0, status: .skippedAlreadyAnalyzed))
                continue
            }
            let rejections = f.rejections.map { (line: $0.line, reason: $0.reason) }.sorted { $0.line < $1.line }
            let records = f.recordsByType.values.reduce(0, +)
            var r = InputFileRecord(path: f.path, contentHash: f.sha256, bytes: f.bytes, uncompressedBytes: f.uncompressedBytes,
                                    lines: f.lines, blankLines: status == .failed ? 0 : f.blankLines, records: status == .failed ? 0 : records,
                                    rejectedLines: status == .failed ? f.lines : rejections.count, status: status, failure: f.failure,
                                    rejections: status == .failed ? [] : rejections)
            if status == .analyzed {
                r.recordsByType = f.recordsByType
                recordsByType.merge(f.recordsByType, uniquingKeysWith: +)
                counted.insert(Int32(i))
                for rej in rejections.prefix(20) { log("\(f.path):\(rej.line): rejected: \(rej.reason)") }
            }
            files.append(r)
        }

        var settled = SettledFacts()
        var duplicates = 0
        for p in read {
            var map: [Int32: Int32] = [:]
            for f in p.files {
                let g = globalIndex[FileKey(path: f.path, sha256: f.sha256)]!
                if counted.contains(g) { map[f.id] = g }
            }
            settled.merge(p.facts.remappingFiles(map))
            duplicates += p.duplicateMessages
        }
        // One fact per room key, whatever the partials held (their room facts are taken as written).
        settled.coalesceRoomFacts()
        let messages = settled.messageCounts.values.reduce(0) { $0 + $1.messages } + settled.pendingMessages.count
        // Judging asks the ledger about the rooms of messages with findings: only what those can ask about is loaded.
        let judgedRooms = Array(Set(settled.pendingMessages.map(\.roomID)))
        var everything = try store.loadLedger(for: settled.ledger, rooms: judgedRooms)
        everything.update(with: settled.ledger)
        return try Recorder(store: store, policy: policy, callWindowSeconds: callWindowSeconds, reportsDirectory: reportsDirectory)
            .record(mode: .merge, inputs: partials, jobs: 1, files: files, recordsByType: recordsByType, settled: settled,
                    ledger: RoomLedger(everything), messages: messages, duplicateMessages: duplicates, started: started, clock: clock)
    }
}
