import Foundation
import Testing
import TestSupport
@testable import Ingest

@Suite struct ExportReaderTests {
    let dir = TemporaryDirectory("ingest")

    func file(_ name: String, _ bytes: [UInt8]) throws -> InputFile {
        .file(try dir.write(name, Data(bytes)).path)
    }

    // MARK: gzip members

    @Test func readsEveryConcatenatedMember() throws {
        let two = try gzip("a\nb\n") + gzip("c\nd\n")
        let r2 = readAll(try file("two.jsonl.gz", two))
        #expect(r2.texts == ["a", "b", "c", "d"])
        #expect(r2.summary.gzipMembers == 2)
        #expect(r2.summary.compression == .gzip)
        #expect(r2.summary.status == .complete)

        // Three members, the middle one empty; a line may span two members.
        let three = try gzip("a\nb") + gzip("") + gzip("c\nd\n")
        let r3 = readAll(try file("three.jsonl.gz", three))
        #expect(r3.texts == ["a", "bc", "d"])
        #expect(r3.summary.gzipMembers == 3)
        #expect(r3.summary.decompressedBytes == 7)
        #expect(r3.summary.bytesRead == three.count)
        #expect(r3.summary.status == .complete)
    }

    @Test func membersAcrossTinyChunks() throws {
        let data = try gzip("first\nsecond\n") + gzip("") + gzip("third\n")
        for chunk in [1, 2, 3, 7, 64] {
            let r = readAll(try file("m.gz", data), ReadOptions(chunkSize: chunk))
            #expect(r.texts == ["first", "second", "third"], "chunk \(chunk)")
            #expect(r.summary.gzipMembers == 3)
        }
    }

    @Test func zeroPaddingAfterTheLastMemberIsIgnored() throws {
        let r = readAll(try file("pad.gz", try gzip("a\n") + [UInt8](repeating: 0, count: 512)))
        #expect(r.summary.status == .complete)
        #expect(r.texts == ["a"])
    }

    @Test func garbageAfterAMemberFailsTheFile() throws {
        for tail in [Array("junk".utf8), [0, 0, 7], [0x1F]] {
            let r = readAll(try file("junk.gz", try gzip("a\nb\n") + tail))
            #expect(r.texts == ["a", "b"])
            guard case .failed(let reason) = r.summary.status else {
                Issue.record("not failed: \(tail)")
                continue
            }
            #expect(reason.contains("gzip"))
        }
    }

    // MARK: truncated and corrupt files

    @Test func truncatedInTheTrailerKeepsEveryCompleteLine() throws {
        // All data decompresses, the CRC/size trailer is cut: every line ending in \n is counted.
        let full = try gzip("one\ntwo\nthree\n")
        let r = readAll(try file("t.gz", Array(full.dropLast(4))))
        #expect(r.texts == ["one", "two", "three"])
        #expect(r.summary.lines == 3)
        guard case .failed(let reason) = r.summary.status else {
            Issue.record("not failed")
            return
        }
        #expect(reason.contains("truncated"))
        #expect(r.summary.sha256 != nil)

        // A last line without \n in a truncated file may be cut short: it is not a line.
        let cut = readAll(try file("u.gz", Array(try gzip("one\ntwo\nthr").dropLast(4))))
        #expect(cut.texts == ["one", "two"])
        #expect(cut.summary.lines == 2)
    }

    @Test func truncatedAnywhereDeliversOnlyAPrefixOfTheLines() throws {
        let text = (1...2_000).map { "line \($0) " + String(repeating: "x", count: $0 % 50) }.joined(separator: "\n") + "\n"
        let full = try gzip(Array(text.utf8))
        let expected = text.split(separator: "\n").map(String.init)
        for cut in stride(from: 11, to: full.count - 1, by: max(1, full.count / 23)) {
            let r = readAll(try file("cut.gz", Array(full.prefix(cut))))
            #expect(r.summary.status != .complete, "cut at \(cut)")
            #expect(r.summary.lines <= expected.count)
            #expect(r.texts == Array(expected.prefix(r.summary.lines)), "cut at \(cut)")
        }
    }

    @Test func justTheSignatureIsTruncated() throws {
        let r = readAll(try file("sig.gz", [0x1F, 0x8B]))
        #expect(r.summary.lines == 0)
        #expect(r.summary.status != .complete)
    }

