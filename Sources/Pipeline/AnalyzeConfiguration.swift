import Foundation
import Policy

/// Everything a run needs, settled before any work starts: the command line
/// becomes this, and the pipeline never sees flags.
public struct AnalyzeConfiguration: Sendable {
    /// Inputs as given: files, directories, `-` for standard input.
    public var inputs: [String]
    public var databasePath: String
    public var reportsDirectory: String
    public var policy: PolicyDocument
    /// Threads reading and processing (default: all cores).
    public var jobs: Int
    /// A longer line is rejected as `line_too_long`, not the file.
    public var maxLineBytes: Int
    /// Re-analyze files already analyzed, replacing their rows.
    public var force: Bool
    /// How long after a call a move off the platform counts.
    public var callWindowSeconds: Int64
    /// Show a progress line on standard error.
    public var progress: Bool
    /// At most this many rejected lines per file are reported on standard error (all are counted and stored).
    public var rejectionsShownPerFile: Int

    public init(inputs: [String], databasePath: String, reportsDirectory: String, policy: PolicyDocument,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, maxLineBytes: Int = 1 << 20, force: Bool = false,
                callWindowSeconds: Int64 = 30 * 60, progress: Bool = false, rejectionsShownPerFile: Int = 20) {
        self.inputs = inputs
        self.databasePath = databasePath
        self.reportsDirectory = reportsDirectory
        self.policy = policy
        self.jobs = max(1, jobs)
        self.maxLineBytes = maxLineBytes
        self.force = force
        self.callWindowSeconds = callWindowSeconds
        self.progress = progress
        self.rejectionsShownPerFile = rejectionsShownPerFile
    }
}
