// A test-only stand-in for the detector's normalizer, doing the parts of the
// normalizer contract the phone engine relies on, with an exact offset map:
// invisible characters removed; every Unicode decimal digit and full-width
// ASCII form made ASCII; ASCII letters lower-cased; Unicode spaces and dashes,
// and emoji or bullets between digits, made one ASCII space or hyphen; and
// spelled-out digits ("five five five", "nine 1 seven") made digits when at
// least three number tokens form a run. The real normalizer replaces it at the
// merge; the phone tests then run through that one too.
import Foundation
@testable import Detection

enum PhoneTestNormalizer {
    private static let numberWords: [String: UInt8] = [
        "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9,
    ]

    static func normalize(_ text: String) -> NormalizedText {
        let scalars = Array(text.unicodeScalars)
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        func emit(_ b: UInt8, _ lo: Int, _ hi: Int) {
            bytes.append(b)
            starts.append(Int32(lo))
            ends.append(Int32(hi))
        }
        func lastNonSpaceIsDigit() -> Bool {
            for b in bytes.reversed() where b != 0x20 { return isASCIIDigit(b) }
            return false
        }
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let v = s.value
            let p = s.properties
            if isInvisible(s) {
                i += 1
                continue
            }
            if v < 0x80 {
                var b = UInt8(v)
                if b &- 0x41 < 26 { b |= 0x20 }
                emit(b, i, i + 1)
            } else if p.numericType == .decimal, let d = p.numericValue {
                emit(0x30 + UInt8(d), i, i + 1)
            } else if (0xFF01...0xFF5E).contains(v) {
                var b = UInt8(v - 0xFEE0)
                if b &- 0x41 < 26 { b |= 0x20 }
                emit(b, i, i + 1)
            } else if p.generalCategory == .spaceSeparator {
                emit(0x20, i, i + 1)
            } else if p.generalCategory == .dashPunctuation || v == 0x2212 {
                emit(0x2D, i, i + 1)
            } else if isSymbol(s) && lastNonSpaceIsDigit() {
                // A run of emoji or bullets (with their modifiers) between digits: one space.
                var j = i
                while j < scalars.count && (isSymbol(scalars[j]) || isInvisible(scalars[j])) { j += 1 }
                var k = j
                while k < scalars.count && scalars[k] == " " { k += 1 }
                if k < scalars.count && (scalars[k].properties.numericType == .decimal) {
                    emit(0x20, i, j)
                    i = j
                    continue
                }
                for b in String(s).utf8 { emit(b, i, i + 1) }
            } else {
                for b in String(s).utf8 { emit(b, i, i + 1) }
            }
            i += 1
        }
        let spelled = spellDigits(bytes, starts, ends)
        return NormalizedText(bytes: spelled.0, sourceStart: spelled.1, sourceEnd: spelled.2)
    }

    static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD, 0xFE00...0xFE0F, 0x20E3: return true  // 0x20E3: keycap
        default: return false
        }
    }

    static func isSymbol(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .otherSymbol, .mathSymbol, .modifierSymbol: return s.value >= 0x80
        case .otherPunctuation: return s.value >= 0x80  // bullets, middle dots
        default: return s.properties.isEmojiPresentation || (0x1F3FB...0x1F3FF).contains(s.value)
        }
    }

    /// Number words to digits where at least three number tokens (words or single
    /// digits) follow each other, separated by spaces, commas or hyphens.
    static func spellDigits(_ bytes: [UInt8], _ starts: [Int32], _ ends: [Int32]) -> ([UInt8], [Int32], [Int32]) {
        struct Token { var range: Range<Int>; var digit: UInt8?; var isNumber: Bool }
        var tokens: [Token] = []
        var i = 0
        while i < bytes.count {
            if isASCIILetter(bytes[i]) {
                let s = i
                while i < bytes.count && isASCIILetter(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[s..<i], as: UTF8.self)
                let d = numberWords[word]
                tokens.append(Token(range: s..<i, digit: d, isNumber: d != nil))
            } else if isASCIIDigit(bytes[i]) {
                let s = i
                while i < bytes.count && isASCIIDigit(bytes[i]) { i += 1 }
                tokens.append(Token(range: s..<i, digit: nil, isNumber: true))
            } else {
                i += 1
            }
        }
        // Runs of number tokens joined only by spaces, commas and hyphens.
        var replace: [Range<Int>: UInt8] = [:]
        var k = 0
        while k < tokens.count {
            guard tokens[k].isNumber else {
                k += 1
                continue
            }
            var e = k + 1
            while e < tokens.count && tokens[e].isNumber
                    && bytes[tokens[e - 1].range.upperBound..<tokens[e].range.lowerBound].allSatisfy({ $0 == 0x20 || $0 == 0x2C || $0 == 0x2D }) {
                e += 1
            }
            let run = tokens[k..<e]
            if run.count >= 3 && run.contains(where: { $0.digit != nil }) {
                for t in run { if let d = t.digit { replace[t.range] = d } }
            }
            k = e
        }
        if replace.isEmpty { return (bytes, starts, ends) }
        var out: ([UInt8], [Int32], [Int32]) = ([], [], [])
        i = 0
        while i < bytes.count {
            if let (range, d) = replace.first(where: { $0.key.lowerBound == i }) {
                out.0.append(0x30 + d)
                out.1.append(starts[range.lowerBound])
                out.2.append(ends[range.upperBound - 1])
                i = range.upperBound
            } else {
                out.0.append(bytes[i])
                out.1.append(starts[i])
                out.2.append(ends[i])
                i += 1
            }
        }
        return out
    }

    /// Runs the phone recognizer on `text` and returns (start, end, candidate) in Unicode scalars of `text`.
    static func phones(in text: String, recognizer: PhoneRecognizer = PhoneRecognizer()) -> [(start: Int, end: Int, candidate: Candidate)] {
        let normalized = normalize(text)
        var candidates: [Candidate] = []
        recognizer.recognize(normalized, into: &candidates)
        return candidates.map { c in
            let r = normalized.originalRange(of: c.range)
            return (r.lowerBound, r.upperBound, c)
        }
    }
}
