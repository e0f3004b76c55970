import Testing
import TestSupport
@testable import ExportFormat

/// The string scanner jumps to the first special byte of eight (`"`, `\`, below 0x20, above 0x7F) by the
/// lowest SWAR mark: it must be that byte exactly, whatever the bytes around it, and 8 when there is none.
@Suite struct JSONScannerTests {
    static func isSpecial(_ b: UInt8) -> Bool { b == 0x22 || b == 0x5C || b < 0x20 || b > 0x7F }

    static func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test("the offset is the first special byte, for every byte value at every position")
    func everyByteEverywhere() {
        var rng = SplitMix64(seed: 20)
        // Plain fillers, and the bytes just above each special class (0x20, 0x23, 0x5D, 0x21, 0x7F).
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x61, 0x7F, 0x30, 0x7E]
        var checked = 0
        for position in 0..<8 {
            for b in 0...255 {
                for _ in 0..<4 {
                    var bytes = (0..<8).map { _ in plain.randomElement(using: &rng)! }
                    bytes[position] = UInt8(b)
                    // Above it, anything (specials included): only the lowest counts.
                    for k in (position + 1)..<8 where rng.next(in: 0...2) == 0 { bytes[k] = UInt8(rng.next(in: 0...255)) }
                    let expected = bytes.firstIndex(where: Self.isSpecial) ?? 8
                    #expect(JSONScanner.specialOffset(Self.word(bytes)) == expected, "\(bytes)")
                    checked += 1
                }
            }
        }
        #expect(checked == 8 * 256 * 4)
    }

    @Test("random words")
    func randomWords() {
        var rng = SplitMix64(seed: 21)
        for _ in 0..<200_000 {
            let bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: rng.next() >> UInt64(rng.next(in: 0...56))) }
            #expect(JSONScanner.specialOffset(Self.word(bytes)) == (bytes.firstIndex(where: Self.isSpecial) ?? 8))
        }
    }
}

/// Keys are matched from two eight-byte loads when sixteen bytes of the line follow the key's start, byte by
/// byte nearer the end: both ways must name the same field, whatever bytes follow the key.
@Suite struct FieldNameTests {
    static func named(_ key: String, after: [UInt8]) -> Field? {
        let bytes = Array(key.utf8) + after
        return bytes.withUnsafeBufferPointer { b in
            Field.named(b.baseAddress!, 0, key.utf8.count, lineEnd: bytes.count, escaped: false)
        }
    }

    @Test("every field by its name, and near misses by none, read either way")
    func namesEitherWay() {
        var rng = SplitMix64(seed: 22)
        for field in Field.allCases {
            let name = field.jsonName
            // (A raw NUL cannot end a key: the scanner refuses control bytes in strings before a key is named.)
            let misses = [name + "x", String(name.dropLast()), name.uppercased(), "_" + name, String(name.dropFirst())]
            for tailLength in [0, 1, 7, 8, 15, 16, 24] {
                let tail = (0..<tailLength).map { _ in UInt8(rng.next(in: 0...255)) }
                #expect(Self.named(name, after: tail) == field, "\(name) + \(tailLength)")
                for miss in misses where !Field.allCases.contains(where: { $0.jsonName == miss }) {
                    #expect(Self.named(miss, after: tail) == nil, "\(miss) + \(tailLength)")
                }
            }
        }
    }
}
