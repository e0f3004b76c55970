import Testing
@testable import Detection

@Suite struct EmailRecognizerTests {
    static let recognizer = EmailRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("anna@gmail.com", ["anna@gmail.com"]),
        ("My email is John@Gmail.com.", ["John@Gmail.com"]),
        ("anna.k+jobs@studio-nine.co.uk, thanks", ["anna.k+jobs@studio-nine.co.uk"]),
        ("user@xn--80ak6aa92e.com", ["user@xn--80ak6aa92e.com"]),
        ("пишите: иван@пример.рф", ["иван@пример.рф"]),
        ("anna @ gmail.com", ["anna @ gmail.com"]),
        ("anna@gmail", ["anna@gmail"]),
        ("write to anna [at] gmail (dot) com", ["anna [at] gmail (dot) com"]),
        ("anna(at)acme(.)de", ["anna(at)acme(.)de"]),
        ("anna at gmail dot com", ["anna at gmail dot com"]),
        ("anna dot k at acme dot co dot uk", ["anna dot k at acme dot co dot uk"]),
        ("reach me: anna at gmail", ["anna at gmail"]),
        ("My email is john at gmail.com", ["john at gmail.com"]),
        ("email me at anna_k at acme.de", ["anna_k at acme.de"]),
        ("an\u{200B}na@gm\u{200B}ail.com", ["an\u{200B}na@gm\u{200B}ail.com"]),
        ("anna＠gmail．com", ["anna＠gmail．com"]),
        ("anna@gmail.сом", ["anna@gmail.сом"]),
        ("anna-at-acme-dot-de", ["anna-at-acme-dot-de"]),
        // Not addresses
        ("my email is info@presidio.", []),
        ("this is not an email: hello-world here", []),
        ("look at acme.com for the brief", []),
        ("we met at google last year", []),
        ("see you at 5 at the office", []),
        ("I worked at yahoo for years", []),
        ("@anna_designs", []),
        ("logo@2x.png", []),
        ("lodash@4.17.21", []),
        ("john.smith@gmail..com", ["john.smith@gmail"]),
        ("I can meet at gmail", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }

    @Test func normalizedFormIsTheAddressInLowerCase() {
        let c = Harness.candidates(Self.recognizer, in: "Anna.K [at] Gmail [dot] com")
        #expect(c.map(\.normalized) == ["anna.k@gmail.com"])
        #expect(c.map(\.rule) == ["email.written_out"])
    }
}
