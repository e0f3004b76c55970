/// One reading of a normalized text shared by every recognizer: its words with their
/// lexicon entries, where clauses end, its links and its platform handles. The
/// detector builds it once per text; each part is worked out on first use.
final class TextIndex {
    struct Token {
        enum Kind: UInt8 { case word, number, mixed, punct, newline }
        var start: Int
        var end: Int
        /// `WordKey` of the token's bytes.
        var key: UInt64
        /// Index into the lexicon's word entries, or -1.
        var entry: Int32
        var kind: Kind
        /// For punctuation: the ASCII byte, or 0x80 for a non-ASCII symbol.
        var byte: UInt8
        var spaceBefore: Bool

        var range: Range<Int> { start..<end }
        var isWordLike: Bool { kind == .word || kind == .number || kind == .mixed }
    }

    let text: NormalizedText
    let lexicon: Lexicon
    /// Whether the findings will show why they matched (`--explain`): explanations that are built
    /// from the text (interpolated words, platform names) are made only then.
    let explain: Bool
    let tokens: [Token]
    private let wordInfo: [WordInfo]
    /// Every role some token has: a recognizer whose words are all absent stops early.
    let presentRoles: WordRoles
    /// What kind of tokens the text has at all.
    let hasAt: Bool, hasAtWord: Bool, hasNumber: Bool, hasMixed: Bool, hasDot: Bool
    /// A token of 26 characters or more (crypto addresses).
    let hasLong: Bool
    /// For each token, the first and one-past-last token of its clause.
    private let clauseLower: [Int32]
    private let clauseUpper: [Int32]

    /// The arrays an index is built in. The detector keeps them from one text to the
    /// next (`storage` of the index before, once that index is gone, is unshared), so
    /// that their memory is reused instead of allocated and freed per text. The fields
    /// stay `let`: a `var` of a class is checked for exclusive access at every read,
    /// which cost more than the allocations.
    struct Storage {
        var tokens: [Token] = []
        var clauseLower: [Int32] = []
        var clauseUpper: [Int32] = []
    }

    convenience init(_ text: NormalizedText, lexicon: Lexicon, explain: Bool = true) {
        var storage = Storage()
        self.init(text, lexicon: lexicon, storage: &storage, explain: explain)
    }

    /// Reads `text` into the arrays of `storage` (moved out of it).
    init(_ text: NormalizedText, lexicon: Lexicon, storage: inout Storage, explain: Bool = true) {
        self.text = text
        self.lexicon = lexicon
        self.explain = explain
        wordInfo = lexicon.wordInfo
        var tokens = storage.tokens
        var lower = storage.clauseLower
        var upper = storage.clauseUpper
        storage = Storage()
        text.bytes.withUnsafeBufferPointer { Self.tokenize($0, lexicon.words, into: &tokens) }
        self.tokens = tokens
        var roles: WordRoles = []
        var hasAt = false, hasAtWord = false, hasNumber = false, hasMixed = false, hasLong = false
        let atKey = W.at
        for tok in tokens {
            if tok.entry >= 0 { roles.formUnion(wordInfo[Int(tok.entry)].roles) }
            if tok.end - tok.start >= 26 { hasLong = true }
            switch tok.kind {
            case .punct:
                if tok.byte == 0x40 { hasAt = true }
            case .number: hasNumber = true
            case .mixed: hasMixed = true
            case .word: if tok.key == atKey { hasAtWord = true }
            case .newline: break
            }
        }
        presentRoles = roles
        self.hasAt = hasAt
        self.hasAtWord = hasAtWord
        self.hasNumber = hasNumber
        self.hasMixed = hasMixed
        // From the bytes: a dot may sit inside a split platform name ("linktr.ee").
        self.hasDot = text.bytes.contains(0x2E)
        self.hasLong = hasLong
        let count = tokens.count
        // Sized by a copy (every entry is written below before it is read).
        lower.removeAll(keepingCapacity: true)
        upper.removeAll(keepingCapacity: true)
        FreshArray.appendCounting(from: 0, count: count, to: &lower)
        FreshArray.appendCounting(from: 0, count: count, to: &upper)
        tokens.withUnsafeBufferPointer { tokens in
            lower.withUnsafeMutableBufferPointer { lower in
                upper.withUnsafeMutableBufferPointer { upper in
                    var start = 0
                    for t in 0..<count {
                        lower[t] = Int32(start)
                        if Self.endsClause(tokens, t) {
                            for k in start...t { upper[k] = Int32(t) }
                            // A boundary token belongs to no clause of its own: it ends the one before.
                            lower[t] = Int32(start)
                            start = t + 1
                        }
                    }
                    for k in start..<count { upper[k] = Int32(count) }
                }
            }
        }
        clauseLower = lower
        clauseUpper = upper
    }