    @Test func corruptBytesMidStreamFailTheFile() throws {
        let text = (1...3_000).map { "{\"n\":\($0),\"text\":\"hello number \($0)\"}" }.joined(separator: "\n") + "\n"
        let full = try gzip(Array(text.utf8))
        var rng = SplitMix64(seed: 7)
        for _ in 0..<12 {
            var bad = full
            let k = rng.int(full.count / 4...full.count * 3 / 4)
            bad[k] ^= UInt8(rng.int(1...255))
            let r = readAll(try file("bad.gz", bad))
            guard case .failed(let reason) = r.summary.status else {
                Issue.record("corruption at \(k) not detected")
                continue
            }
            // Damage may decompress to garbage (even extra lines) until zlib or the CRC
            // notices: those lines are delivered, and the file is marked failed.
            #expect(reason.contains("gzip"))
            #expect(r.summary.sha256 != nil, "the hash still covers the whole file")
        }
    }

    // MARK: lines

    @Test func crlfBlankAndWhitespaceLines() throws {
        let text = "a\r\n\r\n  \t \r\nb\n\n \nc\r"
        for gz in [false, true] {
            let bytes = gz ? try gzip(text) : Array(text.utf8)
            let r = readAll(try file("crlf.jsonl", bytes))
            #expect(r.texts == ["a", "b", "c"])
            #expect(r.lines.map(\.number) == [1, 4, 7])
            #expect(r.summary.blankLines == 4)
            #expect(r.summary.lines == 7)
        }
    }

    @Test func aFinalLineWithoutNewlineIsALine() throws {
        #expect(readAll(try file("f", Array("a\nb".utf8))).texts == ["a", "b"])
        #expect(readAll(try file("g", Array("a\nb\n".utf8))).summary.lines == 2)
        #expect(readAll(try file("e", [])).summary.lines == 0)
        #expect(readAll(try file("n", [0x0A])).summary.blankLines == 1)
        #expect(readAll(try file("one", [0x41])).texts == ["A"])
    }

    @Test(arguments: [1, 2, 5, 100])
    func linesOverTheCap(chunk: Int) throws {
        let cap = 10
        let exact = String(repeating: "e", count: cap)
        let over = String(repeating: "o", count: cap + 1)
        let crlfExact = exact + "\r"
        let text = "short\n\(over)\n\(exact)\n\(crlfExact)\n\(String(repeating: "z", count: 50))\nafter\n\(over)"
        let r = readAll(try file("cap.jsonl", Array(text.utf8)),
                        ReadOptions(maximumLineLength: cap, batchBytes: 16, chunkSize: chunk))
        #expect(r.texts == ["short", exact, exact, "after"])
        #expect(r.lines.map(\.number) == [1, 3, 4, 6])
        #expect(r.summary.tooLongLineNumbers == [2, 5, 7])
        #expect(r.summary.lines == 7)
        #expect(r.summary.status == .complete)
    }

    @Test func aLongLineIsNeverBuffered() throws {
        // 8 MiB on one line with a 1 KiB cap: the batches never hold more than cap + batch size.
        let big = [UInt8](repeating: 0x61, count: 8 << 20)
        let bytes = Array("x\n".utf8) + big + Array("\ny\n".utf8)
        let r = readAll(try file("big.jsonl", bytes), ReadOptions(maximumLineLength: 1024, batchBytes: 4096))
        #expect(r.texts == ["x", "y"])
        #expect(r.summary.tooLongLineNumbers == [2])
        #expect(r.batches.allSatisfy { $0.bytes.count <= 4096 + 1025 })
    }

    @Test func splitsLikeTheTrivialSplitterWhateverTheChunkAndBatchSizes() throws {
        var rng = SplitMix64(seed: fuzzSeed(default: 4242))
        let pieces = ["{\"a\":1}", "", " ", "\t", "\r", "xyz", "é😀", String(repeating: "L", count: 40),
                      String(repeating: "M", count: 300)]
        for round in 0..<150 {
            var text = ""
            for _ in 0..<rng.int(0...40) {
                text += pieces[rng.int(0...pieces.count - 1)] + pieces[rng.int(0...pieces.count - 1)]
                text += rng.int(0...5) == 0 ? "\r\n" : "\n"
            }
            if rng.int(0...1) == 0 { text += pieces[rng.int(0...pieces.count - 1)] }
            let data = Array(text.utf8)
            let cap = [0, 1, 7, 40, 41, 80, 1 << 20][rng.int(0...6)]
            let options = ReadOptions(maximumLineLength: cap, batchBytes: rng.int(1...600),
                                      chunkSize: [1, 2, 3, 17, 64, 4096][rng.int(0...5)])
            let gz = round % 4 == 0
            let r = readAll(try file("fuzz", gz ? try gzip(data) : data), options)
            let expected = ReferenceSplit(data, cap: cap)
            #expect(r.lines.map(\.text) == expected.delivered, "round \(round)")
            #expect(r.lines.map(\.number) == expected.numbers, "round \(round)")
            #expect(r.summary.tooLongLineNumbers == expected.tooLong, "round \(round)")
            #expect(r.summary.blankLines == expected.blank, "round \(round)")
            #expect(r.summary.lines == expected.lines, "round \(round)")
            #expect(r.summary.decompressedBytes == data.count)
            #expect(r.summary.status == .complete)
        }
    }

