import ExportFormat

/// What happened to one input file in a run: a row of `input_files`.
public struct InputFileRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Read to the end; its facts count in the reports.
        case analyzed
        /// Analyzed by an earlier run, then re-analyzed with `--force`: its facts were removed.
        case replaced
        /// Its content was analyzed before: skipped, nothing counted twice.
        case skippedAlreadyAnalyzed = "skipped_already_analyzed"
        /// Could not be read to the end (missing, unreadable, truncated or corrupt): nothing from it counts.
        case failed
    }

    public var path: String
    public var contentHash: String
    public var bytes: Int64
    public var uncompressedBytes: Int64
    public var lines: Int
    public var blankLines: Int
    public var records: Int
    public var rejectedLines: Int
    /// The records by type (`message`, `call`, …): `records` is their sum.
    public var recordsByType: [String: Int] = [:]
    public var status: Status
    public var failure: String?
    /// Rejected lines: line number and reason.
    public var rejections: [(line: Int, reason: String)]

    public init(path: String, contentHash: String, bytes: Int64, uncompressedBytes: Int64, lines: Int, blankLines: Int,
                records: Int, rejectedLines: Int, status: Status, failure: String? = nil, rejections: [(line: Int, reason: String)] = []) {
        self.path = path
        self.contentHash = contentHash
        self.bytes = bytes
        self.uncompressedBytes = uncompressedBytes
        self.lines = lines
        self.blankLines = blankLines
        self.records = records
        self.rejectedLines = rejectedLines
        self.status = status
        self.failure = failure
        self.rejections = rejections
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.contentHash == b.contentHash && a.bytes == b.bytes && a.lines == b.lines
            && a.status == b.status && a.failure == b.failure && a.records == b.records && a.rejectedLines == b.rejectedLines
            && a.rejections.map(\.line) == b.rejections.map(\.line) && a.rejections.map(\.reason) == b.rejections.map(\.reason)
    }

    public func hash(into h: inout Hasher) {
        h.combine(path)
        h.combine(contentHash)
        h.combine(status)
    }
}

/// One run: a row of `runs`.
public struct RunRecord: Sendable {
    public enum Mode: String, Sendable { case analyze, merge }

    public var mode: Mode
    public var startedAt: Timestamp
    public var finishedAt: Timestamp
    public var wallSeconds: Double
    public var inputs: [String]
    public var linesRead: Int
    public var blankLines: Int
    public var recordsByType: [String: Int]
    public var rejectedByReason: [String: Int]
    public var duplicateMessages: Int
    public var messages: Int
    public var findingsByVerdict: [String: Int]
    public var uncompressedBytes: Int64
    public var policyName: String
    public var policyHash: String
    public var toolVersion: String
    public var jobs: Int
    public var exitStatus: Int32

    public init(mode: Mode, startedAt: Timestamp, finishedAt: Timestamp, wallSeconds: Double, inputs: [String],
                linesRead: Int, blankLines: Int, recordsByType: [String: Int], rejectedByReason: [String: Int],
                duplicateMessages: Int, messages: Int, findingsByVerdict: [String: Int], uncompressedBytes: Int64,
                policyName: String, policyHash: String, toolVersion: String, jobs: Int, exitStatus: Int32) {
        self.mode = mode
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.wallSeconds = wallSeconds
        self.inputs = inputs
        self.linesRead = linesRead
        self.blankLines = blankLines
        self.recordsByType = recordsByType
        self.rejectedByReason = rejectedByReason
        self.duplicateMessages = duplicateMessages
        self.messages = messages
        self.findingsByVerdict = findingsByVerdict
        self.uncompressedBytes = uncompressedBytes
        self.policyName = policyName
        self.policyHash = policyHash
        self.toolVersion = toolVersion
        self.jobs = jobs
        self.exitStatus = exitStatus
    }

    public var records: Int { recordsByType.values.reduce(0, +) }
    public var linesRejected: Int { rejectedByReason.values.reduce(0, +) }
}
