import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

extension CSVTable {
    /// Writes the report to `url`, replacing any file there, so that a reader
    /// sees either the old report or the new one, never half of one.
    ///
    /// The text goes to a temporary file in the same directory (a rename is
    /// only atomic within one file system), is flushed to disk, and is renamed
    /// over the target. On any failure the temporary file is removed and the
    /// old report, if any, is left as it was.
    public func write(to url: URL) throws(CSVWriteError) {
        try Self.replace(url, with: encoded())
    }

    static func replace(_ url: URL, with contents: [UInt8]) throws(CSVWriteError) {
        let target = url.path
        let directory = url.deletingLastPathComponent().path
        // Hidden and unique, so a glob for *.csv never picks it up and two
        // writers of the same report never share one.
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path

        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CSVWriteError(path: target, step: .createTemporaryFile, code: errno) }

        func fail(_ step: CSVWriteError.Step, closing: Bool = true) -> CSVWriteError {
            let error = CSVWriteError(path: target, step: step, code: errno)
            if closing { _ = close(fd) }
            _ = unlink(temporary)
            return error
        }

        var written = 0
        while written < contents.count {
            let n = contents.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(.write)
            }
            written += n
        }
        if fsync(fd) != 0 { throw fail(.flush) }
        if close(fd) != 0 { throw fail(.flush, closing: false) }
        if rename(temporary, target) != 0 { throw fail(.replace, closing: false) }

        // Make the rename itself durable; the report is already in place, so a
        // failure here is not worth failing the run for.
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryFD >= 0 {
            _ = fsync(directoryFD)
            _ = close(directoryFD)
        }
    }
}

/// Why a report could not be written: which step failed, for which report, and
/// the system's reason.
public struct CSVWriteError: Error, Equatable, CustomStringConvertible {
    public enum Step: String, Sendable {
        case createTemporaryFile = "create a temporary file for"
        case write = "write"
        case flush = "flush"
        case replace = "replace"
    }

    public var path: String
    public var step: Step
    /// The `errno` of the failed call.
    public var code: Int32

    public var description: String {
        "cannot \(step.rawValue) \(path): \(String(cString: strerror(code)))"
    }
}
