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
