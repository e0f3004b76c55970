import Testing
@testable import Detection

@Suite struct OffplatformRequestRecognizerTests {
    static let recognizer = OffplatformRequestRecognizer(lexicon: Harness.lexicon)

    /// (text, matched text, platform)
    static let table: [(String, [String], [String?])] = [
        ("what's your WhatsApp?", ["what's your WhatsApp"], ["whatsapp"]),
        ("send me your number", ["send me your number"], ["phone"]),
        ("can I get your personal email pls", ["get your personal email"], ["email"]),
        ("your telegram?", ["your telegram"], ["telegram"]),
        ("email me", ["email me"], ["email"]),
        ("DM me on insta", ["DM me on insta"], ["instagram"]),
        ("message me on whats app", ["message me on whats app"], ["whatsapp"]),
        ("drop me a line on Skype", ["drop me a line on Skype"], ["skype"]),
        ("I'll text you", ["text you"], ["phone"]),
        ("can we continue on Zoom?", ["continue on Zoom"], ["zoom"]),
        ("I'd rather talk on Telegram", ["rather talk on Telegram"], ["telegram"]),
        ("let's hop on a quick zoom call", ["hop on a quick zoom call"], ["zoom"]),
        ("Let's move this conversation to WhatsApp", ["move this conversation to WhatsApp"], ["whatsapp"]),
        ("let's take this offline", ["take this offline"], [nil]),
        ("can we talk outside the platform?", ["talk outside the platform"], [nil]),
        ("contact me directly", ["contact me directly"], [nil]),
        ("let's zoom tomorrow", ["let's zoom"], ["zoom"]),
        ("I can send you my WhatsApp", ["send you my WhatsApp"], ["whatsapp"]),
        ("let's use Slack for this", ["use Slack"], ["slack"]),
        ("WhatsApp is easier for me", ["WhatsApp is easier"], ["whatsapp"]),
        ("don't hesitate to email me", ["email me"], ["email"]),
        ("Contract 1 closed, thanks! Let's talk about phase 2 on Zoom next week.", ["talk about phase 2 on Zoom"], ["zoom"]),
        ("can we continue on LINE?", ["continue on LINE"], ["line"]),
        ("No, email me instead", ["email me"], ["email"]),
        ("give me a ring this afternoon?", ["give me a ring"], ["phone"]),
        ("Are you free for a Zoom call later today?", ["a Zoom call"], ["zoom"]),
        ("Is a video call on Google Meet ok?", ["a video call on Google Meet"], ["google_meet"]),
        ("Which email should I add to the repo?", ["Which email"], ["email"]),
        ("Which WhatsApp number should I use?", ["Which WhatsApp number"], ["whatsapp"]),
        ("¿Me pasas tu WhatsApp para hablar mejor?", ["tu WhatsApp"], ["whatsapp"]),
        ("Quelle est votre adresse email ?", ["votre adresse email"], ["email"]),
        ("Was ist deine Nummer?", ["deine Nummer"], ["phone"]),
        ("what is your Skype Talk soon.", ["what is your Skype"], ["skype"]),
        ("Can we continue this somewhere else?", ["continue this somewhere else"], [nil]),
        // Not requests
        ("Did you have a Zoom call with them?", [], []),
        ("What email client do you use?", [], []),
        ("What is your Email Marketing Plan?", [], []),
        ("Ich darf deine Nummer nicht teilen, oder?", [], []),
        ("Tu WhatsApp no funciona, seguimos aquí.", [], []),
        ("Could you zoom in on the header?", [], []),
        ("give me a call here when you can", [], []),
        ("let's meet somewhere in the middle", [], []),
        ("I emailed you the glossary at your Gmail address, did it arrive?", [], []),
        ("let's talk about the Zoom call we had", [], []),
        ("my direct line is below, can you see it?", [], []),
        ("the video call here failed", [], []),
        ("I can't share my Skype before a contract", [], []),
        ("I can't share my email until the contract starts", [], []),
        ("call me crazy, but I like it", [], []),
        ("I use Slack at work", [], []),
        ("Zoom in on the logo", [], []),
        ("the line is too thin", [], []),
        ("signal processing is my field", [], []),
        ("teams of three", [], []),
        ("I'll email the file here", [], []),
        ("am I allowed to share my email?", [], []),
        ("please don't message me on WhatsApp", [], []),
        ("what's your order number?", [], []),
        ("let's meet on Friday", [], []),
        ("I emailed you yesterday", [], []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String], _ platforms: [String?]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
        #expect(Harness.candidates(Self.recognizer, in: text).map(\.platform) == platforms)
    }
}

/// What counts as quoted (`OffplatformRequestRecognizer.quotedSpans`): words between quotation marks, but not the
/// apostrophes of contractions and possessives.
@Suite struct QuotedSpanTests {
    static func quoted(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return OffplatformRequestRecognizer.quotedSpans(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test func quotationMarksOfEveryKind() {
        #expect(Self.quoted("the intro says 'follow us on Instagram' — cut it") == ["follow us on Instagram"])
        #expect(Self.quoted("change the CTA to \"Email us today\" please") == ["Email us today"])
        #expect(Self.quoted("the banner reads “message us on WhatsApp”.") == ["message us on WhatsApp"])
        #expect(Self.quoted("say ‘call me’ if you like") == ["call me"])
        #expect(Self.quoted("'email me' and \"text me\"") == ["email me", "text me"])
    }

    @Test func apostrophesOpenNothing() {
        #expect(Self.quoted("don't email me, it's fine") == [])
        #expect(Self.quoted("the client's brief and the team's notes") == [])
        #expect(Self.quoted("I'll text you, we'll see") == [])
        #expect(Self.quoted("rock 'n' roll") == ["n"])
        // An apostrophe inside a word neither opens nor closes.
        #expect(Self.quoted("it's 'fine' now") == ["fine"])
        #expect(Self.quoted("'don't' he said") == ["don't"])
        // An opening mark that never closes quotes nothing.
        #expect(Self.quoted("he said \"email me and left") == [])
        #expect(Self.quoted("a ' lone mark") == [])
    }
}
