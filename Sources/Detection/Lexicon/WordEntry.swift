/// What a lexicon word is for. One word may play several parts ("email" is a channel
/// name, a verb that takes "me", and something one asks for).
struct WordRoles: OptionSet, Sendable, Hashable {
    let rawValue: UInt64

    static let alias = WordRoles(rawValue: 1 << 0)
    static let numberWord = WordRoles(rawValue: 1 << 1)
    static let streetAfterName = WordRoles(rawValue: 1 << 2)
    static let streetBeforeName = WordRoles(rawValue: 1 << 3)
    static let poBoxWord = WordRoles(rawValue: 1 << 4)
    static let dotWord = WordRoles(rawValue: 1 << 5)
    static let bareProvider = WordRoles(rawValue: 1 << 6)
    static let liveWord = WordRoles(rawValue: 1 << 7)
    static let commonWord = WordRoles(rawValue: 1 << 8)
    // Grammar classes of request_words.txt.
    static let ask = WordRoles(rawValue: 1 << 10)
    static let contactVerb = WordRoles(rawValue: 1 << 11)
    static let moveVerb = WordRoles(rawValue: 1 << 12)
    static let proposal = WordRoles(rawValue: 1 << 13)
    static let modal = WordRoles(rawValue: 1 << 14)
    static let subject = WordRoles(rawValue: 1 << 15)
    static let your = WordRoles(rawValue: 1 << 16)
    static let my = WordRoles(rawValue: 1 << 17)
    static let object = WordRoles(rawValue: 1 << 18)
    static let preposition = WordRoles(rawValue: 1 << 19)
    static let article = WordRoles(rawValue: 1 << 20)
    static let channelNoun = WordRoles(rawValue: 1 << 21)
    static let personal = WordRoles(rawValue: 1 << 22)
    static let offline = WordRoles(rawValue: 1 << 23)
    static let place = WordRoles(rawValue: 1 << 24)
    static let off = WordRoles(rawValue: 1 << 25)
    static let negation = WordRoles(rawValue: 1 << 26)
    static let negationException = WordRoles(rawValue: 1 << 27)
    static let ruleTalk = WordRoles(rawValue: 1 << 28)
    static let pastContact = WordRoles(rawValue: 1 << 29)
    static let sentObject = WordRoles(rawValue: 1 << 30)
    static let phoneCue = WordRoles(rawValue: 1 << 31)
    static let paymentVerb = WordRoles(rawValue: 1 << 32)
    static let money = WordRoles(rawValue: 1 << 33)
    static let feeAvoid = WordRoles(rawValue: 1 << 34)
    static let fee = WordRoles(rawValue: 1 << 35)
    static let channelSort = WordRoles(rawValue: 1 << 36)
    static let opener = WordRoles(rawValue: 1 << 37)
    static let pastFirstPerson = WordRoles(rawValue: 1 << 38)
    static let pastParticiple = WordRoles(rawValue: 1 << 39)
    /// A report of contact in another language ("te escribí", "je t'ai écrit").
    static let foreignPast: WordRoles = [.pastFirstPerson, .pastParticiple]
    /// Every word that may report contact already made, in English or another language.
    static let anyPastContact: WordRoles = foreignPast.union(.pastContact)

    /// The grammar classes by their section name in request_words.txt.
    static let grammarClasses: [String: WordRoles] = [
        "ask": .ask, "contact_verb": .contactVerb, "move_verb": .moveVerb, "proposal": .proposal,
        "modal": .modal, "subject": .subject, "your": .your, "my": .my, "object": .object,
        "preposition": .preposition, "article": .article, "channel_noun": .channelNoun,
        "personal": .personal, "offline": .offline, "place": .place, "off": .off,
        "negation": .negation, "negation_exception": .negationException, "rule_talk": .ruleTalk,
        "past_contact": .pastContact, "sent_object": .sentObject, "phone_cue": .phoneCue,
        "payment_verb": .paymentVerb, "money": .money, "fee_avoid": .feeAvoid, "fee": .fee,
        "channel_sort": .channelSort, "opener": .opener, "past_first_person": .pastFirstPerson,
        "past_participle": .pastParticiple,
    ]
    /// Classes whose lines map a word to the channel it implies (`word = slug`).
    static let channelMappingClasses: Set<String> = ["contact_verb", "past_contact", "sent_object"]
}

/// How surely an alias names its platform (see platforms.txt).
enum AliasStrength: UInt8, Sendable, Comparable {
    case noun, weak, strong
    static func < (a: AliasStrength, b: AliasStrength) -> Bool { a.rawValue < b.rawValue }
}

/// The part of a `WordEntry` recognizers read per token: plain values, copied
/// without reference counting.
struct WordInfo: Sendable {
    var roles: WordRoles = []
    var platform: Int32 = -1
    var strength: AliasStrength = .noun
    var contactChannel: Int32 = -1
    var pastChannel: Int32 = -1
    var sentChannel: Int32 = -1
}

/// Everything the lexicons say about one word.
struct WordEntry: Sendable {
    var word: String
    var roles: WordRoles = []
    /// For an alias: index into `Lexicon.platforms`.
    var platform: Int32 = -1
    var strength: AliasStrength = .noun
    /// For a number word: the digits it stands for, or empty with `repeatCount` > 0.
    var digits: [UInt8] = []
    var repeatCount: Int = 0
    var strongNumber = false
    /// Channels implied by the word as a verb taking "me" (`contact_verb`), as a
    /// past-tense report (`past_contact`) or as the thing sent (`sent_object`):
    /// a platform index, or -1 for "names none".
    var contactChannel: Int32 = -1
    var pastChannel: Int32 = -1
    var sentChannel: Int32 = -1
    /// For an alias: whether it also matches split ("sk-ype"); see platforms.txt.
    var splittable = true

    var info: WordInfo {
        WordInfo(roles: roles, platform: platform, strength: strength, contactChannel: contactChannel,
                 pastChannel: pastChannel, sentChannel: sentChannel)
    }

    /// Aliases may be matched with their letters split ("sk-ype"); grammar words may not.
    var joinable: Bool { roles.contains(.alias) && splittable }

    /// Words whose mere presence means the text may hold a finding (the prefilter
    /// passes it on). Grammar words that only shape a clause are not triggers:
    /// every pattern that uses them also needs a channel, fee or offline word.
    var isTrigger: Bool {
        if roles.contains(.alias) && strength != .noun { return true }
        if roles.contains(.offline) || roles.contains(.fee) || roles.contains(.channelSort)
            || roles.contains(.dotWord) || roles.contains(.bareProvider) { return true }
        if roles.contains(.place) && Self.triggerPlaces.contains(word) { return true }
        if roles.contains(.pastContact) && (pastChannel >= 0 || Self.triggerPastContact.contains(word)) { return true }
        if roles.contains(.contactVerb) && contactChannel >= 0 { return true }
        if roles.contains(.contactVerb) && Self.triggerContactVerbs.contains(word) { return true }
        return false
    }

    /// Verbs of contact that name no channel but carry an ask on their own ("is there another way to reach you?",
    /// "how do I contact you other than this chat?"); rare in talk that is not about contact.
    static let triggerContactVerbs: Set<String> = ["reach", "contact"]
    /// "called" names no channel (the platform has calls), but "I called your office" reports a phone call with no
    /// other word the prefilter would see.
    static let triggerPastContact: Set<String> = ["called"]

    /// Place words that carry a move on their own ("off the platform"); "here" or
    /// "app" alone are too common to pass a text on.
    static let triggerPlaces: Set<String> = ["platform", "site", "website", "marketplace", "upwork", "fiverr"]
}
