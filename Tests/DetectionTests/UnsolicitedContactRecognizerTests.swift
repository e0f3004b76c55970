import Testing
@testable import Detection

@Suite struct UnsolicitedContactRecognizerTests {
    static let recognizer = UnsolicitedContactRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String], [String?])] = [
        ("I found your number on your website and called you", ["called you"], ["phone"]),
        ("I emailed you at your work address", ["emailed you"], ["email"]),
        ("I messaged you on LinkedIn", ["messaged you on LinkedIn"], ["linkedin"]),
        ("I texted you yesterday", ["texted you"], ["phone"]),
        ("just sent you an email", ["sent you an email"], ["email"]),
        ("I sent you a connection request on LinkedIn", ["sent you a connection request on LinkedIn"], ["linkedin"]),
        ("I left you a voicemail", ["left you a voicemail"], ["phone"]),
        ("did you get my email?", ["get my email"], ["email"]),
        ("I whatsapped you the files", ["whatsapped you"], ["whatsapp"]),
        ("I called your number yesterday evening, sorry if it was late.", ["called your number"], ["phone"]),
        ("I found your WhatsApp number on your blog and messaged you there.", ["messaged you there"], ["whatsapp"]),
        ("I emailed you the glossary at your Gmail address, did it arrive?",
         ["emailed you the glossary at your Gmail"], ["email"]),
        ("I wrote to you on Telegram last week", ["wrote to you on Telegram"], ["telegram"]),
        ("I reached out to you via LinkedIn", ["reached out to you via LinkedIn"], ["linkedin"]),
        ("Saw your Skype on your CV and sent you the brief there", ["sent you the brief there"], ["skype"]),
        ("I sent you the draft over WhatsApp", ["sent you the draft over WhatsApp"], ["whatsapp"]),
        ("I gave you a ring yesterday", ["gave you a ring"], ["phone"]),
        ("dropped you an email this morning", ["dropped you an email"], ["email"]),
        ("I phoned your office twice", ["phoned your office"], ["phone"]),
        // Not reports of contact elsewhere
        ("I sent you the link to my Zoom room", [], []),
        ("I sent you the files here", [], []),
        ("I texted your colleague about it", [], []),
        ("I sent you the mockups to your inbox here", [], []),
        ("I gave you a call but the call here dropped", [], []),
        ("I wrote to the client about it", [], []),
        ("I called your name twice in the call here", [], []),
        ("I added your email to the repo", [], []),
        ("I haven't called your number yet", [], []),
        ("I called you but the call here dropped", [], []),
        ("I messaged you yesterday", [], []),
        ("I haven't emailed you yet", [], []),
        ("I'll email you tomorrow", [], []),
        ("they emailed you already", [], []),
        ("I sent you the files", [], []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String], _ platforms: [String?]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
        #expect(Harness.candidates(Self.recognizer, in: text).map(\.platform) == platforms)
    }
}
