import Foundation
import Testing
import TestSupport
@testable import Ingest

@Suite struct InputSpecTests {
    @Test func dashIsStandardInput() {
        #expect(InputSpec(argument: "-") == .standardInput)
        #expect(InputSpec(argument: "./-") == .path("./-"))
        #expect(InputSpec.resolve([.standardInput, .standardInput]) == [.standardInput])
    }

    @Test func directoriesAreWalkedInByteOrder() throws {
        let dir = TemporaryDirectory("inputs")
        for name in ["b.jsonl", "a.jsonl.gz", "B.jsonl", "a/z.jsonl", "a/y/x.jsonl", "a.b/c.jsonl", "notes.txt",
                     "data.json", "x.jsonl.bak", ".hidden.jsonl", ".cache/inside.jsonl", "é.jsonl", "deep/er/est.jsonl.gz"] {
            try dir.write(name, "{}\n")
        }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.jsonl", withDestinationPath: dir.path + "/b.jsonl")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/loop", withDestinationPath: dir.path)
        let found = InputSpec.resolve([.path(dir.path)]).map { String($0.displayPath.dropFirst(dir.path.count + 1)) }
        #expect(found == ["B.jsonl", "a.b/c.jsonl", "a.jsonl.gz", "a/y/x.jsonl", "a/z.jsonl", "b.jsonl",
                          "deep/er/est.jsonl.gz", "link.jsonl", "é.jsonl"])
        // A trailing slash gives the same files under the same names.
        #expect(InputSpec.resolve([.path(dir.path + "/")]).map(\.displayPath)
            == InputSpec.resolve([.path(dir.path)]).map(\.displayPath))
    }

    @Test func namedFilesKeepTheirOrderAndAnyName() throws {
        let dir = TemporaryDirectory("inputs")
        let z = try dir.write("z.txt", "{}\n").path
        let a = try dir.write("a.jsonl", "{}\n").path
        let files = InputSpec.resolve([.path(z), .path(a), .standardInput, .path(z)])
        #expect(files.map(\.displayPath) == [z, a, "<stdin>"])
        #expect(files.allSatisfy { $0.unavailable == nil })
    }

    @Test func aMissingPathBecomesAFailedInputAndTheRestGoesOn() throws {
        let dir = TemporaryDirectory("inputs")
        let a = try dir.write("a.jsonl", "{}\n").path
        let files = InputSpec.resolve([.path(dir.path + "/missing"), .path(a)])
        #expect(files.count == 2)
        #expect(files[0].unavailable == "cannot open: No such file or directory")
        #expect(files[1].unavailable == nil)
        let summary = ExportReader().read(files[0]) { _ in .proceed }
        #expect(summary.status == .failed(reason: "cannot open: No such file or directory"))
    }
}
