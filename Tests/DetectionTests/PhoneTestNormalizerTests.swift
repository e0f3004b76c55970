// The test-only normalizer keeps the contract the phone engine relies on, with
// an exact map back to the original Unicode scalars: otherwise the phone tests
// would measure the stand-in, not the engine.
import Testing
@testable import Detection

@Suite("Phone test normalizer")
struct PhoneTestNormalizerTests {
    /// The normalized text as a string, and for each byte the original scalars it came from.
    static func normalized(_ text: String) -> (String, [String]) {
        let n = PhoneTestNormalizer.normalize(text)
        let scalars = Array(text.unicodeScalars)
        let sources = n.bytes.indices.map { i -> String in
            var v = String.UnicodeScalarView()
            v.append(contentsOf: scalars[Int(n.sourceStart[i])..<Int(n.sourceEnd[i])])
            return String(v)
        }
        return (String(decoding: n.bytes, as: UTF8.self), sources)
    }

    @Test("full-width and other-script digits become ASCII, one byte per scalar")
    func digits() {
        let (text, sources) = Self.normalized("＋１ ٤٥ ९")
        #expect(text == "+1 45 9")
        #expect(sources == ["＋", "１", " ", "٤", "٥", " ", "९"])
    }

    @Test("ASCII letters are lower-cased, other letters kept as UTF-8")
    func letters() {
        let (text, sources) = Self.normalized("EXT É")
        #expect(text == "ext É")
        #expect(sources.suffix(2) == ["É", "É"])
    }

    @Test("emoji and bullets between digits become one space covering them all")
    func separators() {
        let (text, sources) = Self.normalized("555🔹0199 415•666 7️⃣7")
        #expect(text == "555 0199 415 666 77")
        #expect(sources[3] == "🔹")
        #expect(sources[12] == "•")
    }

    @Test("Unicode spaces and dashes become ASCII; invisible characters disappear")
    func spacesAndDashes() {
        let (text, _) = Self.normalized("44\u{00A0}20\u{3000}7946–0958\u{200B}1")
        #expect(text == "44 20 7946-09581")
    }

    @Test("number words in a run of at least three become digits mapped to the whole word")
    func spelled() {
        let (text, sources) = Self.normalized("call five five five, 0 1 9 9 or one or two")
        #expect(text == "call 5 5 5, 0 1 9 9 or one or two")
        #expect(sources[5] == "five")
        let (plain, _) = Self.normalized("one or two things")
        #expect(plain == "one or two things")
    }

    @Test("original ranges of a candidate cover exactly what was written")
    func ranges() {
        let text = "call ５５５－０１９９ now"
        let found = PhoneTestNormalizer.phones(in: text)
        #expect(found.map { [$0.start, $0.end] } == [[5, 13]])
    }
}
