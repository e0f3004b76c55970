/// The cues the phrase recognizers (requests, reports of contact, payment outside)
/// read around a word inside its clause: negation, talk about the rule, a proposal,
/// an imperative, a question.
struct ClauseCues {
    let index: TextIndex

    /// Words that may open an imperative clause before its verb ("please email me",
    /// "ok so just text me").
    static let openers = WordSet(["please", "pls", "plz", "just", "so", "ok", "okay", "also", "and", "then", "hey",
                                  "hi", "hello", "but", "or", "kindly", "now", "anyway", "btw", "alternatively", "maybe",
                                  "otherwise", "instead", "sure", "yes", "yeah", "great", "perfect", "thanks", "cool"])

    /// A negation before `t` in its clause ("I can't share my email"), except "why
    /// don't we …", "don't hesitate to …" and "no problem".
    func negated(before t: Int) -> Bool {
        let clause = index.clause(of: t)
        // A negation's reach ends at a comma, bracket or colon: "For the index (not in
        // the contract), just pay me directly", "No, email me".
        var from = clause.lowerBound
        for k in stride(from: t - 1, through: clause.lowerBound, by: -1) where Self.isPartBreak(index, k) {
            from = k + 1
            break
        }
        for k in from..<t where index.has(k, .negation) {
            if k > clause.lowerBound && index.isWord(k - 1, W.why) { continue }
            if k + 1 < t && index.has(k + 1, .negationException) { continue }
            if k + 2 < t && index.isWord(k + 1, W.to) && index.has(k + 2, .negationException) { continue }
            if index.isWord(k, W.no) && index.isWord(k + 1, W.noMatter) { continue }
            return true
        }
        return false
    }

    /// Talk about the rule anywhere in the clause ("am I allowed to share my email?").
    func talksAboutRule(_ t: Int) -> Bool {
        index.clause(of: t).contains { index.has($0, .ruleTalk) && !workNoun($0) }
    }

    /// Nouns of the rule that also name work ("the glossary terms", "the brand guidelines", "naming rules").
    static let ruleNouns = WordSet(["terms", "guidelines", "rules", "rule", "policy", "policies"])
    /// What makes such a noun the platform's rule after all: "community guidelines", "house rules", "privacy policy".
    static let ruleModifiers = WordSet(["community", "house", "privacy", "usage", "service", "platform", "site",
                                        "marketplace", "strict", "new", "same", "these", "those", "such", "their",
                                        "its", "official", "legal", "contact", "communication", "payment"])

    /// Whether the rule noun at `k` names work: it follows a plain word of its own (a noun that says whose terms or
    /// guidelines they are: "the glossary terms", "our brand guidelines"), not an article, possessive, place,
    /// platform name or one of the rule's own modifiers.
    private func workNoun(_ k: Int) -> Bool {
        guard k > 0, index.isWord(k, Self.ruleNouns), index.tokens[k - 1].kind == .word, index.tokens[k].spaceBefore
        else { return false }
        let before = k - 1
        if index.isWord(before, Self.ruleModifiers) || index.alias(before) != nil { return false }
        // "Upwork's terms", "the site's rules"
        let p = index.bytes
        let end = index.tokens[before].end
        if end >= 2 && p[end - 1] == 0x73 && p[end - 2] == 0x27 { return false }
        return index.roles(before).isDisjoint(with: [.article, .your, .my, .place, .subject, .ruleTalk, .negation,
                                                     .preposition, .off, .offline, .modal, .proposal])
    }

    /// A proposal before `t` in its clause: "let's", a modal next to a subject ("can
    /// we", "you can", "I'll"), a preference ("rather", "prefer", "better"), "please".
    func proposal(before t: Int) -> Bool {
        let clause = index.clause(of: t)
        for k in clause.lowerBound..<t {
            if index.isWord(k, W.lets) || (index.isWord(k, W.letWord) && k + 1 < t && index.isWord(k + 1, W.meOrUs)) {
                return true
            }
            let roles = index.roles(k)
            if roles.contains(.modal) {
                if k > clause.lowerBound && index.has(k - 1, .subject) { return true }
                if k + 1 < t && index.has(k + 1, .subject) { return true }
            } else if roles.contains(.proposal) && !index.isWord(k, W.weakProposal) {
                return true
            }
            if index.isWord(k, W.how) && k + 1 < t && index.isWord(k + 1, W.about) { return true }
            if index.isWord(k, W.why) && k + 1 < t && index.isWord(k + 1, W.whyNot) { return true }
            if index.isWord(k, W.feel) && k + 1 < t && index.isWord(k + 1, W.free) { return true }
            if index.isWord(k, W.possible) { return true }
        }
        return false
    }

