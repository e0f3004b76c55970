import ExportFormat

/// A message with something planted in it: its text, its attachments, and
/// per planted detail the facts the truth is computed from.
///
/// Every planting keeps to one rule so that the truth is unambiguous: **one
/// sentence, one finding**. A lead-in that names the channel of the identifier
/// it introduces ("my Skype: …", "add me to your Slack: …") is part of that
/// identifier's finding, not a second `offplatform_request`; a request stands
/// alone in its sentence. Sentences around a planted detail come from a small
/// neutral set that names no project system, chat tool, portfolio or project
/// cue, so the exceptions that depend on nearby words apply exactly when the
/// planting says so.
struct Planting {
    var text: String
    var attachments: [PlantedAttachment] = []
    var items: [PlantedItem] = []
}

struct PlantedAttachment {
    var name: String
    var kind: AttachmentKind
    var text: String?
}

/// What a planting may depend on: who sends it, to whom, and what happened in the room before.
struct PlantingContext {
    var role: SenderRole
    var sender: Person
    var other: Person
    var company: String
    var field: Vocabulary.Field
    var disguiseRate: Double
    /// Channels the other party offered earlier in the room by sharing an identifier on them.
    var otherShared: [String]
    /// Channels the other party named in any way earlier in the room (shares, requests, proposals).
    var otherMentioned: Set<String>
    /// No greeting before the planted sentence (something else opens the message).
    var noGreeting = false

    /// The business an address on its own domain belongs to: the client's company, or the freelancer's studio.
    var ownBusiness: String { role == .client ? company : "\(sender.last) Studio" }
}

enum Plantings {
    enum Family: CaseIterable {
        case email, phone, messaging, social, meeting, scheduling, contactForm, postal, paymentIdentifier,
             paymentRequest, request, unsolicited, website, systemAccessEmail, chatToolEmail, legalDocument,
             portfolioAttachment, combo

        var weight: Double {
            switch self {
            case .email: return 13
            case .phone: return 12
            case .messaging: return 12
            case .social: return 6
            case .meeting: return 5
            case .scheduling: return 2.5
            case .contactForm: return 2
            case .postal: return 3
            case .paymentIdentifier: return 3.5
            case .paymentRequest: return 3.5
            case .request: return 14
            case .unsolicited: return 3
            case .website: return 10
            case .systemAccessEmail: return 3
            case .chatToolEmail: return 1.5
            case .legalDocument: return 2.5
            case .portfolioAttachment: return 1
            case .combo: return 2
            }
        }

        /// Whether every finding of this family is one a call-failure analysis counts as a move.
        var isMoveOnly: Bool { [.email, .phone, .messaging, .meeting, .request].contains(self) }
        /// Whether no finding of this family is a move (may be planted right after a call that had none).
        var hasNoMove: Bool {
            [.social, .scheduling, .contactForm, .postal, .paymentIdentifier, .paymentRequest, .unsolicited, .website]
                .contains(self)
        }
    }

    static let anyFamily = WeightedChoice(Family.allCases.map { ($0, $0.weight) })
    static let noMoveFamily = WeightedChoice(Family.allCases.filter(\.hasNoMove).map { ($0, $0.weight) })
    static let moveFamily = WeightedChoice(Family.allCases.filter(\.isMoveOnly).map { ($0, $0.weight) })

    enum Restriction { case none, noMoves, movesOnly }

    static func plant(_ c: PlantingContext, restriction: Restriction, _ rng: inout RandomStream) -> Planting {
        let table = restriction == .none ? anyFamily : restriction == .noMoves ? noMoveFamily : moveFamily
        let family = table.pick(&rng)
        guard restriction == .movesOnly && rng.chance(0.6) else { return build(family, c, &rng) }
        // Right after a failed call people often say so first.
        var quiet = c
        quiet.noGreeting = true
        var p = build(family, quiet, &rng)
        p.text = callTrouble[rng.below(callTrouble.count)] + " " + p.text
        return p
    }

    /// Sentences about the platform's own call failing: never a finding (they are hard negatives too).
    static let callTrouble = [
        "The video call here failed.", "Audio keeps cutting out on my side.", "The connection dropped again.",
        "Sorry, it disconnected.", "That didn't work, I couldn't hear you.", "The platform call froze on me.",
    ]

    // Neutral sentences around a planted detail: no cue, system, tool or channel words.
    static let before = ["", "", "", "Hi {o}! ", "Hello {o}, ", "Sure. ", "Ok, ", "Thanks for the update. ",
                         "Good morning! ", "Great, ", "Sorry for the delay. "]
    static let after = ["", "", "", " Thanks!", " 🙂", " Talk soon.", " Have a nice day!", " Cheers",
                        " Looking forward to it.", " 👍"]

    /// Words a sentence may start with that read lower-case after "Hello Anna, " or "Ok, ".
    static let plainStarters: Set<String> = [
        "My", "Here", "Here's", "Email:", "Phone:", "Please", "You", "Can", "Could", "What's", "What", "Let's", "This", "Our",
        "The", "Some", "Take", "Send", "Just", "Pay", "Would", "Join", "Link", "Book", "Pick", "Apply", "Answer", "Drop",
        "Follow", "Add", "Mind", "Are", "Shoot", "Text", "Give", "Mobile:", "Tel.", "Contact", "It's", "Which", "For",
    ]

