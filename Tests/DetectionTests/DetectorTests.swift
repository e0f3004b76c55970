import Testing
@testable import Detection

/// The detector as a whole: offsets, order, explanations, and the one place where
/// overlapping candidates are settled (`OverlapResolution`).
@Suite struct DetectorTests {
    /// Stands in for the phone engine in these tests only: any run of 7+ digits,
    /// spaces and dashes allowed between them.
    struct DigitRunStandIn: Recognizer {
        let name = "digit_run_stand_in"
        func recognize(_ text: NormalizedText, into candidates: inout [Candidate]) {
            let p = text.bytes
            var i = 0
            while i < p.count {
                guard ASCII.isDigit(p[i]) else { i += 1; continue }
                var j = i, digits = 0, end = i
                while j < p.count && (ASCII.isDigit(p[j]) || ((p[j] == 0x20 || p[j] == 0x2D) && j + 1 < p.count && ASCII.isDigit(p[j + 1]))) {
                    if ASCII.isDigit(p[j]) { digits += 1; end = j + 1 }
                    j += 1
                }
                if digits >= 7 {
                    candidates.append(Candidate(kind: .phone, range: i..<end, rule: "phone.stand_in", explanation: "digits"))
                }
                i = max(j, i + 1)
            }
        }
    }

    static let withPhones = Harness.detector.adding(DigitRunStandIn())

    static func found(_ detector: Detector, _ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return detector.findings(in: text).map { f in
            "\(f.kind.rawValue):\(String(String.UnicodeScalarView(scalars[f.start..<f.end])))"
        }
    }

    @Test func offsetsCountScalarsOfTheOriginalText() {
        let text = "🙂 é anna@gmail.com"
        let f = Harness.detector.findings(in: text)
        #expect(f.count == 1)
        #expect(f.first?.start == 4 && f.first?.end == 18)
    }

    @Test func findingsAreSortedByStart() {
        let f = Harness.detector.findings(in: "site acme.io, mail anna@acme.io, skype: anna.k")
        #expect(f.map(\.kind) == [.website, .email, .messagingApp])
        #expect(f.map(\.start) == f.map(\.start).sorted())
    }

    @Test func explanationsOnlyWhenAsked() {
        #expect(Harness.detector.findings(in: "anna@gmail.com").first?.explanation == nil)
        let f = Harness.detector.explainedFindings(in: "anna@gmail.com").first
        #expect(f?.rule == "email.address")
        #expect(f?.explanation?.isEmpty == false)
    }

    /// Explanations built from the text are made only with `explain`: the findings must be the same either
    /// way, and every explained finding must say why, on every corpus text and on texts of links and handles.
    @Test func findingsTheSameWithAndWithoutExplanations() throws {
        let texts = try PrefilterCorpusTests.corpusTexts().map(\.text) + [
            "see https://www.behance.net/anna and wa.me/15551234567", "my skype is anna.dev77", "add me on insta @anna_design",
            "telegram: t.me/annadev", "zoom meeting id 812 3456 7890", "pay my paypal account anna@example.com",
            "discord anna#1234", "my cashtag on cash app is $annadev",
        ]
        var explained = 0
        for text in texts {
            let plain = Harness.detector.findings(in: text)
            let why = Harness.detector.explainedFindings(in: text)
            #expect(why.map { f -> Finding in var f = f; f.explanation = nil; return f } == plain, "\(text)")
            #expect(why.allSatisfy { $0.explanation?.isEmpty == false }, "\(text)")
            explained += why.count
        }
        #expect(explained > 300)
    }

    @Test func textWithoutTriggersSkipsEverything() {
        #expect(!Harness.detector.mayContainFinding("Thanks, I'll send the revised logo tomorrow"))
        #expect(Harness.detector.findings(in: "").isEmpty)
    }

