/// A byte automaton holding every lexicon word, run at the start of each word of a
/// text. The prefilter (on text folded to one byte per character) and the
/// recognizers (on normalized UTF-8) walk the same automaton with the same rules, so
/// whatever a recognizer can match, the prefilter sees too.
///
/// Aliases match even with their letters split by one joiner (space, `-`, `_`, `.`,
/// `*`): "sk-ype", "s k y p e", "tele gram", "what's app". The longest match that
/// ends at the end of a word wins.
struct WordAutomaton: Sendable {
    struct Match {
        var end: Int
        var entry: Int32
    }

    private let classOf: [UInt8]
    private let width: Int
    /// `next[state * width + class]`; state 0 is dead, state 1 the root.
    private let next: [Int32]
    private let accept: [Int32]
    let entries: [WordEntry]
    /// The state after every string of lower-case ASCII letters the automaton is alive
    /// after (a trie: one string per state), by the string's `WordKey`, open addressing
    /// on the key's top bits (`state == 0`: an empty slot) with the spelling kept to
    /// check a hit (`spelling`: offset << 8 | length into `letterWordBytes`; a quarter of
    /// the slots used). So a tokenizer reads a word's state with one probe instead of a
    /// walk letter by letter (`LetterWords`). Key, state and spelling side by side: a
    /// probe of a text that passes the prefilter mostly misses the cache (the
    /// prefilter's tables ran in between), and in three arrays it missed three times.
    private let letterWordSlots: [LetterSlot]
    private let letterWordBytes: [UInt8]
    private let letterWordShift: UInt64
    /// By state: the ASCII bytes on which the walk takes a step, as bits
    /// (`LetterWords.stepBit`): the tokenizer's one test after a word, in a table of
    /// 8 bytes a state instead of the transitions' row (`width` entries of 4 bytes).
    private let asciiSteps: [UInt64]

    struct LetterSlot {
        var key: UInt64
        var state: Int32
        var spelling: UInt32
    }

    /// The bit of an ASCII byte in `asciiSteps`: " " to "?" are bits 0–31, "a" to "z"
    /// bits 32–57; any other byte has none (`noStepBit`, the transitions are read).
    static let stepBit: [UInt8] = (0..<128).map { b in
        if b >= 0x20 && b <= 0x3F { return UInt8(b - 0x20) }
        if b >= 0x61 && b <= 0x7A { return UInt8(32 + b - 0x61) }
        return noStepBit
    }
    static let noStepBit: UInt8 = 0xFF

