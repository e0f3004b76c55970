/// One cheap pass over the bytes of a text that decides whether it can hold a finding
/// at all. Most chat messages hold none; they skip the normalizer and every recognizer.
///
/// It may pass a text that holds nothing (a false positive costs time), never hide one
/// that holds something (a test runs every labeled positive through it, and checks on
/// every corpus text that the recognizers find nothing where it rejects). It passes a
/// text when it sees any of:
/// - `@`;
/// - a dot between a letter or digit and a known top-level domain, a punycode or
///   non-Latin label ("acme.de", "gmail.сом"), or a bracketed dot ("(.)");
/// - a run of at least five digits whose gaps are at most four non-alphanumeric
///   characters long ("555 🔹 01 99"), spelled-out number words counting as digits —
///   unless the run is a date ("2024-03-15", "15/03/2024 10:30") or follows a currency
///   sign or "#" ("$12,500.00", "#10234");
/// - an alphanumeric run of 25 or more characters (crypto addresses, IBANs);
/// - a lexicon trigger word: a platform or channel name (split or not: "sk-ype"), an
///   offline or fee word, "dot", a mailbox provider, "live:";
/// - a digit anywhere together with a street word, a possible street-name ending or a
///   PO-box word.
///
/// Text is read as the normalizer reads it: invisible characters skipped, full-width
/// forms and digits of every script folded to ASCII, homoglyphs folded to Latin
/// letters (everywhere, which only adds false positives). Lexicon words are matched
/// from every word start, also across single joiners ("s k y p e"), which finds at
/// least every word the recognizers' tokenizer can match.
public struct Prefilter: Sendable {
    let words: WordAutomaton
    let fold: ScalarFold
    let tldHashes: Set<UInt64>
    /// Bit set of hashes of the last three letters of street-name endings.
    let suffixTails: [UInt64]
    /// What each lexicon word means to the prefilter, packed (see `Fact`).
    let facts: [UInt32]

    /// Bits of `facts`: the low byte holds a number word's digit count.
    enum Fact {
        static let trigger: UInt32 = 1 << 8
        static let joinable: UInt32 = 1 << 9
        static let live: UInt32 = 1 << 10
        static let nounAlias: UInt32 = 1 << 11
        static let channelNoun: UInt32 = 1 << 12
        static let street: UInt32 = 1 << 13
        static let number: UInt32 = 1 << 14
    }

    static let minimumDigits = 5
    static let maximumDigitGap = 4
    static let longTokenLength = 25
    static let maximumWalks = 6
    /// Walks keep their automaton state in the low bits; this bit marks a walk that
    /// started on letters glued to digits.
    static let gluedBit: Int32 = 1 << 28
    static let stateMask: Int32 = (1 << 28) - 1

