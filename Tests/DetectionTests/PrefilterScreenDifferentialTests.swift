import Foundation
import Testing
@testable import Detection
import TestSupport

/// The prefilter's first screen against its slow reference, the exact pass: wherever
/// the screen says "certainly nothing", the exact pass must say nothing too. Checked
/// as "same decision with and without the screen" (the screen only ever hands a text
/// on or turns it away) and, directly, as "screen says nothing ⇒ exact pass says
/// nothing", on random everyday text, every word of the prefilter's automaton whole,
/// split, spaced, cased and misspelt, one non-ASCII character at every position, and
/// trigger bytes at every position around the eight-byte loads.
@Suite struct PrefilterScreenDifferentialTests {
    static let screened = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: true, usesScreen: true)
    static let exact = Prefilter(lexicon: Harness.lexicon, stepsLoneWalkInline: true, usesScreen: false)

    /// Runs every text through both; returns how many the screen turned away.
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var turnedAway = 0
        for text in texts {
            let says = screened.screenSaysNothing(text)
            let exactPasses = exact.mayContainFinding(text)
            if says {
                turnedAway += 1
                #expect(!exactPasses, "screen hides a text the exact pass lets through: \(text.debugDescription)",
                        sourceLocation: sourceLocation)
            }
            #expect(screened.mayContainFinding(text) == exactPasses, "decisions differ: \(text.debugDescription)",
                    sourceLocation: sourceLocation)
        }
        return turnedAway
    }

    /// Everyday words, many of them short words the screen watches ("a", "I", "you",
    /// "in", "what") or number words, and separators with apostrophes, dots and digits.
    static let everyday = [
        "a", "I", "you", "we", "in", "on", "of", "what", "me", "do", "so", "go", "re", "bit", "team", "make", "only",
        "the", "and", "project", "logo", "design", "thanks", "tomorrow", "experience", "revised", "please", "send",
        "file", "files", "review", "great", "work", "hello", "schedule", "meeting", "draft", "one", "two", "three",
        "un", "dos", "um", "la", "el", "te", "tu", "con", "sie", "app", "voice", "set", "got", "some", "else", "us",
        "out", "does", "was", "ve", "ll", "s", "t", "d", "m", "re", "Straße", "street", "main", "box", "line",
    ]
    static let everydaySeparators = [" ", " ", " ", " ", ", ", ". ", "'", "’", "! ", "? ", "\n", "-", ".", " 3 ",
                                     " 12 ", " $5 ", ": ", "(", ") ", "...", " — ", "  "]

    static func everydayTexts(count: Int, seed: UInt64) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            for k in 0..<random.int(1...14) {
                if k > 0 { text += random.pick(everydaySeparators) }
                var word = random.pick(everyday)
                switch random.next() % 8 {
                case 0: word = word.uppercased()
                case 1: word = word.capitalized
                default: break
                }
                text += word
            }
            return text
        }
    }

    @Test func sameDecisionOnRandomEverydayText() {
        let turnedAway = Self.check(Self.everydayTexts(count: 8000, seed: 21))
        // The screen does decide most of them (else this test would test nothing).
        #expect(turnedAway > 2000)
    }

    @Test func sameDecisionOnRandomTextsOfTriggerPieces() {
        let turnedAway = Self.check(PrefilterDifferentialTests.randomTexts(count: 6000, seed: 22))
        #expect(turnedAway > 100)
    }

    /// Every word of the prefilter's automaton (triggers, number words, "live", noun-only
    /// names) whole, cased three ways, split at every position by every joiner and by an
    /// apostrophe, spaced letter by letter, with its last letter dropped or doubled, in a
    /// plain sentence and alone.
    @Test func sameDecisionOnEveryLexiconWordWholeSplitSpacedAndMisspelt() {
        var forms: Set<String> = []
        for entry in Harness.lexicon.prefilterWords.entries {
            let word = entry.word
            let scalars = Array(word.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            forms.formUnion([word, word.uppercased(), word.capitalized])
            for cut in 1..<scalars.count {
                let a = String(String.UnicodeScalarView(scalars[..<cut])), b = String(String.UnicodeScalarView(scalars[cut...]))
                for joiner in [" ", "-", ".", "_", "*", "'"] { forms.insert(a + joiner + b) }
            }
            forms.insert(scalars.map { String($0) }.joined(separator: " "))
            forms.insert(String(String.UnicodeScalarView(scalars.dropLast())))
            forms.insert(word + String(scalars.last!))
        }
        var texts: [String] = []
        for form in forms.sorted() {
            texts += [form, "I can use \(form) now", "\(form)'s fine", "ok \(form): anna", "on \(form) id"]
        }
        let turnedAway = Self.check(texts)
        #expect(texts.count > 5000)
        #expect(turnedAway > 100)
    }

    /// Mostly-ASCII texts with one non-ASCII character (accent, emoji, zero-width,
    /// full-width, Cyrillic look-alike, typographic apostrophe) at every position.
    @Test func sameDecisionWithOneNonASCIICharacterAtEveryPosition() {
        let bases = ["Thanks, I'll send the revised logo tomorrow", "what do you think of the draft", "a bit of work on it",
                     "Add me on Skype", "we can go over it in one call", "see you at the office", "in sta gram is fine"]
        var texts: [String] = []
        for base in bases {
            let scalars = Array(base.unicodeScalars)
            for at in 0...scalars.count {
                for extra in ["é", "🔹", "\u{200B}", "Ｓ", "ѕ", "’", "ß"] {
                    var s = String.UnicodeScalarView(scalars[..<at])
                    s.append(contentsOf: extra.unicodeScalars)
                    s.append(contentsOf: scalars[at...])
                    texts.append(String(s))
                }
            }
        }
        let turnedAway = Self.check(texts)
        #expect(turnedAway > 300)
    }

    /// Trigger bytes ("@", a dot between letters, digits, an apostrophe) and words at
    /// every position of texts of length 0 to 40, across the eight-byte loads and the
    /// end of the text; long letter runs around the long-token length.
    @Test func sameDecisionAtEveryPositionAroundEightByteLoads() {
        var texts: [String] = []
        let fillers = ["abcdefghij klmnopqrs tuvwxyz abcdefghij klm", "the quick brown fox jumps over the lazy dog now"]
        for filler in fillers {
            for length in 0...40 {
                let base = Array(filler.utf8.prefix(length))
                texts.append(String(decoding: base, as: UTF8.self))
                for at in 0...base.count {
                    for insert in ["@", ".", "a.b", "5", "12345", "'s", " skype", "skype ", " one two", "x.com", "5.de", ".)"] {
                        texts.append(String(decoding: base[..<at] + Array(insert.utf8) + base[at...], as: UTF8.self))
                    }
                }
            }
        }
        for length in 20...30 {
            let run = String(repeating: "k", count: length)
            texts += [run, "so \(run) ok", "\(run)'s", "ab'\(run)", "12 \(run)", "\(run)9", "it's \(run)"]
        }
        Self.check(texts)
    }

    /// Runs of digits and number words with gaps of zero to six characters of every
    /// kind, words between them, signs and dates: the screen cuts runs where the exact
    /// pass cuts them, or sooner, never later.
    @Test func sameDecisionOnRunsOfDigitsAndNumberWords() {
        var random = SplitMix64(seed: 23)
        let items = ["1", "22", "333", "4444", "0", "one", "two", "five", "oh", "double", "zero", "nine", "cinco", "drei"]
        let gaps = ["", " ", "  ", "-", ".", ", ", " - ", "   ", "....", "/", "(", ") ", "'", " x ", " and ", "+", "$", "#",
                    "\n", ": ", "     ", "......"]
        var texts: [String] = []
        for _ in 0..<6000 {
            var text = random.next() % 3 == 0 ? random.pick(["call ", "it is ", "", "Main St ", "box "]) : ""
            for k in 0..<random.int(1...6) {
                if k > 0 { text += random.pick(gaps) }
                text += random.pick(items)
            }
            if random.next() % 3 == 0 { text += random.pick([" now", " street", ".", " pm", "th", "st"]) }
            texts.append(text)
        }
        let turnedAway = Self.check(texts)
        #expect(turnedAway > 500)
    }

    /// House numbers (digits standing alone, maybe with one letter) with every
    /// character the exact pass looks at before and after them, next to street words
    /// before and after, and numbers that are not house numbers ("$12", "12:30", "3pm").
    @Test func sameDecisionOnHouseNumbersAndStreetWords() {
        var texts: [String] = []
        for before in ["", " ", "(", "\n", ",", "-", "$", "#", "x", "/", ":", "+"] {
            for after in ["", " ", ",", "\n", ".", ")", "-", "b ", "b", "pm", ":30", "/", "x1", "'"] {
                for number in ["12", "221", "123456789", "7"] {
                    let n = before + number + after
                    texts += ["Main St\(n) ok", "ok\(n) Street", "go to\(n) rue", "Hauptstraße\(n)", "\(n)Calle Mayor",
                              "box\(n)", "ok\(n) fine", "one\(n) way"]
                }
            }
        }
        Self.check(texts)
    }

    /// Every labeled text of the corpus and, when present, the peer suites.
    @Test func sameDecisionOnTheCorpus() throws {
        Self.check(try PrefilterCorpusTests.labeledTexts())
    }
}