    static func wrap(_ sentence: String, _ c: PlantingContext, _ rng: inout RandomStream) -> String {
        let b = c.noGreeting ? "" : before[rng.below(before.count)].replacingOccurrences(of: "{o}", with: c.other.first)
        var s = sentence
        if b.hasSuffix(", "), let first = s.split(separator: " ").first, plainStarters.contains(String(first)), rng.chance(0.7) {
            s = s.prefix(1).lowercased() + s.dropFirst()
        }
        return b + s + after[rng.below(after.count)]
    }

    static func single(_ sentence: String, _ item: PlantedItem, _ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        Planting(text: wrap(sentence, c, &rng), items: [item])
    }

    static func fill(_ template: String, _ value: String) -> String { template.replacingOccurrences(of: "{x}", with: value) }

    static func build(_ family: Family, _ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        switch family {
        case .email: return email(c, &rng)
        case .phone: return phone(c, &rng)
        case .messaging: return messaging(c, &rng)
        case .social: return social(c, &rng)
        case .meeting: return meeting(c, &rng)
        case .scheduling: return scheduling(c, &rng)
        case .contactForm: return contactForm(c, &rng)
        case .postal: return postal(c, &rng)
        case .paymentIdentifier: return paymentIdentifier(c, &rng)
        case .paymentRequest: return paymentRequest(c, &rng)
        case .request: return request(c, &rng)
        case .unsolicited: return unsolicited(c, &rng)
        case .website: return website(c, &rng)
        case .systemAccessEmail: return systemAccessEmail(c, &rng)
        case .chatToolEmail: return chatToolEmail(c, &rng)
        case .legalDocument: return legalDocument(c, &rng)
        case .portfolioAttachment: return portfolioAttachment(c, &rng)
        case .combo: return combo(c, &rng)
        }
    }

    // MARK: Email and phone

    static let emailLeads = ["My email is {x}.", "Email: {x}", "You can write to {x}.", "{x} is my personal address.",
                             "Here's my email {x}", "my mail {x}", "Contact address: {x}", "It's {x}", "{x}"]
    static let phoneLeads = ["My number is {x}.", "Phone: {x}", "Here is my number {x}", "my cell {x}", "Mobile: {x}",
                             "Tel. {x}", "You can reach me on {x}.", "{x} is my mobile.", "{x}"]

    static func emailItem(_ id: Identifier) -> PlantedItem {
        PlantedItem(kind: .email, scenario: id.scenario, disguised: id.disguised, offersChannel: "email")
    }

    static func phoneItem(_ id: Identifier) -> PlantedItem {
        PlantedItem(kind: .phone, scenario: id.scenario, disguised: id.disguised, offersChannel: "phone")
    }

