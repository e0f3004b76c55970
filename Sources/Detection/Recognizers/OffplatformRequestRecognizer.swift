/// Asking for a contact detail or proposing to move elsewhere, without naming an
/// identifier (intent `request`, platform = the channel asked for): "what's your
/// WhatsApp?", "send me your number", "email me", "DM me on insta", "can we continue
/// on Zoom?", "I'd rather talk on Telegram", "hop on a quick zoom call", "let's take
/// this offline", "I can send you my WhatsApp".
///
/// A small grammar over the word classes of request_words.txt and the channel names
/// of platforms.txt, not a list of sentences:
/// - ask:     [ask word …] your [personal] CHANNEL            ("what's your personal email")
/// - contact: CONTACT-VERB me|us|you [a line|a message…] [PREP [my|your|the]] CHANNEL,
///            or a verb that is a channel itself              ("email me", "ring me")
/// - move:    MOVE-VERB [this conversation] PREP|a [quick] CHANNEL ("continue on Zoom")
/// - verb:    let's|we can CHANNEL-VERB                       ("let's zoom tomorrow")
/// - offer:   give|send|share [you] my [personal] CHANNEL     ("I can send you my WhatsApp")
/// - offline: MOVE-VERB … offline|outside|elsewhere, off the platform; "directly" only
///            with verbs of talking ("contact me directly")
/// A clause counts only as a proposal, an imperative or a question ("I use Slack at
/// work" does not), and not when negated or about the rule ("I can't share my Skype
/// before a contract", "am I allowed to share my email?"). Everyday words that are
/// also apps ("zoom in", "teams of three", "signal processing", "the line is thin")
/// name a channel only after a preposition or possessive, or before a channel noun.
public struct OffplatformRequestRecognizer: IndexedRecognizer, Screening {
    public let name = "offplatform_request"
    let lexicon: Lexicon
    /// Tokens that start no pattern are passed over (see `recognize`).
    var screens = true

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    static let getWord = WordSet(["get"])
    static let holdWord = WordSet(["hold"])
    static let inWord = WordSet(["in"])
    static let touchWord = WordSet(["touch"])
    static let withWord = WordSet(["with"])
    static let objectFillers = WordSet(["a", "an", "the", "quick", "line", "message", "msg", "note", "up", "back",
                                        "directly", "privately", "asap", "sometime", "anytime", "later", "shout", "ping",
                                        "dm", "text", "call", "ring", "buzz"])
    static let conversationWords = WordSet(["this", "the", "our", "it", "conversation", "convo", "chat", "discussion",
                                            "talk", "project", "communication", "things", "further", "there", "over", "up",
                                            "meeting", "call", "session", "review", "screen", "demo", "interview",
                                            "out", "down", "base"])
    /// Fillers after "give me a …" that name the phone: "give me a ring", "send me a text".
    static let phoneFillers = WordSet(["ring", "buzz", "bell", "text"])
    /// "are you free for a Zoom call?", "would a Skype call work?": nouns of a call.
    static let callNouns = WordSet(["call", "calls", "meeting", "chat", "session", "video", "conference", "catchup",
                                    "interview"])
    static let indefinite = WordSet(["a", "an"])
    static let gotWord = WordSet(["got"])
    static let ingMoves = WordSet(["calling", "texting", "messaging", "emailing", "talking", "chatting", "speaking",
                                   "meeting", "moving", "switching", "continuing", "connecting", "jumping", "hopping",
                                   "syncing", "communicating"])
    static let reportLeads = WordSet(["tried", "kept", "started", "stopped", "been", "was", "were", "keeps", "tries"])
    /// What a call suggested without a question would do: "a Zoom call would save us both time".
    static let suggestingModals = WordSet(["would", "could", "might", "will", "'d"])
    static let reallyWords = WordSet(["really", "definitely", "certainly", "surely", "honestly"])
    static let benefitVerbs = WordSet(["save", "help", "speed", "simplify", "clarify", "work", "make"])
    static let beWord = WordSet(["be"])
    static let benefitAdjectives = WordSet(["easier", "faster", "quicker", "simpler", "better", "best", "great", "good",
                                            "ideal", "helpful", "useful", "nice", "efficient", "smoother"])
    /// The roles a pattern of `match(at:)` starts on: ask, contact, move and channel
    /// verb, offer, preference (and the words "are", "a", "what", "which").
    static let starterRoles: WordRoles = [.your, .contactVerb, .moveVerb, .ask, .proposal]
    /// What the screen lets through: a starter role, or a word of the `[opener]` class.
    static let screenRoles: WordRoles = starterRoles.union(.opener)
    /// Questions about a call that happened: "did you have a Zoom call with them?"
    static let pastQuestion = WordSet(["did", "was", "were", "had", "didn't", "wasn't", "weren't", "went"])
    /// "what email do you use for …?", "which number should I call?"
    static let whichWords = WordSet(["what", "which"])
    static let appWords = WordSet(["app", "apps", "platform", "service"])
    static let askingAux = WordSet(["do", "does", "should", "shall", "can", "could", "would", "will", "may"])
    static let somewhere = WordSet(["somewhere", "someplace"])
    static let elseWord = WordSet(["else"])
    /// "somewhere private", "somewhere more secure": away from the platform's logs.
    static let privateWords = WordSet(["private", "quieter", "safer", "secure", "more"])
    static let moreWord = WordSet(["more"])
    static let romancePossessives = WordSet(["tu", "tus", "su", "sus", "votre", "vos", "ton", "ta", "tes", "teu", "tua",
                                             "seu", "sua", "tuo"])
    /// Verbs that make the channel before them a subject in the other languages: "ton mail est …", "tu número
    /// está …", "deine Nummer ist …".
    static let foreignVerbsAfterSubject = WordSet(["est", "était", "etait", "marche", "es", "está", "esta", "era",
                                                   "funciona", "ist", "war", "funktioniert", "é", "estava", "è"])
    static let laterNegations = WordSet(["nicht", "kein", "keine", "keinen", "pas", "nie"])
    static let insteadWords = WordSet(["instead", "rather"])
    static let insteadLinks = WordSet(["of", "than"])
    static let than = WordSet(["than"])
    static let insteadWord = WordSet(["instead"])
    /// Words that end an object skipped before the channel: a new subject, a relative clause or a subordinate one
    /// ("let's discuss the bug they hit on Zoom", "… the call that failed on Zoom" are reports, not proposals).
    static let objectStops = WordSet(["that", "which", "who", "whom", "whose", "where", "when", "while", "because", "since",
                                      "if", "they", "he", "she", "it", "there", "was", "were", "is", "are", "had", "has",
                                      "did", "not", "no", "never", "without", "and", "or", "but", "then"])
    /// What an object skipped before the channel starts with ("that" is left out: "the call that failed on Zoom").
    static let determiners = WordSet(["the", "a", "an", "this", "these", "those", "my", "our", "your", "their", "his", "her",
                                      "its"])
    /// "let's", "let us", "we can|could|should|'ll", "can|could|shall we", "how about we", "why don't we": a
    /// proposal of the first person plural, which makes whatever verb follows a proposal ("let's pick this up on
    /// Discord", "can we hash out the details on WeChat?").
    static let weModals = WordSet(["can", "could", "should", "shall", "might", "may", "will"])
    static let weContracted = WordSet(["we'll", "we'd", "lets", "let's"])
    static let channelPrepositions = WordSet(["on", "in", "for", "at", "over"])
    /// "your handle on Slack", "your contact details for WhatsApp": nouns of an identifier.
    static let contactNouns = WordSet(["details", "info", "contact", "number", "address", "account", "profile", "name"])
    static let whatIs = WordSet(["what's", "whats", "wats"])
    static let articles = WordSet(["a", "an", "the", "another", "some"])
    static let choiceAdjectives = WordSet(["good", "best", "right", "correct", "preferred", "easiest", "quickest",
                                           "fastest", "safest", "better", "reliable", "direct", "personal", "private",
                                           "other", "alternative", "backup", "decent", "proper", "current"])
    static let questionGoesOn = WordSet(["to", "for", "that", "where", "when", "if", "in", "on", "at", "pra", "para",
                                         "pour", "per", "um", "zum", "unter", "donde", "onde", "où"])
    /// "¿Cuál es el mejor número …?", "Qual o melhor número pra eu te ligar?", "Quel est le meilleur mail …?"
    static let foreignWhich = WordSet(["qual", "cuál", "cual", "quel", "quelle", "welche", "welcher", "welches", "quale"])
    static let foreignIs = WordSet(["é", "es", "est", "ist", "è", "seria", "sería", "serait", "wäre"])
    static let foreignChoice = WordSet(["melhor", "mejor", "meilleur", "meilleure", "beste", "besten", "migliore",
                                        "bester"])
    /// "do you have a number I could call?", "is there an email I can reach you at?", "hätten Sie eine
    /// Telefonnummer …?": the words such a question turns on.
    static let haveWords = WordSet(["have", "got", "there", "hast", "haben", "hätten", "hättest", "tienes", "tiene",
                                    "tenés", "tens", "tem", "avez", "hai", "ha"])
    static let haveEnglish = WordSet(["have", "got", "there"])
    static let isWords = WordSet(["is", "'s"])
    static let foreignYouSubjects = WordSet(["sie", "du", "vous", "usted", "você", "voce", "tu", "lei"])
    static let anyArticles = WordSet(["a", "an", "any", "another", "some", "other"])
    static let foreignOpeners = WordSet(["podemos", "podríamos", "podriamos", "hablamos", "seguimos", "continuamos",
                                         "vamos", "können", "koennen", "könnten", "koennten", "sollen", "wollen", "lass",
                                         "lasst", "pouvons", "pourrions", "pourrait", "possiamo", "potremmo", "parliamo", "zullen", "kunnen", "laten",
                                         "hättest", "hätten", "hast", "habt",
                                         "continuiamo", "sentiamoci", "falamos", "poderíamos", "podiamos", "conversamos"])
    /// Openers that propose without a question: "vamos", "lass uns", "sentiamoci".
    static let foreignLets = WordSet(["vamos", "lass", "lasst", "sentiamoci", "laten"])
    static let foreignPrepositions = WordSet(["por", "pelo", "pela", "per", "über", "ueber", "auf", "sur", "par", "via",
                                              "en", "no", "na", "am", "im", "bei", "su", "tramite", "au", "em", "op"])
    static let foreignArticles = WordSet(["el", "la", "le", "les", "der", "die", "das", "den", "dem", "o", "a", "il", "lo",
                                          "un", "una", "um", "uma", "ein", "eine", "einen", "de", "het", "een"])
    static let anyVerbOffline = WordSet(["offline", "elsewhere", "else", "offsite", "externally"])
    static let we = WordKey.of("we")
    static let us = WordKey.of("us")
    static let dont = WordSet(["don't", "dont"])
    static let ratherWord = WordSet(["rather"])
    static let preferWord = WordSet(["prefer"])
    /// Before "rather": "I'd", "id" (typed without its apostrophe), "we'd", "would".
    static let wouldForms = WordSet(["i'd", "id", "we'd", "would", "'d"])
    /// Adverbs between such an opener and its verb ("let's just run through it on Zoom").
    static let verbAdverbs = WordSet(["just", "maybe", "quickly", "also", "then", "probably", "perhaps", "briefly",
                                      "actually", "now", "still", "all", "both", "better", "rather", "quick"])
    /// Verbs of work on something that lives on a channel: "let's test the bot on Telegram", "we could run ads on
    /// WhatsApp". With a verb outside the move list they make no move.
    static let workVerbs = WordSet(["fix", "test", "debug", "build", "integrate", "publish", "post", "launch", "promote",
                                    "advertise", "upload", "deploy", "embed", "design", "develop", "optimize",
                                    "optimise", "track", "measure", "grow", "boost", "render", "display", "preview",
                                    "implement", "code", "mock", "translate", "sell", "market", "list", "check", "see",
                                    "look", "find", "search", "buy", "pay", "read", "watch", "record", "stream", "host",
                                    "update", "install", "download", "log", "sign", "verify", "block", "report", "ban",
                                    "mention", "tag", "like", "review", "rate", "feature", "support", "enable",
                                    "disable", "add", "remove", "change", "edit", "replace", "keep", "leave", "put",
                                    "store", "save", "back", "schedule"])
    /// Objects that are work on a channel, not talk on it: "let's go through the bot's replies on Telegram".
    static let workObjects = WordSet(["bot", "bots", "api", "apis", "integration", "integrations", "webhook", "webhooks",
                                      "widget", "widgets", "button", "buttons", "icon", "icons", "logo", "logos",
                                      "template", "templates", "campaign", "campaigns", "ad", "ads", "post", "posts",
                                      "story", "stories", "feature", "features", "page", "pages", "ui", "layout",
                                      "banner", "banners", "caption", "captions", "reel", "reels", "thumbnail",
                                      "thumbnails", "sticker", "stickers", "plugin", "sdk", "notification",
                                      "notifications", "preview", "previews", "feed", "profile", "account", "group",
                                      "channel", "community", "audience", "followers", "analytics", "listing",
                                      "version", "app", "status", "poll", "broadcast", "newsletter", "share",
                                      "bot's", "app's", "page's", "campaign's", "channel's", "group's", "account's",
                                      "profile's", "feed's", "api's"])
    /// Prepositions of a medium, which a channel is talked over: "over Zoom", "via Skype", "by phone".
    static let mediumPrepositions = WordSet(["over", "via", "by"])
    static let talkVerbs = WordSet(["contact", "reach", "talk", "chat", "communicate", "work", "deal", "speak", "connect",
                                    "message", "text", "email", "call", "continue", "discuss", "meet"])

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        // Every pattern ends on a channel name, an offline word or a place, or a word
        // that names the phone after a contact verb ("give me a ring"), or on "you" after
        // a way to reach ("is there another way to reach you?").
        guard !index.presentRoles.isDisjoint(with: [.alias, .offline, .place, .channelSort])
            || index.presentRoles.isSuperset(of: [.contactVerb, .sentObject])
            || index.presentRoles.isSuperset(of: [.contactVerb, .opener]) else { return }
        let cues = ClauseCues(index: index)
        var taken = ByteOccupancy(count: index.bytes.count)
        var quotes: [Range<Int>]? = nil
        /// Keeps a request unless it overlaps one kept or lies inside quotation marks ("The intro says 'follow us on
        /// Instagram' — can you cut that line?": words quoted, not asked).
        func add(_ from: Int, _ to: Int, _ platform: String?, _ rule: String, _ why: String) {
            let range = index.tokens[from].start..<index.tokens[to].end
            guard !taken.overlaps(range) else { return }
            if quotes == nil { quotes = Self.quotedSpans(index.bytes) }
            if quotes!.contains(where: { $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound }) { return }
            taken.insert(range)
            candidates.append(Candidate(kind: .offplatformRequest, range: range, platform: platform, intent: .request,
                                        rule: "offplatform_request.\(rule)", explanation: why))
        }
        // The screen's words, read once per text rather than per token.
        for t in index.tokens.indices {
            // The screen: each pattern of `match(at:)` starts on a token with one of
            // these roles or words (its first test), and most tokens have none.
            if screens && index.roles(t).isDisjoint(with: Self.screenRoles) { continue }
            guard let (from, to, platform, rule, why) = match(at: t, index, cues) else { continue }
            // "I'd rather keep it here than move to email", "instead of switching to Slack": the move set aside.
            if setAside(from - 1, index) { continue }
            // A proposal in another language has checked the words after its opener itself: its prepositions "no"
            // and "na" ("Podemos continuar no Discord?") are negations in English.
            let foreign = rule == "proposal" && index.isWord(from, Self.foreignOpeners)
            guard !cues.negated(before: foreign ? from : to), !cues.talksAboutRule(t) else { continue }
            // German and French put the negation after the verb: "ich darf deine Nummer
            // nicht teilen", "je ne peux pas partager".
            if index.clause(of: t).contains(where: { index.isWord($0, Self.laterNegations) }) { continue }
            // "I'll email the file here", "message me here": on the platform after all.
            // Not an ask: "drop your cell number here" asks for the number all the same.
            if platform != nil && rule != "ask" && staysHere(after: to, index) { continue }
            add(from, to, platform, rule, why)
        }
        // The fallback, after every shape above has had its turn.
        // (It needs a question or a proposal: a text with neither skips the loop.)
        if !index.presentRoles.contains(.alias) || !(index.presentRoles.contains(.proposal) || index.bytes.contains(0x3F)) {
            return
        }
        for k in index.tokens.indices where index.has(k, .alias) {
            guard let (from, to, platform, why) = invitation(k, index, cues) else { continue }
            add(from, to, platform, "invitation", why)
        }
    }

    /// Before "your phone" the device, not a number: "on your phone", "with your phone" ("to your phone" sends).
    static let deviceLinks = WordSet(["on", "with", "from", "using", "in"])
    static let pairWords = WordSet(["you", "u", "ya", "we", "us", "me", "i", "i'd", "i'll", "we'd", "we'll", "you'd",
                                    "you'll", "you're", "ur", "your"])
    static let talkKinds: Set<FindingKind> = [.email, .phone, .messagingApp, .meetingLink]
    /// Words of a clause about what happened: "We spoke on the phone last week, remember?"
    static let pastMarkers = WordSet(["spoke", "talked", "chatted", "met", "discussed", "agreed", "mentioned", "said",
                                      "told", "asked", "shared", "used", "went", "saw", "came", "got", "yesterday",
                                      "ago", "last", "earlier", "previously", "already", "once", "ever"])

    /// The fallback of the grammar: a channel people talk on, named in a clause that asks or proposes something of
    /// the two people in the room ("Telegram would be easier for both of us, no?", "can you do WhatsApp?"), when no
    /// shape above read it. Not negated, not about the rule, not about a call that happened, not someone else's
    /// doing, not work on the channel, not kept here.
    private func invitation(_ k: Int, _ index: TextIndex, _ cues: ClauseCues) -> (Int, Int, String, String)? {
        // Only a channel one talks on, after its preposition: "on Slack", "over the phone", "via email" (not "can
        // you draft the email to the investors?", where the email is the work). The cheap tests first: most names
        // in a text are no invitation.
        let p = k > 0 && index.has(k - 1, .article) ? k - 2 : k - 1
        guard p >= 0, index.isWord(p, Self.channelPrepositions) || index.isWord(p, Self.mediumPrepositions) else { return nil }
        guard cues.question(k) || cues.proposal(before: k) else { return nil }
        let clause = index.clause(of: k)
        guard clause.contains(where: { index.isWord($0, Self.pairWords) }) else { return nil }
        guard let (platform, _) = channel(k, index), let platform, let info = lexicon.platform(slug: platform),
              Self.talkKinds.contains(info.kind) else { return nil }
        guard !cues.negated(before: k), !cues.talksAboutRule(k),
              !clause.contains(where: { index.isWord($0, Self.pastQuestion) || index.isWord($0, W.thirdParties)
                  || index.isWord($0, Self.workVerbs) || index.isWord($0, Self.workObjects)
                  || !index.roles($0).isDisjoint(with: .anyPastContact) || index.has($0, .negation) || index.isWord($0, Self.laterNegations) }),
              !clause.contains(where: { index.isWord($0, Self.pastMarkers) }),
              !staysHere(after: k, index) else { return nil }
        // "Do you have a Zoom call with the other bidders today?": the other side's calendar.
        if index.isWord(k + 1, Self.callNouns) && clause.contains(where: { index.isWord($0, W.haveGot) }) { return nil }
        return (clause.lowerBound, k, platform, "a clause that asks or proposes something of the two, naming \(platform)")
    }

    /// The spans between quotation marks: `"…"`, `“…”`, and `'…'` opened after a space or the start and closed
    /// before a space, punctuation or the end (so that "don't" and "it's" open nothing).
    static func quotedSpans<C: RandomAccessCollection>(_ p: C) -> [Range<Int>] where C.Element == UInt8, C.Index == Int {
        var spans: [Range<Int>] = []
        let n = p.endIndex
        // The quote mark at `i` and its length: '"' and "'" (one byte), “ ” ‘ ’ (E2 80 9C/9D/98/99).
        func mark(_ i: Int) -> (double: Bool, length: Int)? {
            if p[i] == 0x22 { return (true, 1) }
            if p[i] == 0x27 { return (false, 1) }
            if p[i] == 0xE2 && i + 2 < n && p[i + 1] == 0x80 {
                switch p[i + 2] {
                case 0x9C, 0x9D: return (true, 3)
                case 0x98, 0x99: return (false, 3)
                default: return nil
                }
            }
            return nil
        }
        func isWordByte(_ b: UInt8) -> Bool { ASCII.isAlnum(b) || b >= 0x80 }
        var i = p.startIndex
        while i < n {
            guard let open = mark(i) else { i += 1; continue }
            let before = i > p.startIndex ? p[i - 1] : 0x20
            let inside = i + open.length
            guard !isWordByte(before), inside < n, p[inside] != 0x20 else { i += open.length; continue }
            var j = inside
            var closed: Int? = nil
            while j < n {
                if let close = mark(j), close.double == open.double, j > inside, p[j - 1] != 0x20,
                   j + close.length >= n || !isWordByte(p[j + close.length]) {
                    closed = j
                    break
                }
                j += 1
            }
            guard let c = closed else { i += open.length; continue }
            spans.append(inside..<c)
            i = c + 1
        }
        return spans
    }

    /// "here", "in this chat", "on the platform" after the channel keeps the talk here.
    private func staysHere(after t: Int, _ index: TextIndex) -> Bool {
        let clause = index.clause(of: t)
        for k in (t + 1)..<max(t + 1, clause.upperBound) {
            // The part after a comma says something else: "drop me an email, I rarely log in here".
            if ClauseCues.isPartBreak(index, k) { break }
            // "… on Zoom instead of here", "rather than here", "… on WhatsApp than here": leaving, not staying.
            if index.isWord(k, W.here) && !(k >= 1 && index.isWord(k - 1, Self.than))
                && !(k >= 2 && index.isWord(k - 1, Self.insteadLinks) && index.isWord(k - 2, Self.insteadWords)) {
                return true
            }
            // "on the site", "in this chat", "via the app": a place after a preposition. Not a place that is a
            // subject ("in case the site goes down") or comes after "off" ("off the platform").
            let linked = k > 0 && (index.has(k - 1, .preposition)
                                   || (k > 1 && index.has(k - 1, .article) && index.has(k - 2, .preposition)))
            if index.has(k, .place) && linked
                && !(k > 1 && index.has(k - 2, .off)) && !(k > 1 && index.has(k - 1, .off)) { return true }
        }
        return false
    }

    // MARK: Channels

    /// Whether token `t` names a channel here, and which. Weak names need a
    /// preposition, possessive or article before them or a channel noun after.
    func channel(_ t: Int, _ index: TextIndex) -> (platform: String?, Bool)? {
        guard let (id, strength) = index.alias(t), let info = lexicon.platform(id), info.kind != .paymentAccount else { return nil }
        guard PlatformHandleFinder(index: index).namesPlatform(t) else { return nil }
        // "here rather than by email", "on Slack instead of WhatsApp": the channel set aside is not the one wanted.
        if contrasted(t, index) { return nil }
        // "your email template" modifies; Romance languages put modifiers after the noun
        // ("tu WhatsApp para hablar"), so after their possessives the test does not apply.
        if !(t > 0 && index.isWord(t - 1, Self.romancePossessives)) && ClauseCues(index: index).modifiesNext(t)
            && !startsSentence(t + 1, index) { return nil }
        let nounAfter = t + 1 < index.tokens.count && index.has(t + 1, .channelNoun)
        switch strength {
        case .strong:
            return (info.slug, true)
        case .weak:
            let before = t > 0 && (index.has(t - 1, .preposition) || index.has(t - 1, .your) || index.has(t - 1, .my)
                                   || index.has(t - 1, .article) || index.has(t - 1, .personal))
            return before || nounAfter ? (info.slug, true) : nil
        case .noun:
            // namesPlatform has already asked for an app's context ("on LINE", "LINE ID").
            return (info.slug, true)
        }
    }

    /// Whether the channel at `t` follows "than" or "instead of" (past a preposition and an article): "rather than
    /// by email", "instead of the WhatsApp group".
    private func contrasted(_ t: Int, _ index: TextIndex) -> Bool {
        var j = t - 1
        if j >= 0 && index.has(j, .article) { j -= 1 }
        if j >= 0 && index.has(j, .preposition) { j -= 1 }
        return setAside(j, index)
    }

    /// Whether token `j` ends "than" or "instead of", which set aside what follows them.
    private func setAside(_ j: Int, _ index: TextIndex) -> Bool {
        guard j >= 0 else { return false }
        return index.isWord(j, Self.than) || (j > 0 && index.isWord(j, W.of) && index.isWord(j - 1, Self.insteadWord))
    }

    /// "what is your Skype Talk soon": the channel modifies nothing.
    private func startsSentence(_ k: Int, _ index: TextIndex) -> Bool { SentenceStart.isSignOff(k, index) }

    private func isOfflineMove(_ t: Int, _ index: TextIndex) -> Bool {
        // "somewhere" only as "somewhere else" ("let's meet somewhere in the middle").
        if index.isWord(t, Self.somewhere) {
            return index.isWord(t + 1, Self.elseWord) || index.isWord(t + 1, Self.privateWords) || otherThanPlace(t + 1, index) != nil
        }
        return index.has(t, .offline) && !index.isWord(t, W.adverbMoves)
    }

    static let otherWord = WordSet(["other"])
    static let besidesWords = WordSet(["besides", "except"])
    static let apartWord = WordSet(["apart", "aside"])
    static let fromWord = WordSet(["from"])

    /// "other than this chat", "besides the app", "apart from here": the last token of the phrase.
    private func otherThanPlace(_ t: Int, _ index: TextIndex) -> Int? {
        var k: Int
        if index.isWord(t, Self.otherWord) && index.isWord(t + 1, Self.than) { k = t + 2 }
        else if index.isWord(t, Self.besidesWords) { k = t + 1 }
        else if index.isWord(t, Self.apartWord) && index.isWord(t + 1, Self.fromWord) { k = t + 2 }
        else { return nil }
        if k < index.tokens.count && index.has(k, .article) { k += 1 }
        return k < index.tokens.count && index.has(k, .place) ? k : nil
    }

    /// "off the platform", "outside this site": the last token of the phrase.
    private func offPlace(_ t: Int, _ index: TextIndex) -> Int? {
        guard index.has(t, .off) else { return nil }
        var k = t + 1
        var steps = 0
        while k < index.tokens.count && steps < 3 && (index.has(k, .article) || index.isWord(k, W.of) || index.isPunct(k, 0x2D)) {
            k += 1
            steps += 1
        }
        return k < index.tokens.count && index.has(k, .place) ? k : nil
    }

    // MARK: Patterns

    private typealias Match = (from: Int, to: Int, platform: String?, rule: String, why: String)

    private func match(at t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        if index.has(t, .your), let m = ask(t, index, cues) { return m }
        if index.has(t, .contactVerb), let m = contact(t, index, cues) { return m }
        if index.has(t, .moveVerb), let m = move(t, index, cues) { return m }
        if let m = proposedMove(t, index, cues) { return m }
        let opener = index.has(t, .opener)
        if opener, let m = foreignProposal(t, index, cues) { return m }
        if let m = channelVerb(t, index, cues) { return m }
        if index.has(t, .ask) || index.has(t, .moveVerb), let m = offer(t, index, cues) { return m }
        if index.isWord(t + 1, Self.anyArticles) || index.isWord(t + 2, Self.anyArticles),
           index.isWord(t, Self.sharingVerbs), let m = indefiniteAsk(t, index, cues) { return m }
        if index.has(t, .proposal), let m = preference(t, index, cues) { return m }
        if opener || index.has(t, .your), let m = presence(t, index, cues) { return m }
        if opener && index.presentRoles.contains(.contactVerb) && index.isWord(t + 1, W.to) && index.isWord(t, Self.wayWords),
           let m = otherWay(t, index, cues) { return m }
        if opener && index.presentRoles.contains(.offline), let m = foreignOffline(t, index, cues) { return m }
        if opener && index.isWord(t, Self.indefinite), let m = callProposal(t, index, cues) { return m }
        if opener && index.isWord(t, Self.whichWords), let m = whichChannel(t, index, cues) ?? whichSort(t, index, cues) { return m }
        if opener || index.isWord(t, Self.whatIs), let m = bestChannel(t, index, cues) { return m }
        if opener && index.isWord(t, Self.haveWords), let m = haveChannel(t, index, cues) { return m }
        return nil
    }

    /// "are you free for a Zoom call later?", "would a Skype call on Friday work?",
    /// "is a video call on Google Meet ok?": a call on another platform proposed in a
    /// question or a proposal (not a question about one that happened).
    private func callProposal(_ a: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        let asked = cues.question(a) || cues.proposal(before: a)
        let clause = index.clause(of: a)
        // "Do you have a Zoom call with the other bidders today?": the other side's calendar, not a proposal.
        if a >= 2 && index.isWord(a - 1, W.haveGot) && index.isWord(a - 2, W.you) { return nil }
        var k = a + 1
        if k < clause.upperBound && index.has(k, .article) && !index.isWord(k, Self.indefinite) { k += 1 }
        guard k < clause.upperBound else { return nil }
        // "a Zoom call", asked or proposed, or suggested by what it would do ("I think a Zoom call would save us
        // both time")
        if index.alias(k) != nil, k + 1 < clause.upperBound, index.isWord(k + 1, Self.callNouns),
           asked || suggestedBy(k + 2, index),
           !clause.contains(where: { index.isWord($0, Self.pastQuestion) }),
           let (platform, _) = channel(k, index), let platform, platform != "email" {
            return (a, k + 1, platform, "move", "proposes a call on \(platform)")
        }
        guard asked, !clause.contains(where: { index.isWord($0, Self.pastQuestion) }) else { return nil }
        // "a video call on Google Meet"
        var n = k
        while n < clause.upperBound && n < k + 2 && index.isWord(n, Self.callNouns) { n += 1 }
        guard n > k, n + 1 < clause.upperBound, index.has(n, .preposition) else { return nil }
        var c = n + 1
        if c < clause.upperBound && index.has(c, .article) { c += 1 }
        guard c < clause.upperBound, let (platform, _) = channel(c, index), let platform, platform != "email" else { return nil }
        return (a, c, platform, "move", "proposes a call on \(platform)")
    }

    /// "would save us time", "might help", "would be quicker": what a call would do, which suggests it.
    private func suggestedBy(_ m: Int, _ index: TextIndex) -> Bool {
        guard m < index.tokens.count, index.isWord(m, Self.suggestingModals) else { return false }
        var k = m + 1
        if index.isWord(k, Self.verbAdverbs) || index.isWord(k, Self.reallyWords) { k += 1 }
        if index.isWord(k, Self.benefitVerbs) { return true }
        return index.isWord(k, Self.beWord) && index.isWord(k + 1, Self.benefitAdjectives)
    }

    /// "What email do you use for the repo?", "Which number should I call?": a
    /// question that asks for the other side's address by naming the channel.
    private func whichChannel(_ w: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.question(w), cues.imperative(w) else { return nil }
        var k = w + 1
        if k < index.tokens.count && index.has(k, .personal) && index.alias(k) == nil { k += 1 }
        guard k + 1 < index.tokens.count, let (id, strength) = index.alias(k), strength != .noun,
              let info = lexicon.platform(id), info.kind != .paymentAccount,
              PlatformHandleFinder(index: index).namesPlatform(k) else { return nil }
        // "which WhatsApp number should I use?"
        let end = index.has(k + 1, .channelNoun) ? k + 1 : k
        guard index.isWord(end + 1, Self.askingAux) else { return nil }
        return (w, end, info.slug, "ask", "asks which \(info.slug) the other side uses")
    }

    /// "Which messaging app do you use?", "what texting app do you prefer?": a question for the other side's
    /// channel by its sort, naming none.
    private func whichSort(_ w: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.question(w) else { return nil }
        if index.has(w + 1, .channelSort), index.isWord(w + 2, Self.appWords),
           index.isWord(w + 3, Self.askingAux), index.isWord(w + 4, W.you) {
            return (w, w + 2, nil, "ask", "asks which \(index.word(w + 1)) app the other side uses")
        }
        // "which app do you use for texting?", "what app do u usually use for messaging?": the app by what it is for,
        // named by a word of the `[channel_sort]` class (which the prefilter passes on; "which app do you use for
        // calls?" names nothing it can see, and "calls" is too common a word to pass every text that has it).
        guard index.isWord(w + 1, Self.appWords), index.isWord(w + 2, Self.askingAux), index.isWord(w + 3, W.you) else {
            return nil
        }
        let clause = index.clause(of: w)
        guard let k = ((w + 4)..<min(clause.upperBound, w + 10)).first(where: { index.has($0, .channelSort) }) else {
            return nil
        }
        return (w, k, nil, "ask", "asks which app the other side uses for \(index.word(k))")
    }

    /// "Do you have a number I could call tomorrow?", "is there an email I can reach you at?", "have you got
    /// WhatsApp?", "Hätten Sie eine Telefonnummer …?": a question whether the other side has a channel. A weak name
    /// ("a number", "a mail") needs a verb of contact after it in the clause ("is there a number on the invoice?"
    /// asks for none).
    private func haveChannel(_ h: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.question(h) else { return nil }
        var from = h
        var k = h + 1
        if index.isWord(h, Self.haveEnglish) {
            if index.isWord(h, W.there) {
                guard h > 0, index.isWord(h - 1, Self.isWords) else { return nil }                  // "is there"
                from = h - 1
            } else if h > 0 && index.isWord(h - 1, W.you) {
                from = h - 1                                                                          // "do you have"
            } else if index.isWord(h + 1, W.you) && index.isWord(h + 2, Self.gotWord) {
                k = h + 3                                                                             // "have you got"
            } else if index.isWord(h, Self.gotWord) && cues.imperative(h) {
                from = h                                                                              // "got whatsapp?"
            } else {
                return nil
            }
        } else if index.isWord(k, Self.foreignYouSubjects) {
            k += 1                                                                                    // "hätten Sie"
        }
        if index.isWord(k, Self.anyArticles) || index.isWord(k, Self.foreignArticles) { k += 1 }
        guard let (c, info, _) = channelAsked(from: k, clauseOf: h, index) else { return nil }
        k = c
        let clause = index.clause(of: h)
        // "Do you have a Zoom call with them today?": a question about a call, not for a channel.
        if index.isWord(k + 1, Self.callNouns) { return nil }
        var end = k
        if k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) { end = k + 1 }
        // "got whatsapp?" is all the question: not "got WhatsApp working on the test phone?"
        if from == h && index.isWord(h, Self.gotWord) && end + 1 < clause.upperBound
            && !index.isWord(end + 1, ClauseCues.whenWords) { return nil }
        return (from, end, info.slug, "ask", "asks whether the other side has \(info.slug)")
    }

    /// "are you on Signal?", "r u on telegram?", "are you using WhatsApp?", and with the verb left out or
    /// contracted: "u on linkedin?", "any chance you're on Slack?"
    private func presence(_ t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.question(t) else { return nil }
        var k: Int
        if index.isWord(t, W.are) && index.isWord(t + 1, W.you) {
            k = t + 2
        } else if index.isWord(t, W.you) || index.isWord(t, Self.youAre) {
            // Only openers (or "any chance") before it: "the client said you're on Slack?" reports.
            let clause = index.clause(of: t)
            guard (clause.lowerBound..<t).allSatisfy({ index.isWord($0, ClauseCues.openers) || index.isWord($0, Self.chanceWords)
                                                         || index.tokens[$0].kind == .punct }) else { return nil }
            k = t + 1
        } else {
            return nil
        }
        guard k + 1 < index.tokens.count, index.isWord(k, W.onUsing) else { return nil }
        k += 1
        if index.has(k, .article) { k += 1 }
        guard k < index.tokens.count, let (platform, _) = channel(k, index) ?? strongOrWeak(k, index) else { return nil }
        return (t, k, platform, "ask", "asks whether the other side is on \(platform ?? "another channel")")
    }

    static let youAre = WordSet(["you're", "youre", "ur"])
    static let chanceWords = WordSet(["any", "chance", "by"])

    /// "way", "ways", "means": what `otherWay` turns on.
    static let wayWords = WordSet(["way", "ways", "means", "method"])
    /// "another way", "a better way", "the best way": a way other than this chat.
    static let otherWayAdjectives = WordSet(["another", "other", "different", "alternative", "better", "best", "easier",
                                             "quicker", "faster", "direct", "private", "personal", "good", "easiest",
                                             "quickest", "fastest", "simpler", "simplest"])
    /// Verbs of reaching someone after "a way to": "reach", "contact" (the prefilter's triggers among the verbs of
    /// contact that name no channel, see `WordEntry.triggerContactVerbs`).
    static let reachVerbs = WordSet(["reach", "contact"])
    static let needWords = WordSet(["need", "needs", "want", "wanted", "looking", "there", "any", "know", "tell"])

    /// "is there another way to reach you?", "what's the best way to get hold of you?", "I need a more direct way to
    /// contact you": a question (or a need) for a way to reach the other side other than this chat, naming no
    /// channel. Not when the way stays here ("the best way to reach you on the platform").
    private func otherWay(_ w: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard w > 0, index.isWord(w - 1, Self.otherWayAdjectives) || (w > 1 && index.isWord(w - 2, Self.otherWayAdjectives)),
              index.isWord(w + 1, W.to), index.isWord(w + 2, Self.reachVerbs) else { return nil }
        let clause = index.clause(of: w)
        let from = index.isWord(w - 1, Self.otherWayAdjectives) ? w - 1 : w - 2
        guard cues.question(w) || (clause.lowerBound..<from).contains(where: { index.isWord($0, Self.needWords) || index.has($0, .ask) })
        else { return nil }
        var k = w + 3
        while k < clause.upperBound && k <= w + 6 && !index.isWord(k, W.you) { k += 1 }
        guard k < clause.upperBound, index.isWord(k, W.you) else { return nil }
        if staysHere(after: k, index) { return nil }
        return (from, k, nil, "ask", "asks for another way to reach the other side")
    }

    /// A weak channel name read as a channel (after "on", where the grammar already
    /// placed it).
    private func strongOrWeak(_ t: Int, _ index: TextIndex) -> (String?, Bool)? {
        guard let (id, strength) = index.alias(t), strength != .noun, let info = lexicon.platform(id),
              info.kind != .paymentAccount, PlatformHandleFinder(index: index).namesPlatform(t) else { return nil }
        return (info.slug, true)
    }

    /// "WhatsApp is easier", "it's faster on Telegram", "I prefer Signal"
    private func preference(_ w: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard index.isWord(w, W.preferences) else { return nil }
        let clause = index.clause(of: w)
        for k in max(clause.lowerBound, w - 4)..<min(clause.upperBound, w + 5) where k != w {
            guard let (platform, _) = channel(k, index) else { continue }
            return (min(w, k), max(w, k), platform, "preference", "prefers to talk on \(platform ?? "another channel")")
        }
        return nil
    }

    /// "what's your WhatsApp?", "send me your number", "your email please"
    private func ask(_ your: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        var k = your + 1
        var adjectives = 0
        while k < index.tokens.count && adjectives < 2 && index.has(k, .personal) && channel(k, index) == nil {
            k += 1
            adjectives += 1
        }
        var named = k < index.tokens.count ? channel(k, index) : nil
        var end = k
        if named == nil, k < index.tokens.count, index.isWord(k, W.idWords) || index.isWord(k, Self.contactNouns),
           let (c, found) = channelAfterPreposition(k + 1, index) {
            // "what's your handle on Slack?", "your username for Discord": the channel after the identifier's noun.
            named = found
            end = c
        }
        guard let (platform, _) = named else { return nil }
        // "record the voiceover on your phone", "check it with your phone": the device, not a detail asked for.
        // ("I'll ring you tomorrow on your cell": after a verb of contact it is the line rung.)
        if your > 0 && index.isWord(your - 1, Self.deviceLinks) && platform == "phone" && end == k
            && !(index.clause(of: your).lowerBound..<your).contains(where: { index.has($0, .contactVerb) }) { return nil }
        if end == k && k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) { end = k + 1 }
        // "Ton mail est arrivé ?", "¿Tu WhatsApp funciona?": the channel is the subject of a verb, not asked for.
        if index.isWord(end + 1, Self.foreignVerbsAfterSubject) { return nil }
        let clause = index.clause(of: your)
        let asker = (max(clause.lowerBound, your - 6)..<your).last { index.has($0, .ask) }
        let please = clause.contains { index.isWord($0, W.please) }
        guard asker != nil || please || cues.question(your) || cues.proposal(before: your) else { return nil }
        // "I emailed you at your Gmail address, did it arrive?": the address already
        // used, a report of contact (the unsolicited-contact recognizer's), not an ask.
        if asker == nil && (clause.lowerBound..<your).contains(where: { !index.roles($0).isDisjoint(with: .anyPastContact) }) {
            return nil
        }
        return (asker ?? your, end, platform, "ask", "asks for the other side's \(platform ?? "contact")")
    }

    /// "email me", "message me on WhatsApp", "drop me a line on Skype", "I'll text you"
    private func contact(_ v: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        let tokens = index.tokens
        // "get hold of you", "get in touch with me": the phrase is the verb.
        var o = v + 1
        if index.isWord(v, Self.getWord) {
            if index.isWord(v + 1, Self.holdWord) && index.isWord(v + 2, W.of) { o = v + 3 }
            else if index.isWord(v + 1, Self.inWord) && index.isWord(v + 2, Self.touchWord) && index.isWord(v + 3, Self.withWord) { o = v + 4 }
        }
        guard o < tokens.count, index.has(o, .object) else { return nil }
        guard cues.imperative(v) || cues.proposal(before: v) || cues.question(v) else { return nil }
        let verbChannel = index.info(v)?.contactChannel ?? -1
        let clause = index.clause(of: v)
        var k = o + 1
        var steps = 0
        var implied: Int? = nil  // "give me a ring", "send me a text": the filler names the phone
        while k < clause.upperBound && steps < 6 {
            if let (platform, _) = channel(k, index) {
                return (v, k, platform, "contact_me", "asks to be contacted on \(platform ?? "another channel")")
            }
            if index.isWord(k, Self.phoneFillers) && k > o + 1 && index.has(k - 1, .article) { implied = k }
            if let end = offPlace(k, index) ?? otherThanPlace(k, index) {
                return (v, end, nil, "contact_me", "asks to be contacted off the platform")
            }
            if isOfflineMove(k, index) || index.isWord(k, W.directly) {
                let end = index.isWord(k, Self.somewhere) ? k + 1 : k
                return (v, end, nil, "contact_me", "asks to be contacted \(index.word(k))")
            }
            if index.has(k, .preposition) || index.has(k, .my) || index.has(k, .your) || index.has(k, .article)
                || index.isWord(k, Self.objectFillers) || index.has(k, .personal) {
                k += 1
                steps += 1
                continue
            }
            break
        }
        if let implied {
            return (v, implied, "phone", "contact_me", "asks to be contacted by phone ('\(index.word(implied))')")
        }
        if verbChannel >= 0, let info = lexicon.platform(verbChannel) {
            // "call me crazy": a verb that names a channel still needs no name after it.
            return (v, v + 1, info.slug, "contact_me", "asks to be contacted by \(info.slug)")
        }
        return nil
    }

    /// "can we continue on Zoom?", "let's hop on a quick zoom call", "switch to Telegram"
    private func move(_ v: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.imperative(v) || cues.proposal(before: v) || cues.question(v) else { return nil }
        // "The client tried calling you on your cell", "I've been texting you": a report, not a proposal.
        if v > 0 && index.isWord(v, Self.ingMoves) && index.isWord(v - 1, Self.reportLeads) { return nil }
        let clause = index.clause(of: v)
        // "did you have a Zoom call with them?": a question about what happened.
        if cues.question(v) && (clause.lowerBound..<v).contains(where: { index.isWord($0, Self.pastQuestion) }) { return nil }
        var k = v + 1
        var steps = 0
        var sawLink = false
        var skippedObject = false
        while k < clause.upperBound && steps < 6 {
            // "use Slack", "join Teams": these verbs take a weak name without a preposition.
            let direct = k == v + 1 && (index.isWord(v, W.useJoinTry) || (index.isWord(v, W.haveGot) && cues.question(v)))
                && index.alias(k) != nil
                && PlatformHandleFinder(index: index).namesPlatform(k)
                && lexicon.platform(index.alias(k)!.platform)?.kind != .paymentAccount
            if direct, let (id, _) = index.alias(k) {
                return (v, k, lexicon.platform(id)?.slug, "move", "proposes to use \(lexicon.platform(id)?.slug ?? "another channel")")
            }
            if let (platform, _) = channel(k, index), sawLink || index.alias(k)!.strength == .strong && steps == 0 {
                var end = k
                if k + 1 < clause.upperBound && index.has(k + 1, .channelNoun) { end = k + 1 }
                // "Do you have a Zoom call with the other bidders today?": the other side's calendar, not a proposal.
                if index.isWord(v, W.haveGot) && v > 0 && index.isWord(v - 1, W.you) && index.isWord(k + 1, Self.callNouns) {
                    return nil
                }
                return (v, end, platform, "move", "proposes to talk on \(platform ?? "another channel")")
            }
            if let end = offPlace(k, index) {
                return (v, end, nil, "offline", "proposes to talk off the platform")
            }
            if isOfflineMove(k, index) || (index.isWord(k, W.directly) && index.isWord(v, Self.talkVerbs)) {
                let end = index.isWord(k, Self.somewhere)
                    ? (otherThanPlace(k + 1, index) ?? (index.isWord(k + 1, Self.moreWord) ? k + 2 : k + 1)) : k
                return (v, end, nil, "offline", "proposes to talk \(index.word(k))")
            }
            if index.has(k, .preposition) || index.has(k, .article) {
                sawLink = true
                k += 1
                steps += 1
                continue
            }
            // "let's talk about phase 2 on Zoom": the topic is skipped, up to the
            // preposition that may name the channel.
            if index.isWord(k, W.about) && !sawLink, let p = topicEnd(after: k, clause, index) {
                k = p
                steps += 1
                continue
            }
            // "on my phone", "share my screen on Zoom" yes; "get my email" is no move.
            if (index.has(k, .my) || index.has(k, .your)) && (sawLink || index.isWord(k + 1, Self.conversationWords)) {
                k += 1
                steps += 1
                continue
            }
            if index.isWord(k, Self.conversationWords) || index.has(k, .object) {
                k += 1
                steps += 1
                continue
            }
            // "let's discuss the rest of the brief on WhatsApp", "can we go over the sketches on Zoom": what is to
            // be talked about, skipped once, up to the preposition before the channel.
            if !skippedObject, let p = objectEnd(from: k, clause, index) {
                skippedObject = true
                k = p
                steps += 1
                continue
            }
            break
        }
        return nil
    }

    /// The preposition that ends a short object ("the rest of the brief", "the sketches") when a channel follows
    /// it (after at most two of "a", "the", "my", "quick" …), or nil: the object opened by a determiner, every
    /// word of it plain (no channel, no new subject, no relative or subordinate clause, no "and"), at most six.
    private func objectEnd(from k: Int, _ clause: Range<Int>, _ index: TextIndex) -> Int? {
        guard k > clause.lowerBound, index.isWord(k - 1, Self.determiners) else { return nil }
        var j = k
        var work = false
        while j < clause.upperBound && j <= k + 6 {
            if j > k && index.has(j, .preposition) && (!work || index.isWord(j, Self.mediumPrepositions)) {
                var c = j + 1
                while c < clause.upperBound && c <= j + 2
                    && (index.has(c, .article) || index.has(c, .my) || index.has(c, .your) || index.isWord(c, Self.objectFillers)) {
                    c += 1
                }
                if c < clause.upperBound && channel(c, index) != nil { return j }
            }
            // "let's figure the rest out offline", "taking the rest of this conversation off the site": the object
            // ends at a move off the platform.
            // Not money ("can we settle the final invoice off the platform?" is payment outside, not talk).
            if j > k && (isOfflineMove(j, index) || offPlace(j, index) != nil) {
                return (k..<j).contains(where: { index.has($0, .money) }) ? nil : j
            }
            // "let's go through the bot's replies on Telegram": work on something that lives there, no move; but
            // over or via a channel it is talked about there ("let's nail down the logo revisions over Zoom").
            guard index.tokens[j].isWordLike, index.alias(j) == nil,
                  index.roles(j).isDisjoint(with: [.subject, .modal, .negation]),
                  !index.isWord(j, Self.objectStops) else { return nil }
            if index.isWord(j, Self.workObjects) { work = true }
            j += 1
        }
        return nil
    }

    /// The preposition after a short topic ("about [the] phase 2 on …", "about the
    /// logo via …"), or nil when none follows within a few words.
    private func topicEnd(after about: Int, _ clause: Range<Int>, _ index: TextIndex) -> Int? {
        var k = about + 1
        while k < clause.upperBound && k <= about + 4 {
            if index.has(k, .preposition) && k > about + 1 { return k }
            guard index.tokens[k].isWordLike, index.alias(k) == nil else { return nil }
            k += 1
        }
        return nil
    }

    /// The verb of a first-person-plural proposal opened at `t` ("let's pick …", "let us go …", "we could iron …",
    /// "can we hash …", "how about we move …", "why don't we take …"), past a few adverbs, or nil.
    private func verbAfterOpener(_ t: Int, _ index: TextIndex) -> Int? {
        var v: Int
        if index.isWord(t, Self.weContracted) {
            v = t + 1                                                    // "let's", "we'll", "we'd"
        } else if index.isWord(t, W.letWord) && index.isWord(t + 1, Self.us) {
            v = t + 2                                                    // "let us"
        } else if index.isWord(t, Self.weModals) && t > 0 && index.isWord(t - 1, Self.we) {
            v = t + 1                                                    // "we could"
        } else if index.isWord(t, Self.weModals) && index.isWord(t + 1, Self.we) {
            v = t + 2                                                    // "could we"
        } else if index.isWord(t, W.how) && index.isWord(t + 1, W.about) && index.isWord(t + 2, Self.we) {
            v = t + 3                                                    // "how about we"
        } else if index.isWord(t, W.why) && index.isWord(t + 1, Self.dont) && index.isWord(t + 2, Self.we) {
            v = t + 3                                                    // "why don't we"
        } else if t > 0 && index.isWord(t - 1, Self.wouldForms) && index.isWord(t, Self.ratherWord) {
            guard !index.isWord(t + 1, Self.than) else { return nil }    // "my discord id rather than …"
            v = index.isWord(t + 1, Self.we) ? t + 2 : t + 1             // "I'd rather", "id rather we"
        } else if index.isWord(t + 1, W.to) && index.isWord(t, Self.preferWord) && t > 0 && index.has(t - 1, .subject) {
            v = t + 2                                                    // "I prefer to", "we'd prefer to"
        } else if index.isWord(t + 1, W.to) && t > 0 && index.isWord(t - 1, Self.beWord) && index.isWord(t, Self.benefitAdjectives) {
            v = t + 2                                                    // "it'd be quicker to", "would be easier to"
        } else {
            return nil
        }
        var adverbs = 0
        while adverbs < 2 && index.isWord(v, Self.verbAdverbs) { v += 1; adverbs += 1 }
        guard v < index.tokens.count, index.tokens[v].kind == .word, index.alias(v) == nil,
              index.roles(v).isDisjoint(with: [.negation, .subject, .modal, .moveVerb, .contactVerb]),
              !index.isWord(v, Self.objectStops), !index.isWord(v, Self.workVerbs) else { return nil }
        return v
    }

    /// "let's pick this up on Discord after lunch", "can we hash out the details on WeChat?": a proposal of the
    /// first person plural whose verb is not in the move list, read like a move, when the channel is one people
    /// talk on (a messaging or meeting app, email, the phone: not a social network, where "let's run the campaign
    /// on Instagram" is work) and nothing on the way is work on the channel ("let's go through the bot on
    /// Telegram").
    private func proposedMove(_ t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard let v = verbAfterOpener(t, index), let m = move(v, index, cues) else { return nil }
        let medium = m.to > v + 1 && (index.isWord(m.to - 1, Self.mediumPrepositions)
                                      || (index.has(m.to - 1, .article) && index.isWord(m.to - 2, Self.mediumPrepositions)))
        if !medium && (v...m.to).contains(where: { index.isWord($0, Self.workObjects) }) { return nil }
        // "should we ask the client on WhatsApp?": someone else is the one to be reached there.
        if (v...m.to).contains(where: { index.isWord($0, UnsolicitedContactRecognizer.otherPeople) }) { return nil }
        guard let platform = m.platform else {
            // Off the platform without a channel: "offline", "elsewhere", "off the site" ("outside" may be a
            // place or a time: "let's fix it outside office hours").
            guard index.has(m.to, .place) || index.isWord(m.to, Self.anyVerbOffline) else { return nil }
            return (t, m.to, nil, "proposal", "proposes to \(index.word(v)) \(index.word(m.to))")
        }
        guard let info = lexicon.platform(slug: platform), info.kind != .socialProfile else { return nil }
        return (t, m.to, platform, "proposal", "proposes to \(index.word(v)) on \(platform)")
    }

    /// The channel named after a preposition (and at most one article) starting at `k`, with its token: "on
    /// Slack", "for the Discord server".
    private func channelAfterPreposition(_ k: Int, _ index: TextIndex) -> (token: Int, channel: (platform: String?, Bool))? {
        guard k < index.tokens.count, index.isWord(k, Self.channelPrepositions) else { return nil }
        var c = k + 1
        if c < index.tokens.count && index.has(c, .article) { c += 1 }
        guard c < index.tokens.count, let found = channel(c, index) else { return nil }
        return (c, found)
    }

    /// "what's a good number to reach you at?", "What's the best email to send the NDA to?": a question for the
    /// channel to use, without a possessive. The channel must be followed by what the question goes on with ("to",
    /// "for", a subject, a modal) or end it, so "what's the best email marketing tool?" asks for none.
    private func bestChannel(_ w: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        var k = w + 1
        if index.isWord(w, Self.foreignWhich) {
            if index.isWord(k, Self.foreignIs) { k += 1 }          // "qual (é) o melhor número …?"
        } else if index.isWord(w, Self.whichWords) {
            guard index.isWord(k, W.is) else { return nil }      // "what is", "which is"
            k += 1
        } else if !index.isWord(w, Self.whatIs) {
            return nil
        }
        // The question mark may be left out when the question opens its clause: "whats the best number to get u on".
        guard cues.question(w) || cues.imperative(w),
              index.isWord(k, Self.articles) || index.isWord(k, Self.foreignArticles) else { return nil }
        k += 1
        var adjectives = 0
        while adjectives < 2 && (index.isWord(k, Self.choiceAdjectives) || index.isWord(k, Self.foreignChoice)) {
            k += 1
            adjectives += 1
        }
        // The frame places the name, as "on" does: "a good number" names the phone.
        guard adjectives > 0, k < index.tokens.count, let (platform, _) = channel(k, index) ?? strongOrWeak(k, index) else { return nil }
        var end = k
        if k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) { end = k + 1 }
        let clause = index.clause(of: w)
        let next = end + 1
        guard next >= clause.upperBound || index.isWord(next, Self.questionGoesOn) || index.has(next, .subject)
                || index.has(next, .modal) else { return nil }
        return (w, end, platform, "ask", "asks which \(platform ?? "contact") to use")
    }

    /// "Podemos falar pelo WhatsApp?", "Können wir das per E-Mail besprechen?", "¿Seguimos por Telegram?", "Lass uns
    /// auf Signal weiterreden": a proposal in the other languages the product meets — an opener of theirs ("can we",
    /// "shall we …", "let's"), at most four words, one of their prepositions and a channel's strong name. Asked, or
    /// opened by a "let's" of theirs.
    private func foreignProposal(_ t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard index.isWord(t, Self.foreignOpeners), cues.question(t) || index.isWord(t, Self.foreignLets) else { return nil }
        let clause = index.clause(of: t)
        var k = t + 1
        while k < clause.upperBound && k <= t + 7 {
            if index.isWord(k, Self.foreignPrepositions) {
                var c = k + 1
                var article = false
                if c < clause.upperBound && index.isWord(c, Self.foreignArticles) { c += 1; article = true }
                // A weak name after a preposition and an article: "via de mail", "per la mail".
                guard c < clause.upperBound, let (id, strength) = index.alias(c), strength == .strong || (article && strength == .weak),
                      let info = lexicon.platform(id), info.kind != .paymentAccount else { return nil }
                return (t, c, info.slug, "proposal", "proposes to talk on \(info.slug)")
            }
            // "Hättest du Lust, das Glossar kurz telefonisch durchzugehen?": an adverb that names the channel.
            if index.isWord(k, Self.foreignChannelAdverbs) {
                return (t, k, "phone", "proposal", "proposes to talk by phone ('\(index.word(k))')")
            }
            if index.isPunct(k, 0x2C) { k += 1; continue }
            guard index.tokens[k].isWordLike, index.alias(k) == nil, !index.has(k, .negation) else { return nil }
            k += 1
        }
        return nil
    }

    /// Adverbs of the other languages that name the phone: "telefonisch", "telefonicamente", "telefónicamente".
    static let foreignChannelAdverbs = WordSet(["telefonisch", "telefonicamente", "telefónicamente", "téléphoniquement",
                                                "telefonicamente"])
    /// Verbs of talking or reaching in the other languages, which open `foreignOffline`.
    static let foreignTalkVerbs = WordSet(["falar", "hablar", "parler", "sprechen", "reden", "parlare", "conversar",
                                           "contactar", "contatar", "contacter", "kontaktieren", "contattare", "falamos",
                                           "hablamos", "parlons", "sentirci", "escribir", "escrever", "écrire",
                                           "schreiben", "scrivere", "llamar", "ligar", "appeler", "anrufen", "chiamare"])

    /// "Qual é o melhor jeito de falar contigo fora daqui?", "¿Podemos hablar fuera de la plataforma?": a verb of
    /// talking in the other languages followed within four words by their "outside" and a place or the clause's end
    /// (not "¿Podemos hablar fuera del horario de oficina?", outside a time), in a question or proposal.
    private func foreignOffline(_ t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard index.isWord(t, Self.foreignTalkVerbs), cues.question(t) || cues.proposal(before: t) else { return nil }
        let clause = index.clause(of: t)
        for k in (t + 1)..<min(clause.upperBound, t + 5) where index.has(k, .offline) && !index.isWord(k, W.adverbMoves) {
            var j = k + 1
            while j < clause.upperBound && j <= k + 2 && (index.isWord(j, Self.foreignOf) || index.isWord(j, Self.foreignArticles)) {
                j += 1
            }
            guard j >= clause.upperBound || index.tokens[j].kind == .punct || index.has(j, .place)
                    || index.isWord(j, Self.foreignHere) else { return nil }
            return (t, k, nil, "offline", "proposes to talk '\(index.word(k))'")
        }
        return nil
    }

    static let foreignOf = WordSet(["de", "di", "do", "da", "del", "von", "vom", "der", "d'"])
    /// The other languages' "here": "fora daqui", "fuera de aquí", "en dehors d'ici", "außerhalb von hier".
    static let foreignHere = WordSet(["daqui", "aqui", "aquí", "ici", "d'ici", "hier", "qui"])

    /// "let's zoom tomorrow", "can we skype later?": a channel used as a verb.
    private func channelVerb(_ t: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard let e = index.info(t), e.roles.contains(.contactVerb), e.roles.contains(.alias), e.contactChannel >= 0,
              t > 0, let info = lexicon.platform(e.contactChannel),
              PlatformHandleFinder(index: index).namesPlatform(t) else { return nil }  // not "could you zoom in"
        let proposed = index.isWord(t - 1, W.lets) || (index.has(t - 1, .subject) && t > 1 && index.has(t - 2, .modal))
            || (index.has(t - 1, .modal) && t > 1 && index.has(t - 2, .subject)) || index.isWord(t - 1, W.channelVerbLead)
        guard proposed, t + 1 >= index.tokens.count || !index.has(t + 1, .object) else { return nil }
        // "I'll text the client's team": a third party is the one contacted.
        if t + 1 < index.tokens.count && index.tokens[t + 1].isWordLike
            && !index.roles(t + 1).isDisjoint(with: [.article, .my, .your]) { return nil }
        return (t - 1, t, info.slug, "channel_verb", "proposes to \(info.slug)")
    }

    /// The channel named at `k` after at most two adjectives ("a personal number", "a good email"), with its token,
    /// in a question whether the other side has one or an ask for one: a strong or placed name, or a weak one ("a
    /// number", "a mail") followed by a verb of contact in the clause of `anchor` ("… a number I could call").
    private func channelAsked(from start: Int, clauseOf anchor: Int, _ index: TextIndex)
        -> (token: Int, info: Platform, strength: AliasStrength)? {
        var k = start
        var adjectives = 0
        while adjectives < 2 && (index.has(k, .personal) || index.isWord(k, Self.choiceAdjectives)) && channel(k, index) == nil {
            k += 1
            adjectives += 1
        }
        guard k < index.tokens.count, let (id, strength) = index.alias(k), let info = lexicon.platform(id),
              info.kind != .paymentAccount, channel(k, index) != nil || strength == .weak else { return nil }
        let clause = index.clause(of: anchor)
        if strength != .strong && !((k + 1)..<clause.upperBound).contains(where: { index.has($0, .contactVerb)
            || index.isWord($0, Self.tryWords) }) {
            return nil
        }
        return (k, info, strength)
    }

    /// "is there a number I can try on weekends?": trying a number is calling it.
    static let tryWords = WordSet(["try", "dial"])

    /// Verbs that hand over a detail, and their -ing forms ("would you mind sharing …").
    static let sharingVerbs = WordSet(["share", "sharing", "send", "sending", "give", "giving", "provide", "providing",
                                       "leave", "leaving", "drop", "pass", "passing"])
    static let meUs = WordSet(["me", "us"])

    /// "Would you mind sharing a number where I could reach you?", "could you send me an email address I can write
    /// to?", "please share a WhatsApp number": a detail of the other side asked for with an indefinite article. A
    /// weak name ("a number", "an address") needs a verb of contact after it in the clause ("can you share a number
    /// for the budget?" asks for none).
    private func indefiniteAsk(_ v: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard cues.question(v) || cues.imperative(v) || cues.proposal(before: v) else { return nil }
        var k = v + 1
        if index.isWord(k, Self.meUs) { k += 1 }
        guard index.isWord(k, Self.anyArticles), let (c, info, strength) = channelAsked(from: k + 1, clauseOf: v, index)
        else { return nil }
        k = c
        // "send me a Zoom invite for the call": a thing on the channel, not the other side's detail.
        if index.isWord(k + 1, Self.callNouns) || (strength == .strong && cues.modifiesNext(k)
                                                  && !index.has(k + 1, .channelNoun)) { return nil }
        var end = k
        if k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) { end = k + 1 }
        return (v, end, info.slug, "ask", "asks for a \(info.slug) of the other side's")
    }

    /// "I can send you my WhatsApp", "let me give you my number"
    private func offer(_ v: Int, _ index: TextIndex, _ cues: ClauseCues) -> Match? {
        guard index.isWord(v, W.offerVerbs) else { return nil }
        guard cues.proposal(before: v) || cues.imperative(v) || cues.question(v) else { return nil }
        var k = v + 1
        if k < index.tokens.count && index.has(k, .object) { k += 1 }
        guard k < index.tokens.count, index.has(k, .my), !index.isWord(k, W.me) else { return nil }
        k += 1
        var adjectives = 0
        while k < index.tokens.count && adjectives < 2 && index.has(k, .personal) && channel(k, index) == nil { k += 1; adjectives += 1 }
        guard k < index.tokens.count, let (platform, _) = channel(k, index) else { return nil }
        var end = k
        if k + 1 < index.tokens.count && index.has(k + 1, .channelNoun) { end = k + 1 }
        return (v, end, platform, "offer", "offers the sender's \(platform ?? "contact")")
    }
}