    /// The arrays of this index, to build the next one in (unshared once this one is gone).
    var storage: Storage { Storage(tokens: tokens, clauseLower: clauseLower, clauseUpper: clauseUpper) }

    var bytes: [UInt8] { text.bytes }

    lazy var links: [Link] = hasDot ? LinkScanner(lexicon: lexicon).links(in: text.bytes) : []
    /// Handles need a platform named, or Skype's "live:".
    lazy var handles: [PlatformHandle] = presentRoles.contains(.alias) || presentRoles.contains(.liveWord)
        ? PlatformHandleFinder(index: self).find() : []

    // MARK: Words

    /// What the lexicon says of token `t`, or nil.
    @inline(__always)
    func info(_ t: Int) -> WordInfo? {
        guard t >= 0 && t < tokens.count else { return nil }
        let e = tokens[t].entry
        return e >= 0 ? wordInfo[Int(e)] : nil
    }

    @inline(__always)
    func roles(_ t: Int) -> WordRoles { info(t)?.roles ?? [] }

    @inline(__always)
    func has(_ t: Int, _ role: WordRoles) -> Bool { roles(t).contains(role) }

    /// The alias platform of a token, or nil.
    @inline(__always)
    func alias(_ t: Int) -> (platform: Int32, strength: AliasStrength)? {
        guard let i = info(t), i.roles.contains(.alias) else { return nil }
        return (i.platform, i.strength)
    }

    @inline(__always)
    func isWord(_ t: Int, _ key: UInt64) -> Bool { t >= 0 && t < tokens.count && tokens[t].key == key }

    @inline(__always)
    func isWord(_ t: Int, _ set: WordSet) -> Bool { t >= 0 && t < tokens.count && set.contains(tokens[t].key) }

    func isPunct(_ t: Int, _ byte: UInt8) -> Bool {
        t >= 0 && t < tokens.count && tokens[t].kind == .punct && tokens[t].byte == byte
    }

    func string(_ r: Range<Int>) -> String { String(decoding: text.bytes[r], as: UTF8.self) }

    /// Whether the scalar starting at byte `i` is a letter (ASCII or not).
    func isLetter(at i: Int) -> Bool {
        let b = text.bytes[i]
        if b < 0x80 { return ASCII.isLetter(b) }
        return text.bytes.withUnsafeBufferPointer { UTF8Scalar.isLetter($0, at: i) }
    }

    /// Where the scalar ending just before byte `i` starts.
    func scalarStart(before i: Int) -> Int {
        var s = i - 1
        while s > 0 && text.bytes[s] & 0xC0 == 0x80 { s -= 1 }
        return s
    }

    func word(_ t: Int) -> String { string(tokens[t].range) }

