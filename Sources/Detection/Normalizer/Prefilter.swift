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
/// - a run of at least seven digits (five after a "+") whose gaps are at most four
///   non-alphanumeric characters long ("555 🔹 01 99"), spelled-out number words
///   counting as digits — unless the run is a date ("2024-03-15", "15/03/2024 10:30")
///   or a price or "#number" up to its first space ("$12,500.00", "#10234");
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
public final class Prefilter: Sendable {
    /// Street and PO-box words, for the exact test of street-like words in texts with a
    /// house number, and the first two letters they start with.
    let streetWords: WordAutomaton
    let streetStarts: WordStarts
    /// Channel nouns, for "LINE id".
    let channelNouns: WordAutomaton
    let fold: ScalarFold
    let tldHashes: Set<UInt64>
    /// Bit set of hashes of the last three letters of street-name endings.
    let suffixTails: [UInt64]
    /// What each lexicon word means to the prefilter, packed (see `Fact`).
    let facts: [UInt32]
    let tables: Tables
    /// False only in tests, which check that stepping a word's lone walk in a register
    /// changes no decision.
    let stepsLoneWalkInline: Bool
    /// The first screen (`PrefilterScreen.swift`), and whether it runs (false only in
    /// tests, which hold it to the exact pass).
    let screen: Screen
    let usesScreen: Bool

    /// Everything the main pass reads, laid out once in memory that lives as long as
    /// the prefilter, small enough to stay in the nearest caches: 16-bit transitions,
    /// the facts of each state's word (0 when no word ends there), letter classes, byte
    /// kinds, the first-two-letter rows and the states after three letters. Plain
    /// pointers, so the scan of each message touches no reference counts.
    final class Tables: @unchecked Sendable {
        let transitions: UnsafeMutableBufferPointer<UInt16>
        let stateFacts: UnsafeMutableBufferPointer<UInt32>
        let classes: UnsafeMutableBufferPointer<UInt8>
        let asciiKinds: UnsafeMutableBufferPointer<UInt8>
        let foldedKinds: UnsafeMutableBufferPointer<UInt8>
        /// By (a - "a") * 32 + (b - "a") for the first two ASCII letters of a word: 0 when
        /// no word of the automaton starts so, else a row of `trigramStates`.
        let bigramRows: UnsafeMutableBufferPointer<UInt16>
        /// The state after the first three ASCII letters of a word, by row * 32 + (c -
        /// "a"); 0 when no word starts so. One load replaces three steps of the walk, and
        /// most words stop there.
        let trigramStates: UnsafeMutableBufferPointer<UInt16>
        /// By state: 1 when some joinable word (a platform name that may be split, "sk
        /// ype") can still be reached from it. Only such walks are worth carrying across
        /// a joiner into the next word: a joined walk counts nothing else.
        let joinableAhead: UnsafeMutableBufferPointer<UInt8>
        let width: Int

        init(transitions: [UInt16], stateFacts: [UInt32], classes: [UInt8], asciiKinds: [UInt8], foldedKinds: [UInt8],
             bigramRows: [UInt16], trigramStates: [UInt16], joinableAhead: [UInt8], width: Int) {
            func copy<T>(_ a: [T]) -> UnsafeMutableBufferPointer<T> {
                let b = UnsafeMutableBufferPointer<T>.allocate(capacity: a.count)
                _ = b.initialize(from: a)
                return b
            }
            self.transitions = copy(transitions)
            self.stateFacts = copy(stateFacts)
            self.classes = copy(classes)
            self.asciiKinds = copy(asciiKinds)
            self.foldedKinds = copy(foldedKinds)
            self.bigramRows = copy(bigramRows)
            self.trigramStates = copy(trigramStates)
            self.joinableAhead = copy(joinableAhead)
            self.width = width
        }

        deinit {
            transitions.deallocate()
            stateFacts.deallocate()
            classes.deallocate()
            asciiKinds.deallocate()
            foldedKinds.deallocate()
            bigramRows.deallocate()
            trigramStates.deallocate()
            joinableAhead.deallocate()
        }
    }

    /// Bits of `facts`: the low byte holds a number word's digit count.
    enum Fact {
        static let trigger: UInt32 = 1 << 8
        static let joinable: UInt32 = 1 << 9
        static let live: UInt32 = 1 << 10
        static let nounAlias: UInt32 = 1 << 11
        static let channelNoun: UInt32 = 1 << 12
        static let street: UInt32 = 1 << 13
        static let number: UInt32 = 1 << 14
        static let accepting: UInt32 = 1 << 15
    }

