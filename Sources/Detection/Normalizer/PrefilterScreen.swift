/// The prefilter's first screen: one cheap pass over a text that says "certainly
/// nothing" for the everyday message and leaves every other text to the exact pass
/// (`Prefilter.scan`, about 47 instructions a byte: an automaton stepped at every
/// letter that may start a lexicon word). Nine messages in ten hold no "@", no dotted
/// name, no run of five digits and no word the exact pass reads as more than a plain
/// word, and that is cheaper to see word by word than letter by letter.
///
/// A word (a run of letters as the exact pass reads them) is found with one eight-byte
/// load and looked up by its first eight case-folded bytes, multiplied, in a bit set of
/// the words the exact pass may read as more than plain: the strings on which its
/// automaton ends on a lexicon word, or may still go on across a joiner into a split
/// name ("sk ype") or through an apostrophe ("what's app"). A word whose bit is clear is
/// plain. A word whose bit is set gets its automaton state (from a small table of the
/// short strings, else by a walk) and is followed exactly as the exact pass follows it;
/// it hands the text on when it ends on a trigger, a "live" or noun-only name, or
/// crosses into a split name. Number words add to the digit runs.
///
/// Also handed on: "@", a dot between letters or digits and a letter or before a
/// closing bracket, a run of five digits (written or spelled; the exact pass counts
/// seven, five after "+") cut where the exact pass cuts runs or sooner, a house number
/// or number word together with a street-like word anywhere, a letter-and-digit run of
/// the long-token length. On folded text (`Prefilter.foldText`) bytes from 0x80 read as
/// letters, as in the exact pass.
///
/// So the screen says "nothing" only where the exact pass says so too
/// (`PrefilterScreenDifferentialTests` holds it to that on random and listed texts).
extension Prefilter {
    final class Screen: @unchecked Sendable {
        /// Bit set of `key(...)` of every word the exact pass may read as more than a plain
        /// word: its walk of the automaton ends on a lexicon word, or may go on across a
        /// joiner into a split name, or across an apostrophe.
        let watched: UnsafeMutableBufferPointer<UInt64>
        let keyShift: UInt64
        /// Byte classes, for ASCII text and for folded text (`ByteClass`).
        let asciiClasses: UnsafeMutableBufferPointer<UInt8>
        let foldedClasses: UnsafeMutableBufferPointer<UInt8>
        /// How many strings went into `watched` (for the tests and the docs).
        let watchedWords: Int
        /// The automaton's state after every string of up to eight letters it is alive
        /// after, by the string's case-folded bytes (`stateKeys`, 0 for an empty slot; the
        /// slot from the same product as the key): a watched word's state in a probe or two
        /// of 20 KB, instead of a walk of the automaton's large table letter by letter.
        /// `ambiguous` where two strings fold alike but lead to different states (the
        /// screen walks those).
        let stateKeys: UnsafeMutableBufferPointer<UInt64>
        let states: UnsafeMutableBufferPointer<UInt16>
        /// By state: the ASCII letters (bit `letter - "a"`) on which the walk goes on, for
        /// the first letter after a joiner.
        let goesOn: UnsafeMutableBufferPointer<UInt32>
        /// Bit set of the key (`key(...)`, `streetKeyBits` of it) of every street or
        /// PO-box word of the street automaton: the street test walks that automaton only
        /// for a word whose bit is set.
        let streetKeys: UnsafeMutableBufferPointer<UInt64>
        static let streetKeyBits = 14
        /// `Prefilter.suffixTails`, as a pointer for the word loop.
        let streetTails: UnsafeMutableBufferPointer<UInt64>

        static let keyBits = 17
        static let slotBits = 11
        static let ambiguous = UInt16.max
        static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

        enum ByteClass {
            static let other: UInt8 = 0
            static let letter: UInt8 = 1
            /// "@", and in ASCII text any byte from 0x80 (never met: such text is folded first).
            static let stop: UInt8 = 2
            static let dot: UInt8 = 3
            static let digit: UInt8 = 4
            static let apostrophe: UInt8 = 5
        }