    /// (text, findings after resolution)
    static let precedence: [(String, [String])] = [
        // an email inside a link is the email
        ("https://acme.io/?ref=anna@gmail.com", ["email:anna@gmail.com"]),
        // a handle inside a profile link is the link
        ("my insta: instagram.com/anna.designs", ["social_profile:instagram.com/anna.designs"]),
        // digits inside a link belong to the link
        ("wa.me/15551234567", ["messaging_app:wa.me/15551234567"]),
        ("https://acme.io/orders/5551234567", ["website:https://acme.io/orders/5551234567"]),
        ("https://offplatform.example/jobs/5551234567", []),
        // digits inside a checksummed IBAN are the IBAN
        ("DE89 3704 0044 0532 0130 00", ["payment_account:DE89 3704 0044 0532 0130 00"]),
        // a meeting ID is not a phone
        ("Zoom meeting ID: 845 1234 5678", ["meeting_link:845 1234 5678"]),
        // a request and an identifier in one clause: the identifier
        ("email me at anna@gmail.com", ["email:anna@gmail.com"]),
        ("text me on 555 123 4567", ["phone:555 123 4567"]),
        ("let's continue on Telegram: @anna_k", ["messaging_app:@anna_k"]),
        // in different clauses both stand
        ("what's your WhatsApp? Mine is 555 123 4567", ["offplatform_request:what's your WhatsApp", "phone:555 123 4567"]),
        // a payment address is the payment account
        ("PayPal: anna@gmail.com", ["payment_account:anna@gmail.com"]),
        // one request per kind and clause
        ("we could pay outside the platform to avoid the fees", ["payment_account:pay outside the platform to avoid the fees"]),
        // a report of contact stands next to the detail it names
        ("I emailed you at anna@acme.com", ["unsolicited_contact:emailed you", "email:anna@acme.com"]),
    ]

    @Test(arguments: precedence)
    func overlapsResolve(_ text: String, _ expected: [String]) {
        #expect(Self.found(Self.withPhones, text) == expected)
    }

    @Test func phoneTakesTheAppNamedBeforeIt() {
        let f = Self.withPhones.findings(in: "WhatsApp: 555 123 4567").first
        #expect(f?.kind == .phone)
        #expect(f?.platform == "whatsapp")
        #expect(Self.withPhones.findings(in: "call 555 123 4567").first?.platform == nil)
    }

    /// "line" is the LINE app only where the text makes it an app.
    static let lineContexts: [(String, String?)] = [
        ("For future work, my direct line is +1 503 555 0147.", nil),
        ("Our support line is +1 415 555 0100, Mon–Fri.", nil),
        ("Phone line: +1 415 555 0100", nil),
        ("LINE: +81 90 1234 5678", "line"),
        ("add me on LINE +81 90 1234 5678", "line"),
        ("my LINE account is linked to +81 90 1234 5678", "line"),
        ("Telegram or LINE, +81 90 1234 5678", "line"),
    ]

    @Test(arguments: lineContexts)
    func lineIsAnAppOnlyInAppContext(_ text: String, _ platform: String?) {
        let phones = Harness.detector.findings(in: text).filter { $0.kind == .phone }
        #expect(phones.count == 1)
        #expect(phones.first?.platform == platform)
    }

    @Test func anIBANIsPaymentByBankTransfer() {
        let f = Harness.detector.findings(in: "My bank details for milestone 2: IT60 X054 2811 1010 0000 0123 456")
        #expect(f.map(\.kind) == [.paymentAccount])
        #expect(f.first?.platform == "bank_transfer")
    }

    @Test(arguments: ["Renders at 3840 × 2160, 2 rounds of changes, $220 each.", "Banner 1920×1080, 2 versions",
                      "Print size 2480 x 3508 px", "the 3840x2160 render, 2 of them"])
    func dimensionsAreNeverPhones(_ text: String) {
        #expect(Harness.detector.findings(in: text).isEmpty)
    }

    /// Dictated with pauses: an ellipsis between digit groups reads as a space.
    @Test(arguments: [("082... 471... 6905", ["phone:082... 471... 6905"]),
                      ("zero eight two... four seven one... six nine zero five",
                       ["phone:zero eight two... four seven one... six nine zero five"]),
                      ("we sold 120... 450... 980 units", []), ("Options 1... 2... 3", [])] as [(String, [String])])
    func ellipsisBetweenDigitGroups(_ text: String, _ expected: [String]) {
        #expect(Self.found(Harness.detector, text) == expected)
    }

    @Test func addingARecognizerKeepsTheOthers() {
        #expect(Self.withPhones.recognizerNames == Harness.detector.recognizerNames + ["digit_run_stand_in"])
    }
}

/// A long message without punctuation, full of matches, takes time in proportion to
/// its length: the grammar looks a bounded number of words around each cue, and kept
/// matches are tracked by byte. (Checked by counting work, not by timing.)
@Suite struct LongTextTests {
    @Test func clausesAreBoundedAroundEachWord() {
        let text = String(repeating: "call me on whatsapp ", count: 2000)
        let index = TextIndex(Harness.normalizer.normalize(text), lexicon: Harness.lexicon)
        for t in stride(from: 0, to: index.tokens.count, by: 97) {
            #expect(index.clause(of: t).count <= 2 * TextIndex.reach + 1)
        }
    }

    @Test func manyMatchesAreAllFound() {
        let text = String(repeating: "a@b.co ", count: 3000)
        #expect(Harness.detector.findings(in: text).count == 3000)
    }
}
