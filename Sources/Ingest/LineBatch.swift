/// How a file is read. The defaults suit nightly exports.
public struct ReadOptions: Sendable, Hashable {
    /// A longer line (not counting its `\n` or `\r\n`) is skipped without being
    /// buffered and reported as `line_too_long`.
    public var maximumLineLength: Int
    /// A batch is handed on once it holds at least this many bytes of lines.
    public var batchBytes: Int
    /// How many bytes are read from the file at a time.
    public var chunkSize: Int
    /// Whether the summary gets the SHA-256 of the bytes read. Off when the
    /// caller hashed the file before (to skip it if analyzed already): hashing
    /// every byte twice cost more than a tenth of a core's time on gzipped input.
    public var hashesContent: Bool

    public init(maximumLineLength: Int = 1 << 20, batchBytes: Int = 1 << 20, chunkSize: Int = 256 << 10,
                hashesContent: Bool = true) {
        precondition(maximumLineLength >= 0 && batchBytes >= 1 && chunkSize >= 1)
        self.maximumLineLength = maximumLineLength
        self.batchBytes = batchBytes
        self.chunkSize = chunkSize
        self.hashesContent = hashesContent
    }
}

/// What a batch's receiver wants next.
public enum SinkDecision: Sendable, Hashable {
    case proceed
    case stop
}

/// Consecutive lines of one file in one contiguous buffer, with every line of
/// that stretch of the file accounted for: delivered lines, too-long lines and
/// blank lines.
public struct LineBatch: Sendable {
    public struct Line: Sendable, Hashable {
        /// The line's bytes in `bytes`, without its `\n` and any `\r` before it.
        public var range: Range<Int>
        /// 1-based, counting every line of the file (blank and too long ones too).
        public var number: Int

        public init(range: Range<Int>, number: Int) {
            self.range = range
            self.number = number
        }
    }

    /// 0-based position of this batch among the file's batches.
    public var sequence: Int
    public var bytes: [UInt8]
    public var lines: [Line]
    /// Lines of this stretch rejected as `line_too_long`, by line number.
    public var tooLongLineNumbers: [Int]
    /// Blank lines (empty or only spaces, tabs and `\r`) in this stretch.
    public var blankLines: Int

    public init(sequence: Int, bytes: [UInt8], lines: [Line], tooLongLineNumbers: [Int], blankLines: Int) {
        self.sequence = sequence
        self.bytes = bytes
        self.lines = lines
        self.tooLongLineNumbers = tooLongLineNumbers
        self.blankLines = blankLines
    }

    /// Every line of the stretch: delivered + too long + blank.
    public var lineCount: Int { lines.count + tooLongLineNumbers.count + blankLines }

    /// The bytes of the line at `index` of `lines`, as the record decoder takes them.
    public func withLine<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let r = lines[index].range
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[r])) }
    }
}

/// How a file's reading ended.
public enum FileStatus: Sendable, Hashable {
    /// Read to its end.
    case complete
    /// Could not be opened or read to its end; lines delivered before stay delivered.
    case failed(reason: String)
    /// The sink asked to stop before the end.
    case stopped
}

public enum Compression: String, Sendable, Hashable {
    case none
    case gzip
}

/// Per-file statistics. Invariant: `lines == deliveredLines + tooLongLineNumbers.count + blankLines`.
public struct FileReadSummary: Sendable, Hashable {
    public var displayPath: String
    public var compression: Compression = .none
    /// Bytes read from the file as stored (compressed, if gzipped).
    public var bytesRead = 0
    /// Bytes after decompression (equal to `bytesRead` for a plain file).
    public var decompressedBytes = 0
    /// Complete gzip members read (0 for a plain file).
    public var gzipMembers = 0
    /// Every line: delivered, too long and blank. After a failure, only the
    /// complete lines before it.
    public var lines = 0
    public var deliveredLines = 0
    public var blankLines = 0
    public var tooLongLineNumbers: [Int] = []
    public var status: FileStatus = .complete
    /// SHA-256 (lower-case hex) of the bytes as stored, as `sha256sum` prints it;
    /// nil when the file was not read to its end (stopped, not opened, read error)
    /// or was read without hashing (`ReadOptions.hashesContent`).
    public var sha256: String?

    public init(displayPath: String) {
        self.displayPath = displayPath
    }
}