    static func email(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let id = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: c.disguiseRate, &rng)
        return single(fill(emailLeads[rng.below(emailLeads.count)], id.text), emailItem(id), c, &rng)
    }

    static func phone(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let id = Identifiers.phone(disguiseRate: c.disguiseRate, &rng)
        return single(fill(phoneLeads[rng.below(phoneLeads.count)], id.text), phoneItem(id), c, &rng)
    }

    // MARK: Messaging apps

    static func messaging(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = Identifiers.handle(c.sender, c.field, &rng)
        let bent = rng.chance(c.disguiseRate)
        let (sentence, platform, scenario): (String, String, String)
        switch rng.below(bent ? 4 : 11) {
        case 0 where bent: (sentence, platform, scenario) = (["sk-ype: \(h)", "s k y p e - \(h)", "my s-k-y-p-e is \(h)"][rng.below(3)], "skype", "messaging_app.bent_name")
        case 1 where bent: (sentence, platform, scenario) = (["tele gram: @\(h.replacingOccurrences(of: ".", with: "_"))", "my telegramm is @\(h.replacingOccurrences(of: ".", with: "_"))"][rng.below(2)], "telegram", "messaging_app.bent_name")
        case 2 where bent: (sentence, platform, scenario) = ("d i s c o r d: \(Person.slug(c.sender.first))#\(rng.int(in: 1000...9999))", "discord", "messaging_app.bent_name")
        case 3 where bent: (sentence, platform, scenario) = ("Skуpe: live:\(h)", "skype", "messaging_app.homoglyph")
        case 0: (sentence, platform, scenario) = (["My Skype: live:\(h)", "skype: live:.cid.\(Identifiers.hex(16, &rng))", "Skype ID \(h)"][rng.below(3)], "skype", "messaging_app.skype_id")
        case 1: (sentence, platform, scenario) = (["WhatsApp link: wa.me/\(Identifiers.internationalDigits(&rng))", "https://wa.me/\(Identifiers.internationalDigits(&rng))", "Tap here: https://api.whatsapp.com/send?phone=\(Identifiers.internationalDigits(&rng))"][rng.below(3)], "whatsapp", "messaging_app.wa_link")
        case 2: (sentence, platform, scenario) = (["t.me/\(h.replacingOccurrences(of: ".", with: "_"))", "https://t.me/\(h.replacingOccurrences(of: ".", with: "_"))"][rng.below(2)], "telegram", "messaging_app.t_me")
        case 3: (sentence, platform, scenario) = (["my telegram is @\(h.replacingOccurrences(of: ".", with: "_"))", "Telegram: @\(h.replacingOccurrences(of: ".", with: "_"))"][rng.below(2)], "telegram", "messaging_app.handle")
        case 4: (sentence, platform, scenario) = ("discord: \(Person.slug(c.sender.first))#\(rng.int(in: 1000...9999))", "discord", "messaging_app.discord_tag")
        case 5: (sentence, platform, scenario) = ("my discord is \(h.replacingOccurrences(of: "-", with: "_"))", "discord", "messaging_app.discord_username")
        case 6: (sentence, platform, scenario) = ("Server invite: https://discord.gg/\(Identifiers.alnum(8, &rng))", "discord", "messaging_app.invite_link")
        case 7: (sentence, platform, scenario) = ("WeChat ID: \(h.replacingOccurrences(of: ".", with: "_"))", "wechat", "messaging_app.handle")
        case 8: (sentence, platform, scenario) = ("my Signal username is \(h.replacingOccurrences(of: ".", with: "_")).\(rng.int(in: 10...99))", "signal", "messaging_app.handle")
        case 9: (sentence, platform, scenario) = ("LINE id: \(h.replacingOccurrences(of: ".", with: "_"))", "line", "messaging_app.handle")
        default: (sentence, platform, scenario) = ("https://join.slack.com/t/\(Identifiers.companySlug(c.company))/shared_invite/zt-\(Identifiers.alnum(12, &rng, upper: false))", "slack", "messaging_app.invite_link")
        }
        return single(sentence, PlantedItem(kind: .messagingApp, platform: platform, scenario: scenario, disguised: bent,
                                            offersChannel: platform), c, &rng)
    }

    // MARK: Social profiles

    static func social(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = Identifiers.handle(c.sender, c.field, &rng).replacingOccurrences(of: "-", with: "_")
        let f = c.sender.firstSlug, l = c.sender.lastSlug
        let bent = rng.chance(c.disguiseRate)
        let (sentence, platform, scenario): (String, String, String)
        switch rng.below(bent ? 3 : 9) {
        case 0 where bent: (sentence, platform, scenario) = (["insta: @\(h)", "find me on insta @\(h)"][rng.below(2)], "instagram", "social_profile.nickname")
        case 1 where bent: (sentence, platform, scenario) = ("IG: @\(h)", "instagram", "social_profile.nickname")
        case 2 where bent: (sentence, platform, scenario) = ("Instagrаm: @\(h)", "instagram", "social_profile.homoglyph")
        case 0: (sentence, platform, scenario) = (["linkedin.com/in/\(f)-\(l)-\(Identifiers.hex(6, &rng))", "https://www.linkedin.com/in/\(f)\(l)"][rng.below(2)], "linkedin", "social_profile.url")
        case 1: (sentence, platform, scenario) = (["instagram.com/\(h)", "https://www.instagram.com/\(h)/"][rng.below(2)], "instagram", "social_profile.url")
        case 2: (sentence, platform, scenario) = ("Instagram @\(h)", "instagram", "social_profile.handle")
        case 3: (sentence, platform, scenario) = (["x.com/\(h.replacingOccurrences(of: ".", with: "_"))", "https://twitter.com/\(h.replacingOccurrences(of: ".", with: "_"))"][rng.below(2)], "twitter", "social_profile.url")
        case 4: (sentence, platform, scenario) = ("Twitter: @\(h.replacingOccurrences(of: ".", with: "_"))", "twitter", "social_profile.handle")
        case 5: (sentence, platform, scenario) = ("facebook.com/\(f).\(l).\(rng.int(in: 10...99))", "facebook", "social_profile.url")
        case 6: (sentence, platform, scenario) = ("tiktok.com/@\(h)", "tiktok", "social_profile.url")
        case 7: (sentence, platform, scenario) = ("TikTok: @\(h)", "tiktok", "social_profile.handle")
        default: (sentence, platform, scenario) = ("youtube.com/@\(h.replacingOccurrences(of: ".", with: ""))", "youtube", "social_profile.url")
        }
        let lead = ["", "", "Follow me: ", "This is me: ", "You can see more here: "][rng.below(5)]
        return single(lead + sentence, PlantedItem(kind: .socialProfile, platform: platform, scenario: scenario, disguised: bent,
                                                   offersChannel: platform), c, &rng)
    }

    // MARK: Links to meetings, bookings and forms

    static func meeting(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let (url, platform): (String, String)
        switch rng.below(6) {
        case 0: (url, platform) = ("https://\(["", "us02web.", "us05web."][rng.below(3)])zoom.us/j/\(rng.int(in: 81_000_000...89_999_999))\(rng.int(in: 100...999))?pwd=\(Identifiers.alnum(22, &rng))", "zoom")
        case 1: (url, platform) = ("https://meet.google.com/\(Identifiers.alnum(3, &rng, upper: false))-\(Identifiers.alnum(4, &rng, upper: false))-\(Identifiers.alnum(3, &rng, upper: false))", "google_meet")
        case 2: (url, platform) = ("https://teams.microsoft.com/l/meetup-join/19%3ameeting_\(Identifiers.alnum(24, &rng))%40thread.v2/0", "teams")
        case 3: (url, platform) = ("https://\(Identifiers.companySlug(c.company)).webex.com/meet/\(c.sender.firstSlug)", "webex")
        case 4: (url, platform) = ("https://whereby.com/\(c.sender.firstSlug)-\(["studio", "room", "desk"][rng.below(3)])", "whereby")
        default: (url, platform) = ("https://meet.jit.si/\(c.sender.first.filter(\.isASCII))Kickoff\(rng.int(in: 10...99))", "jitsi")
        }
        let lead = ["Here's the link for {w}: {x}", "Join here: {x}", "{x}", "Link for {w}: {x}", "Room for {w} → {x}"][rng.below(5)]
            .replacingOccurrences(of: "{w}", with: ["Monday", "Tuesday", "tomorrow", "Friday", "later"][rng.below(5)])
        return single(fill(lead, url), PlantedItem(kind: .meetingLink, platform: platform, scenario: "meeting_link.\(platform)",
                                                   offersChannel: platform), c, &rng)
    }

    static func scheduling(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = c.sender.firstSlug + ["", "-" + c.sender.lastSlug, "studio"][rng.below(3)]
        let (url, platform) = [
            ("https://calendly.com/\(h)/30min", "calendly"), ("calendly.com/\(h)/intro", "calendly"),
            ("https://cal.com/\(h)/15min", "cal_com"), ("https://savvycal.com/\(h)/chat", "savvycal"),
            ("https://tidycal.com/\(h)/30", "tidycal"),
        ][rng.below(5)]
        let lead = ["Book a slot here: {x}", "Pick any time that suits you: {x}", "{x}", "My availability: {x}"][rng.below(4)]
        return single(fill(lead, url), PlantedItem(kind: .schedulingLink, platform: platform, scenario: "scheduling_link.\(platform)",
                                                   offersChannel: platform), c, &rng)
    }

    static func contactForm(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let slug = Identifiers.companySlug(c.company)
        let (url, platform) = [
            ("https://forms.gle/\(Identifiers.alnum(17, &rng))", "google_forms"),
            ("https://\(slug).typeform.com/to/\(Identifiers.alnum(8, &rng))", "typeform"),
            ("https://tally.so/r/\(Identifiers.alnum(6, &rng))", "tally"),
            ("https://jobs.lever.co/\(slug)/\(Identifiers.hex(8, &rng))-\(Identifiers.hex(4, &rng))-\(Identifiers.hex(4, &rng))-\(Identifiers.hex(4, &rng))-\(Identifiers.hex(12, &rng))", "lever"),
            ("https://boards.greenhouse.io/\(slug)", "greenhouse"),
        ][rng.below(5)]
        let lead = ["Please fill in this short form: {x}", "Apply through our careers page: {x}", "Answer a few questions here first: {x}",
                    "{x}"][rng.below(4)]
        return single(fill(lead, url), PlantedItem(kind: .contactForm, platform: platform, scenario: "contact_form.\(platform)"), c, &rng)
    }

    // MARK: Postal addresses

    static func postalAddress(_ rng: inout RandomStream) -> (String, String) {
        let n = rng.int(in: 2...480)
        switch rng.below(8) {
        case 0:
            let street = ["Maple", "Cedar", "Lakeview", "Sunset", "Hillcrest", "Willow", "Franklin", "Grant"][rng.below(8)]
            let type = ["Street", "Avenue", "Road", "Blvd", "Drive", "Lane"][rng.below(6)]
            let city = [("Portland", "OR", "97205"), ("Austin", "TX", "78701"), ("Denver", "CO", "80202"), ("Madison", "WI", "53703")][rng.below(4)]
            return ("\(n) \(street) \(type), \(city.0), \(city.1) \(city.2)", "postal_address.us")
        case 1:
            let street = ["Kingsley", "Albert", "Victoria", "Mill", "Church"][rng.below(5)]
            let city = [("Leeds", "LS6 2AB"), ("Bristol", "BS1 5TR"), ("Manchester", "M4 1HN"), ("York", "YO1 7HH")][rng.below(4)]
            return ("\(n) \(street) Road, \(city.0) \(city.1)", "postal_address.uk")
        case 2:
            let street = ["Lindenstraße", "Berliner Straße", "Gartenstraße", "Schillerstraße", "Goethestraße"][rng.below(5)]
            let city = [("10969", "Berlin"), ("80331", "München"), ("50667", "Köln"), ("20095", "Hamburg")][rng.below(4)]
            return ("\(street) \(n % 120 + 1), \(city.0) \(city.1)", "postal_address.de")
        case 3:
            let street = ["rue des Lilas", "avenue Jean Jaurès", "rue de la Paix", "boulevard Voltaire"][rng.below(4)]
            let city = [("69003", "Lyon"), ("75011", "Paris"), ("33000", "Bordeaux")][rng.below(3)]
            return ("\(n % 90 + 1) \(street), \(city.0) \(city.1)", "postal_address.fr")
        case 4:
            let street = ["Calle de Alcalá", "Calle Mayor", "Avenida de la Constitución"][rng.below(3)]
            let city = [("28014", "Madrid"), ("41004", "Sevilla"), ("08002", "Barcelona")][rng.below(3)]
            return ("\(street) \(n % 150 + 1), \(city.0) \(city.1)", "postal_address.es")
        case 5:
            let street = ["Via Roma", "Via Garibaldi", "Corso Buenos Aires"][rng.below(3)]
            let city = [("20124", "Milano"), ("00184", "Roma"), ("10121", "Torino")][rng.below(3)]
            return ("\(street) \(n % 200 + 1), \(city.0) \(city.1)", "postal_address.it")
        case 6:
            let street = ["Keizersgracht", "Prinsengracht", "Damstraat"][rng.below(3)]
            return ("\(street) \(n), 1016 DV Amsterdam", "postal_address.nl")
        default:
            return ("PO Box \(rng.int(in: 100...9999)), \(["Springfield, IL 62704", "Boulder, CO 80302", "Tucson, AZ 85701"][rng.below(3)])",
                    "postal_address.po_box")
        }
    }

    static func postal(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let (address, scenario) = postalAddress(&rng)
        let lead = ["Please ship the samples to {x}.", "My studio address is {x}.", "You can send the prints to {x}.",
                    "Drop the signed copy at {x}.", "Our office: {x}"][rng.below(5)]
        return single(fill(lead, address), PlantedItem(kind: .postalAddress, scenario: scenario, offersChannel: "post"), c, &rng)
    }

    // MARK: Payments

    static func paymentIdentifier(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = c.sender.firstSlug + c.sender.lastSlug.prefix(1)
        let (sentence, platform, scenario): (String, String, String)
        switch rng.below(7) {
        case 0: (sentence, platform, scenario) = ("You can send it here: paypal.me/\(h)\(["", "design", "studio"][rng.below(3)])", "paypal", "payment_account.paypal_link")
        case 1: (sentence, platform, scenario) = ("https://www.paypal.com/paypalme/\(h)", "paypal", "payment_account.paypal_link")
        case 2: (sentence, platform, scenario) = ("My IBAN is \(PaymentIdentifiers.grouped(PaymentIdentifiers.iban(&rng))).", "bank_transfer", "payment_account.iban")
        case 3: (sentence, platform, scenario) = ("IBAN: \(PaymentIdentifiers.iban(&rng))", "bank_transfer", "payment_account.iban")
        case 4: (sentence, platform, scenario) = ("BTC: \(PaymentIdentifiers.bitcoinBase58(&rng))", "crypto", "payment_account.bitcoin_base58")
        case 5: (sentence, platform, scenario) = ("Send it to this wallet: \(PaymentIdentifiers.bitcoinBech32(&rng))", "crypto", "payment_account.bitcoin_bech32")
        default: (sentence, platform, scenario) = ("ETH address: \(PaymentIdentifiers.ethereum(&rng))", "crypto", "payment_account.ethereum")
        }
        return single(sentence, PlantedItem(kind: .paymentAccount, platform: platform, scenario: scenario), c, &rng)
    }

    static let paymentRequests: [(String, String?)] = [
        ("Could you pay me directly through PayPal instead?", "paypal"),
        ("I'd prefer you pay me outside the platform.", nil),
        ("Can you send the money via Wise?", "wise"),
        ("Pay me directly via Zelle if possible.", "zelle"),
        ("Let's skip the platform fee this time.", nil),
        ("Can you pay the rest by bank transfer?", "bank_transfer"),
        ("Would you mind paying me in crypto?", "crypto"),
        ("Send the deposit via Venmo please.", "venmo"),
        ("Can we settle the final invoice off the platform?", nil),
        ("Just pay me directly and we both save the fees.", nil),
    ]

    static func paymentRequest(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let (sentence, platform) = paymentRequests[rng.below(paymentRequests.count)]
        return single(sentence, PlantedItem(kind: .paymentAccount, platform: platform, intent: "request",
                                            scenario: "payment_account.request"), c, &rng)
    }

    // MARK: Requests to move elsewhere (no identifier)

    /// A channel asked for or proposed, how people write its name, and whether it is a social network.
    struct Channel {
        let slug: String
        let names: [String]
        let bentNames: [String]
        let social: Bool
        let meeting: Bool
    }

    static let channels: [Channel] = [
        Channel(slug: "whatsapp", names: ["WhatsApp", "Whatsapp", "whatsapp"], bentNames: ["w h a t s a p p", "whatsap", "WhatsAp", "wats app"], social: false, meeting: false),
        Channel(slug: "telegram", names: ["Telegram", "telegram"], bentNames: ["tele gram", "telegramm", "t e l e g r a m"], social: false, meeting: false),
        Channel(slug: "skype", names: ["Skype", "skype"], bentNames: ["sk-ype", "s k y p e", "skyp"], social: false, meeting: false),
        Channel(slug: "signal", names: ["Signal"], bentNames: [], social: false, meeting: false),
        Channel(slug: "discord", names: ["Discord"], bentNames: ["d-i-s-c-o-r-d", "discrod"], social: false, meeting: false),
        Channel(slug: "wechat", names: ["WeChat"], bentNames: ["we chat"], social: false, meeting: false),
        Channel(slug: "zoom", names: ["Zoom"], bentNames: [], social: false, meeting: true),
        Channel(slug: "google_meet", names: ["Google Meet"], bentNames: ["g meet"], social: false, meeting: true),
        Channel(slug: "instagram", names: ["Instagram", "insta"], bentNames: ["IG", "instagramm"], social: true, meeting: false),
        Channel(slug: "linkedin", names: ["LinkedIn"], bentNames: ["linkedln", "linked in"], social: true, meeting: false),
        Channel(slug: "facebook", names: ["Facebook"], bentNames: ["fb"], social: true, meeting: false),
    ]

    static let askPatterns = ["What's your {c}?", "Can I get your {c}?", "Could you send me your {c}?",
                              "Mind sharing your {c}?", "what is your {c}", "Are you on {c}?"]
    static let proposePatterns = ["Can we continue on {c}?", "Let's move this to {c}.", "I'd rather talk on {c}.",
                                  "Let's switch to {c}, it's easier.", "Add me on {c}.", "Ping me on {c} when you're free.",
                                  "Can we take this to {c}?"]
    static let meetingPatterns = ["Can we do a quick {c} call instead?", "Let's hop on {c} tomorrow.", "Can we continue on {c}?",
                                  "Are you free for a {c} call later today?"]
    static let socialPatterns = ["DM me on {c}.", "What's your {c}?", "Add me on {c}.", "Are you on {c}?"]
    /// Email and phone have their own wording; `true` marks a proposal (offers the channel).
    static let emailRequests: [(String, Bool)] = [
        ("Email me the details.", true), ("Drop me an email instead.", true), ("What's your email?", false),
        ("Send me your email address please.", false), ("Can you email me instead?", true), ("Shoot me an email when you can.", true),
    ]
    static let phoneRequests: [(String, Bool)] = [
        ("Send me your number.", false), ("Text me when you're done.", true), ("What's your phone number?", false),
        ("Give me a ring this afternoon?", true), ("Can I phone you instead?", false), ("Let's talk by phone, it's faster.", true),
    ]
    static let offlineRequests = ["Let's take this offline.", "Can we continue this somewhere else?",
                                  "Let's talk outside the platform."]

    static func request(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let roll = rng.below(100)
        var item = PlantedItem(kind: .offplatformRequest, intent: "request", scenario: "offplatform_request.ask")
        let sentence: String
        if roll < 16 {
            let (s, offers) = emailRequests[rng.below(emailRequests.count)]
            sentence = s; item.platform = "email"; item.scenario = "offplatform_request.email"
            if offers { item.offersChannel = "email" }
        } else if roll < 30 {
            let (s, offers) = phoneRequests[rng.below(phoneRequests.count)]
            sentence = s; item.platform = "phone"; item.scenario = "offplatform_request.phone"
            if offers { item.offersChannel = "phone" }
        } else if roll < 34 {
            sentence = offlineRequests[rng.below(offlineRequests.count)]
            item.scenario = "offplatform_request.offline"
        } else {
            let ch = channels[rng.below(channels.count)]
            let bent = !ch.bentNames.isEmpty && rng.chance(c.disguiseRate)
            let name = bent ? ch.bentNames[rng.below(ch.bentNames.count)] : ch.names[rng.below(ch.names.count)]
            item.platform = ch.slug
            item.disguised = bent
            item.namesSocialNetwork = ch.social
            if ch.social {
                sentence = socialPatterns[rng.below(socialPatterns.count)].replacingOccurrences(of: "{c}", with: name)
                item.scenario = "offplatform_request.social"
            } else if ch.meeting {
                sentence = meetingPatterns[rng.below(meetingPatterns.count)].replacingOccurrences(of: "{c}", with: name)
                item.scenario = "offplatform_request.meeting"
                item.offersChannel = ch.slug
            } else if rng.chance(0.5) {
                sentence = askPatterns[rng.below(askPatterns.count)].replacingOccurrences(of: "{c}", with: name)
                item.scenario = "offplatform_request.ask"
            } else {
                sentence = proposePatterns[rng.below(proposePatterns.count)].replacingOccurrences(of: "{c}", with: name)
                item.scenario = "offplatform_request.propose"
                item.offersChannel = ch.slug
            }
            if bent { item.scenario += "_bent" }
        }
        return single(sentence, item, c, &rng)
    }

    // MARK: Unsolicited contact

    static let unsolicitedByChannel: [String: [String]] = [
        "phone": ["I found your number on your website and called you.", "I looked up your studio and gave you a ring yesterday.",
                  "I called your office this morning, hope that's ok."],
        "email": ["I emailed you at your work address yesterday.", "I found your email on your blog and sent you the files there."],
        "linkedin": ["I messaged you on LinkedIn as well.", "I found you on LinkedIn and sent you a note there."],
        "whatsapp": ["I sent you a WhatsApp message this morning.", "I texted you on WhatsApp about the deadline."],
        "instagram": ["I DMed you on Instagram about this.", "I wrote to you on Instagram last night."],
        "telegram": ["I wrote to you on Telegram last night.", "I messaged you on Telegram an hour ago."],
        "facebook": ["I found your page on Facebook and wrote to you there."],
    ]

    static func unsolicited(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        // Prefer a channel the other party really offered (then it is allowed); else one they never named at all.
        let offered = c.otherShared.filter { unsolicitedByChannel[$0] != nil }
        let channel: String
        let wasOffered: Bool
        if !offered.isEmpty && rng.chance(0.7) {
            channel = offered[rng.below(offered.count)]
            wasOffered = true
        } else {
            let never = unsolicitedByChannel.keys.sorted().filter { !c.otherMentioned.contains($0) }
            guard !never.isEmpty else { return request(c, &rng) }
            channel = never[rng.below(never.count)]
            wasOffered = false
        }
        let options = unsolicitedByChannel[channel]!
        return single(options[rng.below(options.count)],
                      PlantedItem(kind: .unsolicitedContact, platform: channel, scenario: "unsolicited_contact.\(channel)",
                                  channelOfferedByOther: wasOffered), c, &rng)
    }

    /// An unsolicited-contact message through a channel the other party did offer, planted on purpose.
    static func unsolicitedThroughOffered(_ channel: String, _ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let options = unsolicitedByChannel[channel]!
        return single(options[rng.below(options.count)],
                      PlantedItem(kind: .unsolicitedContact, platform: channel, scenario: "unsolicited_contact.\(channel)",
                                  channelOfferedByOther: true), c, &rng)
    }

    // MARK: Links

    static let portfolioHosts = ["behance.net/{h}", "dribbble.com/{h}", "github.com/{h}", "{h}.github.io",
                                 "artstation.com/{h}", "codepen.io/{h}", "soundcloud.com/{h}", "kaggle.com/{h}"]
    static let portfolioHostLeads = ["Here: {x}", "Take a look: {x}", "{x}", "Some recent pieces: {x}", "This is me: {x}"]
    static let portfolioCueLeads = ["My portfolio: {x}", "Samples of my work: {x}", "You can see my previous work at {x}",
                                    "Some of my past projects are on {x}", "Case studies are here: {x}"]
    static let ownSites = ["https://{h}.design", "https://www.{h}studio.com", "https://{h}.studio/work", "https://{h}.dev"]
    static let otherLinks = ["https://www.smashingmagazine.com/2019/03/typography-guide/", "https://en.wikipedia.org/wiki/Golden_ratio",
                             "https://fonts.google.com/specimen/Inter", "https://www.nngroup.com/articles/ten-usability-heuristics/",
                             "https://developer.mozilla.org/en-US/docs/Web/CSS/grid", "https://www.awwwards.com/websites/",
                             "https://unsplash.com/s/photos/coffee", "https://colorhunt.co/palettes/pastel"]
    static let otherLeads = ["This explains it well: {x}", "I like the feel of this one: {x}", "Inspiration: {x}",
                             "Something like this? {x}", "{x}", "Good read: {x}"]
    static let projectCueLeads = ["Our website is {x}", "Here's the current site: {x}", "The landing page draft is at {x}",
                                  "This is the project: {x}", "Our store lives at {x}", "The existing website: {x}"]

    static func website(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = c.sender.firstSlug + c.sender.lastSlug
        var item = PlantedItem(kind: .website, scenario: "website.other")
        let sentence: String
        let roll = rng.below(100)
        if c.role == .freelancer && roll < 35 {
            let url = portfolioHosts[rng.below(portfolioHosts.count)].replacingOccurrences(of: "{h}", with: h)
            sentence = fill(portfolioHostLeads[rng.below(portfolioHostLeads.count)], (rng.chance(0.5) ? "https://" : "") + url)
            item.portfolioCue = true; item.scenario = "website.portfolio_host"
        } else if c.role == .freelancer && roll < 70 {
            let url = ownSites[rng.below(ownSites.count)].replacingOccurrences(of: "{h}", with: h)
            sentence = fill(portfolioCueLeads[rng.below(portfolioCueLeads.count)], url)
            item.portfolioCue = true; item.scenario = "website.portfolio_cue"
        } else if c.role == .client && roll < 60 {
            let slug = Identifiers.companySlug(c.company)
            let url = ["https://www.\(slug).com", "https://\(slug).co.uk", "https://staging.\(slug).io", "www.\(slug).de"][rng.below(4)]
            sentence = fill(projectCueLeads[rng.below(projectCueLeads.count)], url)
            item.projectCue = true; item.scenario = "website.project_cue"
        } else {
            sentence = fill(otherLeads[rng.below(otherLeads.count)], otherLinks[rng.below(otherLinks.count)])
        }
        return single(sentence, item, c, &rng)
    }

    // MARK: Exception situations

    static let projectSystems = ["GitHub repo", "Jira board", "Figma file", "Google Analytics account", "Trello board",
                                 "Notion workspace", "Google Drive folder", "Bitbucket repository", "Asana workspace",
                                 "Shopify admin", "WordPress dashboard", "Google Ads account", "Miro board"]
    static let systemShareLeads = ["Please add me to the {s}: {x}", "{x} is the address to invite to the {s}.",
                                   "For the {s} access, use {x}", "Can you add {x} to the {s}?"]
    static let systemAskLeads = ["Which email should I add to the {s}?", "What email do you use for the {s}? I'll send the invite."]

    static func systemAccessEmail(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let system = projectSystems[rng.below(projectSystems.count)]
        if c.role == .client && rng.chance(0.4) {
            let s = systemAskLeads[rng.below(systemAskLeads.count)].replacingOccurrences(of: "{s}", with: system)
            return single(s, PlantedItem(kind: .offplatformRequest, platform: "email", intent: "request",
                                         scenario: "offplatform_request.system_access", systemAccess: true), c, &rng)
        }
        var id = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: 0, &rng)
        id.scenario = "email.system_access"
        let s = fill(systemShareLeads[rng.below(systemShareLeads.count)], id.text).replacingOccurrences(of: "{s}", with: system)
        var item = emailItem(id)
        item.systemAccess = true
        return single(s, item, c, &rng)
    }

    static let chatToolLeads = ["Add me to your Slack: {x}", "Please invite {x} to the Slack workspace.",
                                "Add me to the Jira board and the Slack channel: {x}", "Add me to your Microsoft Teams: {x}",
                                "For the Discord server use {x}", "Add me to the GitHub repo and to Slack: {x}"]

    static func chatToolEmail(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        var id = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: 0, &rng)
        id.scenario = "email.chat_tool"
        return single(fill(chatToolLeads[rng.below(chatToolLeads.count)], id.text), emailItem(id), c, &rng)
    }

    static func legalDocument(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let senderName = "\(c.sender.first) \(c.sender.last)", otherName = "\(c.other.first) \(c.other.last)"
        var lines = [
            ["MUTUAL NON-DISCLOSURE AGREEMENT", "CONTRACTOR AGREEMENT", "CONFIDENTIALITY AGREEMENT"][rng.below(3)], "",
            "This Agreement is made between \(c.company) (\"the Company\") and \(c.role == .client ? otherName : senderName) (\"the Contractor\").",
            "1. Confidential Information means all non-public business, technical and financial information disclosed under this Agreement.",
            "2. The Contractor shall use Confidential Information only to perform the services and shall not disclose it to third parties.",
            "3. This Agreement remains in force for two years from the date of signature.", "",
        ]
        var items: [PlantedItem] = []
        var kinds = [0, 1, 2].filter { _ in rng.chance(0.6) }
        if kinds.isEmpty { kinds = [rng.below(3)] }
        for k in kinds {
            switch k {
            case 0:
                let id = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: 0, &rng)
                lines.append("Notices: \(id.text)")
                var item = emailItem(id); item.source = .attachment(.legalDocument); item.offersChannel = nil
                items.append(item)
            case 1:
                let id = Identifiers.phone(disguiseRate: 0, &rng)
                lines.append("Phone: \(id.text)")
                var item = phoneItem(id); item.source = .attachment(.legalDocument); item.offersChannel = nil
                items.append(item)
            default:
                let (address, scenario) = postalAddress(&rng)
                lines.append("Registered office: \(address)")
                items.append(PlantedItem(kind: .postalAddress, source: .attachment(.legalDocument), scenario: scenario))
            }
        }
        lines += ["", "Signed: ____________________", "Date: ____________________"]
        let name = ["NDA_\(Identifiers.companySlug(c.company)).pdf", "contractor_agreement_signed.pdf", "NDA_signed.pdf"][rng.below(3)]
        let text = ["Here's the signed NDA.", "Attached is the agreement for your review.", "Signed copy attached.",
                    "Please sign and send it back here."][rng.below(4)]
        return Planting(text: text, attachments: [PlantedAttachment(name: name, kind: .legalDocument, text: lines.joined(separator: "\n"))],
                        items: items)
    }

    static func portfolioAttachment(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let h = c.sender.firstSlug + c.sender.lastSlug
        let id = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: 0, &rng)
        var emailFinding = emailItem(id); emailFinding.source = .attachment(.portfolio)
        var items = [emailFinding]
        var lines = ["\(c.sender.first) \(c.sender.last)", "Selected pieces, recent years", "", "Contact: \(id.text)"]
        if rng.chance(0.5) {
            lines.append("More online: https://" + portfolioHosts[rng.below(portfolioHosts.count)].replacingOccurrences(of: "{h}", with: h))
            items.append(PlantedItem(kind: .website, source: .attachment(.portfolio), scenario: "website.portfolio_host", portfolioCue: true))
        }
        let text = ["Attaching a few samples.", "Here's a PDF with some earlier pieces.", "Sending the PDF you asked for."][rng.below(3)]
        return Planting(text: text, attachments: [PlantedAttachment(name: "\(h)_samples.pdf", kind: .portfolio, text: lines.joined(separator: "\n"))],
                        items: items)
    }

    // MARK: Two details in one message

    static func combo(_ c: PlantingContext, _ rng: inout RandomStream) -> Planting {
        let e = Identifiers.email(c.sender, company: c.ownBusiness, field: c.field, disguiseRate: c.disguiseRate, &rng)
        let p = Identifiers.phone(disguiseRate: c.disguiseRate, &rng)
        switch rng.below(3) {
        case 0:
            return Planting(text: wrap("My number is \(p.text) and my email is \(e.text).", c, &rng), items: [phoneItem(p), emailItem(e)])
        case 1:
            return Planting(text: wrap("Email: \(e.text)\nPhone: \(p.text)", c, &rng), items: [emailItem(e), phoneItem(p)])
        default:
            let h = Identifiers.handle(c.sender, c.field, &rng)
            let skype = PlantedItem(kind: .messagingApp, platform: "skype", scenario: "messaging_app.skype_id", offersChannel: "skype")
            return Planting(text: wrap("Skype: live:\(h). Or just write to \(e.text).", c, &rng), items: [skype, emailItem(e)])
        }
    }
}
