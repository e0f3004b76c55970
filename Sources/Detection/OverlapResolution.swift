/// Where candidates of several recognizers meet, in one place.
///
/// Identifiers (everything but requests and reports of contact) compete for their
/// bytes; of two that overlap, the one with the better rank wins, then the longer,
/// then the earlier. The ranks, best first:
///
/// | rank | what | why |
/// |---|---|---|
/// | 0 | IBAN, crypto address | a checksum confirmed them |
/// | 1 | payment accounts: payment links, handles and addresses tied to a payment service | payment outside is a violation in every epoch |
/// | 2 | email | an address inside a link or next to a handle is still the address |
/// | 3 | messaging, social, meeting, booking and form links; meeting IDs | the link holds the handle or number it contains |
/// | 4 | handles tied to a platform | |
/// | 5 | phone | digits inside the above are part of them |
/// | 6 | postal address | |
/// | 7 | website | the least specific link |
///
/// Two rules come first: a phone number inside any link (the marketplace's own
/// included) is part of the link, and anything inside a link to the marketplace is
/// dropped with it.
///
/// Requests (intent `request`) and reports of contact do not compete with
/// identifiers for bytes. Phrases of one kind in one clause are one phrase, and a
/// text's requests to pay outside are one request (the first, with the service a later
/// one names). Overlapping phrases of the same kind keep the longer; a
/// request is dropped when an identifier (other than a website) stands in the same
/// clause, since the identifier already says more ("email me at anna@…" is an email,
/// not an email plus a request). A phone number with a messaging app named before it
/// in its clause takes that app as its platform ("WhatsApp: +44 …").
enum OverlapResolution {
    static func rank(_ c: Candidate) -> Int {
        switch c.kind {
        case .paymentAccount:
            return c.rule == "payment_account.iban" || c.rule == "payment_account.crypto_address" ? 0 : 1
        case .email: return 2
        case .messagingApp, .socialProfile:
            return c.rule.hasSuffix(".link") || c.rule.hasSuffix(".app_link") ? 3 : 4
        case .meetingLink, .schedulingLink, .contactForm: return 3
        case .phone: return 5
        case .postalAddress: return 6
        case .website: return 7
        case .offplatformRequest, .unsolicitedContact: return 10
        }
    }

    static func isPhrase(_ c: Candidate) -> Bool {
        c.intent == .request || c.kind == .offplatformRequest || c.kind == .unsolicitedContact
    }

    /// `aloneFastPath`: a lone candidate (most texts with any have one) takes
    /// `resolveAlone`, which builds none of the tables below; false only in the test
    /// that compares the two.
    static func resolve(_ candidates: [Candidate], index: TextIndex, aloneFastPath: Bool = true) -> [Candidate] {
        if aloneFastPath && candidates.count == 1 { return resolveAlone(candidates[0], index) }
        let linkSpans = index.links.map(\.range)
        let platformLinks = index.links.filter { $0.kind == nil }.map(\.range)
        // Ranks are worked out once per candidate (they compare rule names), and the
        // candidates are ordered by position in `candidates`, not moved.
        var order: [(rank: Int, at: Int)] = []
        order.reserveCapacity(candidates.count)
        for (k, c) in candidates.enumerated() where !isPhrase(c) && !c.range.isEmpty
            && !platformLinks.contains(where: { $0.overlaps(c.range) })
            && !(c.kind == .phone && linkSpans.contains { $0.overlaps(c.range) }) {
            order.append((rank(c), k))
        }
        order.sort { x, y in
            if x.rank != y.rank { return x.rank < y.rank }
            let a = candidates[x.at].range, b = candidates[y.at].range
            if a.count != b.count { return a.count > b.count }
            return a.lowerBound < b.lowerBound
        }
        let n = index.bytes.count
        var taken = ByteOccupancy(count: n)
        var kept: [Candidate] = []
        for o in order where !taken.overlaps(candidates[o.at].range) {
            taken.insert(candidates[o.at].range)
            kept.append(candidates[o.at])
        }

        // A phone takes the messaging app named before it before requests are weighed against it.
        for i in kept.indices where kept[i].kind == .phone && kept[i].platform == nil {
            kept[i].platform = messagingAppBefore(kept[i], index)
        }
        // Bytes held by identifiers other than websites: a request with one in its
        // clause is dropped, unless it asks for another channel than every one of them
        // gives ("here's mine: t@x.com, what's your WhatsApp?" asks for WhatsApp still).
        var held = ByteOccupancy(count: n)
        let identifiers = kept.filter { $0.kind != .website }
        for c in identifiers { held.insert(c.range) }

        var phrases = candidates.filter { isPhrase($0) && !$0.range.isEmpty }
        phrases.sort { a, b in a.range.lowerBound != b.range.lowerBound ? a.range.lowerBound < b.range.lowerBound : a.range.count > b.range.count }
        var keptPhrases: [Candidate] = []
        // One phrase per kind and clause: "pay outside … to avoid the fees" is one request. And one request to pay
        // outside per text: "If we skip the platform fee we could both save. I'd just pay you by bank transfer." is
        // one move argued in two sentences (payment stays on the platform in every phase, so there is no second
        // channel to tell apart); the first keeps its span and takes the service a later one names.
        var byClause: [Int: Int] = [:]
        var paymentRequest: Int? = nil
        for c in phrases {
            let clause = clauseBytes(of: c.range, index)
            if c.intent == .request && held.overlaps(clause) {
                guard c.kind == .offplatformRequest, let channel = c.platform,
                      !identifiers.contains(where: { $0.range.overlaps(clause) && gives($0, channel: channel) }) else { continue }
            }
            let key = clause.lowerBound &* 16 &+ kindKey(c.kind)
            if let i = byClause[key] {
                let merged = keptPhrases[i].range.lowerBound..<max(keptPhrases[i].range.upperBound, c.range.upperBound)
                keptPhrases[i].range = merged
                if keptPhrases[i].platform == nil { keptPhrases[i].platform = c.platform }
                continue
            }
            // "Gibst du mir deine Handynummer? Oder deine Nummer?": the same channel asked for again at once is one ask.
            if c.kind == .offplatformRequest, c.rule == "offplatform_request.ask", let last = keptPhrases.last,
               last.kind == .offplatformRequest, last.rule == c.rule, last.platform == c.platform,
               c.range.lowerBound >= last.range.upperBound, c.range.lowerBound - last.range.upperBound <= 12 {
                keptPhrases[keptPhrases.count - 1].range = last.range.lowerBound..<c.range.upperBound
                continue
            }
            if c.kind == .paymentAccount && c.intent == .request {
                if let i = paymentRequest {
                    if keptPhrases[i].platform == nil { keptPhrases[i].platform = c.platform }
                    continue
                }
                paymentRequest = keptPhrases.count
            }
            byClause[key] = keptPhrases.count
            keptPhrases.append(c)
        }
        // "Do you have Signal? I'd rather go through the draft somewhere more private.": a move that names no channel
        // is the same move as one toward a channel the text names, not a second request.
        if keptPhrases.contains(where: { $0.kind == .offplatformRequest && $0.platform != nil }) {
            keptPhrases.removeAll { $0.kind == .offplatformRequest && $0.platform == nil }
        }

        return kept + keptPhrases
    }