    /// Whether token `verb` opens its clause, after at most a few opener words.
    func imperative(_ verb: Int) -> Bool {
        // "don't hesitate to email me", "feel free to text me", "don't forget to add me"
        if verb >= 2 && index.isWord(verb - 1, W.to)
            && (index.has(verb - 2, .negationException) || index.isWord(verb - 2, W.free)) { return true }
        // "for the next milestone just wire it to me": a phrase of time or topic, then "just" or "please" and the verb.
        if verb >= 2 && index.isWord(verb - 1, Self.urging) && leadingPhrase(before: verb - 1) { return true }
        // The verb opens its clause, or the part of it after a comma, bracket or colon
        // ("For the index (not in the contract), just pay me directly").
        let clause = index.clause(of: verb)
        var k = verb - 1
        while k >= clause.lowerBound {
            if Self.isPartBreak(index, k) { return true }
            if index.tokens[k].kind == .punct || index.isWord(k, Self.openers) { k -= 1; continue }
            return false
        }
        return true
    }

    static let urging = WordSet(["just", "please", "pls", "plz", "kindly"])
    static let phraseStarts = WordSet(["for", "from", "after", "before", "on", "with", "by", "in", "at", "once", "next",
                                       "tomorrow", "today", "tonight", "this", "then"])

    /// Whether the words of the clause before `k` are one short phrase of time or topic ("for the next milestone",
    /// "after delivery", "next time"): it opens with one of `phraseStarts` and holds no subject, modal, negation,
    /// verb of the grammar or other "just"; at most six words.
    private func leadingPhrase(before k: Int) -> Bool {
        let clause = index.clause(of: k)
        var start = clause.lowerBound
        for j in stride(from: k - 1, through: clause.lowerBound, by: -1) where Self.isPartBreak(index, j) {
            start = j + 1
            break
        }
        guard start < k, k - start <= 6, index.isWord(start, Self.phraseStarts) else { return false }
        return (start..<k).allSatisfy { j in
            index.tokens[j].isWordLike && !index.isWord(j, Self.urging)
                && index.roles(j).isDisjoint(with: [.subject, .modal, .negation, .contactVerb, .moveVerb, .paymentVerb,
                                                   .proposal, .your, .pastContact])
        }
    }

    /// A comma, bracket or colon: where a negation's reach ends and an imperative may start.
    static func isPartBreak(_ index: TextIndex, _ k: Int) -> Bool {
        let tok = index.tokens[k]
        return tok.kind == .punct && (tok.byte == 0x2C || tok.byte == 0x28 || tok.byte == 0x29 || tok.byte == 0x3A)
    }

    /// Words that may follow a channel name without making it part of a compound:
    /// "your WhatsApp please", "on Zoom tomorrow", "your email address".
    static let afterChannel: WordRoles = [.channelNoun, .preposition, .object, .my, .your, .subject, .modal, .negation,
                                          .proposal, .commonWord, .article, .offline, .personal]

    /// Words of time and the chat's short forms that follow a channel without being modified by it: "a quick
    /// zoom tmrw", "on WhatsApp tonight", "telegram rn", "a DM on twitter w/ the moodboard".
    static let whenWords = WordSet(["w", "tmrw", "tmr", "tmrow", "tomorrow", "today", "tonight", "later", "soon", "asap", "now",
                                    "rn", "sometime", "instead", "then", "too", "again", "first", "next", "btw", "pls",
                                    // the chat's asides: "by phone tbh", "on telegram lol"
                                    "tbh", "imo", "imho", "lol", "haha", "idk", "fyi", "ty", "thank",
                                    "plz", "please", "maybe", "monday", "tuesday", "wednesday", "thursday", "friday",
                                    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                                    "sat", "sun", "morning", "afternoon", "evening", "tonite", "l8r", "thx", "thanks",
                                    // a subordinate clause after the channel: "shoot me an email whenever you're done"
                                    "whenever", "wherever", "once", "cuz", "coz", "cause", "bc", "tho", "though",
                                    // the other languages' time words: "te escribí por Instagram ayer"
                                    "ayer", "hoy", "mañana", "manana", "luego", "ontem", "hoje", "amanhã", "amanha",
                                    "depois", "gestern", "heute", "morgen", "später", "spaeter", "hier", "demain",
                                    "aujourd'hui", "ieri", "oggi", "domani", "dopo"])

    /// "your email marketing budget", "a WhatsApp share button", "my email template":
    /// the channel name modifies the word after it, so nothing is asked of the channel.
    func modifiesNext(_ t: Int) -> Bool {
        let k = t + 1
        guard k < index.tokens.count else { return false }
        let tok = index.tokens[k]
        guard tok.kind == .word, tok.spaceBefore else { return false }
        if index.isWord(k, W.of) { return index.alias(t)?.strength != .strong }
        if index.isWord(k, Self.whenWords) { return false }
        return index.roles(k).isDisjoint(with: Self.afterChannel)
    }

    /// Whether the clause of `t` ends with a question mark.
    func question(_ t: Int) -> Bool {
        let clause = index.clause(of: t)
        return clause.upperBound < index.tokens.count && index.isPunct(clause.upperBound, 0x3F)
    }
}
