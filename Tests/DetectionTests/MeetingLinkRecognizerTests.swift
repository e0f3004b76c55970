import Testing
@testable import Detection

@Suite struct MeetingLinkRecognizerTests {
    static let recognizer = MeetingLinkRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("https://us02web.zoom.us/j/84512345678?pwd=abc", ["https://us02web.zoom.us/j/84512345678?pwd=abc"]),
        ("meet.google.com/abc-defg-hij", ["meet.google.com/abc-defg-hij"]),
        ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x", ["https://teams.microsoft.com/l/meetup-join/19%3ameeting_x"]),
        ("whereby.com/anna-studio", ["whereby.com/anna-studio"]),
        ("meet.jit.si/AnnaReview", ["meet.jit.si/AnnaReview"]),
        ("acme.webex.com/meet/anna", ["acme.webex.com/meet/anna"]),
        ("Zoom meeting ID: 845 1234 5678", ["845 1234 5678"]),
        ("Meeting ID 84512345678, passcode 1234", ["84512345678"]),
        ("google meet code: abc-defg-hij", ["abc-defg-hij"]),
        // Not meeting links
        ("zoom.us", []),
        ("the video call here failed", []),
        ("order ID: 845 1234 5678", []),
        ("a one-time-fee", []),
        ("let's meet on Friday", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }
}
