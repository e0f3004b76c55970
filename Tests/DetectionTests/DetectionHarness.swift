import Testing
@testable import Detection

/// Shared by the recognizer tables: the shipped lexicons, and what a recognizer or
/// the whole detector finds in a text, as the original substrings.
enum Harness {
    static let lexicon = try! Lexicon.builtIn()
    static let normalizer = Normalizer(lexicon: lexicon)
    static let detector = try! Detector.builtIn()

    /// The original text of each candidate one recognizer proposes, in text order.
    static func matches(_ recognizer: some Recognizer, in text: String, kind: FindingKind? = nil) -> [String] {
        let normalized = normalizer.normalize(text)
        var candidates: [Candidate] = []
        recognizer.recognize(normalized, into: &candidates)
        let scalars = Array(text.unicodeScalars)
        return candidates
            .filter { kind == nil || $0.kind == kind }
            .sorted { $0.range.lowerBound < $1.range.lowerBound }
            .map { c in
                let r = normalized.originalRange(of: c.range)
                return String(String.UnicodeScalarView(scalars[r]))
            }
    }

    static func candidates(_ recognizer: some Recognizer, in text: String) -> [Candidate] {
        var candidates: [Candidate] = []
        recognizer.recognize(normalizer.normalize(text), into: &candidates)
        return candidates.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The detector's findings as "kind:original text" strings.
    static func findings(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return detector.findings(in: text).map { f in
            "\(f.kind.rawValue):\(String(String.UnicodeScalarView(scalars[f.start..<f.end])))"
        }
    }
}

/// A fast path against its slow reference, text by text: the first ten texts they differ on are recorded,
/// none may differ. Returns how many items the reference found in all (so a test can see it was exercised).
@discardableResult
func expectSameOnEveryText(_ texts: [String], _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                           fast: (String) -> [String], slow: (String) -> [String]) -> Int {
    var found = 0, differing = 0
    for text in texts {
        let f = fast(text), s = slow(text)
        if f != s {
            differing += 1
            if differing <= 10 {
                Issue.record("\(what) differ on \(text.debugDescription): \(f) against \(s)", sourceLocation: sourceLocation)
            }
        }
        found += s.count
    }
    #expect(differing == 0, "\(differing) of \(texts.count) texts differ", sourceLocation: sourceLocation)
    return found
}
