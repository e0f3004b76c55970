import Foundation
import Testing
import TestSupport
@testable import Writers

/// A strict RFC 4180 reader, written independently of the writer: records end
/// in CRLF (a bare CR or LF outside quotes is an error), a quoted field may hold
/// anything with quotes doubled, and a closing quote must be followed by a
/// comma or the end of the record.
private func parseRFC4180(_ bytes: [UInt8]) throws -> [[String]] {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int, reason: String
        var description: String { "malformed CSV at byte \(offset): \(reason)" }
    }
    let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    var records: [[String]] = [], record: [String] = [], field: [UInt8] = []
    var i = 0
    func finishField() { record.append(String(decoding: field, as: UTF8.self)); field = [] }
    while i < bytes.count {
        if bytes[i] == quote && field.isEmpty {
            i += 1
            while true {
                guard i < bytes.count else { throw Malformed(offset: i, reason: "unterminated quoted field") }
                if bytes[i] == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote { field.append(quote); i += 2; continue }
                    i += 1
                    break
                }
                field.append(bytes[i]); i += 1
            }
            guard i == bytes.count || bytes[i] == comma || bytes[i] == cr else {
                throw Malformed(offset: i, reason: "text after a closing quote")
            }
            continue
        }
        switch bytes[i] {
        case comma:
            finishField(); i += 1
        case cr:
            guard i + 1 < bytes.count && bytes[i + 1] == lf else { throw Malformed(offset: i, reason: "CR without LF") }
            finishField(); records.append(record); record = []; i += 2
        case lf:
            throw Malformed(offset: i, reason: "LF without CR")
        case quote:
            throw Malformed(offset: i, reason: "quote inside an unquoted field")
        default:
            field.append(bytes[i]); i += 1
        }
    }
    guard record.isEmpty && field.isEmpty else { throw Malformed(offset: i, reason: "last record not ended by CRLF") }
    return records
}


@Suite("CSV table: RFC 4180 text")
struct CSVTableTests {
    @Test("exact bytes of a small report")
    func exactBytes() {
        let table = CSVTable(header: ["epoch", "note", "messages"], rows: [
            ["legacy", "a,b", "3"],
            ["pre_contract_on_platform", "say \"hi\"", "0"],
            ["unsolicited_contact", "", ""],
        ])
        let expected = "epoch,note,messages\r\n"
            + "legacy,\"a,b\",3\r\n"
            + "pre_contract_on_platform,\"say \"\"hi\"\"\",0\r\n"
            + "unsolicited_contact,,\r\n"
        #expect(String(decoding: table.encoded(), as: UTF8.self) == expected)
    }

    @Test("round trip: commas, quotes, line breaks, empty cells, non-ASCII")
    func roundTrip() throws {
        let header = ["kind", "text", "count"]
        let rows = [
            ["email", "one, two", "1"],
            ["phone", "\"quoted\" and \"\"doubled\"\"", "2"],
            ["multi\nline", "CR\ronly", "CRLF\r\ninside"],
            ["", "", ""],
            ["Zürich", "東京 — 🚀", "naïve café"],
            ["  leading and trailing spaces  ", "\"", ","],
        ]
        let table = CSVTable(header: header, rows: rows)
        #expect(try parseRFC4180(table.encoded()) == [header] + rows)
    }

    @Test("round trip of random fields over an alphabet of the awkward characters")
    func randomRoundTrip() throws {
        let alphabet: [Character] = ["a", "Z", "0", ",", "\"", "\r", "\n", "\r\n", " ", "é", "東", "🚀", ";", "\t"]
        var rng = SplitMix64(seed: 4180)
        for _ in 0..<200 {
            let width = Int.random(in: 1...5, using: &rng)
            let header = (0..<width).map { "column \($0)" }
            let rows = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
                (0..<width).map { _ in
                    String((0..<Int.random(in: 0...8, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                }
            }
            let table = CSVTable(header: header, rows: rows)
            let parsed = try parseRFC4180(table.encoded())
            #expect(parsed == [header] + rows, "\(rows)")
        }
    }

    @Test("a header row even without data rows")
    func headerOnly() throws {
        let table = CSVTable(header: ["date", "phase", "messages", "violating_messages", "rate"])
        #expect(String(decoding: table.encoded(), as: UTF8.self) == "date,phase,messages,violating_messages,rate\r\n")
        #expect(try parseRFC4180(table.encoded()) == [["date", "phase", "messages", "violating_messages", "rate"]])
    }

    @Test("a row of one empty cell is not an empty line")
    func singleEmptyCell() throws {
        let table = CSVTable(header: ["only"], rows: [[""], ["x"]])
        #expect(String(decoding: table.encoded(), as: UTF8.self) == "only\r\n\"\"\r\nx\r\n")
        #expect(try parseRFC4180(table.encoded()) == [["only"], [""], ["x"]])
    }

    @Test("UTF-8 without a byte-order mark")
    func noByteOrderMark() {
        let bytes = CSVTable(header: ["größe"], rows: [["ü"]]).encoded()
        #expect(Array(bytes.prefix(3)) != [0xEF, 0xBB, 0xBF])
        #expect(bytes == Array("größe\r\nü\r\n".utf8))
    }
}

@Suite("CSV table: atomic replace")
struct CSVTableWriteTests {
    private func names(in directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test("writes the report and leaves nothing else behind")
    func writes() throws {
        let directory = TemporaryDirectory()
        let target = directory.file("violation_rates.csv")
        let table = CSVTable(header: ["a", "b"], rows: [["1", "x,y"]])
        try table.write(to: target)
        #expect(try Array(Data(contentsOf: target)) == table.encoded())
        #expect(try names(in: directory) == ["violation_rates.csv"])
    }

    @Test("an existing report is replaced, not appended to or merged")
    func replacesExisting() throws {
        let directory = TemporaryDirectory()
        let target = try directory.write("daily.csv", "old,report,with,more,columns\r\n1,2,3,4,5\r\n6,7,8,9,10\r\n")
        let table = CSVTable(header: ["date", "rate"])
        try table.write(to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "date,rate\r\n")
        #expect(try names(in: directory) == ["daily.csv"])
    }

    @Test("a failed replace keeps the target and removes the temporary file")
    func failedReplaceCleansUp() throws {
        let directory = TemporaryDirectory()
        // A directory where the report should go: rename(2) refuses to put a file over it.
        let target = directory.file("findings_by_kind.csv")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try directory.write("findings_by_kind.csv/keep", "x")
        let error = #expect(throws: CSVWriteError.self) {
            try CSVTable(header: ["kind"], rows: [["email"]]).write(to: target)
        }
        #expect(error?.step == .replace)
        #expect(error?.path == target.path)
        #expect(try names(in: directory) == ["findings_by_kind.csv"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["keep"])
    }

    @Test("a missing directory is reported, and nothing is created")
    func missingDirectory() throws {
        let directory = TemporaryDirectory()
        let target = directory.file("no-such-dir/exception_usage.csv")
        let error = #expect(throws: CSVWriteError.self) {
            try CSVTable(header: ["exception"]).write(to: target)
        }
        #expect(error?.step == .createTemporaryFile)
        #expect(error?.code == ENOENT)
        #expect(error?.description.contains("exception_usage.csv") == true)
        #expect(try names(in: directory).isEmpty)
    }
}