    /// Builds from entries keyed by their spellings (several spellings may share an entry).
    init(entries: [WordEntry], keys: [(bytes: [UInt8], entry: Int32)]) {
        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass: UInt8 = 1
        for key in keys {
            for b in key.bytes where classes[Int(b)] == 0 {
                classes[Int(b)] = nextClass
                nextClass += 1
            }
        }
        // Both cases of ASCII letters share a class, so unfolded ASCII text walks too.
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") where classes[Int(b | 0x20)] != 0 {
            classes[Int(b)] = classes[Int(b | 0x20)]
        }
        let width = Int(nextClass)
        var next = [Int32](repeating: 0, count: 2 * width)
        var accept: [Int32] = [-1, -1]
        for key in keys {
            var state = 1
            for b in key.bytes {
                let slot = state * width + Int(classes[Int(b)])
                if next[slot] == 0 {
                    next[slot] = Int32(accept.count)
                    accept.append(-1)
                    next.append(contentsOf: repeatElement(0, count: width))
                }
                state = Int(next[slot])
            }
            accept[state] = key.entry
        }
        self.classOf = classes
        self.width = width
        self.next = next
        self.accept = accept
        self.entries = entries
        // Every string of lower-case letters with a live state, by a walk of the trie.
        var strings: [(bytes: [UInt8], state: Int32)] = []
        var stack: [(bytes: [UInt8], state: Int)] = [([], 1)]
        while let (bytes, state) = stack.popLast() {
            for b in UInt8(ascii: "a")...UInt8(ascii: "z") where classes[Int(b)] != 0 {
                let t = Int(next[state * width + Int(classes[Int(b)])])
                guard t != 0 else { continue }
                strings.append((bytes + [b], Int32(t)))
                stack.append((bytes + [b], t))
            }
        }
        var bits = 4
        while 1 << bits < 4 * strings.count { bits += 1 }
        var slots = [LetterSlot](repeating: LetterSlot(key: 0, state: 0, spelling: 0), count: 1 << bits)
        var spelled: [UInt8] = []
        for (bytes, state) in strings {
            precondition(bytes.count < 256, "a lexicon word of 256 letters or more")
            let key = bytes.withUnsafeBufferPointer { WordKey.of($0, 0..<bytes.count) }
            var slot = Int((key &* Self.slotMultiplier) >> UInt64(64 - bits))
            while slots[slot].state != 0 { slot = (slot + 1) & ((1 << bits) - 1) }
            slots[slot] = LetterSlot(key: key, state: state, spelling: UInt32(spelled.count) << 8 | UInt32(bytes.count))
            spelled += bytes
        }
        letterWordSlots = slots
        letterWordBytes = spelled
        letterWordShift = UInt64(64 - bits)
        let stateCount = next.count / width
        var steps = [UInt64](repeating: 0, count: stateCount)
        for st in 0..<stateCount {
            for b in 0..<128 where Self.stepBit[b] != Self.noStepBit {
                let c = Int(classes[b])
                if c != 0 && next[st * width + c] != 0 { steps[st] |= 1 << UInt64(Self.stepBit[b]) }
            }
        }
        asciiSteps = steps
    }

    /// The automaton's tables as pointers, for a tokenizer that reads a word of ASCII
    /// letters whole: its state by one probe (`state(key:_:_:_:)`), then the step that
    /// would follow it.
    struct LetterWords {
        let classOf: UnsafeBufferPointer<UInt8>
        let next: UnsafeBufferPointer<Int32>
        let accept: UnsafeBufferPointer<Int32>
        let width: Int
        let slots: UnsafeBufferPointer<LetterSlot>
        let bytes: UnsafeBufferPointer<UInt8>
        let shift: UInt64
        let steps: UnsafeBufferPointer<UInt64>
        let stepBit: UnsafeBufferPointer<UInt8>

        /// The state after the letters `p[s..<e]` (ASCII letters, either case; `key` their
        /// `WordKey`), or 0 where the walk dies inside them.
        @inline(__always)
        func state(key: UInt64, _ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
            let mask = slots.count &- 1
            var slot = Int(truncatingIfNeeded: (key &* WordAutomaton.slotMultiplier) >> shift)
            while true {
                let found = slots[slot]
                if found.state == 0 { return 0 }
                if found.key == key {
                    let sp = found.spelling
                    let length = Int(sp & 0xFF)
                    if length == e &- s {
                        var k = 0
                        let o = Int(sp >> 8)
                        while k < length && bytes[o &+ k] == p[s &+ k] | 0x20 { k &+= 1 }
                        if k == length { return Int(found.state) }
                    }
                }
                slot = (slot &+ 1) & mask
            }
        }

        /// Whether the walk at `state` (not 0) takes a step on the ASCII byte `b`: the
        /// transitions' answer, from `asciiSteps` where the byte has a bit there.
        @inline(__always)
        func steps(_ state: Int, on b: UInt8) -> Bool {
            let bit = stepBit[Int(b)]
            if bit != WordAutomaton.noStepBit { return (steps[state] &>> UInt64(bit)) & 1 != 0 }
            return stepsByTransitions(state, on: b)
        }

        /// The same from the transitions alone (the slow reference of `steps(_:on:)`).
        @inline(__always)
        func stepsByTransitions(_ state: Int, on b: UInt8) -> Bool {
            let c = Int(classOf[Int(b)])
            return c != 0 && next[state &* width &+ c] != 0
        }
    }

    /// How many states the automaton has (state 0 dead, 1 the root).
    var stateCount: Int { next.count / width }

    func withLetterWords<R>(_ body: (LetterWords) -> R) -> R {
        classOf.withUnsafeBufferPointer { c in
            next.withUnsafeBufferPointer { n in
                accept.withUnsafeBufferPointer { a in
                    letterWordSlots.withUnsafeBufferPointer { sl in
                        letterWordBytes.withUnsafeBufferPointer { b in
                            asciiSteps.withUnsafeBufferPointer { st in
                                Self.stepBit.withUnsafeBufferPointer { sb in
                                    body(LetterWords(classOf: c, next: n, accept: a, width: width, slots: sl, bytes: b,
                                                     shift: letterWordShift, steps: st, stepBit: sb))
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Spreads a `WordKey` over the slots: FNV-1a's top bits alone clustered the
    /// prefixes of one word.
    static let slotMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    static func isJoiner(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2A
    }

    /// The longest word of the automaton starting at `start` and ending at the end of
    /// a word. `isWordByte(j)` says whether position `j` continues a word (letters,
    /// digits; the caller decides for non-ASCII). A typographic apostrophe (U+2019,
    /// in UTF-8 text) is read as `'`.
    @inline(__always)
    func longestMatch(_ p: UnsafeBufferPointer<UInt8>, from start: Int,
                      isWordByte: (Int) -> Bool) -> Match? {
        longestMatch(p, resumingAt: start, state: 1, best: nil, isWordByte: isWordByte)
    }

    /// `longestMatch` of a walk already at `state` before `p[start]`, without a joiner
    /// crossed, `best` its match so far: for a tokenizer that read the first word itself.
    @inline(__always)
    func longestMatch(_ p: UnsafeBufferPointer<UInt8>, resumingAt start: Int, state: Int, best: Match?,
                      isWordByte: (Int) -> Bool) -> Match? {
        let n = p.count
        var state = state
        var j = start
        var joined = false
        var best = best
        classOf.withUnsafeBufferPointer { cls in
            next.withUnsafeBufferPointer { nx in
                while j < n {
                    var b = p[j]
                    var step = 1
                    if b == 0xE2 && j + 2 < n && p[j + 1] == 0x80 && p[j + 2] == 0x99 {
                        b = 0x27
                        step = 3
                    }
                    let c = cls[Int(b)]
                    if c != 0 {
                        let s = Int(nx[state * width + Int(c)])
                        if s == 0 { break }
                        state = s
                        j += step
                        let e = accept[state]
                        if e >= 0 && (j >= n || !isWordByte(j)) && (!joined || entries[Int(e)].joinable) {
                            best = Match(end: j, entry: e)
                        }
                        continue
                    }
                    if Self.isJoiner(b) && state != 1 && j + 1 < n && cls[Int(p[j + 1])] != 0 && p[j + 1] != 0x27 {
                        joined = true
                        j += 1
                        continue
                    }
                    break
                }
            }
        }
        return best
    }

    /// The raw tables, for a caller that walks the automaton byte by byte itself (the
    /// prefilter, which runs several walks at once in one pass).
    func withTables<R>(_ body: (_ classOf: UnsafeBufferPointer<UInt8>, _ next: UnsafeBufferPointer<Int32>,
                                _ accept: UnsafeBufferPointer<Int32>, _ width: Int) -> R) -> R {
        classOf.withUnsafeBufferPointer { c in
            next.withUnsafeBufferPointer { n in
                accept.withUnsafeBufferPointer { a in body(c, n, a, width) }
            }
        }
    }

    /// The entry for exactly these bytes (no joiners), or nil.
    @inline(__always)
    func entry(for bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        classOf.withUnsafeBufferPointer { cls in
            next.withUnsafeBufferPointer { nx in
                var state = 1
                for b in bytes {
                    let c = Int(cls[Int(b)])
                    if c == 0 { return nil }
                    state = Int(nx[state &* width &+ c])
                    if state == 0 { return nil }
                }
                let e = accept[state]
                return e >= 0 ? e : nil
            }
        }
    }

    /// The entry for exactly these bytes (no joiners), or nil.
    func entry(for bytes: some Sequence<UInt8>) -> Int32? {
        var state = 1
        for b in bytes {
            let c = classOf[Int(b)]
            if c == 0 { return nil }
            state = Int(next[state * width + Int(c)])
            if state == 0 { return nil }
        }
        let e = accept[state]
        return e >= 0 ? e : nil
    }

    func entry(forWord word: String) -> WordEntry? {
        entry(for: LexiconKey.utf8Bytes(word)).map { entries[Int($0)] }
    }
}

/// The pairs of first letters the words of an automaton start with, as bits: a word
/// whose first two letters are not among them is not in the automaton, whatever follows.
struct WordStarts: Sendable {
    /// Bit (a - "a") * 32 + (b - "a") for first letters a, b ("{" for none).
    private(set) var bits = [UInt64](repeating: 0, count: 27 * 32 / 64 + 1)

    /// `b` of 0x7B stands for "no second letter".
    init(_ words: WordAutomaton) {
        for e in words.entries.indices {
            guard words.entry(forWord: words.entries[e].word) != nil else { continue }
            let w = Array(words.entries[e].word.utf8)
            guard let a = w.first else { continue }
            let second: UInt8 = w.count > 1 ? w[1] : 0x7B
            set(a, second)
            // Keys spelled apart or with non-ASCII letters: every second letter counts.
            if !(ASCII.isLower(second) || second == 0x7B) || w.count == 1 {
                for s in UInt8(ascii: "a")...UInt8(ascii: "{") { set(a, s) }
            }
        }
    }

    private mutating func set(_ a: UInt8, _ b: UInt8) {
        guard ASCII.isLower(a) else { return }
        let bit = Int(a - 0x61) * 32 + Int((min(b, 0x7B) &- 0x61) & 31)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    /// Whether some word may start with `a`, `b` (any case); a first byte that is no
    /// ASCII letter always may.
    @inline(__always)
    func contains(_ a: UInt8, _ b: UInt8) -> Bool {
        let la = a | 0x20, lb = ASCII.isLetter(b) ? b | 0x20 : 0x7B
        guard ASCII.isLetter(a) else { return true }
        let bit = Int(la - 0x61) * 32 + Int((lb &- 0x61) & 31)
        return (bits[bit >> 6] >> UInt64(bit & 63)) & 1 == 1
    }
}
