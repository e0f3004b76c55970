import Testing
@testable import Detection

@Suite struct MessagingAppRecognizerTests {
    static let recognizer = MessagingAppRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("wa.me/15551234567", ["wa.me/15551234567"]),
        ("join https://t.me/anna_designs", ["https://t.me/anna_designs"]),
        ("discord.gg/abc123 is our server", ["discord.gg/abc123"]),
        ("skype: live:anna_77", ["live:anna_77"]),
        ("sk-ype: the.anna.k", ["the.anna.k"]),
        ("reach me on LINE, ID anna_k_88", ["anna_k_88"]),
        ("my line is anna_k_88", []),
        ("Skype ID kaidesigns", ["kaidesigns"]),
        ("Skype ID verification failed", []),
        ("Skype ID omuller Have a nice day!", ["omuller"]),
        ("Was ist deine Telegram-Nummer?", []),
        ("telegram-anna_k", ["anna_k"]),
        ("add me live:.cid.1a2b3c4d", ["live:.cid.1a2b3c4d"]),
        ("my telegram is @anna_k", ["@anna_k"]),
        ("contact me on skype (dean.malmgren) to chat", ["dean.malmgren"]),
        ("i'm dean.malmgren on skype", ["dean.malmgren"]),
        ("skype: dean.malmgren\nnerd", ["dean.malmgren"]),
        ("I have added you on Skype. My ID is dean.malmgren", ["dean.malmgren"]),
        ("My Skype is joecool", ["joecool"]),
        ("add me on sk-ype: anna.k", ["anna.k"]),
        ("w h a t s a p p: @anna", ["@anna"]),
        ("discord: anna#4821", ["anna#4821"]),
        ("find me on discord, anna#4821", ["anna#4821"]),
        ("viber://chat?number=15551234567", ["viber://chat?number=15551234567"]),
        ("skype:anna.k?call", ["skype:anna.k?call", "anna.k"]),
        ("Ѕкуре: anna.k", ["anna.k"]),
        ("LINE id: anna_k", ["anna_k"]),
        // Not identifiers
        ("my skype is broken", []),
        ("I can't share my Skype before a contract", []),
        ("issue#1234 is fixed", []),
        ("anna#4821", []),
        ("the line is too thin", []),
        ("I use Slack at work", []),
        ("my whatsapp is +1 555 0199", []),
        ("signal processing is my field", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }

    @Test func platformIsNamed() {
        #expect(Harness.candidates(Self.recognizer, in: "tele gram: @anna").map(\.platform) == ["telegram"])
        #expect(Harness.candidates(Self.recognizer, in: "wa.me/15551234567").map(\.platform) == ["whatsapp"])
    }
}
