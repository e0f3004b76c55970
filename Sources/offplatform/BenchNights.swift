// `offplatform bench --only nights`: whether a night's run slows down as nights
// accumulate in the database. Nights are analyzed one after another into one
// database, as the nightly job does, and each night's time is kept.
import Foundation
import ExportFormat
import Generator
import Ingest

/// Each night's run and how the last compares with the first.
struct NightsReport: Codable {
    struct Night: Codable {
        var night: Int
        var directory: String
        var uncompressedBytes: Int64
        var seconds: Double
        var cpuSeconds: Double
        var peakResidentBytes: Int64
        var exitCode: Int32
    }

    var date: String
    var command: String
    var jobs: Int
    var nights: [Night]
    /// The last night's time over the first's: 1 when runs do not slow down (the nights are alike in size).
    var lastOverFirst: Double
    /// The last night's time over the second's: the first night also creates the database.
    var lastOverSecond: Double
    var keptDatabase: String?

    func json() throws -> String { try BenchReport.json(self) }

    func table() -> String {
        var lines = ["offplatform bench --only nights, \(date)", "command: \(command)",
                     "\(nights.count) nights analyzed one after another into one database, analyze --jobs \(jobs)", "",
                     "night  seconds    MB/s  CPU seconds  peak RSS"]
        for n in nights {
            lines.append(String(format: "%5d  %7.2f  %6.1f  %11.2f  ", n.night, n.seconds,
                                Double(n.uncompressedBytes) / 1e6 / max(n.seconds, 1e-9), n.cpuSeconds)
                         + BenchReport.mb(n.peakResidentBytes))
        }
        lines.append("")
        lines.append(String(format: "last night ÷ first night: %.2f; last ÷ second: %.2f (1 when a night's run does not slow down as nights pile up)",
                            lastOverFirst, lastOverSecond))
        if let keptDatabase { lines.append("database kept: \(keptDatabase)") }
        return lines.joined(separator: "\n")
    }
}

extension BenchCommand {
    func measureNights() throws -> NightsReport {
        let directories = try nightDirectories()
        let executable = BenchStages.ownExecutable()
        let jobs = ProcessInfo.processInfo.activeProcessorCount
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("offplatform-bench-nights-\(getpid())").path
        defer { if !keep { try? FileManager.default.removeItem(atPath: scratch) } }
        var figures: [NightsReport.Night] = []
        for (i, directory) in directories.enumerated() {
            let inputs = InputSpec.resolve([.path(directory)])
            guard !inputs.isEmpty else { throw BenchFailure("\(directory): no *.jsonl or *.jsonl.gz files") }
            note("night \(i + 1) of \(directories.count): analyze \(directory)")
            // The same scratch folder every night: one database that accumulates, as the nightly job's does.
            let (seconds, ending) = try BenchStages.analyze(executable: executable, directory: directory, jobs: jobs, scratch: scratch)
            let count = try BenchStages.parse(inputs)
            figures.append(.init(night: i + 1, directory: directory, uncompressedBytes: count.uncompressedBytes, seconds: seconds,
                                 cpuSeconds: ending.cpuSeconds, peakResidentBytes: ending.peakResidentBytes,
                                 exitCode: ending.exitCode ?? 0))
        }
        return NightsReport(
            date: ISO8601DateFormatter().string(from: Date()),
            command: CommandLine.arguments.map(Self.shellQuoted).joined(separator: " "), jobs: jobs, nights: figures,
            lastOverFirst: figures.last!.seconds / max(figures[0].seconds, 1e-9),
            lastOverSecond: figures.last!.seconds / max(figures[1].seconds, 1e-9),
            keptDatabase: keep ? scratch + "/bench.sqlite" : nil)
    }

    /// The nights to analyze: --data's subfolders in name order, or --nights generated nights (cached in
    /// .bench-data/), one day each, consecutive dates, seeds --seed + night.
    func nightDirectories() throws -> [String] {
        if let data {
            let names = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
            let folders = names.map { data + "/" + $0 }.filter { path in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
            guard folders.count >= 2 else { throw BenchFailure("\(data): --only nights needs a folder with a folder per night (at least 2)") }
            return folders
        }
        let bytes = try GenerateCommand.parseSize(nightSize)
        let root = FileManager.default.currentDirectoryPath + "/.bench-data/nights-\(bytes)-files-\(files)-seed-\(seed)"
        let first = Timestamp(nanosecondsSinceEpoch: 1_790_812_800 * 1_000_000_000)   // 2026-10-01T00:00:00Z
        var out: [String] = []
        for n in 1...nights {
            let directory = root + String(format: "/night-%03d", n)
            out.append(directory)
            let marker = directory + "/.complete"
            if FileManager.default.fileExists(atPath: marker) { continue }
            note("generating night \(n) (\(nightSize) in \(files) file(s)) into \(directory)")
            let start = Timestamp(nanosecondsSinceEpoch: first.nanosecondsSinceEpoch + Int64(n - 1) * 86_400_000_000_000)
            let settings = GeneratorSettings(targetBytes: bytes, start: start, days: 1, files: files, seed: seed &+ UInt64(n),
                                             jobs: ProcessInfo.processInfo.activeProcessorCount)
            do {
                try ExportGenerator.generate(settings, into: directory, replacing: true)
            } catch {
                throw BenchFailure("cannot generate night \(n): \(error)")
            }
            _ = FileManager.default.createFile(atPath: marker, contents: Data("night \(n)\n".utf8))
        }
        return out
    }
}