    /// A phone number has at least seven digits, or five after a "+" ("+49-49-34"):
    /// so do all ~1,700 labeled phones of the corpus and the peer suites. A shorter run
    /// is an amount, an order or invoice number.
    static let minimumDigits = 7
    static let minimumDigitsAfterPlus = 5
    static let maximumDigitGap = 4
    static let longTokenLength = 25
    static let maximumWalks = 6
    /// Words that may be street words, remembered for the exact test at the end; with
    /// more the whole text is read again (long briefs with a number in them had more
    /// than eight, and paid for a second pass).
    static let maximumStreetCandidates = 32

    public convenience init(lexicon: Lexicon) {
        self.init(lexicon: lexicon, stepsLoneWalkInline: true)
    }

    init(lexicon: Lexicon, stepsLoneWalkInline: Bool, usesScreen: Bool = true) {
        self.stepsLoneWalkInline = stepsLoneWalkInline
        self.usesScreen = usesScreen
        streetWords = lexicon.streetWords
        streetStarts = WordStarts(lexicon.streetWords)
        channelNouns = lexicon.channelNouns
        fold = lexicon.fold
        tldHashes = lexicon.tlds.asciiHashes
        var tails = [UInt64](repeating: 0, count: 1 << 10)
        for s in lexicon.streetSuffixes {
            for form in [s, LexiconKey.latin1Bytes(String(decoding: s, as: UTF8.self))] where form.count >= 3 {
                let h = Self.tailHash(form[form.count - 3], form[form.count - 2], form[form.count - 1])
                tails[h >> 6] |= 1 << UInt64(h & 63)
            }
        }
        suffixTails = tails
        // The first two letters words of the automaton start with (`WordStarts`), and
        // the state after the first three: most words of a message fail these and are
        // skipped whole.
        let starts = WordStarts(lexicon.prefilterWords)
        var rows = [UInt16](repeating: 0, count: 32 * 32)
        var triStates = [UInt16](repeating: 0, count: 32)
        lexicon.prefilterWords.withTables { cls, next, _, width in
            for a in UInt8(ascii: "a")...UInt8(ascii: "z") {
                for b in UInt8(ascii: "a")...UInt8(ascii: "z") where starts.contains(a, b) {
                    let row = triStates.count / 32
                    rows[Int(a - 0x61) * 32 + Int(b - 0x61)] = UInt16(row)
                    triStates += [UInt16](repeating: 0, count: 32)
                    let s1 = cls[Int(a)] == 0 ? 0 : Int(next[width + Int(cls[Int(a)])])
                    let s2 = s1 == 0 || cls[Int(b)] == 0 ? 0 : Int(next[s1 * width + Int(cls[Int(b)])])
                    guard s2 != 0 else { continue }
                    for c in UInt8(ascii: "a")...UInt8(ascii: "z") where cls[Int(c)] != 0 {
                        let s3 = next[s2 * width + Int(cls[Int(c)])]
                        if s3 != 0 { triStates[row * 32 + Int(c - 0x61)] = UInt16(s3) }
                    }
                }
            }
        }
        precondition(triStates.count / 32 < 1 << 16, "too many first-two-letter rows")
        let facts: [UInt32] = lexicon.words.entries.map { e in
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
        self.facts = facts
        tables = lexicon.prefilterWords.withTables { cls, next, accept, width in
            var asciiKinds = [UInt8](repeating: 0, count: 256)
            for b in 0..<256 {
                if ASCII.isLetter(UInt8(b)) { asciiKinds[b] = 1 } else if ASCII.isDigit(UInt8(b)) { asciiKinds[b] = 2 }
            }
            var foldedKinds = asciiKinds
            for b in 0x80..<256 { foldedKinds[b] = 1 }
            precondition(next.count / width < 1 << 16, "the prefilter's automaton needs more than 16 bits of state")
            // States from which a joinable word is reachable: those accepting one, then
            // every state with a transition into such a state, until nothing changes.
            let stateCount = next.count / width
            var ahead = [UInt8](repeating: 0, count: stateCount)
            for st in 0..<stateCount where accept[st] >= 0 && facts[Int(accept[st])] & Fact.joinable != 0 { ahead[st] = 1 }
            var changed = true
            while changed {
                changed = false
                for st in 1..<stateCount where ahead[st] == 0 {
                    for c in 1..<width where ahead[Int(next[st * width + c])] != 0 && next[st * width + c] != 0 {
                        ahead[st] = 1
                        changed = true
                        break
                    }
                }
            }
            return Tables(transitions: next.map { UInt16(truncatingIfNeeded: $0) },
                          stateFacts: accept.map { $0 >= 0 ? facts[Int($0)] | Fact.accepting : 0 },
                          classes: Array(cls), asciiKinds: asciiKinds, foldedKinds: foldedKinds,
                          bigramRows: rows, trigramStates: triStates, joinableAhead: ahead, width: width)
        }
        // Every street or PO-box word of the street automaton (`isStreetWord`'s second
        // test), by a walk of its trie over the bytes it has classes for (an upper-case
        // ASCII letter read as its lower case is left out: it makes the same key).
        let streetWordSpellings: [[UInt8]] = lexicon.streetWords.withTables { cls, next, accept, width in
            var bytes: [UInt8] = []
            for x in 0..<256 {
                let b = UInt8(x)
                let sameAsLower = b &- 0x41 < 26 && cls[x] == cls[Int(b | 0x20)]
                if cls[x] != 0 && !sameAsLower { bytes.append(b) }
            }
            var found: [[UInt8]] = []
            var stack: [(state: Int, word: [UInt8])] = [(1, [])]
            while let (state, word) = stack.popLast() {
                for b in bytes {
                    let t = Int(next[state * width + Int(cls[Int(b)])])
                    guard t != 0 else { continue }
                    stack.append((t, word + [b]))
                    if accept[t] >= 0 && facts[Int(accept[t])] & Fact.street != 0 { found.append(word + [b]) }
                }
            }
            return found
        }
        screen = Screen(transitions: UnsafeBufferPointer(tables.transitions), width: tables.width,
                        classes: UnsafeBufferPointer(tables.classes), stateFacts: UnsafeBufferPointer(tables.stateFacts),
                        joinableAhead: UnsafeBufferPointer(tables.joinableAhead), streetWords: streetWordSpellings,
                        streetTails: suffixTails)
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
        let (ascii, digits) = Self.asciiAndDigits(p)
        if ascii {
            if usesScreen && screenSaysNothing(p, folded: false, digitsLikely: digits) { return false }
            return scan(p, folded: false)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count) { out in
            let count = foldText(p, into: out)
            let folded = UnsafeBufferPointer(rebasing: out[0..<count])
            if usesScreen && screenSaysNothing(folded, folded: true, digitsLikely: digits) { return false }
            return scan(folded, folded: true)
        }
    }

    /// Whether every byte is ASCII, and whether some byte is an ASCII digit (the screen's
    /// hint for where to note street words, `screenSaysNothing`), eight bytes a load, the
    /// last eight read overlapping those before.
    @inline(__always)
    static func asciiAndDigits(_ p: UnsafeBufferPointer<UInt8>) -> (ascii: Bool, digits: Bool) {
        guard let base = p.baseAddress else { return (true, false) }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        var acc: UInt64 = 0
        var digit: UInt64 = 0
        @inline(__always) func add(_ w: UInt64) {
            acc |= w
            // Bytes from "0" to "9": their high bit set by adding 0x50, not by adding 0x46.
            // Exact for ASCII text; a byte from 0x80 may carry into the next byte, which
            // only spoils the hint of a text that is not ASCII.
            digit |= (w &+ 0x5050_5050_5050_5050) & ~(w &+ 0x4646_4646_4646_4646)
        }
        var i = 0
        while i + 8 <= p.count {
            add(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if p.count >= 8 {
            add(raw.loadUnaligned(fromByteOffset: p.count - 8, as: UInt64.self))
        } else {
            var w: UInt64 = 0
            for k in 0..<p.count { w |= UInt64(p[k]) << UInt64(8 * k) }
            add(w)
        }
        return (acc & high == 0, digit & high != 0)
    }

    /// Eight bytes at a time: most chat is ASCII and takes the direct path.
    /// (Public: the policy's scanners of finding contexts take the same path.)
    public static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        // The same loads as the screen's hint; inlined, the digit test goes unused and is dropped.
        asciiAndDigits(p).ascii
    }

    /// One byte per scalar: ASCII lower-cased; folded letters from other scripts in
    /// UPPER case (so a domain label can tell they were not ASCII); Latin-1 letters as
    /// their own byte; other letters 0x80; currency signs "$"; other separators one
    /// space per cluster.
    /// Writes into `out` (room for `p.count` bytes: no scalar yields more than one)
    /// and returns the length written.
    func foldText(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        foldText(p, into: out, steps: EightBytesAStep.self)
    }

    /// `foldText` one byte at a time: the slow reference of its eight-byte steps (tests).
    func foldTextByteByByte(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int {
        foldText(p, into: out, steps: ByteAStep.self)
    }

    protocol FoldSteps { static var eightBytes: Bool { get } }
    enum EightBytesAStep: FoldSteps { static var eightBytes: Bool { true } }
    enum ByteAStep: FoldSteps { static var eightBytes: Bool { false } }

    private func foldText<S: FoldSteps>(_ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                        steps: S.Type) -> Int {
        let n = p.count
        var i = 0
        var o = 0
        var lastWasSeparator = false
        guard let src = p.baseAddress.map(UnsafeRawPointer.init), let dst = out.baseAddress.map(UnsafeMutableRawPointer.init)
        else { return 0 }
        while i < n {
            // Eight ASCII bytes at a time, upper case lowered without a branch per byte:
            // text with one emoji or accent is mostly ASCII. (`o <= i`, so the eight
            // bytes fit.)
            // Before a byte from 0x80, the ASCII bytes ahead of it the same way: all eight
            // are stored, the output moves on by as many as were ASCII (the addition may
            // carry out of a byte from 0x80, only into later bytes, not kept).
            if S.eightBytes && i &+ 8 <= n {
                let w = src.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high = w & 0x8080_8080_8080_8080
                let ascii = high == 0 ? 8 : high.trailingZeroBitCount &>> 3
                if ascii > 0 {
                    let upper = (w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525) & 0x8080_8080_8080_8080
                    dst.storeBytes(of: w | (upper >> 2), toByteOffset: o, as: UInt64.self)
                    o &+= ascii
                    i &+= ascii
                    lastWasSeparator = false
                    continue
                }
            }
            let b = p[i]
            if b < 0x80 {
                out[o] = ASCII.lower(b)
                o &+= 1
                i &+= 1
                lastWasSeparator = false
                continue
            }
            let (v, len) = UTF8Scalar.decode(p, at: i)
            i &+= len
            var byte: UInt8
            switch fold.classify(v) {
            case .invisible:
                continue
            case .fullWidth(let b):
                byte = ASCII.isLetter(b) ? b & ~0x20 : b
            case .digit(let b):
                byte = b
            case .homoglyph(let b), .styledLetter(let b):
                byte = b & ~0x20
            case .apostrophe:
                byte = 0x27
            case .letter:
                if v >= 0xC0 && v <= 0xFF && v != 0xD7 && v != 0xF7 {
                    byte = UInt8(v <= 0xDE ? v + 0x20 : v)
                } else {
                    byte = 0x80
                }
            case .separator:
                if fold.isCurrency(v) {
                    byte = 0x24
                } else if !lastWasSeparator {
                    out[o] = 0x20
                    o &+= 1
                    lastWasSeparator = true
                    continue
                } else {
                    continue
                }
            }
            out[o] = byte
            o &+= 1
            lastWasSeparator = false
        }
        return o
    }

    // MARK: The pass

    /// A run of digits being measured: the sizes of its groups and the separators
    /// between them (packed, first eight of each) decide whether it is a date.
    private struct DigitRun {
        var digits = 0
        var gap = Int.max / 2
        var ledBySign = false
        var ledByPlus = false
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
            ledByPlus = false
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
            guard digits >= (ledByPlus ? Prefilter.minimumDigitsAfterPlus : Prefilter.minimumDigits), !ledBySign else {
                return false
            }
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
            // A time after a space or "T": hh:mm[:ss]. "2012-01-02 08" is no time (and
            // libphonenumber reads it as a phone number).
            guard separator(2) == 0x20 || separator(2) == 0x74, count >= 5 else { return false }
            for k in 3..<count where group(k) > 2 { return false }
            for k in 3..<(count - 1) where separator(k) != 0x3A { return false }
            return true
        }
    }

    /// `folded` is false for ASCII text read as is, true for text made by `foldText`.
    private func scan(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let t = tables
        return withExtendedLifetime(t) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: Self.maximumWalks) { walks in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: Self.maximumStreetCandidates) { streetCandidates in
                    scan(p, folded: folded, UnsafeBufferPointer(t.transitions), t.width, UnsafeBufferPointer(t.stateFacts),
                         UnsafeBufferPointer(t.classes), UnsafeBufferPointer(folded ? t.foldedKinds : t.asciiKinds),
                         UnsafeBufferPointer(t.bigramRows), UnsafeBufferPointer(t.trigramStates),
                         UnsafeBufferPointer(t.joinableAhead), walks, streetCandidates)
                }
            }
        }
    }

    /// Where the run of letters from `start` ends, as `kinds` reads letters (ASCII
    /// letters; in folded text also every byte from 0x80), eight bytes at a time: the
    /// letters of a word no trigger starts are skipped without a branch per byte.
    @inline(__always)
    static func letterRunEnd(_ p: UnsafeBufferPointer<UInt8>, from start: Int, folded: Bool) -> Int {
        let n = p.count
        var j = start
        guard let base = p.baseAddress.map(UnsafeRawPointer.init) else { return j }
        let high: UInt64 = 0x8080_8080_8080_8080
        while j &+ 8 <= n {
            let w = base.loadUnaligned(fromByteOffset: j, as: UInt64.self)
            // Each byte's low seven bits with the case bit set: a letter is 0x61...0x7A.
            // The sums stay below 0x100 per byte, so no carry crosses into the next.
            let x = (w & ~high) | 0x2020_2020_2020_2020
            let atLeastA = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & high
            let pastZ = (x &+ 0x0505_0505_0505_0505) & high
            var letters = atLeastA & ~pastZ & ~w
            if folded { letters |= w & high }
            let others = ~letters & high
            if others != 0 { return j &+ others.trailingZeroBitCount >> 3 }
            j &+= 8
        }
        while j < n {
            let b = p[j]
            guard ASCII.isLetter(b) && b < 0x80 || (folded && b >= 0x80) else { break }
            j &+= 1
        }
        return j
    }

    /// Byte kinds of `Tables.asciiKinds` and `foldedKinds`.
    private enum Kind {
        static let other: UInt8 = 0
        static let letter: UInt8 = 1
        static let digit: UInt8 = 2
    }

    /// Walks hold an automaton state in their low bits and two flags: crossed a
    /// joiner, started on letters glued to digits.
    private static let joinedFlag: UInt32 = 1 << 31
    private static let gluedFlag: UInt32 = 1 << 30
    private static let stateBits: UInt32 = (1 << 30) - 1

    private func scan(_ p: UnsafeBufferPointer<UInt8>, folded: Bool, _ trans: UnsafeBufferPointer<UInt16>, _ width: Int,
                      _ stateFacts: UnsafeBufferPointer<UInt32>, _ cls: UnsafeBufferPointer<UInt8>,
                      _ kinds: UnsafeBufferPointer<UInt8>, _ bigramRows: UnsafeBufferPointer<UInt16>,
                      _ trigramStates: UnsafeBufferPointer<UInt16>, _ joinableAhead: UnsafeBufferPointer<UInt8>,
                      _ walks: UnsafeMutableBufferPointer<UInt32>,
                      _ streetCandidates: UnsafeMutableBufferPointer<UInt64>) -> Bool {
        let n = p.count
        var walkCount = 0
        var run = DigitRun()
        var alnumStart = -1
        var sawHouseNumber = false
        var sawSpelledDigits = false
        var streetCandidateCount = 0
        /// Street-like words are remembered from the first digit (or spelled digit) on;
        /// the words before it are read again at the end, and only when a house number
        /// was seen. Most chat has no digit and pays nothing for streets.
        var streetFrom = -1
        var previous: UInt8 = 0x20
        var previousNonSpace: UInt8 = 0x20
        let apostropheClass = Int(cls[0x27])

        /// Remembers a word that may be a street word or end like a street name: the
        /// exact test waits for the end, and only when the text has a house number.
        /// (Counters are passed `inout`, not captured: a captured variable is checked
        /// for exclusive access at run time and lives in memory, not in a register.)
        @inline(__always) func noteStreetLike(_ s: Int, _ e: Int, _ streetCandidateCount: inout Int) {
            var like = streetStarts.contains(p[s], e &- s < 2 ? 0x7B : p[s &+ 1])
            if !like && e &- s >= 4 {
                let h = Self.tailHash(p[e &- 3], p[e &- 2], p[e &- 1])
                like = (suffixTails[h >> 6] >> UInt64(h & 63)) & 1 == 1
            }
            guard like else { return }
            if streetCandidateCount < Self.maximumStreetCandidates {
                streetCandidates[streetCandidateCount] = UInt64(s) << 32 | UInt64(e)
            }
            streetCandidateCount &+= 1
        }

        /// Advances every walk by one letter class; dead walks are dropped.
        @inline(__always) func advance(_ c: Int, _ walkCount: inout Int) {
            var k = 0
            while k < walkCount {
                let w = walks[k]
                let next = c == 0 ? 0 : UInt32(trans[Int(w & Self.stateBits) &* width &+ c])
                if next == 0 {
                    walkCount &-= 1
                    walks[k] = walks[walkCount]
                } else {
                    walks[k] = (w & ~Self.stateBits) | next
                    k &+= 1
                }
            }
        }

        var i = 0
        while i < n {
            let b = p[i]
            let kind = kinds[Int(b)]
            if kind == Kind.letter {
                // A fresh word of ASCII letters: its first two or three letters decide at
                // once whether any word of the automaton can start here.
                var jumpState: UInt32 = 0
                if walkCount == 0 && i &+ 1 < n && b < 0x80 && kinds[Int(p[i &+ 1])] == Kind.letter && p[i &+ 1] < 0x80 {
                    let row = Int(bigramRows[Int((b | 0x20) &- 0x61) &* 32 &+ Int((p[i &+ 1] | 0x20) &- 0x61)])
                    var skip = row == 0
                    if !skip && i &+ 2 < n && p[i &+ 2] < 0x80 && ASCII.isLetter(p[i &+ 2]) {
                        jumpState = UInt32(trigramStates[row &* 32 &+ Int((p[i &+ 2] | 0x20) &- 0x61)])
                        skip = jumpState == 0
                    }
                    if skip {
                        if alnumStart < 0 { alnumStart = i }
                        let j = Self.letterRunEnd(p, from: i &+ 2, folded: folded)
                        if j &- alnumStart >= Self.longTokenLength { return true }
                        if streetFrom >= 0 { noteStreetLike(i, j, &streetCandidateCount) }
                        if run.digits > 0 || run.gap != Int.max / 2 {
                            if run.counts { return true }
                            run.reset()
                            run.gap = Int.max / 2
                        }
                        previous = p[j &- 1]
                        i = j
                        continue
                    }
                }
                // One word: start a walk here, advance every walk through its letters.
                // Letters glued to digits ("1200x628") start no word for the tokenizer:
                // such a walk only counts number words.
                let glued = alnumStart >= 0
                if alnumStart < 0 { alnumStart = i }
                if walkCount >= Self.maximumWalks { return true }
                var j = i
                if jumpState != 0 {
                    // Three letters read at once by the trigram table.
                    walks[walkCount] = glued ? jumpState | Self.gluedFlag : jumpState
                    j = i &+ 3
                } else {
                    walks[walkCount] = glued ? 1 | Self.gluedFlag : 1
                }
                walkCount &+= 1
                if walkCount == 1 && stepsLoneWalkInline {
                    // The word's own walk alone (nothing carried in, the common case): its
                    // state stays in a register instead of being stored back per letter.
                    let flags = walks[0] & ~Self.stateBits
                    var state = Int(walks[0] & Self.stateBits)
                    while j < n {
                        let c = p[j]
                        guard kinds[Int(c)] == Kind.letter else { break }
                        if state != 0 {
                            let k = Int(cls[Int(c)])
                            state = k == 0 ? 0 : Int(trans[state &* width &+ k])
                        }
                        j &+= 1
                    }
                    if state == 0 { walkCount = 0 } else { walks[0] = flags | UInt32(state) }
                } else {
                    while j < n {
                        let c = p[j]
                        guard kinds[Int(c)] == Kind.letter else { break }
                        if walkCount > 0 { advance(Int(cls[Int(c)]), &walkCount) }
                        j &+= 1
                    }
                }
                let end = j
                let after: UInt8 = end < n ? p[end] : 0x20
                if end &- alnumStart >= Self.longTokenLength { return true }
                if streetFrom >= 0 { noteStreetLike(i, end, &streetCandidateCount) }

                // What the words ending here are.
                var number = false
                var numberDigits = 0
                for k in 0..<walkCount {
                    let w = walks[k]
                    let f = stateFacts[Int(w & Self.stateBits)]
                    guard f != 0 else { continue }
                    let joined = w & Self.joinedFlag != 0
                    if joined && f & Fact.joinable == 0 { continue }
                    if f & Fact.number != 0 && !joined {
                        number = true
                        numberDigits = max(numberDigits, Int(f & 0xFF))
                    }
                    if w & Self.gluedFlag != 0 { continue }
                    if f & Fact.trigger != 0 { return true }
                    if f & Fact.live != 0 && after == 0x3A { return true }
                    // "LINE id", "LINE: …": a noun-only name before a channel noun or a colon.
                    if f & Fact.nounAlias != 0 && (after == 0x3A || channelNounFollows(p, end, folded: folded)) { return true }
                    // "add me on LINE": the recognizers read it as the app too (NounPlatformName).
                    if f & Fact.nounAlias != 0 && channelPrepositionBefore(p, alnumStart) { return true }
                }
                if number {
                    if streetFrom < 0 { streetFrom = end }
                    if run.gap > Self.maximumDigitGap {
                        if run.counts { return true }
                        run.reset()
                    }
                    run.digits &+= numberDigits
                    run.spelled = true
                    sawSpelledDigits = true
                    run.gap = 0
                } else if run.digits > 0 || run.gap != Int.max / 2 {
                    if run.counts { return true }
                    run.reset()
                    run.gap = Int.max / 2
                }

                // Walks go on across one joiner, or through an inner apostrophe, into the next word.
                guard walkCount > 0, end &+ 1 < n, kinds[Int(p[end &+ 1])] == Kind.letter,
                      after == 0x27 || WordAutomaton.isJoiner(after) else {
                    walkCount = 0
                    previous = p[end &- 1]
                    i = end
                    continue
                }
                if after == 0x27 {
                    // The apostrophe joins the word's parts ("let's", "what'sapp"): the
                    // letters after it extend these walks; they are also a word of their own.
                    advance(apostropheClass, &walkCount)
                    var j2 = end &+ 1
                    while j2 < n && kinds[Int(p[j2])] == Kind.letter {
                        if walkCount > 0 { advance(Int(cls[Int(p[j2])]), &walkCount) }
                        j2 &+= 1
                    }
                    let after2: UInt8 = j2 < n ? p[j2] : 0x20
                    for k in 0..<walkCount {
                        let w = walks[k]
                        let f = stateFacts[Int(w & Self.stateBits)]
                        if f == 0 || (w & Self.joinedFlag != 0 && f & Fact.joinable == 0) || w & Self.gluedFlag != 0 { continue }
                        if f & Fact.trigger != 0 { return true }
                        if f & Fact.live != 0 && after2 == 0x3A { return true }
                    }
                    // "what's app": walks that may still spell a split platform name go on
                    // across joiners into the next words, as after any word. A lookahead:
                    // the words after the apostrophe are read again as words of their own.
                    var j3 = j2
                    var after3 = after2
                    while walkCount > 0 && j3 &+ 1 < n && kinds[Int(p[j3 &+ 1])] == Kind.letter
                            && WordAutomaton.isJoiner(after3) {
                        var k = 0
                        while k < walkCount {
                            let w = walks[k]
                            let state = Int(w & Self.stateBits)
                            if state == 1 || joinableAhead[state] == 0 || w & Self.gluedFlag != 0 {
                                walkCount &-= 1
                                walks[k] = walks[walkCount]
                            } else {
                                walks[k] = w | Self.joinedFlag
                                k &+= 1
                            }
                        }
                        j3 &+= 1
                        while j3 < n && kinds[Int(p[j3])] == Kind.letter {
                            if walkCount > 0 { advance(Int(cls[Int(p[j3])]), &walkCount) }
                            j3 &+= 1
                        }
                        after3 = j3 < n ? p[j3] : 0x20
                        for k in 0..<walkCount {
                            let f = stateFacts[Int(walks[k] & Self.stateBits)]
                            if f & Fact.joinable != 0 && f & (Fact.trigger | Fact.live | Fact.nounAlias) != 0 { return true }
                        }
                    }
                    walkCount = 0
                    previous = after
                    i = end &+ 1
                    continue
                }
                // Across the joiner go only walks that may still spell a joinable word;
                // with none left, the next word takes the fast first-letters path.
                var k = 0
                while k < walkCount {
                    let w = walks[k]
                    let state = Int(w & Self.stateBits)
                    if state == 1 || joinableAhead[state] == 0 {
                        walkCount &-= 1
                        walks[k] = walks[walkCount]
                    } else {
                        walks[k] = w | Self.joinedFlag
                        k &+= 1
                    }
                }
                previous = p[end &- 1]
                i = end
                continue
            }

            if kind == Kind.digit {
                if streetFrom < 0 { streetFrom = i }
                if alnumStart < 0 { alnumStart = i }
                if i &+ 1 &- alnumStart >= Self.longTokenLength { return true }
                // A price or "#number" ends at a space: "$20 415-666-7777" holds a phone.
                if run.gap > Self.maximumDigitGap || (run.ledBySign && run.gap > 0 && run.pendingSeparator == 0x20) {
                    if run.counts { return true }
                    run.reset()
                    run.ledBySign = previous == 0x24 || previous == 0x23
                    run.ledByPlus = previous == 0x2B || previousNonSpace == 0x2B
                }
                run.addDigit()
                // A house number: one to five digits (and maybe a letter: "221b") standing
                // alone, not glued to a sign, a date, a time or a decimal.
                if !sawHouseNumber && (i == 0 || !ASCII.isDigit(previous)) {
                    var j = i &+ 1
                    while j < n && ASCII.isDigit(p[j]) { j &+= 1 }
                    var e = j
                    if e < n && ASCII.isLetter(p[e]) && (e &+ 1 >= n || !ASCII.isAlnum(p[e &+ 1])) { e &+= 1 }
                    let before = i == 0 ? 0x20 : previous
                    let after: UInt8 = e < n ? p[e] : 0x20
                    // "12-14 Main St": a hyphen may stand on either side; PO boxes run to
                    // eight digits.
                    if j &- i <= 8 && (before == 0x20 || before == 0x28 || before == 0x0A || before == 0x2C || before == 0x2D)
                        && (after == 0x20 || after == 0x2C || after == 0x0A || after == 0x2E || after == 0x29 || after == 0x2D)
                        && (e >= n || (kinds[Int(after)] != Kind.digit)) {
                        sawHouseNumber = true
                    }
                }
                previous = b
                previousNonSpace = b
                i &+= 1
                continue
            }
            // A space outside a digit run only ends the word before.
            if b == 0x20 && run.digits == 0 {
                alnumStart = -1
                previous = 0x20
                i &+= 1
                continue
            }
            alnumStart = -1
            if b == 0x40 { return true }
            if b == 0x2E && dotStartsLabel(p, i, folded: folded) { return true }
            if run.digits > 0 {
                if run.gap == 0 { run.pendingSeparator = b }
                run.gap &+= 1
            }
            previous = b
            if b != 0x20 { previousNonSpace = b }
            i &+= 1
        }
        if run.counts { return true }
        // An address needs a house number: only then are street words worth a look.
        // An address needs a house number (a spelled-out one counts too); words after
        // the first digit were tested on the way, those before it are tested now.
        guard sawHouseNumber || sawSpelledDigits else { return false }
        if streetFrom > 0 && hasStreetWord(UnsafeBufferPointer(rebasing: p[0..<streetFrom]), kinds) { return true }
        guard streetCandidateCount > 0 else { return false }
        if streetCandidateCount > Self.maximumStreetCandidates { return hasStreetWord(p, kinds) }
        for k in 0..<streetCandidateCount {
            let c = streetCandidates[k]
            if isStreetWord(p, Int(c >> 32), Int(c & 0xFFFF_FFFF)) { return true }
        }
        return false
    }

    /// Whether some word is a street or PO-box word, or ends like a one-word street
    /// name ("…straße", "…straat", by its last three letters).
    /// Words are read as the scan reads them, by `kinds` (letters; in folded text also
    /// every byte from 0x80).
    private func hasStreetWord(_ p: UnsafeBufferPointer<UInt8>, _ kinds: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        var i = 0
        while i < n {
            guard kinds[Int(p[i])] == Kind.letter else { i &+= 1; continue }
            var j = i &+ 1
            while j < n && kinds[Int(p[j])] == Kind.letter { j &+= 1 }
            if isStreetWord(p, i, j) { return true }
            i = j
        }
        return false
    }

    /// Whether the word `p[s..<e]` is a street or PO-box word, or ends like a one-word
    /// street name.
    @inline(__always)
    func isStreetWord(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if e - s >= 4 {
            let h = Self.tailHash(p[e - 3], p[e - 2], p[e - 1])
            if (suffixTails[h >> 6] >> UInt64(h & 63)) & 1 == 1 { return true }
        }
        guard streetStarts.contains(p[s], e - s < 2 ? 0x7B : p[s + 1]),
              let id = streetWords.entry(for: UnsafeBufferPointer(rebasing: p[s..<e])) else { return false }
        return facts[Int(id)] & Fact.street != 0
    }

    /// Whether the word after `end` (past spaces and one "-") is a channel noun.
    private func channelNounFollows(_ p: UnsafeBufferPointer<UInt8>, _ end: Int, folded: Bool) -> Bool {
        var j = end
        while j < p.count && (p[j] == 0x20 || p[j] == 0x2D) { j += 1 }
        var e = j
        while e < p.count && (ASCII.isLetter(p[e]) || (folded && p[e] >= 0x80)) { e += 1 }
        guard e > j, let id = channelNouns.entry(for: UnsafeBufferPointer(rebasing: p[j..<e])) else { return false }
        return facts[Int(id)] & Fact.channelNoun != 0
    }

    /// Whether the word before `start`, across spaces, is "on" or "via".
    private func channelPrepositionBefore(_ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        var j = start
        while j > 0 && p[j - 1] == 0x20 { j -= 1 }
        guard j < start else { return false }
        var s = j
        while s > 0 && ASCII.isLetter(p[s - 1]) { s -= 1 }
        switch j - s {
        case 2: return ASCII.lower(p[s]) == 0x6F && ASCII.lower(p[s + 1]) == 0x6E
        case 3: return ASCII.lower(p[s]) == 0x76 && ASCII.lower(p[s + 1]) == 0x69 && ASCII.lower(p[s + 2]) == 0x61
        default: return false
        }
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
        // A hyphen after the ending is not part of it: links end before it ("acme.de-").
        var e = j
        while e > i + 1 && p[e - 1] == 0x2D { e -= 1 }
        let label = UnsafeBufferPointer(rebasing: p[(i + 1)..<e])
        if label.count >= 4 && ASCII.lower(label[0]) == 0x78 && ASCII.lower(label[1]) == 0x6E
            && label[2] == 0x2D && label[3] == 0x2D { return true }
        return tldHashes.contains(TopLevelDomains.hash(label))
    }
}
