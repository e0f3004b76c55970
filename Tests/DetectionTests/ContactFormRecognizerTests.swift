import Testing
@testable import Detection

@Suite struct ContactFormRecognizerTests {
    static let recognizer = ContactFormRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("fill this in: forms.gle/abc123", ["forms.gle/abc123"]),
        ("https://docs.google.com/forms/d/e/1FAIpQ/viewform", ["https://docs.google.com/forms/d/e/1FAIpQ/viewform"]),
        ("acme.typeform.com/to/Xy12", ["acme.typeform.com/to/Xy12"]),
        ("apply at https://jobs.lever.co/acme/123", ["https://jobs.lever.co/acme/123"]),
        ("boards.greenhouse.io/acme/jobs/42", ["boards.greenhouse.io/acme/jobs/42"]),
        ("https://docs.google.com/document/d/1abc", []),
        ("please fill out the form", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }
}