        init(transitions: UnsafeBufferPointer<UInt16>, width: Int, classes: UnsafeBufferPointer<UInt8>,
             stateFacts: UnsafeBufferPointer<UInt32>, joinableAhead: UnsafeBufferPointer<UInt8>, streetWords: [[UInt8]],
             streetTails tails: [UInt64]) {
            streetTails = .allocate(capacity: tails.count)
            _ = streetTails.initialize(from: tails)
            streetKeys = .allocate(capacity: 1 << (Self.streetKeyBits - 6))
            streetKeys.initialize(repeating: 0)
            for word in streetWords {
                var first8: UInt64 = 0
                for (k, x) in word.prefix(8).enumerated() { first8 |= UInt64(x) << UInt64(8 * k) }
                let mask = UInt64.max &>> UInt64(64 - 8 * min(word.count, 8))
                let h = Self.key(first8, mask: mask, UInt64(64 - Self.streetKeyBits))
                streetKeys[h >> 6] |= 1 << UInt64(h & 63)
            }
            let words = 1 << (Self.keyBits - 6)
            watched = .allocate(capacity: words)
            watched.initialize(repeating: 0)
            keyShift = UInt64(64 - Self.keyBits)
            // Every string of letters (ASCII letters and bytes from 0x80, as folded text has
            // them) the automaton is alive after, found by a walk of its transitions from the
            // root (a trie: no cycles, the walk ends); watched are those whose state has a
            // word's facts, a joinable word ahead, or a way on through an apostrophe. A word
            // alive in any other state is plain whatever follows it (`wordIsPlain`).
            let apostropheClass = Int(classes[0x27])
            // An upper-case ASCII letter in the class of its lower case makes the same key: left out.
            let letters: [UInt8] = (0..<256).map(UInt8.init).filter { b in
                (ASCII.isLetter(b) || b >= 0x80) && !(b &- 0x41 < 26 && classes[Int(b)] == classes[Int(b | 0x20)])
            }
            var count = 0
            let slots = 1 << Self.slotBits
            stateKeys = .allocate(capacity: slots)
            stateKeys.initialize(repeating: 0)
            states = .allocate(capacity: slots)
            states.initialize(repeating: 0)
            let stateKeys = self.stateKeys, states = self.states
            var used = 0
            var stack: [(state: Int, bytes: [UInt8])] = [(1, [])]
            let watched = self.watched
            let shift = keyShift
            while let (state, bytes) = stack.popLast() {
                for b in letters {
                    let c = Int(classes[Int(b)])
                    guard c != 0 else { continue }
                    let next = Int(transitions[state * width + c])
                    guard next != 0 else { continue }
                    let word = bytes + [b]
                    var first8: UInt64 = 0
                    for (k, x) in word.prefix(8).enumerated() { first8 |= UInt64(x) << UInt64(8 * k) }
                    stack.append((next, word))
                    let mask = UInt64.max &>> UInt64(64 - 8 * min(word.count, 8))
                    if word.count <= 8 {
                        let folded = (first8 | 0x2020_2020_2020_2020) & mask
                        var slot = Int((folded &* Self.multiplier) &>> UInt64(64 - Self.slotBits))
                        while stateKeys[slot] != 0 && stateKeys[slot] != folded { slot = (slot + 1) & (slots - 1) }
                        if stateKeys[slot] == 0 {
                            stateKeys[slot] = folded
                            states[slot] = UInt16(next)
                            used += 1
                            precondition(used < slots * 3 / 4, "too many short strings for the screen's state table")
                        } else if states[slot] != UInt16(next) {
                            states[slot] = Self.ambiguous
                        }
                    }
                    guard stateFacts[next] != 0 || joinableAhead[next] != 0
                        || (apostropheClass != 0 && transitions[next * width + apostropheClass] != 0) else { continue }
                    let h = Self.key(first8, mask: mask, shift)
                    watched[h >> 6] |= 1 << UInt64(h & 63)
                    count += 1
                }
            }
            watchedWords = count
            let stateCount = transitions.count / width
            goesOn = .allocate(capacity: stateCount)
            for st in 0..<stateCount {
                var bits: UInt32 = 0
                for c in UInt8(ascii: "a")...UInt8(ascii: "z") {
                    // Both cases: the bit is set when either goes on.
                    for b in [c, c & ~0x20] where classes[Int(b)] != 0 && transitions[st * width + Int(classes[Int(b)])] != 0 {
                        bits |= 1 << UInt32(c - 0x61)
                    }
                }
                goesOn[st] = bits
            }
            asciiClasses = .allocate(capacity: 256)
            foldedClasses = .allocate(capacity: 256)
            for b in 0..<256 {
                let x = UInt8(b)
                var c = ByteClass.other
                if ASCII.isLetter(x) { c = ByteClass.letter }
                if x == 0x40 || x >= 0x80 { c = ByteClass.stop }
                if ASCII.isDigit(x) { c = ByteClass.digit }
                if x == 0x2E { c = ByteClass.dot }
                if x == 0x27 { c = ByteClass.apostrophe }
                asciiClasses[b] = c
                foldedClasses[b] = x >= 0x80 ? ByteClass.letter : c
            }
        }

