import Foundation
import Testing
import Generator
import TestSupport

/// Same arguments → the same bytes, whatever the number of workers; another seed → another export.
@Suite struct DeterminismTests {
    static let base = GeneratorSettings(messages: 3_000, rooms: 150, files: 3, gzip: true, membersPerFile: 2, seed: 7,
                                        contactRate: 0.1, callRate: 0.05, jobs: 1, chunkRooms: 64)

    /// Every file under `dir` (export and truth), by relative path.
    static func contents(_ dir: TemporaryDirectory) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: dir.path) {
            var isDir: ObjCBool = false
            let full = dir.path + "/" + path
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            }
        }
        return out
    }

    @Test("same seed, different --jobs: byte-identical export and truth", arguments: [2, 3, 8])
    func sameBytesWhateverJobs(jobs: Int) throws {
        let one = TemporaryDirectory(), many = TemporaryDirectory()
        try ExportGenerator.generate(Self.base, into: one.path)
        var s = Self.base
        s.jobs = jobs
        try ExportGenerator.generate(s, into: many.path)
        let a = try Self.contents(one), b = try Self.contents(many)
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.contains("export-0001.jsonl.gz"))
        #expect(a.keys.contains("truth/summary.json"))
        for (path, data) in a {
            // summary.json names no folder, so it too must match byte for byte.
            #expect(b[path] == data, "\(path) differs with --jobs \(jobs)")
        }
    }

    @Test func anotherSeedGivesAnotherExport() throws {
        let a = TemporaryDirectory(), b = TemporaryDirectory()
        try ExportGenerator.generate(Self.base, into: a.path)
        var s = Self.base
        s.seed = 8
        try ExportGenerator.generate(s, into: b.path)
        let x = try Self.contents(a), y = try Self.contents(b)
        for name in ["export-0001.jsonl.gz", "export-0002.jsonl.gz", "truth/findings.tsv"] {
            #expect(x[name] != nil && x[name] != y[name], "\(name) is the same for seeds 7 and 8")
        }
    }

    @Test func plainAndGzipCarryTheSameRecords() throws {
        guard let gzip = gzipBinary() else {
            print("skipped: no gzip binary to decompress with")
            return
        }
        let zipped = TemporaryDirectory(), plain = TemporaryDirectory()
        let report = try ExportGenerator.generate(Self.base, into: zipped.path)
        var s = Self.base
        s.gzip = false
        s.membersPerFile = 1
        try ExportGenerator.generate(s, into: plain.path)
        #expect(report.files.allSatisfy { $0.gzipMembers == 2 })
        for f in report.files {
            let decompressed = try runProcess(gzip, ["-dc", f.path])
            #expect(decompressed.status == 0)
            let name = URL(fileURLWithPath: f.path).lastPathComponent.replacingOccurrences(of: ".gz", with: "")
            let expected = try String(contentsOf: plain.file(name), encoding: .utf8)
            #expect(decompressed.stdout == expected, "\(name): gzip -dc differs from the plain export")
        }
    }

    @Test func refusesToOverwriteWithoutReplacing() throws {
        let dir = TemporaryDirectory()
        try ExportGenerator.generate(Self.base, into: dir.path)
        #expect(throws: GeneratorError.self) { try ExportGenerator.generate(Self.base, into: dir.path) }
        var fewer = Self.base
        fewer.files = 1
        let report = try ExportGenerator.generate(fewer, into: dir.path, replacing: true)
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("export-") }
        #expect(left == ["export-0001.jsonl.gz"], "files of the earlier run are removed")
        #expect(report.files.count == 1)
    }
}
