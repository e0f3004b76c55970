import Foundation
import Testing
import TestSupport
@testable import Ingest

/// Everything a read produced, checked for the invariants every read must keep.
struct ReadResult {
    var summary: FileReadSummary
    /// Delivered lines by number.
    var lines: [(number: Int, text: [UInt8])] = []
    var batches: [LineBatch] = []

    var texts: [String] { lines.map { String(decoding: $0.text, as: UTF8.self) } }
}

func readAll(_ input: InputFile, _ options: ReadOptions = ReadOptions(),
             stopAfter: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> ReadResult {
    var lines: [(Int, [UInt8])] = []
    var batches: [LineBatch] = []
    let summary = ExportReader().read(input, options: options) { batch in
        batches.append(batch)
        for k in batch.lines.indices {
            lines.append((batch.lines[k].number, batch.withLine(at: k) { Array($0) }))
        }
        return stopAfter.map { batches.count >= $0 ? .stop : .proceed } ?? .proceed
    }
    let result = ReadResult(summary: summary, lines: lines, batches: batches)
    checkInvariants(result, sourceLocation: sourceLocation)
    return result
}

func checkInvariants(_ r: ReadResult, sourceLocation: SourceLocation) {
    let s = r.summary
    #expect(s.lines == s.deliveredLines + s.tooLongLineNumbers.count + s.blankLines,
            "lines = delivered + too long + blank", sourceLocation: sourceLocation)
    #expect(r.lines.count == s.deliveredLines, sourceLocation: sourceLocation)
    #expect(r.batches.map(\.sequence) == Array(r.batches.indices), sourceLocation: sourceLocation)
    #expect(r.batches.flatMap(\.tooLongLineNumbers) == s.tooLongLineNumbers, sourceLocation: sourceLocation)
    #expect(r.batches.reduce(0) { $0 + $1.blankLines } == s.blankLines, sourceLocation: sourceLocation)
    if s.status != .stopped {
        #expect(r.batches.reduce(0) { $0 + $1.lineCount } == s.lines, sourceLocation: sourceLocation)
    }
    // Line numbers rise and never collide between delivered and too-long lines.
    let numbers = r.lines.map(\.number)
    #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, sourceLocation: sourceLocation)
    #expect(Set(numbers).isDisjoint(with: s.tooLongLineNumbers), sourceLocation: sourceLocation)
    #expect(numbers.allSatisfy { $0 >= 1 && $0 <= s.lines }, sourceLocation: sourceLocation)
}

/// The obviously correct splitter the streaming one is compared with.
struct ReferenceSplit: Equatable {
    var delivered: [[UInt8]] = []
    var numbers: [Int] = []
    var tooLong: [Int] = []
    var blank = 0
    var lines = 0

    init(_ data: [UInt8], cap: Int) {
        var pieces = data.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if data.isEmpty || data.last == 0x0A { pieces.removeLast() }
        for (k, var piece) in pieces.enumerated() {
            if piece.last == 0x0D { piece.removeLast() }
            if piece.count > cap {
                tooLong.append(k + 1)
            } else if piece.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                blank += 1
            } else {
                delivered.append(piece)
                numbers.append(k + 1)
            }
        }
        lines = pieces.count
    }
}

func sha256sum(_ path: String) throws -> String {
    let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["sha256sum", path])
    return String(r.stdout.prefix(64))
}


func fuzzSeed(default value: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["OFFPLATFORM_FUZZ_SEED"].flatMap(UInt64.init) ?? value
}
