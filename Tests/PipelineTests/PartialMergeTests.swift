import Foundation
import Testing
import GRDB
import Policy
import Pipeline
import TestSupport

/// Merging partials of an export split by room gives exactly the reports of one analyze.
@Suite struct PartialMergeTests {
    /// What the distributed job does: number every file's lines, key them by room, split by the room's hash.
    static func split(files: [URL], into parts: Int, dir: TemporaryDirectory) throws -> (manifest: URL, parts: [URL]) {
        var manifest: [[String: Any]] = []
        var buckets = Array(repeating: "", count: parts)
        for (id, url) in files.enumerated() {
            let raw = try Data(contentsOf: url)
            let bytes = url.path.hasSuffix(".gz") ? try gunzip(raw) : raw
            let hash = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", url.path]).stdout.prefix(64)
            manifest.append(["id": id, "path": url.path, "sha256": String(hash), "bytes": raw.count])
            var lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            if lines.last == "" { lines.removeLast() }
            for (n, line) in lines.enumerated() {
                let room = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["room_id"] as? String ?? ""
                var h: UInt64 = 1469598103934665603
                for b in room.utf8 { h = (h ^ UInt64(b)) &* 1099511628211 }
                buckets[Int(h % UInt64(parts))] += "\(id)\t\(n + 1)\t\(line)\n"
            }
        }
        let m = try dir.write("manifest.json", Data(try JSONSerialization.data(withJSONObject: ["files": manifest])))
        let urls = try buckets.enumerated().map { i, text in try dir.write("keyed/part-\(i).tsv", text) }
        return (m, urls)
    }

    static func gunzip(_ data: Data) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["gzip", "-dc"]
        let inp = Pipe(), out = Pipe()
        p.standardInput = inp
        p.standardOutput = out
        try p.run()
        let writer = Thread { inp.fileHandleForWriting.write(data); try? inp.fileHandleForWriting.close() }
        writer.start()
        let result = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return result
    }

    static func exportFiles(in w: Workspace) throws -> [URL] {
        var lines = Story.lines(rooms: 30)
        var g = SplitMix64(seed: 7)
        lines.shuffle(using: &g)
        lines.insert("{broken", at: 17)
        lines.insert("", at: 40)
        let thirds = [lines[0..<150], lines[150..<300], lines[300...]]
        return try thirds.enumerated().map { i, part in
            let text = part.joined(separator: "\n") + "\n"
            return i == 1 ? try w.dir.write("export/b.jsonl.gz", Data(try gzip(text))) : try w.dir.write("export/\(i).jsonl", text)
        }
    }

    static func fileRows(_ db: String) throws -> [String] {
        try DatabaseQueue(path: db).read { db in
            try String.fetchAll(db, sql: """
                SELECT path || '|' || content_hash || '|' || lines || '|' || blank_lines || '|' || records || '|' || rejected_lines || '|' || status
                FROM input_files ORDER BY path
                """)
        }
    }

    @Test(arguments: [1, 2, 7])
    func mergedPartialsEqualOneAnalyze(parts: Int) throws {
        let w = Workspace()
        let files = try Self.exportFiles(in: w)
        let whole = try w.analyze(files.map(\.path), db: w.dir.file("whole.sqlite").path, reports: w.dir.file("whole").path)

        let (manifest, keyed) = try Self.split(files: files, into: parts, dir: w.dir)
        let policy = try PolicyDocument.builtIn()
        var partials: [String] = []
        for (i, part) in keyed.enumerated() {
            let config = AnalyzeConfiguration(inputs: [part.path], databasePath: "", reportsDirectory: "", policy: policy, jobs: 2)
            let out = w.dir.file("partials/\(i).partial")
            try FileManager.default.createDirectory(at: out.deletingLastPathComponent(), withIntermediateDirectories: true)
            _ = try Analysis(configuration: config, detector: FakeDetector(), log: { _ in })
                .runPartial(output: out, manifest: try Manifest.read(from: manifest), known: .init())
            partials.append(out.path)
        }
        let merged = try Merge(partials: partials, databasePath: w.dir.file("merged.sqlite").path,
                               reportsDirectory: w.dir.file("merged").path, policy: policy, log: { _ in }).run()

        #expect(try w.csvReports(w.dir.file("merged").path) == w.csvReports(w.dir.file("whole").path))
        #expect(try w.findings(w.dir.file("merged.sqlite").path) == w.findings(w.dir.file("whole.sqlite").path))
        #expect(try Self.fileRows(w.dir.file("merged.sqlite").path) == Self.fileRows(w.dir.file("whole.sqlite").path))
        #expect(merged.linesRead == whole.linesRead && merged.records == whole.records && merged.blankLines == whole.blankLines)
        #expect(merged.rejectedByReason == whole.rejectedByReason)
        #expect(merged.messages == whole.messages && merged.duplicateMessages == whole.duplicateMessages)
        #expect(merged.findingsByVerdict == whole.findingsByVerdict)
    }

    @Test func aPartialMadeWithAnotherPolicyIsRefused() throws {
        let w = Workspace()
        let files = try Self.exportFiles(in: w)
        let config = AnalyzeConfiguration(inputs: files.map(\.path), databasePath: "", reportsDirectory: "", policy: try .builtIn())
        let out = w.dir.file("p.partial")
        _ = try Analysis(configuration: config, detector: FakeDetector(), log: { _ in }).runPartial(output: out, manifest: nil, known: .init())
        let other = try PolicyDocument.parse(try PolicyDocument.builtIn().source + "\n# edited\n", file: "other.yaml")
        #expect(throws: PartialError.self) {
            try Merge(partials: [out.path], databasePath: w.db, reportsDirectory: w.reports, policy: other, log: { _ in }).run()
        }
    }

    @Test func aTruncatedPartialIsRefused() throws {
        let w = Workspace()
        let files = try Self.exportFiles(in: w)
        let config = AnalyzeConfiguration(inputs: files.map(\.path), databasePath: "", reportsDirectory: "", policy: try .builtIn())
        let out = w.dir.file("p.partial")
        _ = try Analysis(configuration: config, detector: FakeDetector(), log: { _ in }).runPartial(output: out, manifest: nil, known: .init())
        let text = try String(contentsOf: out, encoding: .utf8).split(separator: "\n").dropLast().joined(separator: "\n")
        try text.write(to: out, atomically: true, encoding: .utf8)
        #expect { try Partial.read(from: out) } throws: { "\($0)".contains("incomplete") }
    }
}
