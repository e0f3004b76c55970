/// Chat messages often leave out the full stop before a sign-off: "what is your Skype
/// Talk soon", "Skype ID anna_k Have a nice day!". A capitalised sign-off or greeting
/// word, or an emoji, after a name or an identifier starts a new sentence.
enum SentenceStart {
    static let signOffs = WordSet(["thanks", "thank", "thx", "talk", "looking", "have", "cheers", "hope", "see", "bye",
                                   "regards", "best", "speak", "chat", "let", "please", "ok", "okay", "great", "cool",
                                   "sorry"])

    /// Whether token `k` is a capitalised sign-off word.
    static func isSignOff(_ k: Int, _ index: TextIndex) -> Bool {
        k >= 0 && k < index.tokens.count && index.text.wasUppercase(index.tokens[k].start) && index.isWord(k, signOffs)
    }

    /// Whether the text after byte `i` (past spaces) starts a new sentence this way.
    static func follows(_ i: Int, _ index: TextIndex) -> Bool {
        let p = index.bytes
        var j = i
        while j < p.count && p[j] == 0x20 { j += 1 }
        guard j < p.count, j > i else { return false }
        let k = index.token(at: j)
        guard k < index.tokens.count, index.tokens[k].start == j else { return false }
        if index.tokens[k].kind == .punct && index.tokens[k].byte == 0x80 { return true }  // an emoji or symbol
        return isSignOff(k, index)
    }
}
