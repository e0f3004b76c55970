import Foundation
import GRDB
import Testing
import TestSupport

/// `offplatform bench` on a tiny generated export: the JSON has every figure,
/// the figures are positive and agree with one another and with what the
/// generator wrote. Nothing here asserts that anything is fast.
@Suite(.serialized) struct BenchCommandTests {
    final class Run: @unchecked Sendable {
        let dir = TemporaryDirectory("bench")
        let generate: ProcessResult
        let bench: ProcessResult
        var export: URL { dir.file("export") }

        init() {
            generate = try! runOffplatform(["generate", "--out", dir.file("export").path, "--messages", "4000", "--files", "3",
                                            "--seed", "5"])
            bench = try! runOffplatform(["bench", "--data", dir.file("export").path, "--json", "--repeat", "2",
                                         "--jobs-list", "1,2", "--detector-sample", "100KB"])
        }
    }

    static let run = Run()

    static func report() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(run.bench.stdout.utf8))
        return try #require(object as? [String: Any])
    }

    /// The generator's own account of what it wrote (truth/summary.json).
    static func generated() throws -> (uncompressed: Int64, compressed: Int64, messages: Int, records: Int) {
        let data = try Data(contentsOf: run.export.appendingPathComponent("truth/summary.json"))
        let summary = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(summary["files"] as? [[String: Any]])
        let counts = try #require(summary["counts"] as? [String: Any])
        let byType = try #require(counts["records_by_type"] as? [String: Any])
        func int(_ v: Any?) -> Int64 { (v as? NSNumber)?.int64Value ?? 0 }
        return (files.reduce(0) { $0 + int($1["uncompressed_bytes"]) }, files.reduce(0) { $0 + int($1["bytes"]) },
                Int(int(counts["messages"])), Int(byType.values.reduce(0) { $0 + int($1) }))
    }

    static func number(_ object: [String: Any], _ key: String) throws -> Double {
        try #require((object[key] as? NSNumber)?.doubleValue, "\(key) missing")
    }

    static func numbers(_ object: [String: Any], _ key: String) throws -> [Double] {
        try #require(object[key] as? [Any], "\(key) missing").compactMap { ($0 as? NSNumber)?.doubleValue }
    }

    static func section(_ key: String) throws -> [String: Any] {
        try #require(try report()[key] as? [String: Any], "\(key) missing")
    }

    @Test func benchSucceedsWithJSONOnStandardOutputAndProgressOnStandardError() throws {
        #expect(Self.run.generate.status == 0, "\(Self.run.generate.stderr)")
        #expect(Self.run.bench.status == 0, "\(Self.run.bench.stderr)")
        #expect(Self.run.bench.stderr.contains("bench: analyze --jobs 2"))
        let keys = Set(try Self.report().keys)
        #expect(keys.isSuperset(of: ["date", "command", "machine", "repeats", "export", "decompression", "parsing",
                                     "detector", "analyze", "ratios", "all_pass"]))
    }

    @Test func everyStageCountsTheExportsUncompressedBytes() throws {
        let truth = try Self.generated()
        #expect(truth.uncompressed > 0)
        let export = try Self.section("export")
        #expect(try Self.number(export, "uncompressed_bytes") == Double(truth.uncompressed))
        #expect(try Self.number(export, "compressed_bytes") == Double(truth.compressed))
        #expect(try Self.number(export, "messages") == Double(truth.messages))
        #expect(try Self.number(export, "records") == Double(truth.records))
        #expect(try Self.number(export, "files") == 3)
        #expect(try Self.number(Self.section("decompression"), "uncompressed_bytes") == Double(truth.uncompressed))
        #expect(try Self.number(Self.section("parsing"), "uncompressed_bytes") == Double(truth.uncompressed))
        #expect(try Self.number(Self.section("parsing"), "rejected") == 0)
    }

    /// Each time is the best of its runs, and each rate is the bytes counted over that time.
    @Test(arguments: ["decompression", "parsing"])
    func ratesAreBytesOverTheBestRun(_ stage: String) throws {
        let s = try Self.section(stage)
        let runs = try Self.numbers(s, "runs")
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0 > 0 })
        let seconds = try Self.number(s, "seconds")
        #expect(seconds == runs.min())
        // Present for every stage; the in-process parsing thread certainly used some CPU.
        let cpu = try Self.number(s, "cpu_seconds")
        #expect(stage == "parsing" ? cpu > 0 : cpu >= 0)
        let expected = try Self.number(s, "uncompressed_bytes") / 1e6 / seconds
        #expect(abs(try Self.number(s, "mb_per_second") - expected) <= expected * 1e-9)
    }

    @Test func detectorFiguresAgree() throws {
        let d = try Self.section("detector")
        let texts = try Self.number(d, "texts"), bytes = try Self.number(d, "text_bytes"), seconds = try Self.number(d, "seconds")
        #expect(texts > 0 && bytes > 0 && seconds > 0)
        #expect(try Self.number(d, "cpu_seconds") > 0)
        #expect(texts <= Double(try Self.generated().messages))
        #expect(abs(try Self.number(d, "mb_per_second_per_core") - bytes / 1e6 / seconds) <= 1e-6 * bytes / seconds)
        #expect(abs(try Self.number(d, "texts_per_second") - texts / seconds) <= 1e-6 * texts / seconds)
        let share = try Self.number(d, "prefilter_pass_share")
        #expect(share > 0 && share <= 1)
        // The generated export plants contact details in about 3% of messages: some must be found.
        #expect(try Self.number(d, "findings") > 0)
    }

    @Test func analyzeRanOncePerJobsValueWithItsOwnFigures() throws {
        let runs = try #require(try Self.report()["analyze"] as? [[String: Any]])
        #expect(runs.compactMap { ($0["jobs"] as? NSNumber)?.intValue } == [1, 2])
        let truth = try Self.generated()
        for r in runs {
            let seconds = try Self.number(r, "seconds")
            #expect(seconds > 0)
            #expect(try Self.numbers(r, "runs").min() == seconds)
            #expect(abs(try Self.number(r, "mb_per_second") - Double(truth.uncompressed) / 1e6 / seconds) <= 1e-6 * Double(truth.uncompressed) / seconds)
            #expect(abs(try Self.number(r, "messages_per_second") - Double(truth.messages) / seconds) <= 1e-6 * Double(truth.messages) / seconds)
            #expect(try Self.number(r, "peak_resident_bytes") > 1_000_000)
            #expect(try Self.number(r, "cpu_seconds") > 0)
            #expect(try Self.number(r, "exit_code") == 0)
        }
    }

    /// Each ratio's verdict is its value against its target, and all_pass is their conjunction.
    @Test func ratiosJudgeTheirOwnValues() throws {
        let ratios = try #require(try Self.report()["ratios"] as? [[String: Any]])
        let names = ratios.compactMap { $0["name"] as? String }
        #expect(names == ["analyze --jobs 2 ÷ decompression limit", "analyze --jobs 2 ÷ --jobs 1",
                          "detector alone, MB/s per core", "analyze peak RSS"])
        for r in ratios {
            let value = try Self.number(r, "value"), target = try Self.number(r, "target")
            let pass = try #require(r["pass"] as? Bool)
            #expect(value > 0)
            switch r["comparison"] as? String {
            case ">=": #expect(pass == (value >= target))
            case "<": #expect(pass == (value < target))
            default: Issue.record("unknown comparison \(String(describing: r["comparison"]))")
            }
        }
        let speedUp = try #require(ratios.first { $0["name"] as? String == "analyze --jobs 2 ÷ --jobs 1" })
        #expect(try Self.number(speedUp, "target") == 1.8)
        let allPass = try #require(try Self.report()["all_pass"] as? Bool)
        #expect(allPass == ratios.allSatisfy { $0["pass"] as? Bool == true })
    }

    @Test func machineIsDescribed() throws {
        let m = try Self.section("machine")
        #expect(try Self.number(m, "cores") >= 1)
        #expect(try Self.number(m, "memory_bytes") > 0)
        #expect(!(try #require(m["cpu_model"] as? String)).isEmpty)
        #expect(try #require(try Self.report()["command"] as? String).contains("bench --data"))
    }

    /// Without --data the export is generated into .bench-data/ and reused by the next run with the same parameters.
    @Test func generatedExportIsCachedAndReused() throws {
        let cwd = TemporaryDirectory("bench-cache")
        let args = ["bench", "--size", "400KB", "--files", "2", "--seed", "3", "--repeat", "1", "--jobs-list", "1",
                    "--detector-sample", "50KB", "--json"]
        let first = try runOffplatform(args, currentDirectory: cwd.url)
        let second = try runOffplatform(args, currentDirectory: cwd.url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        func export(_ r: ProcessResult) throws -> [String: Any] {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
            return try #require(o["export"] as? [String: Any])
        }
        let a = try export(first), b = try export(second)
        #expect(a["generated"] as? Bool == true && a["reused"] as? Bool == false)
        #expect(b["generated"] as? Bool == true && b["reused"] as? Bool == true)
        #expect(a["directory"] as? String == b["directory"] as? String)
        #expect(try Self.number(a, "uncompressed_bytes") == (try Self.number(b, "uncompressed_bytes")))
        #expect(try Self.number(a, "files") == 2)
        let dir = try #require(a["directory"] as? String)
        #expect(dir.hasPrefix(cwd.url.resolvingSymlinksInPath().path) || dir.hasPrefix(cwd.path))
        #expect(dir.contains("/.bench-data/"))
    }

    @Test func tableNamesEveryStageAndRatio() throws {
        let dir = Self.run.export.path
        let r = try runOffplatform(["bench", "--data", dir, "--repeat", "1", "--jobs-list", "1,2", "--detector-sample", "50KB"])
        #expect(r.status == 0, "\(r.stderr)")
        for line in ["decompression limit", "parsing", "detector alone", "analyze --jobs 1", "analyze --jobs 2",
                     "÷ decompression limit", "÷ --jobs 1", "MB/s per core", "peak RSS", "machine:", "command:"] {
            #expect(r.stdout.contains(line), "\(line) missing from the table")
        }
        let verdicts = r.stdout.split(separator: "\n").filter { $0.contains("PASS") || $0.contains("FAIL") }
        #expect(verdicts.count == 4)
    }

    /// `--only detector`: the detector's figures alone, under the same keys as the full
    /// report's `detector` object; no parsing, decompression or analyze runs.
    @Test func onlyDetectorMeasuresTheDetectorAlone() throws {
        let dir = Self.run.export.path
        let r = try runOffplatform(["bench", "--data", dir, "--only", "detector", "--json", "--repeat", "2",
                                    "--detector-sample", "50KB"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("analyze --jobs") && !r.stderr.contains("parsing"), "\(r.stderr)")
        let d = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let full = try Self.section("detector")
        #expect(Set(d.keys) == Set(full.keys))
        #expect(try Self.numbers(d, "runs").count == 2)
        #expect(try Self.number(d, "texts") > 0 && Self.number(d, "findings") > 0)
        let table = try runOffplatform(["bench", "--data", dir, "--only", "detector", "--repeat", "1",
                                        "--detector-sample", "50KB"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.hasPrefix("detector alone ("), "\(table.stdout)")
        #expect(table.stdout.contains("MB/s per core"))
    }

    /// `--only nights`: each night analyzed one after another into one database (kept with --keep), its time kept.
    @Test func onlyNightsAnalyzesTheNightsIntoOneDatabase() throws {
        let dir = TemporaryDirectory("bench-nights")
        for n in 1...3 {
            let g = try runOffplatform(["generate", "--out", dir.file("nights/night-\(n)").path, "--messages", "1500", "--files", "1",
                                        "--days", "1", "--start", "2026-10-0\(n)", "--seed", "\(n)"])
            #expect(g.status == 0, "\(g.stderr)")
        }
        let r = try runOffplatform(["bench", "--only", "nights", "--data", dir.file("nights").path, "--json", "--keep"])
        #expect(r.status == 0, "\(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let nights = try #require(report["nights"] as? [[String: Any]])
        #expect(nights.map { ($0["directory"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["night-1", "night-2", "night-3"])
        let seconds = try nights.map { try Self.number($0, "seconds") }
        #expect(seconds.allSatisfy { $0 > 0 })
        #expect(try nights.allSatisfy { try Self.number($0, "uncompressed_bytes") > 0 && Self.number($0, "exit_code") == 0 })
        #expect(abs(try Self.number(report, "last_over_first") - seconds[2] / seconds[0]) < 1e-9)
        let kept = try #require(report["kept_database"] as? String)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: kept).deletingLastPathComponent().path) }
        let (runs, files) = try DatabaseQueue(path: kept).read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM runs"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM input_files WHERE status = 'analyzed'"))
        }
        #expect(runs == 3 && files == 3, "one database holds the three nights")
        let one = try runOffplatform(["bench", "--only", "nights", "--data", dir.file("nights/night-1").path])
        #expect(one.status == 1, "a folder without night folders is refused: \(one.stderr)")
    }

    @Test func onlyAnUnknownStageIsRejected() throws {
        let r = try runOffplatform(["bench", "--data", Self.run.export.path, "--only", "parsing"])
        #expect(r.status == 64, "\(r.stderr)")
    }

    @Test(arguments: [["--jobs-list", "0"], ["--jobs-list", "1,x"], ["--repeat", "0"], ["--size", "lots"], ["--nights", "1"],
                      ["--night-size", "lots"]])
    func badArgumentsAreRejected(_ args: [String]) throws {
        let r = try runOffplatform(["bench", "--data", "/nonexistent"] + args)
        #expect(r.status == 64, "\(r.stderr)")
    }

    @Test func missingDataFailsWithAMessage() throws {
        let r = try runOffplatform(["bench", "--data", "/nonexistent/offplatform-bench", "--repeat", "1"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/offplatform-bench"))
    }
}
