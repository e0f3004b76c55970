/// One cheap pass over the bytes of a text that decides whether it can hold a finding
/// at all. Most chat messages hold none; they skip the normalizer and every recognizer.
///
/// It may pass a text that holds nothing (a false positive costs time), never hide one
/// that holds something (a test runs every labeled positive through it). It passes a
/// text when it sees any of:
/// - `@`;
/// - a dot between a letter or digit and a known top-level domain, a punycode or
///   non-Latin label ("acme.de", "gmail.сом"), or a bracketed dot ("(.)");
/// - a run of at least five digits whose gaps are at most four non-alphanumeric
///   characters long ("555 🔹 01 99"), spelled-out number words counting as digits;
/// - an alphanumeric run of 25 or more characters (crypto addresses, IBANs);
/// - a lexicon trigger word: a platform or channel name (split or not: "sk-ype"), an
///   offline or fee word, "dot", a mailbox provider, "live:";
/// - a digit anywhere together with a street word, a street-name ending or a PO-box word.
///
/// Text is read as the normalizer would read it: invisible characters skipped,
/// full-width forms and digits of every script folded to ASCII, homoglyphs folded to
/// Latin letters (everywhere, which only adds false positives).
public struct Prefilter: Sendable {
    let words: WordAutomaton
    let fold: ScalarFold
    let tldHashes: Set<UInt64>
    /// Street-name endings, as UTF-8 and as one byte per character (folded text).
    let streetSuffixes: [[UInt8]]

    /// The shortest digit run that can be a phone number or an account (see the
    /// phone engine's contract in docs/DETECTOR.md).
    static let minimumDigits = 5
    static let maximumDigitGap = 4
    static let longTokenLength = 25

    public init(lexicon: Lexicon) {
        words = lexicon.words
        fold = ScalarFold(homoglyphs: lexicon.homoglyphs)
        tldHashes = lexicon.tlds.asciiHashes
        var suffixes: [[UInt8]] = []
        for s in lexicon.streetSuffixes {
            suffixes.append(s)
            let latin1 = LexiconKey.latin1Bytes(String(decoding: s, as: UTF8.self))
            if latin1 != s { suffixes.append(latin1) }
        }
        streetSuffixes = suffixes
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
    /// their own byte; other letters 0x80; separators one space per cluster.
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
                if !lastWasSeparator { out.append(0x20) }
                lastWasSeparator = true
                continue
            }
            lastWasSeparator = false
        }
        return out
    }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool { ASCII.isLetter(b) || b >= 0x80 }

    /// `folded` is false for ASCII text read as is, true for text made by `foldText`.
    private func scan(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let n = p.count
        var clusterDigits = 0
        var gap = Int.max / 2
        var sawDigit = false
        var sawStreetWord = false
        var i = 0
        while i < n {
            let b = p[i]
            if ASCII.isDigit(b) {
                if gap > Self.maximumDigitGap { clusterDigits = 0 }
                clusterDigits += 1
                gap = 0
                sawDigit = true
                if clusterDigits >= Self.minimumDigits { return true }
                i += 1
                continue
            }
            if Self.isLetter(b) {
                // An alphanumeric run: its length, and a lexicon walk at each letter start.
                var runStart = i
                while runStart > 0 && (ASCII.isAlnum(p[runStart - 1]) || (folded && p[runStart - 1] >= 0x80)) {
                    runStart -= 1
                }
                var j = i
                while j < n && Self.isLetter(p[j]) { j += 1 }
                var runEnd = j
                while runEnd < n && (ASCII.isAlnum(p[runEnd]) || (folded && p[runEnd] >= 0x80)) { runEnd += 1 }
                if runEnd - runStart >= Self.longTokenLength { return true }

                var numberDigits = 0
                if let m = words.longestMatch(p, from: i, isWordByte: { k in
                    ASCII.isAlnum(p[k]) || (folded ? p[k] >= 0x80 : false)
                }) {
                    let e = words.entries[Int(m.entry)]
                    if e.isTrigger { return true }
                    if e.roles.contains(.alias) && e.strength == .noun && nextWordIsChannelNoun(p, after: m.end, folded: folded) {
                        return true
                    }
                    if e.roles.contains(.liveWord) && m.end < n && p[m.end] == 0x3A { return true }
                    if e.roles.contains(.streetAfterName) || e.roles.contains(.streetBeforeName)
                        || e.roles.contains(.poBoxWord) { sawStreetWord = true }
                    if e.roles.contains(.numberWord) {
                        numberDigits = e.repeatCount > 0 ? e.repeatCount - 1 : e.digits.count
                    }
                }
                if numberDigits > 0 {
                    if gap > Self.maximumDigitGap { clusterDigits = 0 }
                    clusterDigits += numberDigits
                    gap = 0
                    sawDigit = true
                    if clusterDigits >= Self.minimumDigits { return true }
                } else {
                    clusterDigits = 0
                    gap = Int.max / 2
                }
                i = j
                continue
            }
            if b == 0x40 { return true }
            if b == 0x2E, let outcome = dotOutcome(p, i, folded: folded), outcome { return true }
            gap += 1
            i += 1
        }
        if sawDigit && (sawStreetWord || hasStreetSuffix(p, folded: folded)) { return true }
        return false
    }

    /// "LINE id", "LINE: …": a noun-only platform name counts when a channel noun or a
    /// colon follows.
    private func nextWordIsChannelNoun(_ p: UnsafeBufferPointer<UInt8>, after end: Int, folded: Bool) -> Bool {
        var j = end
        while j < p.count && (p[j] == 0x20 || p[j] == 0x2D) { j += 1 }
        guard j < p.count else { return false }
        if p[j] == 0x3A { return true }
        guard Self.isLetter(p[j]) else { return false }
        let m = words.longestMatch(p, from: j) { k in ASCII.isAlnum(p[k]) || (folded && p[k] >= 0x80) }
        return m.map { words.entries[Int($0.entry)].roles.contains(.channelNoun) } ?? false
    }

    /// A dot that may start a domain's last label, or a bracketed dot.
    @inline(__always)
    private func dotOutcome(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, folded: Bool) -> Bool? {
        let n = p.count
        guard i + 1 < n else { return nil }
        let after = p[i + 1]
        if after == 0x29 || after == 0x5D || after == 0x7D { return true }
        guard i > 0, ASCII.isAlnum(p[i - 1]) || (folded && p[i - 1] >= 0x80), Self.isLetter(after) else { return nil }
        var j = i + 1
        var nonASCII = false
        while j < n && (ASCII.isAlnum(p[j]) || p[j] == 0x2D || p[j] >= 0x80) {
            if p[j] >= 0x80 || (folded && p[j] &- 0x41 < 26) { nonASCII = true }
            j += 1
        }
        if nonASCII { return true }
        let label = UnsafeBufferPointer(rebasing: p[(i + 1)..<j])
        if label.count >= 4 && ASCII.lower(label[0]) == 0x78 && ASCII.lower(label[1]) == 0x6E
            && label[2] == 0x2D && label[3] == 0x2D { return true }
        return tldHashes.contains(TopLevelDomains.hash(label))
    }

    /// Whether some word ends with a street-name ending ("…straße", "…straat").
    private func hasStreetSuffix(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            guard Self.isLetter(p[i]) else { i += 1; continue }
            var j = i
            while j < n && Self.isLetter(p[j]) { j += 1 }
            for s in streetSuffixes where j - i > s.count + 1 {
                var k = 0
                while k < s.count && ASCII.lower(p[j - s.count + k]) == s[k] { k += 1 }
                if k == s.count { return true }
            }
            i = j
        }
        return false
    }
}
