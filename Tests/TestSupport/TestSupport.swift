// TestSupport: what every test target shares — a fresh directory per test, the
// path of the built `offplatform` binary and a way to run it, and where the
// shared peer suites live. No test logic lives here.
import Foundation

/// A fresh, empty directory under the system temporary directory, removed when
/// the value is deinitialized.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ label: String = "offplatform-test") {
        let base = FileManager.default.temporaryDirectory
        url = base.appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public var path: String { url.path }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> URL {
        try write(name, Data(contents.utf8))
    }

    @discardableResult
    public func write(_ name: String, _ data: Data) throws -> URL {
        let u = file(name)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
        return u
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}

public enum Paths {
    /// The repository root (the directory holding Package.swift).
    public static let packageRoot: URL = {
        var u = URL(fileURLWithPath: #filePath)
        while u.path != "/" {
            u.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: u.appendingPathComponent("Package.swift").path) { return u }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/peer-suites` beside the repository, or nil where it is absent
    /// (as in a user's own clone): tests that need it then say they skipped.
    public static var peerSuites: URL? {
        if let env = ProcessInfo.processInfo.environment["OFFPLATFORM_PEER_SUITES"] {
            return URL(fileURLWithPath: env)
        }
        let u = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/peer-suites")
        return FileManager.default.fileExists(atPath: u.path) ? u : nil
    }

    /// The `offplatform` binary built beside the test bundle (or `$OFFPLATFORM_BIN`).
    public static var offplatformBinary: URL {
        if let env = ProcessInfo.processInfo.environment["OFFPLATFORM_BIN"] {
            return URL(fileURLWithPath: env)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // On Linux the runner is `<bin>/OffPlatformPackageTests.xctest`; on macOS it is inside a bundle.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("offplatform")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/offplatform")
    }
}

/// What a finished child process left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs an executable to completion, feeding `stdin` if given.
public func runProcess(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                       currentDirectory: URL? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
    let p = Process()
    p.executableURL = executable
    p.arguments = arguments
    if let currentDirectory { p.currentDirectoryURL = currentDirectory }
    if let environment {
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = stdin == nil ? FileHandle.nullDevice : inp
    try p.run()
    // Drain both pipes concurrently so a chatty child never blocks on a full pipe.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    if let stdin {
        inp.fileHandleForWriting.write(stdin)
        try? inp.fileHandleForWriting.close()
    }
    p.waitUntilExit()
    group.wait()
    return ProcessResult(status: p.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs the built `offplatform` binary.
public func runOffplatform(_ arguments: [String], stdin: Data? = nil, currentDirectory: URL? = nil,
                           environment: [String: String]? = nil) throws -> ProcessResult {
    try runProcess(Paths.offplatformBinary, arguments, stdin: stdin,
                   currentDirectory: currentDirectory, environment: environment)
}
