#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input as named on the command line.
public enum InputSpec: Sendable, Hashable {
    case path(String)
    case standardInput

    /// `-` is standard input; anything else is a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .path(argument)
    }

    /// The files to read, in order: each argument in turn; a directory as every
    /// `*.jsonl` and `*.jsonl.gz` below it in byte-wise order of their paths.
    ///
    /// Never fails: a path that does not exist, or a directory that cannot be
    /// listed, becomes an input whose `unavailable` says why, so the run reports it
    /// and goes on. Decisions (docs/INPUT.md): hidden entries (names starting with
    /// `.`) below a directory are skipped; symbolic links to files are followed, to
    /// directories not (no cycles); an input named twice (the same path string, or
    /// `-`) is read once, where it first appears.
    public static func resolve(_ specs: [InputSpec]) -> [InputFile] {
        var result: [InputFile] = []
        var seen = Set<String>()
        func add(_ f: InputFile) {
            if seen.insert(f.displayPath).inserted { result.append(f) }
        }
        for spec in specs {
            switch spec {
            case .standardInput:
                add(.standardInput)
            case .path(let path):
                var st = stat()
                guard stat(path, &st) == 0 else {
                    add(InputFile(source: .path(path), displayPath: path, unavailable: "cannot open: \(errnoText())"))
                    continue
                }
                if st.st_mode & S_IFMT == S_IFDIR {
                    var found: [InputFile] = []
                    collect(directory: path, into: &found)
                    found.sort { $0.displayPath.utf8.lexicographicallyPrecedes($1.displayPath.utf8) }
                    found.forEach(add)
                } else {
                    // A file named explicitly is read whatever its name and kind (a FIFO too).
                    add(.file(path))
                }
            }
        }
        return result
    }

    /// Whether a file found in a directory walk is an export file.
    public static func isExportFileName(_ name: String) -> Bool {
        (name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz")) && !name.hasPrefix(".")
    }

    static func collect(directory: String, into found: inout [InputFile]) {
        guard let dir = opendir(directory) else {
            found.append(InputFile(source: .path(directory), displayPath: directory,
                                   unavailable: "cannot list directory: \(errnoText())"))
            return
        }
        defer { closedir(dir) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let path = prefix + name
            var st = stat()
            guard lstat(path, &st) == 0 else { continue }
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                collect(directory: path, into: &found)
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG, isExportFileName(name) {
                    found.append(.file(path))
                }
            case S_IFREG:
                if isExportFileName(name) { found.append(.file(path)) }
            default:
                continue
            }
        }
    }
}

/// One input to read: a file, standard input, or an open file descriptor.
public struct InputFile: Sendable, Hashable {
    public enum Source: Sendable, Hashable {
        case path(String)
        case standardInput
        /// An open descriptor the caller owns (the reader does not close it).
        case fileDescriptor(Int32)
    }

    public var source: Source
    /// The name shown to users and stored with the file's statistics.
    public var displayPath: String
    /// Why the input cannot be read, when that was known before reading it.
    public var unavailable: String?

    public init(source: Source, displayPath: String, unavailable: String? = nil) {
        self.source = source
        self.displayPath = displayPath
        self.unavailable = unavailable
    }

    public static func file(_ path: String) -> InputFile {
        InputFile(source: .path(path), displayPath: path)
    }

    public static let standardInput = InputFile(source: .standardInput, displayPath: "<stdin>")

    public static func fileDescriptor(_ fd: Int32, displayPath: String) -> InputFile {
        InputFile(source: .fileDescriptor(fd), displayPath: displayPath)
    }
}

func errnoText(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
