/// Words compared by a hash of their bytes, so recognizers can ask "is this token
/// 'at'?" thousands of times per text without building a string.
enum WordKey {
    /// FNV-1a's offset basis and prime (the tokenizer hashes words as it reads them).
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// FNV-1a over the bytes, ASCII lower-cased, a typographic apostrophe read as "'".
    @inline(__always)
    static func of(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = offset
        var i = range.lowerBound
        while i < range.upperBound {
            var b = p[i]
            if b == 0xE2 && i + 2 < range.upperBound && p[i + 1] == 0x80 && p[i + 2] == 0x99 {
                b = 0x27
                i += 2
            }
            h = (h ^ UInt64(ASCII.lower(b))) &* prime
            i += 1
        }
        return h
    }

    static func of(_ word: String) -> UInt64 {
        let bytes = Array(word.utf8)
        return bytes.withUnsafeBufferPointer { of($0, 0..<bytes.count) }
    }
}

/// A few words, looked up by key.
struct WordSet: Sendable {
    let keys: [UInt64]

    init(_ words: [String]) { keys = words.map(WordKey.of) }

    @inline(__always)
    func contains(_ key: UInt64) -> Bool {
        for k in keys where k == key { return true }
        return false
    }
}

/// The words the grammar names one by one (the classes of request_words.txt are
/// roles on tokens; these are the glue between them).
enum W {
    static let at = WordKey.of("at")
    static let dot = WordKey.of("dot")
    static let of = WordKey.of("of")
    static let to = WordKey.of("to")
    static let no = WordKey.of("no")
    static let `is` = WordKey.of("is")
    static let me = WordKey.of("me")
    static let you = WordSet(["you", "u", "ya"])
    static let meOrUs = WordSet(["me", "us"])
    static let here = WordKey.of("here")
    static let about = WordKey.of("about")
    static let how = WordKey.of("how")
    static let why = WordKey.of("why")
    static let feel = WordKey.of("feel")
    static let free = WordKey.of("free")
    static let lets = WordSet(["let's", "lets"])
    static let letWord = WordKey.of("let")
    static let possible = WordSet(["possible", "mind"])
    static let whyNot = WordSet(["not", "don't", "dont"])
    static let noMatter = WordSet(["problem", "worries", "rush", "need"])
    /// "please" and the other languages' ("stp", "svp", "bitte", "porfa").
    static let please = WordSet(["please", "pls", "plz", "stp", "svp", "bitte", "porfa", "pfv"])
    static let weakProposal = WordSet(["how", "why", "may", "might", "can", "could", "would", "should", "will", "shall",
                                       "feel", "mind", "ok", "okay", "just", "try", "possible"])
    static let meeting = WordKey.of("meeting")
    static let meetingNumberWords = WordSet(["id", "number", "code"])
    static let meetOrCode = WordSet(["meet", "code"])
    static let directly = WordSet(["directly", "privately"])
    static let adverbMoves = WordSet(["directly", "privately", "personally"])
    static let are = WordSet(["are", "r"])
    static let onUsing = WordSet(["on", "using", "in"])
    static let preferences = WordSet(["better", "easier", "faster", "quicker", "simpler", "prefer", "rather", "preferably",
                                      "convenient"])
    static let useJoinTry = WordSet(["use", "join", "try"])
    static let haveGot = WordSet(["have", "got", "get"])
    static let there = WordKey.of("there")
    static let offerVerbs = WordSet(["send", "give", "share", "pass", "drop", "add", "leave", "text", "dm"])
    static let channelVerbLead = WordSet(["we'll", "i'll"])
    static let emailContext = WordSet(["contact", "reach", "write", "address", "mail"])
    static let thirdParties = WordSet(["he", "she", "they", "it", "who", "someone", "somebody", "client", "manager"])
    static let sentAdjectives = WordSet(["quick", "short", "connection", "friend"])
    static let sentVerbs = WordSet(["sent", "left"])
    static let callVerbs = WordSet(["called", "tried"])
    static let called = WordKey.of("called")
    static let received = WordSet(["get", "see", "receive", "read", "got", "saw", "received"])
    /// Between a fee-avoiding verb and the fee: "skip the platform's fee", "save us both the commission".
    static let feeFillers = WordSet(["on", "'s", "s", "their", "any", "all", "those", "these", "extra", "us", "both",
                                     "you", "u", "me", "ourselves", "yourself", "lot", "of", "bit",
                                     // the other languages' articles: "evitare la commissione", "die Gebühr sparen"
                                     "la", "le", "les", "el", "los", "las", "die", "der", "den", "il", "i", "o", "os",
                                     "della", "del", "de"])
    static let settledPaymentVerbs = WordSet(["accept", "take", "prefer", "use", "receive"])
    static let moneyVerbs = WordSet(["send", "sending", "transfer", "transferring"])
    static let accountFillers = WordSet(["is", "id", "account", "email", "address", "me", "at", "to"])
    static let handlePrepositions = WordSet(["on", "at", "via", "in"])
    static let idWords = WordSet(["id", "username", "handle", "user", "nick", "nickname"])
}