    @Test func batchesRespectTheBatchSize() throws {
        let text = (1...1_000).map { "line \($0)" }.joined(separator: "\n")
        let r = readAll(try file("b", Array(text.utf8)), ReadOptions(batchBytes: 1_000))
        #expect(r.batches.count > 5)
        // Each batch but the last reaches the size, and none goes past it by more than a line.
        #expect(r.batches.dropLast().allSatisfy { $0.bytes.count >= 1_000 && $0.bytes.count < 1_000 + 20 })
        #expect(r.texts.count == 1_000)
    }

    // MARK: sources, hashes, stopping

    @Test func hashesTheBytesAsStoredLikeSha256sum() throws {
        for (name, bytes) in [("p.jsonl", Array("a\nb\n".utf8)), ("g.jsonl.gz", try gzip("a\nb\n") + gzip("c\n")),
                              ("empty.jsonl", [])] {
            let input = try file(name, bytes)
            guard case .path(let path) = input.source else { continue }
            let expected = try sha256sum(path)
            #expect(expected.count == 64)
            #expect(readAll(input, ReadOptions(chunkSize: 3)).summary.sha256 == expected)
            #expect(ExportReader().contentHash(of: input) == expected)
        }
        #expect(ExportReader().contentHash(of: .standardInput) == nil)
    }

    @Test func readingWithoutHashingReadsTheSameLines() throws {
        for (name, bytes) in [("p.jsonl", Array("a\nb\n\nc".utf8)), ("g.jsonl.gz", try gzip("a\nb\n") + gzip("c\n"))] {
            let input = try file(name, bytes)
            let hashed = readAll(input, ReadOptions(chunkSize: 3))
            let unhashed = readAll(input, ReadOptions(chunkSize: 3, hashesContent: false))
            #expect(hashed.summary.sha256 != nil)
            #expect(unhashed.summary.sha256 == nil, "the caller hashed the file before")
            #expect(unhashed.texts == hashed.texts)
            var same = unhashed.summary
            same.sha256 = hashed.summary.sha256
            #expect(same == hashed.summary)
        }
    }

    @Test func compressionIsSniffedNotTakenFromTheName() throws {
        let gzNamedPlain = readAll(try file("looks-plain.txt", try gzip("z\n")))
        #expect(gzNamedPlain.texts == ["z"])
        #expect(gzNamedPlain.summary.compression == .gzip)
        let plainNamedGz = readAll(try file("looks.jsonl.gz", Array("p\n".utf8)))
        #expect(plainNamedGz.texts == ["p"])
        #expect(plainNamedGz.summary.compression == Compression.none)
    }

    @Test func readsAFileDescriptorLikeStandardInput() throws {
        let payload = try gzip(Array((1...5_000).map { "stdin line \($0)" }.joined(separator: "\n").utf8))
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let writeEnd = fds[1]
        let writer = Thread {
            // Small writes, so the reader sees short reads (one byte first) as from a pipe.
            var k = 0
            while k < payload.count {
                let n = min(k == 0 ? 1 : 777, payload.count - k)
                _ = payload[k..<(k + n)].withUnsafeBytes { write(writeEnd, $0.baseAddress, n) }
                k += n
            }
            close(writeEnd)
        }
        writer.start()
        let r = readAll(.fileDescriptor(fds[0], displayPath: "<stdin>"))
        close(fds[0])
        #expect(r.summary.displayPath == "<stdin>")
        #expect(r.summary.compression == .gzip)
        #expect(r.texts.count == 5_000)
        #expect(r.texts.last == "stdin line 5000")
        #expect(r.summary.status == .complete)
    }

    @Test func aSinkCanStop() throws {
        let text = (1...10_000).map { "line \($0)" }.joined(separator: "\n")
        let r = readAll(try file("s", Array(text.utf8)), ReadOptions(batchBytes: 100, chunkSize: 1_000), stopAfter: 2)
        #expect(r.summary.status == .stopped)
        #expect(r.batches.count == 2)
        #expect(r.summary.sha256 == nil)
        #expect(r.summary.lines < 10_000)
    }

    @Test func aMissingFileFailsWithAReason() {
        let r = readAll(.file(dir.path + "/no-such.jsonl"))
        #expect(r.summary.status == .failed(reason: "cannot open: No such file or directory"))
        #expect(r.summary.lines == 0)
        #expect(r.batches.isEmpty)
    }
}
