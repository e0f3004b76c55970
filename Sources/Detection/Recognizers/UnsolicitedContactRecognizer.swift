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
public struct UnsolicitedContactRecognizer: IndexedRecognizer {
    public let name = "unsolicited_contact"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        guard !index.presentRoles.isDisjoint(with: [.pastContact, .alias]) else { return }
        let cues = ClauseCues(index: index)
        let requests = OffplatformRequestRecognizer(lexicon: lexicon)
        var taken = ByteOccupancy(count: index.bytes.count)
        for t in index.tokens.indices {
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

    /// Past verbs that take "your CHANNEL" without reaching anyone: "I added your
    /// email to the repo", "I wrote your number down", "I followed your advice".
    static let notReachingYour = WordSet(["sent", "left", "added", "followed", "connected", "wrote"])

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

    private func match(_ t: Int, _ index: TextIndex, _ requests: OffplatformRequestRecognizer) -> Match? {
        let tokens = index.tokens
        // "did you get my email?", "check your inbox for my email"
        if index.isWord(t, W.received), t + 2 < tokens.count,
           index.has(t + 1, .my), let (platform, _) = requests.channel(t + 2, index),
           ["email", "phone", "whatsapp", "telegram", "skype", "linkedin", "signal"].contains(platform ?? ""),
           index.clause(of: t).contains(where: { index.isWord($0, W.you) }) {
            return (t, t + 2, platform, "asked_if_received", "asks whether a \(platform ?? "message") sent elsewhere arrived")
        }
        guard let e = index.info(t), e.roles.contains(.pastContact), t + 1 < tokens.count else { return nil }
        // "I emailed your work address": a verb that names its channel, then "your …".
        if e.pastChannel >= 0, index.has(t + 1, .your), let slug = lexicon.platform(e.pastChannel)?.slug,
           !ClauseCues(index: index).negated(before: t) {
            return (t, t + 1, slug, "reached_elsewhere", "says the sender \(index.word(t)) the other side's address")
        }
        // "I called your number", "I messaged your WhatsApp", "we texted your cell":
        // the channel is the other side's own.
        if index.has(t + 1, .your), !index.isWord(t, Self.notReachingYour),
           let (platform, end) = yourChannel(after: t + 1, index, requests) {
            if index.isWord(t, W.callVerbs) && platform != "phone" { return nil }
            return (t, end, platform, "reached_elsewhere", "says the sender \(index.word(t)) the other side's \(platform ?? "address")")
        }
        guard index.has(t + 1, .object), index.isWord(t + 1, W.you) else { return nil }
        // The subject must be the sender (or left out): not "they emailed you".
        let clause = index.clause(of: t)
        if let s = (clause.lowerBound..<t).last(where: { index.tokens[$0].isWordLike }),
           index.isWord(s, W.thirdParties) { return nil }
        let verb = index.word(t)
        let implied = e.pastChannel >= 0 ? lexicon.platform(e.pastChannel)?.slug : nil
        // "sent you an email", "left you a voicemail", "sent you a message on LinkedIn"
        if index.isWord(t, W.sentVerbs) {
            var k = t + 2
            if k < tokens.count && index.has(k, .article) { k += 1 }
            if k < tokens.count && index.isWord(k, W.sentAdjectives) { k += 1 }
            guard k < tokens.count, let obj = index.info(k), obj.roles.contains(.sentObject),
                  !ClauseCues(index: index).modifiesNext(k) else { return nil }
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
        if index.isWord(t + 2, W.there), !index.isWord(t, W.sentVerbs),
           let platform = channelBefore(t, index, requests, acrossClauses: true),
           !index.isWord(t, W.callVerbs) || platform == "phone" {
            return (t, t + 2, platform, "reached_elsewhere", "says the sender \(verb) the other side on \(platform)")
        }
        if let (platform, end) = channelAfter(t + 2, index, requests) {
            if index.isWord(t, W.called) && platform != "phone" && !phoneCue(t, index) && platform == nil { return nil }
            return (t, end, platform, "reached_elsewhere", "says the sender \(verb) the other side on \(platform ?? "another channel")")
        }
        if index.isWord(t, W.callVerbs) {
            guard phoneCue(t, index) else { return nil }
            return (t, t + 1, "phone", "reached_elsewhere", "says the sender called the other side's phone")
        }
        guard let implied else { return nil }
        return (t, t + 1, implied, "reached_elsewhere", "says the sender \(verb) the other side")
    }
}
