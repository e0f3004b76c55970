import Testing
@testable import Detection

/// The prefilter passes whatever may hold a finding, disguised or not, and turns away
/// ordinary chat. (That it never hides a labeled positive is proved on the whole
/// corpus in `PrefilterCorpusTests`.)
@Suite struct PrefilterTests {
    static let prefilter = Prefilter(lexicon: try! Lexicon.builtIn())

    static let mustPass = [
        "anna@gmail.com", "write to anna [at] gmail (dot) com", "anna at gmail", "anna at acme.de",
        "see acme.co.uk", "gmail.сом", "user@пример.рф", "anna(at)acme(.)de",
        "555-0199-12", "5 5 5 0 1 9 9", "five five five oh one nine nine", "555🔹0199", "４１５６６６７７７７",
        "double five double five one two three", "+49-49-34", "+ 44 20 79", "5550199",
        "1LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2", "DE89 3704 0044 0532 0130 00",
        "add me on sk-ype", "s k y p e", "w h a t s a p p pls", "tele gram?", "my insta", "IG: anna.designs",
        "Ѕкуре", "ＷｈａｔｓＡｐｐ", "wh\u{200B}atsapp", "linkedln", "live:anna_77",
        "let's take this offline", "pay me directly", "skip the platform fee", "I emailed you",
        "101 main st.", "Calle Mayor 5", "Hauptstraße 5", "PO Box 123", "hauptstrasse 12",
        "what's your number?", "text me", "xn--80ak6aa92e.com", "my LINE id is anna_77",
    ]

    static let mustReject = [
        "Thanks, I'll send the revised logo tomorrow",
        "The invoice is $1,250 and due on Friday.",
        "Can you make the font a bit bigger? The line is too thin.",
        "Version 2.10 fixed it", "see you at 3pm", "I'll review it in 2 days", "Invoice 900123 paid", "Order 4827-11",
        "Ok 👍", "Привет! Как дела?", "日本語のテキスト", "e.g. the header",
        "for i in range(10): print(i)", "Love the colours, great work",
    ]

    @Test(arguments: mustPass)
    func passes(_ text: String) {
        let passed = Self.prefilter.mayContainFinding(text)
        #expect(passed)
    }

    @Test(arguments: mustReject)
    func rejects(_ text: String) {
        let passed = Self.prefilter.mayContainFinding(text)
        #expect(!passed)
    }
}

/// Addresses pass the prefilter in the shapes the postal recognizer reads.
@Suite struct PrefilterAddressTests {
    @Test(arguments: ["12-14 Main St", "221B Baker Street", "Rua Augusta, 100", "PO Box 4471, Austin",
                      "one two three Main Street", "Hauptstraße 5", "12 rue de la Paix", "(5 Oak Lane)"])
    func addressesPass(_ text: String) {
        let passed = PrefilterTests.prefilter.mayContainFinding(text)
        #expect(passed)
        #expect(!Harness.detector.findings(in: text, explain: false, usePrefilter: false).isEmpty)
    }
}
