import Detection
import ExportFormat
import Foundation
import Ingest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The stages `bench` times, each on the same files: what the export holds,
/// the decompression limit, parsing, the detector alone and `analyze` end to end.
enum BenchStages {
    /// What one pass of parsing counted.
    struct ParseCount {
        var compressedBytes: Int64 = 0
        var uncompressedBytes: Int64 = 0
        var lines = 0
        var records = 0
        var rejected = 0
        var messages = 0
        var messageTextBytes: Int64 = 0
    }

    /// Reading, gzip inflate, line splitting and record decoding of every file on
    /// this thread, without detection: the work `analyze` cannot avoid before the
    /// detector sees a text. Messages are decoded as `analyze` decodes them, as bytes.
    static func parse(_ files: [InputFile]) throws -> ParseCount {
        let reader = ExportReader()
        let decoder = RecordDecoder()
        var count = ParseCount()
        for file in files {
            let summary = reader.read(file) { batch in
                for i in batch.lines.indices {
                    batch.withLine(at: i) { line in
                        let outcome = decoder.decode(line) { m in
                            count.records += 1
                            count.messages += 1
                            count.messageTextBytes += Int64(m.text.count)
                        }
                        switch outcome {
                        case nil:
                            break
                        case .record(let record):
                            count.records += 1
                            if case .message(let m) = record {
                                count.messages += 1
                                count.messageTextBytes += Int64(m.text.utf8.count)
                            }
                        case .rejected:
                            count.rejected += 1
                        }
                    }
                }
                return .proceed
            }
            if case .failed(let reason) = summary.status { throw BenchFailure("\(file.displayPath): \(reason)") }
            count.compressedBytes += Int64(summary.bytesRead)
            count.uncompressedBytes += Int64(summary.decompressedBytes)
            count.lines += summary.lines
        }
        return count
    }

    /// Message texts from the start of every file, an equal share of `budget`
    /// bytes from each, decoded once so that the detector is timed alone.
    static func sampleTexts(_ files: [InputFile], budget: Int64) -> [String] {
        let reader = ExportReader()
        let decoder = RecordDecoder()
        let share = max(1, budget / Int64(max(files.count, 1)))
        var texts: [String] = []
        for file in files {
            var taken: Int64 = 0
            _ = reader.read(file) { batch in
                for i in batch.lines.indices {
                    if case .record(.message(let m)) = batch.withLine(at: i, { decoder.decode($0) }) {
                        texts.append(m.text)
                        taken += Int64(m.text.utf8.count)
                        if taken >= share { return .stop }
                    }
                }
                return .proceed
            }
        }
        return texts
    }

    /// Runs the detector over the texts on this thread; returns the findings counted.
    static func detect(_ detector: Detector, _ texts: [String]) -> Int {
        var findings = 0
        for text in texts { findings += detector.findings(in: text).count }
        return findings
    }

    static func prefilterPasses(_ detector: Detector, _ texts: [String]) -> Int {
        var passed = 0
        for text in texts where detector.mayContainFinding(text) { passed += 1 }
        return passed
    }

    /// `pigz -dc` where installed (faster than gzip's own inflate), else `gzip -dc`.
    static func decompressor() throws -> (path: String, name: String) {
        for name in ["pigz", "gzip"] {
            if let path = executableInPath(name) { return (path, name) }
        }
        throw BenchFailure("neither pigz nor gzip is installed: the decompression limit cannot be measured")
    }

    /// One decompressor process per file (plain files are read by `cat`), at most
    /// `atOnce` at a time, output to /dev/null; returns the wall time of the lot
    /// and the CPU time of its processes.
    static func decompressAll(_ paths: [String], tool: String, atOnce: Int) throws -> (seconds: Double, cpuSeconds: Double) {
        let cat = executableInPath("cat") ?? "/bin/cat"
        let began = monotonicSeconds()
        var running: [pid_t: String] = [:]
        var next = 0
        var cpu = 0.0
        while next < paths.count || !running.isEmpty {
            while next < paths.count && running.count < atOnce {
                let path = paths[next]
                let child = path.hasSuffix(".gz") ? try BenchChild.start(tool, ["-dc", path]) : try BenchChild.start(cat, [path])
                running[child.pid] = path
                next += 1
            }
            let (pid, ending) = try BenchChild.waitForAny()
            guard let path = running.removeValue(forKey: pid) else { continue }
            cpu += ending.cpuSeconds
            if ending.exitCode != 0 {
                throw BenchFailure("\(URL(fileURLWithPath: tool).lastPathComponent) -dc \(path) failed (status \(ending.exitCode ?? -1), signal \(ending.signal ?? 0))")
            }
        }
        return (monotonicSeconds() - began, cpu)
    }

    /// `analyze` by this very executable, into a fresh database and reports folder
    /// under `scratch`, which the caller removes or keeps.
    static func analyze(executable: String, directory: String, jobs: Int, scratch: String) throws -> (seconds: Double, ending: BenchChild.Ending) {
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let log = scratch + "/analyze.log"
        let began = monotonicSeconds()
        let child = try BenchChild.start(executable, [
            "analyze", directory, "--db", scratch + "/bench.sqlite", "--reports", scratch + "/reports",
            "--jobs", String(jobs), "--no-progress",
        ], standardOutput: scratch + "/analyze.out", standardError: log)
        let ending = try child.wait()
        let seconds = monotonicSeconds() - began
        // 2 (some lines rejected) is a finished run; anything else is not a figure.
        guard let code = ending.exitCode, code == 0 || code == 2 else {
            let tail = (try? String(contentsOfFile: log, encoding: .utf8)).map { String($0.suffix(800)) } ?? ""
            throw BenchFailure("analyze --jobs \(jobs) failed (status \(ending.exitCode.map(String.init) ?? "signal \(ending.signal ?? 0)")):\n\(tail)")
        }
        return (seconds, ending)
    }

    static func executableInPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// This executable, for running `analyze` as a child.
    static func ownExecutable() -> String {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        let arg0 = CommandLine.arguments[0]
        if arg0.contains("/") { return URL(fileURLWithPath: arg0).standardizedFileURL.path }
        return executableInPath(arg0) ?? arg0
    }
}

/// The machine, as far as /proc tells (fallbacks elsewhere).
enum MachineDescription {
    static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown CPU"
    }

    static func memoryBytes() -> Int64 { Int64(ProcessInfo.processInfo.physicalMemory) }

    static func loadAverage() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8),
              let first = text.split(separator: " ").first, let v = Double(first) else { return -1 }
        return v
    }
}
