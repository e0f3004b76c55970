import Testing
@testable import Detection

/// The prefilter's plain-words automaton (one table step per byte for the words the scan
/// would only skip) against the scan reading every word itself: the same decision on
/// every text. Texts are built from what the automaton decides on: words that start
/// like lexicon words, split names after everyday words ("you tube"), words around an
/// apostrophe, punctuation and dots, long words, and what makes it hand over (digits,
/// joiners, non-ASCII letters, "+").
@Suite struct PlainWordsTests {
    static let lexicon = try! Lexicon.builtIn()
    static let withAutomaton = Prefilter(lexicon: lexicon)
    static let withoutAutomaton = Prefilter(lexicon: lexicon, readsPlainWords: false)

    static let pieces = [
        "a", "I", "i", "on", "to", "me", "we", "in", "up", "so", "un", "la", "o", "v", "the", "and", "you", "what",
        "team", "only", "was", "one", "two", "set", "view", "project", "offer", "second", "place", "through",
        "i'll", "let's", "we're", "i've", "it's", "what's", "doesn't", "that's", "I'd", "c'est", "m'en", "o'clock",
        "sk'ype", "what'sapp", "you'tube", "in'sta", "we'chat", "s", "app", "tube", "kype", "gram", "sta", "chat",
        "skype", "telegram", "whatsapp", "zoom", "signal", "line", "LINE", "id", "email", "gmail", "dot", "at",
        "live", "fee", "offline", "directly", "call", "number", "street", "rue", "box", "five", "oh", "double",
        "supercalifragilistic", "abcdefghijklmnopqrstuvwxy", "antidisestablishmentarian", "Hauptstraße", "Jürgen",
        "555", "12", "+", "+44", "@", "acme.de", ".com", "(.)", "x.y", "ok.", "Skype.", "...", ")", "(", "]", "}",
    ]
    static let separators = [" ", " ", " ", "  ", "", ", ", ". ", ".", "!", "?", "\n", ":", ";", "'", "\"", "-", "_",
                             "*", "/", "(", ")", " (", ") ", "...", "'s "]

    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = PrefilterDifferentialTests.Random(state: seed)
        var out: [String] = []
        for _ in 0..<count {
            var text = random.next() % 4 == 0 ? random.pick(separators) : ""
            for k in 0..<Int(1 + random.next() % 10) {
                if k > 0 { text += random.pick(separators) }
                var piece = random.pick(pieces)
                switch random.next() % 8 {
                case 0: piece = piece.uppercased()
                case 1: piece = piece.prefix(1).uppercased() + piece.dropFirst()
                default: break
                }
                text += piece
            }
            if random.next() % 4 == 0 { text += random.pick(separators) }
            out.append(text)
        }
        return out
    }

    @Test func sameDecisionOnRandomTexts() {
        var passed = 0, differ = 0
        for text in Self.randomTexts(count: 30_000, seed: 7) {
            let fast = Self.withAutomaton.mayContainFinding(text)
            let slow = Self.withoutAutomaton.mayContainFinding(text)
            if fast != slow {
                differ += 1
                if differ <= 20 { Issue.record("automaton \(fast), scan \(slow) on: \(text)") }
            }
            if slow { passed += 1 }
        }
        #expect(differ == 0)
        // Both decisions occur often.
        #expect(passed > 3000)
        #expect(passed < 27_000)
    }

    @Test(arguments: [
        "you tube", "what s app", "what's app", "i'll skype you", "it's on skype", "we chat later", "sk ype",
        "let's talk on telegram", "it'sapp", "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuvwx",
        "hello world, how are you?", "thanks. see you", "ok.com", "ok. com", "in sta gram", "one two three four five six seven",
        "+ hello, 5551234", "doesn't matter", "ONLY FANS", "only fans",
    ])
    func sameDecision(_ text: String) {
        #expect(Self.withAutomaton.mayContainFinding(text) == Self.withoutAutomaton.mayContainFinding(text))
    }
}