        deinit {
            watched.deallocate()
            stateKeys.deallocate()
            states.deallocate()
            goesOn.deallocate()
            streetKeys.deallocate()
            streetTails.deallocate()
            asciiClasses.deallocate()
            foldedClasses.deallocate()
        }

        /// The key of a word from its first eight bytes (little-endian, as loaded), `mask`
        /// keeping those of the word (all eight for a longer word; a shorter one's length
        /// shows in the zeros after it, letters are never zero): bytes case-folded (`| 0x20`,
        /// which lowers ASCII letters; bytes from 0x80 change alike on both sides), one
        /// multiplication.
        @inline(__always)
        static func key(_ first8: UInt64, mask: UInt64, _ shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (((first8 | 0x2020_2020_2020_2020) & mask) &* multiplier) &>> shift)
        }

    }

    /// True when the text certainly holds no finding; false leaves it to the exact pass.
    /// `folded` as for `scan`.
    /// `digitsLikely`: the text (as written) holds an ASCII digit, so street words are
    /// noted from its first word on; else from its first number word or house number,
    /// and the words before it are read again at the end. Either way the same answer.
    func screenSaysNothing(_ p: UnsafeBufferPointer<UInt8>, folded: Bool, digitsLikely: Bool = true) -> Bool {
        let s = screen
        let t = tables
        return withExtendedLifetime((s, t)) {
            // Two copies of the pass, one per reading of bytes from 0x80.
            if folded {
                return screenSaysNothing(p, reading: FoldedText.self, UnsafeBufferPointer(s.foldedClasses), s,
                                         UnsafeBufferPointer(t.transitions), t.width, UnsafeBufferPointer(t.stateFacts),
                                         UnsafeBufferPointer(t.classes), UnsafeBufferPointer(t.joinableAhead),
                                         notingStreets: digitsLikely)
            }
            return screenSaysNothing(p, reading: ASCIIText.self, UnsafeBufferPointer(s.asciiClasses), s,
                                     UnsafeBufferPointer(t.transitions), t.width, UnsafeBufferPointer(t.stateFacts),
                                     UnsafeBufferPointer(t.classes), UnsafeBufferPointer(t.joinableAhead),
                                     notingStreets: digitsLikely)
        }
    }

    /// The screen alone, on a text read as `mayContainFinding` reads it (for the tests);
    /// `digitsLikely` as there unless given.
    func screenSaysNothing(_ text: String, digitsLikely: Bool? = nil) -> Bool {
        var text = text
        return text.withUTF8 { p in
            let (ascii, digits) = Self.asciiAndDigits(p)
            if ascii { return screenSaysNothing(p, folded: false, digitsLikely: digitsLikely ?? digits) }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: p.count) { out in
                let count = foldText(p, into: out)
                return screenSaysNothing(UnsafeBufferPointer(rebasing: out[0..<count]), folded: true,
                                         digitsLikely: digitsLikely ?? digits)
            }
        }
    }

    /// Digits (written or spelled) a run may hold and still not count in the exact pass:
    /// its shortest counted run has five (after a "+"). Runs are cut as the exact pass
    /// cuts them (a gap of more than `maximumDigitGap` characters, a word that is no number
    /// word), or less often (dates, prices): never longer.
    static let screenDigitLimit = minimumDigitsAfterPlus

    /// The eight bytes from `i` in one load, little-endian; near the end of the text its last eight bytes shifted
    /// down, so the bytes past the end read as zeros (a text under eight bytes, byte by byte).
    @inline(__always)
    static func eightBytes(at i: Int, _ raw: UnsafeRawPointer, count n: Int) -> UInt64 {
        if i &+ 8 <= n { return raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) }
        if n >= 8 { return raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self) &>> UInt64(8 &* (i &+ 8 &- n)) }
        var t: UInt64 = 0
        for k in i..<n { t |= UInt64(raw.load(fromByteOffset: k, as: UInt8.self)) &<< UInt64(8 &* (k &- i)) }
        return t
    }

    /// The letters of eight bytes as their high bits: ASCII letters, and in folded text
    /// every byte from 0x80 (as `letterRunEnd`).
    @inline(__always)
    static func letterBits(_ w: UInt64, folded: Bool) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let x = (w & ~high) | 0x2020_2020_2020_2020
        let atLeastA = (x &+ 0x1F1F_1F1F_1F1F_1F1F) & high
        let pastZ = (x &+ 0x0505_0505_0505_0505) & high
        let letters = atLeastA & ~pastZ & ~w
        return folded ? letters | (w & high) : letters
    }

    /// Whether the digits from `i` (the first of a group) may be a house number as the
    /// exact pass reads one: one to eight digits (and maybe a letter: "221b") standing
    /// alone, not glued to a sign, a date, a time or a decimal.
    @inline(__always)
    static func isHouseNumber(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let n = p.count
        var j = i &+ 1
        while j < n && ASCII.isDigit(p[j]) { j &+= 1 }
        var e = j
        if e < n && ASCII.isLetter(p[e]) && (e &+ 1 >= n || !ASCII.isAlnum(p[e &+ 1])) { e &+= 1 }
        let before = i == 0 ? 0x20 : p[i &- 1]
        let after: UInt8 = e < n ? p[e] : 0x20
        return j &- i <= 8 && (before == 0x20 || before == 0x28 || before == 0x0A || before == 0x2C || before == 0x2D)
            && (after == 0x20 || after == 0x2C || after == 0x0A || after == 0x2E || after == 0x29 || after == 0x2D)
            && (e >= n || !ASCII.isDigit(after))
    }

    /// Whether some word is a street or PO-box word, or ends like a one-word street name:
    /// as `hasStreetWord(_:_:)` (`isStreetWord` of every word), its letter runs found
    /// eight bytes at a time and the street automaton walked only for a word whose key
    /// is among the street words' (`Screen.streetKeys`): two first letters of a street
    /// word ("st", "wa", "pl", "ro"), the test before, start many everyday words.
    func hasStreetWord(_ p: UnsafeBufferPointer<UInt8>, folded: Bool) -> Bool {
        let n = p.count
        guard let base = p.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        let streetKeys = UnsafeBufferPointer(screen.streetKeys)
        let shift = UInt64(64 - Screen.streetKeyBits)
        return withExtendedLifetime(screen) {
            var i = 0
            while i < n {
                let b = p[i]
                guard ASCII.isLetter(b) && b < 0x80 || (folded && b >= 0x80) else {
                    i &+= 1
                    continue
                }
                let j = Self.letterRunEnd(p, from: i &+ 1, folded: folded)
                let length = j &- i
                if length >= 4 {
                    let h = Self.tailHash(p[j &- 3], p[j &- 2], p[j &- 1])
                    if (suffixTails[h >> 6] >> UInt64(h & 63)) & 1 == 1 { return true }
                }
                // The word's first eight bytes (the last eight of the text, shifted, near its end).
                let w = Self.eightBytes(at: i, raw, count: n)
                let mask = length >= 8 ? UInt64.max : (1 &<< UInt64(8 &* length)) &- 1
                let h = Screen.key(w, mask: mask, shift)
                if (streetKeys[h >> 6] >> UInt64(h & 63)) & 1 != 0 && isStreetWord(p, i, j) { return true }
                i = j
            }
            return false
        }
    }

    /// How the pass reads bytes from 0x80, as a type: each reading gets its own copy of
    /// the pass, with the test folded away.
    protocol TextReading { static var folded: Bool { get } }
    enum ASCIIText: TextReading { static var folded: Bool { false } }
    enum FoldedText: TextReading { static var folded: Bool { true } }

    private func screenSaysNothing<R: TextReading>(_ p: UnsafeBufferPointer<UInt8>, reading: R.Type,
                                                   _ byteClass: UnsafeBufferPointer<UInt8>, _ screen: Screen,
                                   _ trans: UnsafeBufferPointer<UInt16>, _ width: Int,
                                   _ stateFacts: UnsafeBufferPointer<UInt32>, _ cls: UnsafeBufferPointer<UInt8>,
                                   _ joinableAhead: UnsafeBufferPointer<UInt8>, notingStreets: Bool) -> Bool {
        typealias C = Screen.ByteClass
        let folded = R.folded
        let watched = UnsafeBufferPointer(screen.watched), shift = screen.keyShift
        let stateKeys = UnsafeBufferPointer(screen.stateKeys), states = UnsafeBufferPointer(screen.states)
        let goesOn = UnsafeBufferPointer(screen.goesOn)
        let streetKeys = UnsafeBufferPointer(screen.streetKeys), streetTails = UnsafeBufferPointer(screen.streetTails)
        let streetShift = UInt64(64 - Screen.streetKeyBits)
        let slotMask = (1 << Screen.slotBits) &- 1
        let n = p.count
        guard let base = p.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let high: UInt64 = 0x8080_8080_8080_8080
        let apostropheClass = Int(cls[0x27])
        let positive = Fact.trigger | Fact.live | Fact.nounAlias
        /// Start of the run of letters and digits being read, for the long-token rule. An
        /// apostrophe does not end it: the exact pass may carry a run across one ("what's").
        var alnumStart = -1
        /// Digits written and spelled in the run being read, and characters since its last.
        var runDigits = 0
        var gap = 0
        /// A digit or a number word makes a house number possible, and street words worth a look.
        var needsStreetCheck = false
        /// Street words, noted word by word without a branch: a word that ends like a
        /// one-word street name (`isStreetWord`'s first test, exact), a word whose key is a
        /// street word's (its second test then walks the street automaton, in
        /// `hasStreetWord`). Noted from the first word when the text has a digit (a house
        /// number is likely), else from the first house number or number word (at
        /// `streetFrom`; the words before it are read again at the end, as the exact pass
        /// does): one text in five needs them, and noting them costs every word.
        var notingStreets = notingStreets
        var streetFrom = 0
        var streetTailSeen: UInt64 = 0
        var streetKeySeen: UInt64 = 0

        @inline(__always) func isLetter(_ j: Int) -> Bool { byteClass[Int(base[j])] == C.letter }
        @inline(__always) func step(_ state: Int, _ b: UInt8) -> Int {
            let c = Int(cls[Int(b)])
            return c == 0 ? 0 : Int(trans[state &* width &+ c])
        }

        /// Whether the exact pass reads the word `p[s..<e]` (its bit set) as plain: its
        /// walk dies, or ends on no trigger (a number word's digits go to `spelled`) and
        /// goes on into no split name.
        @inline(__always) func wordIsPlain(_ s: Int, _ e: Int, folded8: UInt64, product: UInt64,
                                           _ spelled: inout Int) -> Bool {
            var state = 1
            var known = false
            if e &- s <= 8 {
                var slot = Int(truncatingIfNeeded: product &>> UInt64(64 - Screen.slotBits))
                while true {
                    let k = stateKeys[slot]
                    if k == folded8 {
                        let found = states[slot]
                        if found != Screen.ambiguous {
                            state = Int(found)
                            known = true
                        }
                        break
                    }
                    if k == 0 {
                        state = 0
                        known = true
                        break
                    }
                    slot = (slot &+ 1) & slotMask
                }
            }
            if !known {
                var j = s
                while j < e && state != 0 {
                    state = step(state, base[j])
                    j &+= 1
                }
            }
            if state == 0 { return true }
            let f = stateFacts[state]
            if f & positive != 0 { return false }
            if f & Fact.number != 0 { spelled = Int(f & 0xFF) }
            guard e &+ 1 < n, isLetter(e &+ 1) else { return true }
            var k = e
            if base[e] == 0x27 {
                // The exact pass takes the apostrophe and the letters after it into the walk
                // ("what's"), then goes on across joiners as below ("what's app").
                guard apostropheClass != 0 else { return true }
                state = Int(trans[state &* width &+ apostropheClass])
                k &+= 1
                while state != 0 && k < n && isLetter(k) {
                    state = step(state, base[k])
                    k &+= 1
                }
                if state == 0 { return true }
                if stateFacts[state] & positive != 0 { return false }
                while k < n && isLetter(k) { k &+= 1 }
                guard k &+ 1 < n, isLetter(k &+ 1) else { return true }
            }
            guard WordAutomaton.isJoiner(base[k]) else { return true }
            // Across joiners, as the exact pass carries the walk: into the next word while a
            // joinable word may still follow; at most three joiners (so that the exact
            // pass never holds more walks than it may).
            var crossings = 0
            while true {
                guard joinableAhead[state] != 0 else { return true }
                crossings &+= 1
                if crossings > 3 { return false }
                k &+= 1
                // Most walks die on the first letter after the joiner.
                let first = base[k]
                if ASCII.isLetter(first) && first < 0x80 && (goesOn[state] >> UInt32((first | 0x20) &- 0x61)) & 1 == 0 {
                    return true
                }
                while k < n && isLetter(k) {
                    if state != 0 { state = step(state, base[k]) }
                    k &+= 1
                }
                if state == 0 { return true }
                let g = stateFacts[state]
                if g & Fact.joinable != 0 && g & positive != 0 { return false }
                guard k &+ 1 < n, isLetter(k &+ 1) else { return true }
                if base[k] == 0x27 { return false }
                guard WordAutomaton.isJoiner(base[k]) else { return true }
            }
        }

        var i = 0
        while i < n {
            let c = byteClass[Int(base[i])]
            if c == C.letter {
                var start = alnumStart >= 0 ? alnumStart : i
                // Word after word, while one space stands between them (most of a message).
                while true {
                    // One eight-byte load gives the word's length (when under eight) and its key;
                    // at the end of the text the last eight bytes, shifted (zeros read as no letters).
                    let w = Self.eightBytes(at: i, raw, count: n)
                    let notLetters = ~Self.letterBits(w, folded: folded) & high
                    let e: Int
                    let mask: UInt64
                    if notLetters != 0 {
                        e = i &+ notLetters.trailingZeroBitCount >> 3
                        // The bytes below the first that is no letter.
                        mask = ((notLetters & (0 &- notLetters)) >> 7) &- 1
                    } else {
                        e = Self.letterRunEnd(p, from: i &+ 8, folded: folded)
                        mask = .max
                    }
                    if e &- start >= Self.longTokenLength { return false }
                    let folded8 = (w | 0x2020_2020_2020_2020) & mask
                    let product = folded8 &* Screen.multiplier
                    let h = Int(truncatingIfNeeded: product &>> shift)
                    var spelled = 0
                    if notingStreets {
                        let sh = Int(truncatingIfNeeded: product &>> streetShift)
                        streetKeySeen |= streetKeys[sh >> 6] &>> UInt64(sh & 63)
                        // The last three letters: from the loaded bytes when the word has at
                        // most eight (a shorter word's are masked off below), else from the text.
                        let length = e &- i
                        let tail: UInt64
                        if length <= 8 {
                            tail = w &>> (UInt64(truncatingIfNeeded: (length &- 3) & 7) &* 8)
                        } else {
                            tail = UInt64(base[e &- 3]) | UInt64(base[e &- 2]) &<< 8 | UInt64(base[e &- 1]) &<< 16
                        }
                        let th = Self.tailHash(UInt8(truncatingIfNeeded: tail), UInt8(truncatingIfNeeded: tail &>> 8),
                                               UInt8(truncatingIfNeeded: tail &>> 16))
                        streetTailSeen |= streetTails[th >> 6] &>> UInt64(th & 63) & (length >= 4 ? 1 : 0)
                    }
                    if (watched[h >> 6] >> UInt64(h & 63)) & 1 != 0 {
                        if !wordIsPlain(i, e, folded8: folded8, product: product, &spelled) { return false }
                    }
                    if spelled == 0 {
                        runDigits = 0
                    } else {
                        // A number word: its digits join the run ("five five five …").
                        if gap > Self.maximumDigitGap { runDigits = 0 }
                        runDigits &+= spelled
                        gap = 0
                        if runDigits >= Self.screenDigitLimit { return false }
                        needsStreetCheck = true
                        if !notingStreets {
                            notingStreets = true
                            streetFrom = e
                        }
                    }
                    guard e &+ 1 < n && base[e] == 0x20 && isLetter(e &+ 1) else {
                        alnumStart = start
                        i = e
                        break
                    }
                    i = e &+ 1
                    start = i
                    gap = 1
                }
                continue
            }
            if c == C.other {
                alnumStart = -1
                gap &+= 1
                i &+= 1
                continue
            }
            if c == C.digit {
                if gap > Self.maximumDigitGap { runDigits = 0 }
                runDigits &+= 1
                gap = 0
                if runDigits >= Self.screenDigitLimit { return false }
                if !needsStreetCheck && (i == 0 || !ASCII.isDigit(base[i &- 1])) {
                    needsStreetCheck = Self.isHouseNumber(p, at: i)
                    if needsStreetCheck && !notingStreets {
                        notingStreets = true
                        streetFrom = i
                    }
                }
                if alnumStart < 0 { alnumStart = i }
                if i &+ 1 &- alnumStart >= Self.longTokenLength { return false }
                i &+= 1
                continue
            }
            if c == C.apostrophe {
                gap &+= 1
                i &+= 1
                continue
            }
            if c == C.stop { return false }
            // A dot, as `dotStartsLabel` may read it: after a letter or digit and before a
            // letter, or before a closing bracket.
            alnumStart = -1
            gap &+= 1
            if i &+ 1 < n {
                let a = base[i &+ 1]
                if a == 0x29 || a == 0x5D || a == 0x7D { return false }
                let before = i > 0 ? byteClass[Int(base[i &- 1])] : C.other
                if (before == C.letter || before == C.digit) && byteClass[Int(a)] == C.letter { return false }
            }
            i &+= 1
        }
        // A house number may stand with a street word anywhere in the text.
        guard needsStreetCheck else { return true }
        if streetTailSeen & 1 != 0 { return false }
        if streetKeySeen & 1 != 0 { return !hasStreetWord(p, folded: folded) }
        return !hasStreetWord(UnsafeBufferPointer(rebasing: p[0..<streetFrom]), folded: folded)
    }
}
