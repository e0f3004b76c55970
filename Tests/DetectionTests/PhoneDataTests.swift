// The phone engine's data checks itself: the calling-code table, the
// international prefixes and the context word lists. A typo in a table would
// silently change what counts as a phone; these tests make it loud.
import Testing
@testable import Detection
import TestSupport

@Suite("Phone data: calling codes, prefixes and word lists are well formed")
struct PhoneDataTests {
    @Test("calling codes are sorted, unique, in 1...999 and prefix-free")
    func codesSortedAndUnique() {
        let codes = CallingCodes.all.map(\.code)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { (1...999).contains($0) })
        // E.164 codes form a prefix-free set: no code is the beginning of another.
        let strings = codes.map(String.init)
        for a in strings {
            for b in strings where a != b {
                #expect(!b.hasPrefix(a), "\(a) is a prefix of \(b)")
            }
        }
    }

    @Test("national lengths are sane and shapes fit inside them")
    func lengthsSane() {
        for c in CallingCodes.all {
            #expect(c.nationalLengths.lowerBound >= 4, "\(c.code)")
            #expect(c.nationalLengths.upperBound <= 15, "\(c.code)")
            // E.164 caps a whole number at 15 digits.
            #expect(c.codeLength + c.nationalLengths.upperBound <= 15, "\(c.code)")
            for shape in c.shapes {
                #expect(c.nationalLengths.contains(shape.lengths.lowerBound), "\(c.code)")
                #expect(c.nationalLengths.contains(shape.lengths.upperBound), "\(c.code)")
                #expect(!shape.prefix.isEmpty && shape.prefix.count <= shape.lengths.lowerBound, "\(c.code)")
            }
        }
    }

    @Test("regions are ISO codes or 001, trunk prefixes are digits")
    func regionsAndTrunks() {
        for c in CallingCodes.all {
            let r = c.region
            #expect(r == "001" || (r.count == 2 && r.allSatisfy { $0.isUppercase && $0.isASCII }), "\(c.code): \(r)")
            if let t = c.trunk { #expect(isASCIIDigit(t), "\(c.code)") }
            #expect(!c.explanationAfterPlus.contains(String(c.code)), "explanations name the region, not the code")
        }
    }

    @Test("the countries the product must cover are in the table", arguments: [
        1, 7, 20, 27, 31, 33, 34, 39, 44, 48, 49, 52, 54, 55, 61, 62, 63, 64, 65, 81, 82, 84, 86, 90, 91, 92, 234,
        254, 380, 880, 972,
    ])
    func coverage(_ code: Int) {
        #expect(CallingCodes.byCode[code] != nil)
    }

    @Test("looking up a code reads one, two or three digits", arguments: [
        ("14155550132", 1), ("442079460958", 44), ("3536123456", 353), ("79123456789", 7), ("8801712345678", 880),
    ])
    func lookup(_ digits: String, _ code: Int) {
        #expect(CallingCodes.prefix(of: Array(digits.utf8))?.code == code)
    }

    @Test("codes that are not assigned are not found", arguments: ["0", "28", "37", "42", "80", "999", "83"])
    func unassigned(_ digits: String) {
        #expect(CallingCodes.prefix(of: Array(digits.utf8)) == nil)
    }

    @Test("shape patterns parse digit classes and ranges")
    func shapePatterns() {
        let s = NationalShape(9...9, "[2-46]d5")
        #expect(s.prefix.count == 3)
        #expect(s.matches(Array("415345678".utf8)))
        #expect(s.matches(Array("695345678".utf8)))
        #expect(!s.matches(Array("512345678".utf8)))
        #expect(!s.matches(Array("416345678".utf8)))
        #expect(!s.matches(Array("41534567".utf8)))
    }

    @Test("international prefixes are unique digit strings starting 0 or 8")
    func prefixes() {
        let p = PhoneReader.internationalPrefixes
        #expect(Set(p).count == p.count)
        for x in p {
            #expect(x.allSatisfy { $0.isASCII && $0.isNumber })
            #expect(x.hasPrefix("0") || x.hasPrefix("8"))
        }
    }

    static let wordLists: [(String, WordList)] = [
        ("identifier", PhoneContext.identifierWords), ("unit", PhoneContext.unitWords),
        ("phone", PhoneContext.phoneWords), ("filler", PhoneContext.fillerWords), ("number", PhoneContext.numberWords),
        ("link", PhoneContext.linkWords),
    ]

    @Test("context word lists are lower case, unique and short")
    func wordListsWellFormed() {
        for (name, list) in Self.wordLists {
            #expect(Set(list.words).count == list.words.count, "duplicate in \(name) words")
            for w in list.words {
                #expect(w == w.lowercased(), "\(name): \(w)")
                #expect(!w.isEmpty && w.utf8.count <= WordList.maxLength, "\(name): \(w)")
                #expect(!w.contains(" "), "\(name): \(w)")
            }
        }
    }

    @Test("a word names an identifier or a phone, never both")
    func wordListsDisjoint() {
        let identifiers = Set(PhoneContext.identifierWords.words)
        for w in PhoneContext.phoneWords.words + PhoneContext.numberWords.words + PhoneContext.fillerWords.words
            + PhoneContext.linkWords.words {
            #expect(!identifiers.contains(w), "\(w)")
        }
        #expect(Set(PhoneContext.phoneWords.words).isDisjoint(with: PhoneContext.fillerWords.words))
        #expect(Set(PhoneContext.linkWords.words).isDisjoint(with: PhoneContext.fillerWords.words))
    }

    @Test("word lookup agrees with a set of strings, ignoring ASCII case")
    func wordLookupDifferential() {
        var rng = SplitMix64(seed: 7)
        for (name, list) in Self.wordLists {
            let set = Set(list.words)
            var probes = list.words + list.words.map { $0.uppercased() }
            // Near misses: each word with a letter changed, dropped or added.
            for w in list.words {
                var b = Array(w.utf8)
                if !b.isEmpty {
                    b[Int.random(in: 0..<b.count, using: &rng)] = UInt8.random(in: 0x61...0x7A, using: &rng)
                }
                probes.append(String(decoding: b, as: UTF8.self))
                probes.append(String(w.dropLast()))
                probes.append(w + "s")
            }
            for p in probes where !p.isEmpty {
                let bytes = Array(p.utf8)
                let found = bytes.withUnsafeBufferPointer { list.contains($0, 0..<$0.count) }
                let expected = bytes.count <= WordList.maxLength && set.contains(asciiLowercased(p))
                #expect(found == expected, "\(name): \(p)")
            }
        }
    }

    private func asciiLowercased(_ s: String) -> String {
        String(decoding: s.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

