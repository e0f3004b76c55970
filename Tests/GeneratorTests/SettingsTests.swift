import Foundation
import Testing
import Generator
import TestSupport

@Suite struct SettingsTests {
    @Test("rejected settings", arguments: [
        GeneratorSettings(messages: 10, targetBytes: 1000),
        GeneratorSettings(files: 0),
        GeneratorSettings(gzip: false, membersPerFile: 2),
        GeneratorSettings(contactRate: 0.8, negativeRate: 0.3),
        GeneratorSettings(moveAfterCallRate: 0.5, failureEffect: 3),
        GeneratorSettings(failureEffect: 0),
        GeneratorSettings(compressionLevel: 0),
        GeneratorSettings(days: 0),
    ])
    func rejected(_ s: GeneratorSettings) {
        #expect(s.problem() != nil)
        #expect(throws: GeneratorError.self) { try ExportGenerator.generate(s, into: TemporaryDirectory().path) }
    }

    @Test func defaultsAreAccepted() {
        #expect(GeneratorSettings().problem() == nil)
    }

    @Test func sizeTargetsUncompressedBytes() throws {
        let dir = TemporaryDirectory()
        let report = try ExportGenerator.generate(GeneratorSettings(targetBytes: 3_000_000, files: 2, seed: 11, jobs: 2), into: dir.path)
        let ratio = Double(report.uncompressedBytes) / 3_000_000
        #expect(ratio > 0.85 && ratio < 1.15, "asked 3 MB, wrote \(report.uncompressedBytes) bytes")
    }
}

/// The command as users run it (the built binary).
@Suite struct GenerateCommandTests {
    @Test func writesAndReports() throws {
        let dir = TemporaryDirectory()
        let r = try runOffplatform(["generate", "--out", dir.path, "--messages", "800", "--files", "2", "--plain", "--seed", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("messages 800"))
        #expect(r.stderr.contains("export-0001.jsonl"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/truth/summary.json"))
        let again = try runOffplatform(["generate", "--out", dir.path, "--messages", "800"])
        #expect(again.status != 0, "an existing export is not overwritten without --force")
        #expect(again.stderr.contains("--force"))
    }

    @Test func helpShowsExamples() throws {
        let r = try runOffplatform(["generate", "--help"])
        #expect(r.status == 0)
        for option in ["--out", "--messages", "--size", "--rooms", "--days", "--start", "--files", "--plain", "--members-per-file",
                       "--seed", "--contact-rate", "--disguise-rate", "--negative-rate", "--call-rate", "--failure-effect",
                       "--move-after-call-rate", "--jobs", "Examples:"] {
            #expect(r.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test("bad arguments are refused before any work", arguments: [
        ["--size", "lots"], ["--start", "2020-13-01"], ["--messages", "10", "--size", "1MB"], ["--plain", "--members-per-file", "3"],
    ])
    func refused(_ args: [String]) throws {
        let dir = TemporaryDirectory()
        let r = try runOffplatform(["generate", "--out", dir.path] + args)
        #expect(r.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/truth"))
    }
}
