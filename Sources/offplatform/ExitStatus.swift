import ArgumentParser

/// The exit statuses of `offplatform`, documented in README.md ("Exit status").
enum ExitStatus: Int32, CaseIterable {
    /// Every input line was read and processed or rejected with a reason; nothing was rejected and no file failed.
    case success = 0
    /// An unexpected error (the database could not be written, …): nothing was recorded.
    case failure = 1
    /// Finished; some lines were rejected (each reported with file, line and reason, and counted).
    case linesRejected = 2
    /// Finished; some input files failed (missing, unreadable, truncated or corrupt); the others count.
    case filesFailed = 3
    /// Nothing could be read: no input file could be opened or read to the end.
    case nothingRead = 4
    /// Bad command line or policy file: nothing was read.
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }
}
