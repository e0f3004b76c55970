import Testing
@testable import Detection
import TestSupport

/// The tokenizer's whole-word path (a word of ASCII letters looked up by its key in one
/// probe, `WordAutomaton.LetterWords`, and the walk's next step tested directly) against
/// the walk of the automaton at every word: the same tokens (range, key, lexicon entry,
/// kind, space before) on every lexicon word whole, cut by every joiner, glued to
/// apostrophes, digits and non-ASCII characters and followed by every byte that can
/// end a word; on random texts of trigger pieces, random everyday texts and the
/// corpus and peer-suite texts.
@Suite struct TokenizerDifferentialTests {
    static let words = Harness.lexicon.words

    static func describe(_ t: TextIndex.Token) -> String {
        "\(t.start)..<\(t.end) key \(t.key) entry \(t.entry) kind \(t.kind) byte \(t.byte) space \(t.spaceBefore)"
    }

    /// Tokenizes every text both ways; returns how many tokens had a lexicon entry (so a
    /// test can show its texts reach the lexicon).
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var withEntry = 0
        var differing = 0
        for text in texts {
            let normalized = Harness.normalizer.normalize(text)
            let fast = TextIndex.tokens(of: normalized, words, wholeWords: true).map(describe)
            let slow = TextIndex.tokens(of: normalized, words, wholeWords: false).map(describe)
            if fast != slow {
                differing += 1
                if differing <= 10 {
                    Issue.record("tokens differ on \(text.debugDescription): \(fast) against \(slow)",
                                 sourceLocation: sourceLocation)
                }
            }
            withEntry += slow.filter { !$0.contains("entry -1 ") }.count
        }
        #expect(differing == 0, "\(differing) of \(texts.count) texts tokenized differently", sourceLocation: sourceLocation)
        return withEntry
    }

    @Test func sameTokensAroundEveryLexiconWord() {
        var whole: Set<String> = []
        var cut: Set<String> = []
        for entry in Self.words.entries {
            let word = entry.word
            let scalars = Array(word.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            whole.formUnion([word, word.uppercased(), word.capitalized, String(String.UnicodeScalarView(scalars.dropLast())),
                             word + String(scalars.last!), word + "s"])
            for k in 1..<scalars.count {
                let a = String(String.UnicodeScalarView(scalars[..<k])), b = String(String.UnicodeScalarView(scalars[k...]))
                for joiner in [" ", "-", ".", "_", "*", "'", "’", "  ", "1"] { cut.insert(a + joiner + b) }
            }
        }
        // What may follow a word: every joiner and what may follow it, apostrophes,
        // digits, letters of other scripts, symbols, the end of the text.
        let after = ["", " ", "  ", "-", ".", "_", "*", "'", "’", "'s", "’s", "'x", "1", "é", "ß", "🙂", "\u{200B}", ",", ":",
                     "/", "@", "!", "?", "(", ")", " a", " s", "-a", ".m", "_x", "*y", " 1", " é", " ’", " '", "- ", ". ",
                     " app", " me", " id", " 🙂"]
        var texts: [String] = []
        for form in whole.sorted() {
            texts.append(after.map { "ok \(form)\($0)" }.joined(separator: " | "))
            texts.append(form)
        }
        for form in cut.sorted() { texts.append("\(form) ok \(form)") }
        let entries = Self.check(texts)
        #expect(texts.count > 5000)
        #expect(entries > 20_000)
    }

    @Test func sameTokensOnRandomTexts() {
        let entries = Self.check(PrefilterDifferentialTests.randomTexts(count: 4000, seed: 71)
                                 + PrefilterScreenDifferentialTests.everydayTexts(count: 4000, seed: 72))
        #expect(entries > 2000)
    }

    /// Words of random letters from the lexicon's alphabet and joiners between them:
    /// prefixes and near misses of lexicon words, at random lengths.
    @Test func sameTokensOnRandomLetterRuns() {
        var random = SplitMix64(seed: 73)
        let letters = Array("aeiouskypetlgrmwhatsnd")
        let gaps = [" ", "-", ".", "_", "*", "'", "’", "1", ", ", "é", "\n"]
        var texts: [String] = []
        for _ in 0..<6000 {
            var text = ""
            for k in 0..<random.int(1...6) {
                if k > 0 { text += random.pick(gaps) }
                for _ in 0..<random.int(1...9) { text.append(random.pick(letters)) }
            }
            texts.append(text)
        }
        Self.check(texts)
    }

    @Test func sameTokensOnTheCorpusAndPeerSuites() throws {
        let texts = try PrefilterCorpusTests.labeledTexts(noting: "TokenizerDifferentialTests")
        let entries = Self.check(texts)
        #expect(entries > 1000)
    }

    /// The tokenizer's step after a word (`LetterWords.steps(_:on:)`, from the bits by
    /// state) against the transitions, for every state of every automaton of the lexicon
    /// and every ASCII byte.
    @Test func stepBitsAgreeWithTheTransitions() {
        let lexicon = Harness.lexicon
        var steps = 0
        var differing = 0
        for automaton in [lexicon.words, lexicon.numberWords, lexicon.streetWords, lexicon.channelNouns,
                          lexicon.prefilterWords] {
            automaton.withLetterWords { lw in
                for state in 1..<automaton.stateCount {
                    for b in UInt8(0)..<0x80 {
                        let slow = lw.stepsByTransitions(state, on: b)
                        if lw.steps(state, on: b) != slow {
                            differing += 1
                            if differing <= 10 { Issue.record("state \(state), byte \(b): \(!slow) against \(slow)") }
                        }
                        if slow { steps += 1 }
                    }
                }
            }
        }
        #expect(differing == 0)
        // Every state but the last of a word steps on something.
        #expect(steps > 5000)
    }
}