    /// Apps whose address is a phone number: a number given answers a request for any of them ("add me on
    /// WhatsApp, my number is …").
    static let numberApps: Set<String> = ["phone", "whatsapp", "signal", "viber", "telegram", "imessage", "facetime"]
    /// Apps that invite and find people by email address: an address given answers a request for any of them ("add
    /// me to your Slack: anna@…").
    static let emailApps: Set<String> = ["email", "slack", "teams", "hangouts", "google_meet", "zoom", "webex", "skype",
                                         "facetime", "imessage"]

    /// Whether an identifier gives the channel a request asks for: its platform, or its kind's own channels (an
    /// email address gives `email` and the apps reached by address, a phone number the phone and the apps reached
    /// by number).
    static func gives(_ identifier: Candidate, channel: String) -> Bool {
        if identifier.platform == channel { return true }
        switch identifier.kind {
        case .email: return emailApps.contains(channel)
        case .phone: return numberApps.contains(channel)
        default: return false
        }
    }

    /// What `resolve` does to one candidate that meets no other: a phrase is kept; an
    /// identifier is dropped inside a link to the marketplace, a phone inside any link;
    /// a phone kept takes the messaging app named before it in its clause.
    private static func resolveAlone(_ c: Candidate, _ index: TextIndex) -> [Candidate] {
        guard !c.range.isEmpty else { return [] }
        if isPhrase(c) { return [c] }
        let links = index.links
        if links.contains(where: { $0.kind == nil && $0.range.overlaps(c.range) }) { return [] }
        if c.kind == .phone && links.contains(where: { $0.range.overlaps(c.range) }) { return [] }
        guard c.kind == .phone && c.platform == nil else { return [c] }
        var phone = c
        phone.platform = messagingAppBefore(phone, index)
        return [phone]
    }

    /// The kind's place in `FindingKind.allCases`, without building that array per call.
    private static func kindKey(_ kind: FindingKind) -> Int {
        switch kind {
        case .email: 0
        case .phone: 1
        case .messagingApp: 2
        case .socialProfile: 3
        case .meetingLink: 4
        case .schedulingLink: 5
        case .contactForm: 6
        case .postalAddress: 7
        case .paymentAccount: 8
        case .offplatformRequest: 9
        case .unsolicitedContact: 10
        case .website: 11
        }
    }

    private static func clauseBytes(of range: Range<Int>, _ index: TextIndex) -> Range<Int> {
        let t = index.token(at: range.lowerBound)
        guard t < index.tokens.count else { return range }
        let clause = index.clause(of: t)
        let start = clause.isEmpty ? range.lowerBound : min(range.lowerBound, index.tokens[clause.lowerBound].start)
        let end = clause.isEmpty ? range.upperBound : max(range.upperBound, index.tokens[clause.upperBound - 1].end)
        return start..<end
    }

    private static func messagingAppBefore(_ phone: Candidate, _ index: TextIndex) -> String? {
        let t = index.token(at: phone.range.lowerBound)
        guard t < index.tokens.count else { return nil }
        let clause = index.clause(of: t)
        for k in stride(from: t - 1, through: clause.lowerBound, by: -1) {
            guard let (id, _) = index.alias(k), let info = index.lexicon.platform(id) else { continue }
            if info.kind == .messagingApp && PlatformHandleFinder(index: index).namesPlatform(k) { return info.slug }
        }
        return nil
    }
}
