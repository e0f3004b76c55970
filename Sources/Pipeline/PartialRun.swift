import Foundation
import ExportFormat
import Ingest
import Policy
import Analytics
import Writers

/// The files of a distributed run, as the driver lists them: every keyed line
/// names its file by `id`.
public struct Manifest: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var id: Int32
        public var path: String
        public var sha256: String
        public var bytes: Int64
    }

    public var files: [Entry]

    public static func read(from url: URL) throws -> Manifest {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return try d.decode(Manifest.self, from: Data(contentsOf: url))
    }
}

/// What `analyze --partial` did.
public struct PartialSummary: Sendable {
    public var output: String
    public var lines: Int
    public var messages: Int
    public var pendingFindings: Int
    public var rooms: Int
    public var wallSeconds: Double

    public var text: String {
        "offplatform analyze --partial: \(lines) lines, \(messages) messages, \(pendingFindings) findings to judge, "
            + "\(rooms) rooms; written to \(output) in \(String(format: "%.2f", wallSeconds)) s"
    }
}

/// A distributed run went wrong in a way that must fail its task loudly.
public struct PartialRunError: Error, CustomStringConvertible {
    public var description: String
}

extension Analysis {
    /// Reads and settles the inputs (whole rooms) and writes a partial result
    /// instead of the database and reports. With a manifest, the inputs are keyed
    /// lines and files are those of the manifest. `known` is the ledger of earlier
    /// nights, read-only.
    public func runPartial(output: URL, manifest: Manifest?, known: LedgerDelta) throws -> PartialSummary {
        let clock = ContinuousClock.now
        let config = configuration
        var files: [Partial.File] = []
        var harvest = Harvest()
        if let manifest {
            let inputs = InputSpec.resolve(config.inputs.map(InputSpec.init(argument:)))
            let harvested = readAndHarvest(inputs, indices: inputs.indices.map(Int32.init), keyed: true)
            for (i, input) in inputs.enumerated() {
                if let s = harvested.summaries[Int32(i)], case .failed(let reason) = s.status {
                    throw PartialRunError(description: "\(input.displayPath): \(reason)")
                }
            }
            if harvested.malformedKeyedLines > 0 {
                throw PartialRunError(description: "\(harvested.malformedKeyedLines) input lines are not keyed lines (<file id>\\t<line>\\t<export line>)")
            }
            for pieces in harvested.harvests.values { for h in pieces { harvest.merge(h) } }
            let known = Set(manifest.files.map(\.id))
            if let stray = harvest.files.keys.first(where: { !known.contains($0) }) {
                throw PartialRunError(description: "keyed lines name file id \(stray), which the manifest does not list")
            }
            for e in manifest.files {
                let t = harvest.files[e.id] ?? FileTally()
                files.append(Partial.File(id: e.id, path: e.path, sha256: e.sha256, bytes: e.bytes, uncompressedBytes: t.payloadBytes,
                                          lines: t.lines, blankLines: t.blankLines, recordsByType: t.recordsByType,
                                          rejections: t.sortedRejections.map { .init(line: $0.line, reason: $0.reason) },
                                          status: InputFileRecord.Status.analyzed.rawValue, failure: nil))
            }
        } else {
            let collection = try collect { _ in false }
            harvest = collection.harvest
            for (i, f) in collection.files.enumerated() {
                files.append(Partial.File(id: Int32(i), path: f.path, sha256: f.contentHash, bytes: f.bytes, uncompressedBytes: f.uncompressedBytes,
                                          lines: f.lines, blankLines: f.blankLines, recordsByType: f.recordsByType,
                                          rejections: f.rejections.map { .init(line: $0.line, reason: $0.reason) },
                                          status: f.status.rawValue, failure: f.failure))
            }
        }
        let settlement = Settler.settle(harvest, known: known, policy: config.policy, jobs: config.jobs)
        let partial = Partial(header: .init(format: Partial.format, version: Partial.version, toolVersion: ToolVersion.current,
                                            policy: config.policy.name, policyHash: config.policy.contentHash, createdAt: .now),
                              files: files, facts: settlement.facts, messages: settlement.messages,
                              duplicateMessages: settlement.duplicateMessages)
        try partial.write(to: output)
        return PartialSummary(output: output.path, lines: files.reduce(0) { $0 + $1.lines }, messages: settlement.messages,
                              pendingFindings: settlement.facts.pendingMessages.reduce(0) { $0 + $1.findings.count },
                              rooms: harvest.rooms.count, wallSeconds: clock.secondsElapsed)
    }
}
