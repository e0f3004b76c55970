import Testing
@testable import Detection

/// The normalizer contract (see `Normalizer`): each case is the original text and
/// the normalized text it must become.
@Suite struct NormalizerTests {
    static let normalizer = try! Normalizer.builtIn()

    static func normalized(_ text: String) -> String {
        String(decoding: normalizer.normalize(text).bytes, as: UTF8.self)
    }

    static let cases: [(String, String)] = [
        // 1. invisible characters
        ("an\u{200B}na@gm\u{200D}ail.com", "anna@gmail.com"),
        ("sky\u{00AD}pe", "skype"),
        ("\u{FEFF}hello\u{2060}", "hello"),
        ("5\u{FE0F}\u{20E3}5\u{FE0F}\u{20E3}5", "555"),
        // 2. digits of every script, full-width forms
        ("４１５６６６７７７７", "4156667777"),
        ("٥٥٥٠١٩٩", "5550199"),
        ("५५५", "555"),
        ("ａｎｎａ＠ｇｍａｉｌ．ｃｏｍ", "anna@gmail.com"),
        // 3. case and homoglyphs
        ("Anna@GMAIL.com", "anna@gmail.com"),
        ("раураl", "paypal"),
        ("skуpе me", "skype me"),
        ("gmail.сом", "gmail.com"),
        ("Ѕкуре", "skype"),
        ("привет как дела", "привет как дела"),
        ("user@пример.рф", "user@пример.рф"),
        ("𝐬𝐤𝐲𝐩𝐞", "skype"),
        ("Ⓦⓗⓐⓣⓢⓐⓟⓟ", "whatsapp"),
        // 4. spelled-out digits
        ("five five five zero one nine nine", "5 5 5 0 1 9 9"),
        ("Five, five, five, oh one nine nine", "5, 5, 5, 0 1 9 9"),
        ("nine 1 seven", "9 1 7"),
        ("double five 0 one", "55 0 1"),
        ("triple seven 1234", "777 1234"),
        ("one or two things", "one or two things"),
        ("one two", "one two"),
        ("sept 12 2024", "sept 12 2024"),
        ("zéro six douze", "zéro six douze"),
        ("zéro six trois quatre", "0 6 3 4"),
        ("fünf fünf null eins", "5 5 0 1"),
        ("call me on five 5 5 0 1 9 9", "call me on 5 5 5 0 1 9 9"),
        ("the oh one", "the oh one"),
        ("double trouble", "double trouble"),
        // 5. separators between digits
        ("555🔹0199", "555 0199"),
        ("555 🔹 0199", "555 0199"),
        ("555–0199", "555-0199"),
        ("555·0199", "555 0199"),
        ("555\u{3000}0199", "555 0199"),
        ("555 - 0199", "555 - 0199"),
        ("five🔹five🔹five", "5 5 5"),
        ("ok 🙂 thanks", "ok 🙂 thanks"),
        ("12🔹🔹🔹🔹🔹34", "12🔹🔹🔹🔹🔹34"),
        // 6. everything else kept
        ("Ça coûte 5 €", "Ça coûte 5 €"),
        ("日本語のテキスト", "日本語のテキスト"),
    ]

    @Test(arguments: cases)
    func contract(_ input: String, _ expected: String) {
        #expect(Self.normalized(input) == expected)
    }

    @Test func everyByteMapsBackInsideTheOriginal() {
        for (input, _) in Self.cases {
            let t = Self.normalizer.normalize(input)
            let scalars = input.unicodeScalars.count
            for i in t.bytes.indices {
                #expect(t.sourceStart[i] >= 0 && t.sourceStart[i] < t.sourceEnd[i] && Int(t.sourceEnd[i]) <= scalars)
                if i > 0 { #expect(t.sourceStart[i] >= t.sourceStart[i - 1], "offsets go backwards in \(input)") }
            }
        }
    }

    @Test func offsetsOfADisguisedDetailPointAtTheOriginal() {
        let input = "mail: an\u{200B}na＠gmail．com!"
        let t = Self.normalizer.normalize(input)
        let text = String(decoding: t.bytes, as: UTF8.self)
        let at = text.utf8.count - "anna@gmail.com!".utf8.count
        let range = t.originalRange(of: at..<(at + "anna@gmail.com".utf8.count))
        let scalars = Array(input.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[range])) == "an\u{200B}na＠gmail．com")
    }

    @Test func spelledDigitsMapToTheirWords() {
        let input = "call five five five oh one nine nine"
        let t = Self.normalizer.normalize(input)
        let text = String(decoding: t.bytes, as: UTF8.self)
        #expect(text == "call 5 5 5 0 1 9 9")
        let scalars = Array(input.unicodeScalars)
        let r = t.originalRange(of: 5..<text.utf8.count)
        #expect(String(String.UnicodeScalarView(scalars[r])) == "five five five oh one nine nine")
        let oh = t.originalRange(of: 11..<12)
        #expect(String(String.UnicodeScalarView(scalars[oh])) == "oh")
    }

    @Test func upperCaseIsRemembered() {
        let t = Self.normalizer.normalize("aB Ѕ")
        #expect(!t.wasUppercase(0))
        #expect(t.wasUppercase(1))
    }
}
