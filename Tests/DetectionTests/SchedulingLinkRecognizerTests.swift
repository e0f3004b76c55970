import Testing
@testable import Detection

@Suite struct SchedulingLinkRecognizerTests {
    static let recognizer = SchedulingLinkRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("book a slot: calendly.com/anna-k/30min", ["calendly.com/anna-k/30min"]),
        ("https://cal.com/anna/intro", ["https://cal.com/anna/intro"]),
        ("meetings.hubspot.com/anna-k", ["meetings.hubspot.com/anna-k"]),
        ("https://calendar.app.google/AbC123", ["https://calendar.app.google/AbC123"]),
        ("tidycal.com/anna/15", ["tidycal.com/anna/15"]),
        ("calendly.com", []),
        ("check my calendar", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }
}
