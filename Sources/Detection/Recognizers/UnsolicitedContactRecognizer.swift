/// A message saying its sender already reached the other party through an outside
/// channel (platform = the channel used): "I emailed you at your work address", "I
/// found your number on your website and called you", "I messaged you on LinkedIn",
/// "I sent you a connection request on LinkedIn", "I left you a voicemail", "did you
/// get my email?". The judge later checks whether the other party offered that channel.
///
/// Grammar: [I/we …] PAST-CONTACT-VERB you [at|on|via [your] CHANNEL], where the verb
/// names the channel ("emailed", "texted", "whatsapped") or a channel follows
/// ("messaged you on LinkedIn"); "sent/left you a[n] EMAIL|TEXT|VOICEMAIL|… [on
/// CHANNEL]"; "did you get|see my EMAIL|TEXT|…". The platform has calls of its own, so
/// "I called you" counts only with a phone word in the clause ("on your cell", "your
/// number"). Not when negated ("I haven't emailed you").
public struct UnsolicitedContactRecognizer: IndexedRecognizer, Screening {
    public let name = "unsolicited_contact"
    let lexicon: Lexicon
    /// Tokens that start no report are passed over (see `recognize`).
    var screens = true

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        guard !index.presentRoles.isDisjoint(with: WordRoles.anyPastContact.union(.alias)) else { return }
        let cues = ClauseCues(index: index)
        let requests = OffplatformRequestRecognizer(lexicon: lexicon)
        var taken = ByteOccupancy(count: index.bytes.count)
        let received = W.received
        for t in index.tokens.indices {
            // The screen: a report starts on a verb of past contact or on "got" and its
            // like (the first tests of `match`); most tokens are neither.
            if screens && index.roles(t).isDisjoint(with: .anyPastContact) && !received.contains(index.tokens[t].key) {
                continue
            }
            guard let (from, to, platform, rule, why) = match(t, index, requests) else { continue }
            guard !cues.negated(before: t) else { continue }
            let range = index.tokens[from].start..<index.tokens[to].end
            guard !taken.overlaps(range) else { continue }
            taken.insert(range)
            candidates.append(Candidate(kind: .unsolicitedContact, range: range, platform: platform, intent: .share,
                                        rule: "unsolicited_contact.\(rule)", explanation: why))
        }
    }

    private typealias Match = (from: Int, to: Int, platform: String?, rule: String, why: String)

    /// Verbs that give the other side a thing: "sent you an email", "left you a
    /// voicemail", "gave you a ring", "dropped you an email", "shot you a text".
    static let givingVerbs = WordSet(["sent", "left", "gave", "dropped", "shot", "fired"])
    static let out = WordSet(["out"])
    /// "I texted your colleague": someone else was reached, not the other side.
    static let otherPeople = WordSet(["colleague", "colleagues", "assistant", "team", "manager", "boss", "client",
                                      "partner", "friend", "wife", "husband", "brother", "sister", "designer",
                                      "developer", "agent", "accountant", "lawyer", "cofounder", "staff", "coworker"])
    static let tried = WordSet(["tried"])
    static let connectedWord = WordSet(["connected"])
    static let theWord = WordSet(["the"])
    static let slidWords = WordSet(["slid", "sliding", "slide"])
    static let intoWord = WordSet(["into"])
    static let dmWords = WordSet(["dms", "dm", "inbox"])

    /// "Sorry for sliding into your Instagram DMs yesterday", "slid into your DMs on Twitter": the sender wrote to
    /// the other side on the platform named.
    private func slidInto(_ t: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> Match? {
        guard index.isWord(t, Self.slidWords), index.isWord(t + 1, Self.intoWord), index.has(t + 2, .your) else { return nil }
        // Not someone else: "our recruiter slid into your DMs", "she slid …" (the sender needs no determiner).
        let clause = index.clause(of: t)
        if (clause.lowerBound..<t).contains(where: { index.isWord($0, W.thirdParties) || index.isWord($0, Self.otherPeople)
            || index.isWord($0, Self.someoneElse) }) { return nil }
        // "your Instagram DMs", "your LinkedIn inbox", "your DMs on Twitter"
        if index.isWord(t + 4, Self.dmWords), let (id, _) = index.alias(t + 3), let info = lexicon.platform(id),
           info.kind != .paymentAccount {
            return (t, t + 4, info.slug, "reached_elsewhere", "says the sender wrote to the other side on \(info.slug)")
        }
        guard index.isWord(t + 3, Self.dmWords), let (platform, end) = channelAfter(t + 4, index, requests), let platform,
              end <= t + 6 else { return nil }
        return (t, end, platform, "reached_elsewhere", "says the sender wrote to the other side on \(platform)")
    }
    /// Determiners that open a subject other than the sender.
    static let someoneElse = WordSet(["the", "a", "an", "my", "our", "his", "her", "their", "your"])
    static let withWord = WordSet(["with"])
    /// What "tried" may take before "you", and the channel each names (nil: the platform's own may be meant).
    static let triedForms: [(key: UInt64, channel: String?)] = [
        ("calling", nil), ("texting", "phone"), ("emailing", "email"), ("messaging", nil), ("ringing", "phone"),
        ("phoning", "phone"), ("reaching", nil), ("contacting", nil), ("whatsapping", "whatsapp"), ("skyping", "skype"),
        ("dming", nil), ("pinging", nil),
    ].map { (WordKey.of($0.0), $0.1) }

    /// Verbs of phoning, and the places one phones ("I called your office").
    static let phoningVerbs = WordSet(["called", "phoned", "rang", "dialed", "dialled", "rung"])
    static let phonedPlaces = WordSet(["office", "studio", "shop", "store", "agency", "company", "firm", "desk",
                                       "reception", "home", "house", "workplace", "hotline", "helpline"])

    /// "sent you the files there" (the channel named before), "sent you the draft on
    /// WhatsApp" / "to your email": a thing sent through another channel. Not "to my
    /// Zoom room" (a link shared here), not "here".
    private func thingSent(_ t: Int, from k: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> Match? {
        let clause = index.clause(of: t)
        var j = k
        var words = 0
        while j < clause.upperBound && words < 4 && index.tokens[j].isWordLike && index.alias(j) == nil
                && !index.has(j, .preposition) && !index.isWord(j, W.there) && !index.isWord(j, W.here) {
            j += 1
            words += 1
        }
        guard words >= 1, j < clause.upperBound else { return nil }
        if index.isWord(j, W.there), let platform = channelBefore(t, index, requests, acrossClauses: true) {
            return (t, j, platform, "sent_elsewhere", "says something was sent on \(platform)")
        }
        guard index.has(j, .preposition), !index.isWord(j, W.at) else { return nil }
        var c = j + 1
        if c < clause.upperBound && index.has(c, .your) { c += 1 }
        if c < clause.upperBound && index.has(c, .personal) && requests.channel(c, index) == nil { c += 1 }
        guard c < clause.upperBound, !index.has(c, .my), let (platform, _) = requests.channel(c, index), let platform
        else { return nil }
        // "to your inbox here": the platform's own inbox.
        if ((c + 1)..<clause.upperBound).contains(where: { index.isWord($0, W.here) }) { return nil }
        return (t, c, platform, "sent_elsewhere", "says something was sent on \(platform)")
    }

    /// Verbs that send a thing to an address: "sent the brief to your email", "emailed the draft to your work address".
    static let sendingVerbs = WordSet(["sent", "emailed", "mailed", "texted"])
    /// What an address is called after a verb that names its channel: "emailed … to your work address".
    static let addressNouns = WordSet(["address", "inbox", "email", "mail", "account", "mailbox"])
    static let objectOpeners = WordSet(["the", "a", "an", "my", "our", "this", "these", "those", "it", "them", "everything",
                                        "all", "both"])
    static let overWord = WordSet(["over", "off", "along", "across"])

    /// "I emailed the contract draft to your work address", "sent the brief to your gmail", "found your studio's email
    /// on your website and sent the brief there": a thing sent to the other side's own address, with no "you". The
    /// thing starts with a determiner or pronoun; nobody else is named before the verb ("the client sent the brief
    /// to your email" is someone else's doing); not "here".
    private func thingSentToYours(_ t: Int, _ e: WordInfo, _ index: TextIndex,
                                  _ requests: OffplatformRequestRecognizer) -> Match? {
        guard index.isWord(t, Self.sendingVerbs) else { return nil }
        let clause = index.clause(of: t)
        guard !(clause.lowerBound..<t).contains(where: { index.isWord($0, W.thirdParties) || index.isWord($0, Self.otherPeople)
            || index.isWord($0, W.you) }) else { return nil }
        var j = t + 1
        if index.isWord(j, Self.overWord) { j += 1 }
        guard index.isWord(j, Self.objectOpeners) else { return nil }
        var words = 0
        while j < clause.upperBound && words < 4 && index.tokens[j].isWordLike && index.alias(j) == nil
                && !index.has(j, .preposition) && !index.isWord(j, W.there) && !index.isWord(j, W.here) && !index.isWord(j, W.you) {
            j += 1
            words += 1
        }
        guard j < clause.upperBound else { return nil }
        // "… and sent the brief there": the other side's own channel named before ("your studio's email").
        if index.isWord(j, W.there) {
            for c in stride(from: t - 1, through: max(0, t - TextIndex.reach), by: -1) {
                guard let (platform, _) = requests.channel(c, index), let platform else { continue }
                let yours = (max(0, c - 2)..<c).contains { index.has($0, .your) }
                return yours ? (t, j, platform, "sent_elsewhere", "says something was sent to the other side's \(platform)") : nil
            }
            return nil
        }
        guard index.isWord(j, W.to) else { return nil }
        // "emailed the brief to the address on your portfolio site": the address named by where the other side
        // shows it, after a verb that names its channel.
        if index.isWord(j + 1, Self.theWord), index.isWord(j + 2, Self.addressNouns), e.pastChannel >= 0,
           ((j + 3)..<min(clause.upperBound, j + 7)).contains(where: { index.has($0, .your) }),
           !((j + 3)..<clause.upperBound).prefix(while: { !ClauseCues.isPartBreak(index, $0) })
               .contains(where: { index.isWord($0, W.here) }),
           let slug = lexicon.platform(e.pastChannel)?.slug {
            return (t, j + 2, slug, "sent_elsewhere", "says something was sent to the other side's \(slug)")
        }
        guard index.has(j + 1, .your) else { return nil }
        var c = j + 2
        var adjectives = 0
        while adjectives < 2 && c + 1 < clause.upperBound && index.tokens[c].isWordLike && requests.channel(c, index) == nil
                && !index.isWord(c, Self.addressNouns) {
            c += 1
            adjectives += 1
        }
        guard c < clause.upperBound else { return nil }
        let platform: String
        if let (named, _) = requests.channel(c, index), let named {
            platform = named
        } else if e.pastChannel >= 0, index.isWord(c, Self.addressNouns), let slug = lexicon.platform(e.pastChannel)?.slug {
            platform = slug
        } else {
            return nil
        }
        // "to your inbox here": the platform's own inbox.
        if ((c + 1)..<clause.upperBound).contains(where: { index.isWord($0, W.here) }) { return nil }
        return (t, c, platform, "sent_elsewhere", "says something was sent to the other side's \(platform)")
    }

    /// Past verbs that take "your CHANNEL" without reaching anyone: "I added your
    /// email to the repo", "I wrote your number down", "I followed your advice".
    static let notReachingYour = WordSet(["sent", "left", "added", "followed", "connected", "wrote", "gave", "dropped",
                                          "shot", "fired"])

    /// The channel named within a few tokens after `k` in the clause ("on LinkedIn",
    /// "at your work address" for email…), and where it ends.
    private func channelAfter(_ k: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> (String?, Int)? {
        let clause = index.clause(of: k)
        var j = k
        var steps = 0
        while j < clause.upperBound && steps < 6 {
            if let (platform, _) = requests.channel(j, index) { return (platform, j) }
            j += 1
            steps += 1
        }
        return nil
    }

    /// "your [personal] CHANNEL [noun]" starting at token `your`: the channel and the
    /// last token of the phrase.
    private func yourChannel(after your: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> (String?, Int)? {
        var k = your + 1
        var adjectives = 0
        while k < index.tokens.count && adjectives < 2 && index.has(k, .personal) && requests.channel(k, index) == nil {
            k += 1
            adjectives += 1
        }
        guard k < index.tokens.count, let (platform, _) = requests.channel(k, index) else { return nil }
        let end = k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) ? k + 1 : k
        return (platform, end)
    }

    /// The last channel named before `t` in its clause (or, across clauses, within
    /// the grammar's reach: "I found you on LinkedIn. I messaged you there").
    private func channelBefore(_ t: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer,
                               acrossClauses: Bool = false) -> String? {
        let clause = index.clause(of: t)
        let lower = acrossClauses ? max(0, t - TextIndex.reach) : clause.lowerBound
        for k in stride(from: t - 1, through: lower, by: -1) {
            if let (platform, _) = requests.channel(k, index), let platform { return platform }
        }
        return nil
    }

    private func phoneCue(_ t: Int, _ index: TextIndex) -> Bool {
        index.clause(of: t).contains { index.has($0, .phoneCue) }
    }

    // MARK: Other languages

    /// The other side as the object: "te", "t'ai", "ti", "vous", "lhe", "dir", "dich", "Ihnen".
    static let foreignYou = WordSet(["te", "t'ai", "ti", "vous", "lhe", "le", "dir", "dich", "ihnen", "euch"])
    /// First-person auxiliaries: "ai", "habe", "ho", "he".
    static let firstPersonAux = WordSet(["ai", "t'ai", "avons", "habe", "hab", "haben", "ho", "abbiamo", "he", "hemos"])
    static let foreignLinks = WordSet(["por", "pelo", "pela", "no", "na", "en", "em", "sur", "par", "auf", "über",
                                       "ueber", "per", "su", "via", "un", "una", "um", "uma", "ein", "eine", "einen",
                                       "une", "mon", "ton", "tu", "teu", "seu", "dein", "deine", "deinen"])

    /// "Te escribí por Instagram ayer", "je t'ai envoyé un mail", "ich habe dir auf WhatsApp geschrieben": the
    /// sender reached the other side on a channel named in the clause. Without a channel named it is no report (the
    /// platform has messages and calls of its own).
    private func foreignReport(_ t: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> Match? {
        let clause = index.clause(of: t)
        if index.has(t, .pastFirstPerson) {                  // "te escribí": the form says who
            guard t > clause.lowerBound, index.isWord(t - 1, Self.foreignYou) else { return nil }
        } else {
            let before = clause.lowerBound..<t
            guard before.contains(where: { index.isWord($0, Self.firstPersonAux) }),
                  before.contains(where: { index.isWord($0, Self.foreignYou) }) else { return nil }
        }
        func named(_ k: Int) -> String? {
            guard let (id, strength) = index.alias(k), let info = lexicon.platform(id), info.kind != .paymentAccount,
                  PlatformHandleFinder(index: index).namesPlatform(k) else { return nil }
            if strength == .strong { return info.slug }
            let linked = k > 0 && (index.isWord(k - 1, Self.foreignLinks) || index.has(k - 1, .preposition)
                                   || index.has(k - 1, .article))
            return linked ? info.slug : nil
        }
        for k in (t + 1)..<min(clause.upperBound, t + 7) {
            if let platform = named(k) {
                return (t, k, platform, "reached_elsewhere", "says the sender \(index.word(t)) the other side on \(platform)")
            }
        }
        for k in stride(from: t - 1, through: clause.lowerBound, by: -1) {
            if let platform = named(k) {
                return (k, t, platform, "reached_elsewhere", "says the sender \(index.word(t)) the other side on \(platform)")
            }
        }
        return nil
    }

    private func match(_ t: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> Match? {
        let tokens = index.tokens
        if index.isWord(t, Self.slidWords) { return slidInto(t, index, requests) }
        if !index.roles(t).isDisjoint(with: .foreignPast) { return foreignReport(t, index, requests) }
        // "did you get my email?", "check your inbox for my email"
        if index.isWord(t, W.received), t + 2 < tokens.count,
           index.has(t + 1, .my), let (platform, _) = requests.channel(t + 2, index),
           ["email", "phone", "whatsapp", "telegram", "skype", "linkedin", "signal"].contains(platform ?? ""),
           index.clause(of: t).contains(where: { index.isWord($0, W.you) }) {
            return (t, t + 2, platform, "asked_if_received", "asks whether a \(platform ?? "message") sent elsewhere arrived")
        }
        guard let e = index.info(t), e.roles.contains(.pastContact), t + 1 < tokens.count else { return nil }
        // "I phoned your office", "I rang your studio": a place is called on its phone.
        if index.has(t + 1, .your), index.isWord(t, Self.phoningVerbs), t + 2 < tokens.count,
           index.isWord(t + 2, Self.phonedPlaces) {
            return (t, t + 2, "phone", "reached_elsewhere", "says the sender called the other side's \(index.word(t + 2))")
        }
        // "I emailed your work address": a verb that names its channel, then "your …".
        if e.pastChannel >= 0, index.has(t + 1, .your), !index.isWord(t + 2, Self.otherPeople),
           let slug = lexicon.platform(e.pastChannel)?.slug,
           !ClauseCues(index: index).negated(before: t) {
            return (t, t + 1, slug, "reached_elsewhere", "says the sender \(index.word(t)) the other side's address")
        }
        // "just emailed the contract draft to ur work address", "found your studio's email … and sent the brief there"
        if let m = thingSentToYours(t, e, index, requests) { return m }
        // "I called your number", "I messaged your WhatsApp", "we texted your cell":
        // the channel is the other side's own.
        if index.has(t + 1, .your), !index.isWord(t, Self.notReachingYour),
           let (platform, end) = yourChannel(after: t + 1, index, requests) {
            if index.isWord(t, W.callVerbs) && platform != "phone" { return nil }
            return (t, end, platform, "reached_elsewhere", "says the sender \(index.word(t)) the other side's \(platform ?? "address")")
        }
        // "I wrote to you on Telegram", "I reached out to you on LinkedIn"
        var you = t + 1
        // "I tried calling you on the number on your website", "tried texting you": the -ing form says how.
        var ingChannel: String? = nil
        if index.isWord(t, Self.tried), let i = Self.triedForms.firstIndex(where: { index.tokens[you].key == $0.key }) {
            ingChannel = Self.triedForms[i].channel
            you += 1
            // "I tried calling your mobile this morning", "tried ringing your office": the other side's own line.
            if index.has(you, .your) {
                // (Not "your office": no word of that phrase passes the prefilter, see `WordEntry.isTrigger`.)
                // Someone else tried: "the courier tried calling your mobile", "my partner tried …" (the sender needs
                // no determiner).
                let clause = index.clause(of: t)
                var start = clause.lowerBound
                for j in stride(from: t - 1, through: clause.lowerBound, by: -1) where ClauseCues.isPartBreak(index, j) {
                    start = j + 1
                    break
                }
                if (start..<t).contains(where: { index.isWord($0, W.thirdParties) || index.isWord($0, Self.otherPeople)
                    || index.isWord($0, Self.someoneElse) }) { return nil }
                if let (platform, end) = yourChannel(after: you, index, requests), platform == "phone" || ingChannel != nil {
                    return (t, end, platform, "reached_elsewhere", "says the sender tried to reach the other side's \(platform ?? "address")")
                }
                return nil
            }
        }
        if !index.isWord(t, Self.givingVerbs) {
            if index.isWord(you, Self.out) { you += 1 }
            if index.isWord(you, W.to) { you += 1 }
            // "Connected with you on LinkedIn yesterday"
            if index.isWord(t, Self.connectedWord) && index.isWord(you, Self.withWord) { you += 1 }
        }
        guard you < tokens.count, index.isWord(you, W.you), you == t + 1 || !index.isWord(t + 1, W.you) else { return nil }
        // The subject must be the sender (or left out): not "they emailed you".
        let clause = index.clause(of: t)
        if let s = (clause.lowerBound..<t).last(where: { index.tokens[$0].isWordLike }),
           index.isWord(s, W.thirdParties) || index.isWord(s, Self.otherPeople) { return nil }
        let verb = index.word(t)
        let implied = e.pastChannel >= 0 ? lexicon.platform(e.pastChannel)?.slug : ingChannel
        // "sent you an email", "left you a voicemail", "sent you a message on LinkedIn"
        if index.isWord(t, Self.givingVerbs) && you == t + 1 {
            var k = t + 2
            if k < tokens.count && index.has(k, .article) { k += 1 }
            if k < tokens.count && index.isWord(k, W.sentAdjectives) { k += 1 }
            guard k < tokens.count, let obj = index.info(k), obj.roles.contains(.sentObject),
                  !ClauseCues(index: index).modifiesNext(k) else {
                // "sent you the files there", "sent you the draft on WhatsApp"
                return index.isWord(t, W.sentVerbs) ? thingSent(t, from: k, index, requests) : nil
            }
            let objWord = index.word(k)
            if let (platform, end) = channelAfter(k + 1, index, requests) {
                return (t, end, platform, "sent_elsewhere", "says a \(objWord) was sent on \(platform ?? "another channel")")
            }
            // "I found you on LinkedIn and sent you a message there"
            if index.isWord(k + 1, W.there), let platform = channelBefore(t, index, requests) {
                return (t, k + 1, platform, "sent_elsewhere", "says a \(objWord) was sent on \(platform)")
            }
            guard obj.sentChannel >= 0, let slug = lexicon.platform(obj.sentChannel)?.slug else { return nil }
            return (t, k, slug, "sent_elsewhere", "says a \(objWord) was sent")
        }
        // "I found your WhatsApp number on your blog and messaged you there"
        if index.isWord(you + 1, W.there), !index.isWord(t, W.sentVerbs),
           let platform = channelBefore(t, index, requests, acrossClauses: true),
           !index.isWord(t, W.callVerbs) || platform == "phone" {
            return (t, you + 1, platform, "reached_elsewhere", "says the sender \(verb) the other side on \(platform)")
        }
        if let (platform, end) = channelAfter(you + 1, index, requests) {
            if index.isWord(t, W.called) && platform != "phone" && !phoneCue(t, index) && platform == nil { return nil }
            return (t, end, platform, "reached_elsewhere", "says the sender \(verb) the other side on \(platform ?? "another channel")")
        }
        if index.isWord(t, W.callVerbs) && ingChannel == nil {
            guard phoneCue(t, index) else { return nil }
            return (t, you, "phone", "reached_elsewhere", "says the sender called the other side's phone")
        }
        guard let implied else { return nil }
        return (t, you, implied, "reached_elsewhere", "says the sender \(verb) the other side")
    }
}
