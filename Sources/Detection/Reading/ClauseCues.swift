/// The cues the phrase recognizers (requests, reports of contact, payment outside)
/// read around a word inside its clause: negation, talk about the rule, a proposal,
/// an imperative, a question.
struct ClauseCues {
    let index: TextIndex

    /// Words that may open an imperative clause before its verb ("please email me",
    /// "ok so just text me").
    static let openers: Set<String> = ["please", "pls", "plz", "just", "so", "ok", "okay", "also", "and", "then", "hey",
                                       "hi", "hello", "but", "or", "kindly", "now", "anyway", "btw", "alternatively", "maybe",
                                       "otherwise", "instead", "sure", "yes", "yeah", "great", "perfect", "thanks", "cool"]

    /// A negation before `t` in its clause ("I can't share my email"), except "why
    /// don't we …" and "don't hesitate to …".
    func negated(before t: Int) -> Bool {
        let clause = index.clause(of: t)
        for k in clause.lowerBound..<t where index.has(k, .negation) {
            if k > clause.lowerBound && index.word(k - 1) == "why" { continue }
            if k + 1 < t && index.has(k + 1, .negationException) { continue }
            if k + 2 < t && index.word(k + 1) == "to" && index.has(k + 2, .negationException) { continue }
            // "not only … but", "no problem": not the negation of a request
            if index.word(k) == "no" && k + 1 < index.tokens.count && ["problem", "worries", "rush", "need"].contains(index.word(k + 1)) { continue }
            return true
        }
        return false
    }

    /// Talk about the rule anywhere in the clause ("am I allowed to share my email?").
    func talksAboutRule(_ t: Int) -> Bool {
        index.clause(of: t).contains { index.has($0, .ruleTalk) }
    }

    /// A proposal before `t` in its clause: "let's", a modal next to a subject ("can
    /// we", "you can", "I'll"), a preference ("rather", "prefer", "better"), "please".
    func proposal(before t: Int) -> Bool {
        let clause = index.clause(of: t)
        for k in clause.lowerBound..<t {
            let w = index.word(k)
            if w == "let's" || w == "lets" || (w == "let" && k + 1 < t && ["us", "me"].contains(index.word(k + 1))) { return true }
            if index.has(k, .modal) {
                if k > clause.lowerBound && index.has(k - 1, .subject) { return true }
                if k + 1 < t && index.has(k + 1, .subject) { return true }
            }
            if index.has(k, .proposal) && !index.has(k, .modal) && !["how", "why", "may", "might", "can", "could", "would",
                                                                        "should", "will", "shall", "feel", "mind", "ok", "okay",
                                                                        "just", "try", "possible"].contains(w) { return true }
            if w == "how" && k + 1 < t && index.word(k + 1) == "about" { return true }
            if w == "why" && k + 1 < t && ["not", "don't", "dont"].contains(index.word(k + 1)) { return true }
            if w == "feel" && k + 1 < t && index.word(k + 1) == "free" { return true }
            if w == "possible" || w == "mind" { return true }
        }
        return false
    }

    /// Whether token `verb` opens its clause, after at most a few opener words.
    func imperative(_ verb: Int) -> Bool {
        let clause = index.clause(of: verb)
        // "don't hesitate to email me", "feel free to text me", "don't forget to add me"
        if verb >= 2 && index.word(verb - 1) == "to"
            && (index.has(verb - 2, .negationException) || index.word(verb - 2) == "free") { return true }
        var k = clause.lowerBound
        while k < verb {
            let tok = index.tokens[k]
            if tok.kind == .punct || Self.openers.contains(index.word(k)) { k += 1; continue }
            return false
        }
        return true
    }

    /// Whether the clause of `t` ends with a question mark.
    func question(_ t: Int) -> Bool {
        let clause = index.clause(of: t)
        return clause.upperBound < index.tokens.count && index.isPunct(clause.upperBound, 0x3F)
    }
}