    /// The token whose range holds byte `i`, or the next one.
    func token(at i: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].end <= i { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    // MARK: Clauses

    /// Whether token `t` ends a clause: a line break, or `.` `!` `?` `;` followed by a
    /// space or the end (a dot inside "wa.me" ends nothing).
    private static func endsClause(_ tokens: UnsafeBufferPointer<Token>, _ t: Int) -> Bool {
        let tok = tokens[t]
        if tok.kind == .newline { return true }
        guard tok.kind == .punct else { return false }
        switch tok.byte {
        case 0x21, 0x3F, 0x3B: return true
        case 0x2E: return t + 1 >= tokens.count || tokens[t + 1].spaceBefore || tokens[t + 1].kind == .newline
        default: return false
        }
    }

    /// How far the grammar looks on either side of a word: its cues are local, and a
    /// message without punctuation must not make every word look at every other.
    static let reach = 24

    /// The tokens of the clause holding token `t` (boundary tokens excluded), at most
    /// `reach` tokens on either side of it.
    @inline(__always)
    func clause(of t: Int) -> Range<Int> {
        guard t >= 0 && t < tokens.count else { return t..<t }
        let lower = max(Int(clauseLower[t]), t - Self.reach)
        let upper = min(Int(clauseUpper[t]), t + Self.reach + 1)
        return lower..<max(lower, upper)
    }

    // MARK: Tokenizing

    private static func tokenize(_ p: UnsafeBufferPointer<UInt8>, _ words: WordAutomaton, into out: inout [Token]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(p.count / 4 + 1)
        words.withLetterWords { letterWords in
            tokenize(p, words, letterWords, wholeWords: true, into: &out)
        }
    }

    /// The tokens of `text` with the walk of the automaton at every word (`wholeWords`
    /// false: the slow reference of the tokenizer's whole-word path, for the tests).
    static func tokens(of text: NormalizedText, _ words: WordAutomaton, wholeWords: Bool) -> [Token] {
        var out: [Token] = []
        text.bytes.withUnsafeBufferPointer { p in
            words.withLetterWords { letterWords in
                tokenize(p, words, letterWords, wholeWords: wholeWords, into: &out)
            }
        }
        return out
    }

    private static func tokenize(_ p: UnsafeBufferPointer<UInt8>, _ words: WordAutomaton,
                                 _ lw: WordAutomaton.LetterWords, wholeWords: Bool, into out: inout [Token]) {
        let n = p.count
        var i = 0
        var space = true
        func isWordByte(_ j: Int) -> Bool {
            let b = p[j]
            if b < 0x80 { return ASCII.isAlnum(b) }
            return UTF8Scalar.isLetter(p, at: j)
        }
        while i < n {
            let b = p[i]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                space = true
                i += 1
                continue
            }
            if b == 0x0A {
                out.append(Token(start: i, end: i + 1, key: 0, entry: -1, kind: .newline, byte: b, spaceBefore: true))
                space = true
                i += 1
                continue
            }
            if wholeWords && (b | 0x20) &- 0x61 < 26 {
                // A word of ASCII letters ending on ASCII that is no letter, digit or
                // apostrophe before a letter (most words): its key in one pass and its
                // state in one probe (`LetterWords`) instead of a walk letter by letter,
                // which waited on a load and a branch at every letter. The walk's one step
                // after the word (into the byte after it, or across a joiner into the next
                // word) is tested directly; where it goes on, the walk resumes there.
                var e = i &+ 1
                var key = (WordKey.offset ^ UInt64(b | 0x20)) &* WordKey.prime
                while e < n {
                    let c = p[e]
                    guard (c | 0x20) &- 0x61 < 26 else { break }
                    key = (key ^ UInt64(c | 0x20)) &* WordKey.prime
                    e &+= 1
                }
                var plainEnd = true
                if e < n {
                    let c = p[e]
                    plainEnd = c < 0x80 && c &- 0x30 >= 10 && !(c == 0x27 && e &+ 1 < n && ASCII.isLetter(p[e &+ 1]))
                }
                if plainEnd {
                    let state = lw.state(key: key, p, i, e)
                    let entry = state == 0 ? -1 : lw.accept[state]
                    var walkGoesOn = false
                    if state != 0 && e < n {
                        // `c` is ASCII here (`plainEnd`); `steps(_:on:)` reads a small
                        // table by state, not the transitions' row.
                        let c = p[e]
                        if lw.classOf[Int(c)] != 0 {
                            walkGoesOn = lw.steps(state, on: c)
                        } else if WordAutomaton.isJoiner(c) && e &+ 1 < n {
                            let d = p[e &+ 1]
                            if lw.classOf[Int(d)] != 0 && d != 0x27 {
                                walkGoesOn = d >= 0x80 || lw.steps(state, on: d)
                            }
                        }
                    }
                    var end = e
                    var found = entry < 0 ? -1 : entry
                    if walkGoesOn {
                        // The walk from the word's end, as `longestMatch` would go on from there.
                        let m = words.longestMatch(p, resumingAt: e, state: state,
                                                   best: entry >= 0 ? WordAutomaton.Match(end: e, entry: entry) : nil,
                                                   isWordByte: isWordByte)
                        if let m {
                            end = m.end
                            found = m.entry
                        }
                    }
                    out.append(Token(start: i, end: end, key: end == e ? key : WordKey.of(p, i..<end), entry: found,
                                     kind: .word, byte: 0, spaceBefore: space))
                    i = end
                    space = false
                    continue
                }
            }
            let letter = ASCII.isLetter(b) || (b >= 0x80 && UTF8Scalar.isLetter(p, at: i))
            if letter && !ASCII.isDigit(b) {
                if let m = words.longestMatch(p, from: i, isWordByte: isWordByte) {
                    out.append(Token(start: i, end: m.end, key: WordKey.of(p, i..<m.end), entry: m.entry, kind: .word,
                                     byte: 0, spaceBefore: space))
                    i = m.end
                    space = false
                    continue
                }
            }
            if letter || ASCII.isDigit(b) {
                // One pass for the word's end, its kind and its key (`wordEnd`, then
                // `WordKey.of`, as the ASCII bytes go; a non-ASCII letter is hashed
                // byte by byte as `WordKey.of` does: it holds no "’").
                var e = i
                var digits = 0, others = 0
                var key: UInt64 = WordKey.offset
                while e < n {
                    let c = p[e]
                    if c < 0x80 {
                        if ASCII.isDigit(c) {
                            digits &+= 1
                        } else if ASCII.isLetter(c) || (c == 0x27 && e &+ 1 < n && ASCII.isLetter(p[e &+ 1])) {
                            others &+= 1
                        } else {
                            break
                        }
                        key = (key ^ UInt64(ASCII.lower(c))) &* WordKey.prime
                        e &+= 1
                        continue
                    }
                    guard UTF8Scalar.isLetter(p, at: e) else { break }
                    let end = e &+ UTF8Scalar.decode(p, at: e).length
                    while e < end {
                        key = (key ^ UInt64(p[e])) &* WordKey.prime
                        others &+= 1
                        e &+= 1
                    }
                }
                let kind: Token.Kind = others == 0 ? .number : (digits == 0 ? .word : .mixed)
                out.append(Token(start: i, end: e, key: key, entry: -1, kind: kind, byte: 0, spaceBefore: space))
                i = e
                space = false
                continue
            }
            let len = b < 0x80 ? 1 : UTF8Scalar.decode(p, at: i).length
            if b >= 0x80, UTF8Scalar.decode(p, at: i).value == 0xA0 || UTF8Scalar.decode(p, at: i).value == 0x3000 {
                space = true
                i += len
                continue
            }
            out.append(Token(start: i, end: i + len, key: WordKey.of(p, i..<(i + len)), entry: -1, kind: .punct,
                             byte: b < 0x80 ? b : 0x80, spaceBefore: space))
            i += len
            space = false
        }
    }
}

/// Recognizers that read the shared `TextIndex`; standing alone they build their own.
protocol IndexedRecognizer: Recognizer {
    var lexicon: Lexicon { get }
    func recognize(_ index: TextIndex, into candidates: inout [Candidate])
}

extension IndexedRecognizer {
    public func recognize(_ text: NormalizedText, into candidates: inout [Candidate]) {
        recognize(TextIndex(text, lexicon: lexicon), into: &candidates)
    }
}