    public init(lexicon: Lexicon) {
        words = lexicon.prefilterWords
        fold = ScalarFold(homoglyphs: lexicon.homoglyphs)
        tldHashes = lexicon.tlds.asciiHashes
        var tails = [UInt64](repeating: 0, count: 1 << 10)
        for s in lexicon.streetSuffixes {
            for form in [s, LexiconKey.latin1Bytes(String(decoding: s, as: UTF8.self))] where form.count >= 3 {
                let h = Self.tailHash(form[form.count - 3], form[form.count - 2], form[form.count - 1])
                tails[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        suffixTails = tails
        facts = lexicon.words.entries.map { e in
            var f: UInt32 = 0
            if e.isTrigger { f |= Fact.trigger }
            if e.joinable { f |= Fact.joinable }
            if e.roles.contains(.liveWord) { f |= Fact.live }
            if e.roles.contains(.alias) && e.strength == .noun { f |= Fact.nounAlias }
            if e.roles.contains(.channelNoun) { f |= Fact.channelNoun }
            if !e.roles.isDisjoint(with: [.streetAfterName, .streetBeforeName, .poBoxWord]) { f |= Fact.street }
            if e.roles.contains(.numberWord) {
                f |= Fact.number | UInt32(e.repeatCount > 0 ? e.repeatCount - 1 : e.digits.count)
            }
            return f
        }
    }

    @inline(__always)
    static func tailHash(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
        let x = (Int(ASCII.lower(a)) &* 961 &+ Int(ASCII.lower(b)) &* 31 &+ Int(ASCII.lower(c))) & 0xFFFF
        return x
    }

    /// False means the text certainly holds no finding.
    public func mayContainFinding(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mayContainFinding(utf8: $0) }
    }

    func mayContainFinding(utf8 p: UnsafeBufferPointer<UInt8>) -> Bool {
        if Self.isASCII(p) { return scan(p, folded: false) }
        let folded = foldText(p)
        return folded.withUnsafeBufferPointer { scan($0, folded: true) }
    }

    /// Eight bytes at a time: most chat is ASCII and takes the direct path.
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var acc: UInt64 = 0
        while i + 8 <= p.count {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < p.count {
            acc |= UInt64(p[i])
            i += 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// One byte per scalar: ASCII lower-cased; folded letters from other scripts in
    /// UPPER case (so a domain label can tell they were not ASCII); Latin-1 letters as
    /// their own byte; other letters 0x80; currency signs "$"; other separators one
    /// space per cluster.
    private func foldText(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        var i = 0
        var lastWasSeparator = false
        while i < p.count {
            let (v, len) = UTF8Scalar.decode(p, at: i)
            i += len
            if v < 0x80 {
                out.append(ASCII.lower(UInt8(v)))
                lastWasSeparator = false
                continue
            }
            switch fold.classify(v) {
            case .invisible:
                continue
            case .fullWidth(let b):
                out.append(ASCII.isLetter(b) ? b & ~0x20 : b)
            case .digit(let b):
                out.append(b)
            case .homoglyph(let b), .styledLetter(let b):
                out.append(b & ~0x20)
            case .apostrophe:
                out.append(0x27)
            case .letter:
                if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
                    out.append(UInt8(v <= 0xDE ? v + 0x20 : v))
                } else {
                    out.append(0x80)
                }
            case .separator:
                if fold.isCurrency(v) {
                    out.append(0x24)
                } else if !lastWasSeparator {
                    out.append(0x20)
                    lastWasSeparator = true
                }
                continue
            }
            lastWasSeparator = false
        }
        return out
    }

    // MARK: The pass

    /// A run of digits being measured: the sizes of its groups and the separators
    /// between them (packed, first eight of each) decide whether it is a date.
    private struct DigitRun {
        var digits = 0
        var gap = Int.max / 2
        var ledBySign = false
        var spelled = false
        var groupCount = 0
        var groups: UInt64 = 0
        var separators: UInt64 = 0
        var currentGroup = 0
        var pendingSeparator: UInt8 = 0

        @inline(__always)
        mutating func reset() {
            digits = 0
            groupCount = 0
            groups = 0
            separators = 0
            currentGroup = 0
            ledBySign = false
            spelled = false
        }

        @inline(__always)
        mutating func addDigit() {
            if gap > 0 && digits > 0 && currentGroup > 0 {
                if groupCount < 8 {
                    groups |= UInt64(min(currentGroup, 255)) << UInt64(8 * groupCount)
                    separators |= UInt64(gap == 1 ? pendingSeparator : 1) << UInt64(8 * groupCount)
                }
                groupCount += 1
                currentGroup = 0
            }
            currentGroup += 1
            digits += 1
            gap = 0
        }

        /// Whether the finished run may be a phone number or an account.
        var counts: Bool {
            guard digits >= Prefilter.minimumDigits, !ledBySign else { return false }
            // Spelled-out digits are never a date.
            return spelled || !isDate
        }

        /// 2024-03-15, 15/03/2024, 3.15.2024, optionally followed by 10:30 or 10:30:15.
        var isDate: Bool {
            let count = groupCount + (currentGroup > 0 ? 1 : 0)
            guard count >= 3, count <= 6, groupCount < 8 else { return false }
            func group(_ k: Int) -> Int { k == groupCount ? currentGroup : Int((groups >> UInt64(8 * k)) & 0xFF) }
            func separator(_ k: Int) -> UInt8 { UInt8((separators >> UInt64(8 * k)) & 0xFF) }
            let s0 = separator(0)
            guard s0 == separator(1), s0 == 0x2D || s0 == 0x2F || s0 == 0x2E else { return false }
            let (a, b, c) = (group(0), group(1), group(2))
            guard (a == 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && c == 4) else { return false }
            if count == 3 { return true }
            // A time after a space or "T": hh:mm[:ss]
            guard separator(2) == 0x20 || separator(2) == 0x74 else { return false }
            for k in 3..<count where group(k) > 2 { return false }
            for k in 3..<(count - 1) where separator(k) != 0x3A { return false }
            return true
        }
    }

    /// `folded` is false for ASCII text read as is, true for text made by `foldText`.
    private func scan(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        words.withTables { cls, next, accept, width in
            facts.withUnsafeBufferPointer { facts in
                withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.maximumWalks) { walks in
                    scan(p, folded: folded, cls, next, accept, width, facts, walks)
                }
            }
        }
    }

    /// Walks are automaton states, negated once the walk crossed a joiner. Letters are
    /// consumed a word at a time; bytes between words decide digits, "@" and dots.
    private func scan(_ p: UnsafeBufferPointer<UInt8>, folded: Bool, _ cls: UnsafeBufferPointer<UInt8>,
                      _ next: UnsafeBufferPointer<Int32>, _ accept: UnsafeBufferPointer<Int32>, _ width: Int,
                      _ facts: UnsafeBufferPointer<UInt32>, _ walks: UnsafeMutableBufferPointer<Int32>) -> Bool {
        let n = p.count
        var walkCount = 0
        var run = DigitRun()
        var alnumStart = -1
        var sawDigit = false
        var sawStreetWord = false
        var nounAliasEnd = -1
        var previous: UInt8 = 0x20
        let apostropheClass = Int(cls[0x27])

        @inline(__always) func isLetter(_ b: UInt8) -> Bool { ASCII.isLetter(b) || (folded && b >= 0x80) }

        var i = 0
        while i < n {
            let b = p[i]
            if isLetter(b) {
                // One word: start a walk here, advance every walk through its letters.
                // Letters glued to digits ("1200x628") start no word for the tokenizer:
                // such a walk only counts number words.
                let wordStart = i
                let glued = alnumStart >= 0
                if alnumStart < 0 { alnumStart = i }
                if walkCount >= Self.maximumWalks { return true }
                walks[walkCount] = glued ? 1 | Self.gluedBit : 1
                walkCount += 1
                var j = i
                while j < n {
                    let c = p[j]
                    guard isLetter(c) else { break }
                    if walkCount > 0 {
                        let k8 = Int(cls[Int(c)])
                        var k = 0
                        while k < walkCount {
                            let raw = walks[k]
                            let s = k8 == 0 ? 0 : next[Int((raw < 0 ? -raw : raw) & Self.stateMask) * width + k8]
                            if s == 0 {
                                walkCount -= 1
                                walks[k] = walks[walkCount]
                            } else {
                                let flagged = ((raw < 0 ? -raw : raw) & Self.gluedBit) | s
                                walks[k] = raw < 0 ? -flagged : flagged
                                k += 1
                            }
                        }
                    }
                    j += 1
                }
                let end = j
                let after: UInt8 = end < n ? p[end] : 0x20
                if end - alnumStart >= Self.longTokenLength { return true }

                // What the words ending here are.
                var number = false
                var numberDigits = 0
                for k in 0..<walkCount {
                    let raw = walks[k]
                    let joined = raw < 0
                    let magnitude = joined ? -raw : raw
                    let e = accept[Int(magnitude & Self.stateMask)]
                    guard e >= 0 else { continue }
                    let f = facts[Int(e)]
                    if joined && f & Fact.joinable == 0 { continue }
                    if magnitude & Self.gluedBit != 0 {
                        if f & Fact.number != 0 && !joined {
                            number = true
                            numberDigits = max(numberDigits, Int(f & 0xFF))
                        }
                        continue
                    }
                    if f & Fact.trigger != 0 { return true }
                    if f & Fact.live != 0 && after == 0x3A { return true }
                    // "LINE id": a noun-only name, then a channel noun in a later word.
                    if f & Fact.channelNoun != 0 && nounAliasEnd >= 0 && nounAliasEnd < wordStart
                        && wordStart - nounAliasEnd < 12 { return true }
                    if f & Fact.nounAlias != 0 {
                        if after == 0x3A { return true }
                        nounAliasEnd = end
                    }
                    if f & Fact.street != 0 { sawStreetWord = true }
                    if f & Fact.number != 0 && !joined {
                        number = true
                        numberDigits = max(numberDigits, Int(f & 0xFF))
                    }
                }
                if end - wordStart >= 4 {
                    let h = Self.tailHash(p[end - 3], p[end - 2], p[end - 1])
                    if (suffixTails[h >> 6] >> UInt64(h & 63)) & 1 == 1 { sawStreetWord = true }
                }
                if number {
                    if run.gap > Self.maximumDigitGap {
                        if run.counts { return true }
                        run.reset()
                    }
                    run.digits += numberDigits
                    run.spelled = true
                    run.gap = 0
                    sawDigit = true
                } else if run.digits > 0 || run.gap != Int.max / 2 {
                    if run.counts { return true }
                    run.reset()
                    run.gap = Int.max / 2
                }

                // Walks go on across one joiner, or through an inner apostrophe, into the next word.
                if walkCount > 0 && end + 1 < n && isLetter(p[end + 1]) && (after == 0x27 || WordAutomaton.isJoiner(after)) {
                    var k = 0
                    while k < walkCount {
                        let raw = walks[k]
                        var s = (raw < 0 ? -raw : raw) & Self.stateMask
                        if after == 0x27 {
                            s = apostropheClass == 0 ? 0 : next[Int(s) * width + apostropheClass]
                        } else if s == 1 {
                            s = 0
                        }
                        if s == 0 {
                            walkCount -= 1
                            walks[k] = walks[walkCount]
                        } else {
                            walks[k] = (raw < 0 || after != 0x27) ? -s : s
                            k += 1
                        }
                    }
                    if after == 0x27 {
                        // The apostrophe joins the word's parts ("let's", "what'sapp"): the
                        // next letters extend these walks rather than start a word of their own.
                        previous = after
                        i = end + 1
                        if i < n && isLetter(p[i]) && walkCount > 0 {
                            var j2 = i
                            while j2 < n && isLetter(p[j2]) {
                                let k8 = Int(cls[Int(p[j2])])
                                var k = 0
                                while k < walkCount {
                                    let raw = walks[k]
                                    let s = k8 == 0 ? 0 : next[Int((raw < 0 ? -raw : raw) & Self.stateMask) * width + k8]
                                    if s == 0 { walkCount -= 1; walks[k] = walks[walkCount] } else { walks[k] = raw < 0 ? -s : s; k += 1 }
                                }
                                j2 += 1
                            }
                            let after2: UInt8 = j2 < n ? p[j2] : 0x20
                            for k in 0..<walkCount {
                                let raw = walks[k]
                                let e = accept[Int((raw < 0 ? -raw : raw) & Self.stateMask)]
                                guard e >= 0 else { continue }
                                let f = facts[Int(e)]
                                if raw < 0 && f & Fact.joinable == 0 { continue }
                                if f & Fact.trigger != 0 { return true }
                                if f & Fact.live != 0 && after2 == 0x3A { return true }
                            }
                            walkCount = 0
                            // The letters after the apostrophe are also a word of their own.
                        }
                        continue
                    }
                } else {
                    walkCount = 0
                }
                previous = p[end - 1]
                i = end
                continue
            }

            if ASCII.isDigit(b) {
                if alnumStart < 0 { alnumStart = i }
                if i + 1 - alnumStart >= Self.longTokenLength { return true }
                if run.gap > Self.maximumDigitGap {
                    if run.counts { return true }
                    run.reset()
                    run.ledBySign = previous == 0x24 || previous == 0x23
                }
                run.addDigit()
                sawDigit = true
                previous = b
                i += 1
                continue
            }
            alnumStart = -1
            if b == 0x40 { return true }
            if b == 0x2E && dotStartsLabel(p, i, folded: folded) { return true }
            if run.gap == 0 { run.pendingSeparator = b }
            run.gap += 1
            previous = b
            i += 1
        }
        if run.counts { return true }
        return sawDigit && sawStreetWord
    }

    /// Whether the dotted name holding the dot at `i` starts with "www." or follows "://".
    private func hasSchemeOrWWW(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var s = i
        while s > 0 && (ASCII.isAlnum(p[s - 1]) || p[s - 1] == 0x2D || p[s - 1] == 0x2E || p[s - 1] >= 0x80) { s -= 1 }
        if s >= 3 && p[s - 1] == 0x2F && p[s - 2] == 0x2F && p[s - 3] == 0x3A { return true }
        return i - s >= 4 && ASCII.lower(p[s]) == 0x77 && ASCII.lower(p[s + 1]) == 0x77 && ASCII.lower(p[s + 2]) == 0x77
            && p[s + 3] == 0x2E
    }

    /// A dot that may start a domain's last label, or a bracketed dot.
    @inline(__always)
    private func dotStartsLabel(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, folded: Bool) -> Bool {
        let n = p.count
        guard i + 1 < n else { return false }
        let after = p[i + 1]
        if after == 0x29 || after == 0x5D || after == 0x7D { return true }
        guard i > 0, ASCII.isAlnum(p[i - 1]) || (folded && p[i - 1] >= 0x80),
              ASCII.isLetter(after) || (folded && after >= 0x80) else { return false }
        var j = i + 1
        var nonASCII = false
        while j < n && (ASCII.isAlnum(p[j]) || p[j] == 0x2D || p[j] >= 0x80) {
            if p[j] >= 0x80 || (folded && p[j] &- 0x41 < 26) { nonASCII = true }
            j += 1
        }
        if nonASCII { return true }
        // "pd.read_csv(", "obj.name=": code, unless a scheme or "www." says it is a link.
        if j < n && (p[j] == 0x5F || p[j] == 0x28 || p[j] == 0x3D) && !hasSchemeOrWWW(p, before: i) { return false }
        let label = UnsafeBufferPointer(rebasing: p[(i + 1)..<j])
        if label.count >= 4 && ASCII.lower(label[0]) == 0x78 && ASCII.lower(label[1]) == 0x6E
            && label[2] == 0x2D && label[3] == 0x2D { return true }
        return tldHashes.contains(TopLevelDomains.hash(label))
    }
}
