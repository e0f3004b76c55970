/// Every word of the policy's cue phrases, with a small id, looked up straight
/// from the bytes of a text so that no `String` is made per word of a message.
///
/// A word of the text is folded to lower case and hashed (FNV-1a) into an
/// open-addressing table of the ASCII phrase words. A word with a non-ASCII
/// scalar takes the slow road: it is folded exactly as `PhraseTokenizer` folds
/// it and looked up in a `[String: Int32]`, whose hashing and equality are
/// String's own (canonical equivalence), as the phrase matching always compared
/// words. An ASCII word can only equal an ASCII phrase word: the one non-ASCII
/// letter canonically equal to an ASCII one (U+212A KELVIN SIGN) is folded to
/// `k` by the tokenizer, so no phrase word holds it.
struct PhraseLexicon: Sendable {
    private var byString: [String: Int32] = [:]
    private var asciiBytes: [[UInt8]] = []
    private var asciiHashes: [UInt64] = []
    private var asciiIDs: [Int32] = []
    /// Indices into the ASCII arrays, -1 where empty; a power of two long.
    private var slots: [Int32] = []
    private var maxASCIILength = 0

    var count: Int { byString.count }

    init(words: [String]) {
        for w in words where byString[w] == nil {
            let id = Int32(byString.count)
            byString[w] = id
            let bytes = Array(w.utf8)
            if bytes.allSatisfy({ $0 < 0x80 }) {
                asciiBytes.append(bytes)
                asciiHashes.append(Self.hash(bytes))
                asciiIDs.append(id)
                maxASCIILength = max(maxASCIILength, bytes.count)
            }
        }
        var capacity = 8
        while capacity < asciiBytes.count * 4 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        for (e, h) in asciiHashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[s] >= 0 { s = (s + 1) & (capacity - 1) }
            slots[s] = Int32(e)
        }
    }

    /// The id of a phrase word (as `PhraseTokenizer` made it), or nil.
    func id(of word: String) -> Int32? { byString[word] }

    /// The id of the text's word at bytes `start..<end`, or -1 when no phrase has it.
    func id(ofWordIn bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int32 {
        if end - start > maxASCIILength {
            // Too long for an ASCII phrase word; lower-casing a non-ASCII word may shorten it.
            for i in start..<end where bytes[i] >= 0x80 { return slowID(bytes, from: start, to: end) }
            return -1
        }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in start..<end {
            let b = bytes[i]
            if b >= 0x80 { return slowID(bytes, from: start, to: end) }
            h = (h ^ UInt64(Self.lower(b))) &* 0x0000_0100_0000_01B3
        }
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: h) & mask
        while true {
            let e = Int(slots[s])
            if e < 0 { return -1 }
            if asciiHashes[e] == h && Self.equalFolded(asciiBytes[e], bytes, from: start, to: end) { return asciiIDs[e] }
            s = (s + 1) & mask
        }
    }

    private func slowID(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int32 {
        var folded = String.UnicodeScalarView()
        var i = start
        while i < end {
            let (s, n) = ScalarOffsets.scalar(in: bytes, at: i)
            folded.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            i += n
        }
        return byString[String(folded)] ?? -1
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(lower(b))) &* 0x0000_0100_0000_01B3 }
        return h
    }

    private static func equalFolded(_ word: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        guard word.count == end - start else { return false }
        for k in 0..<word.count where word[k] != lower(bytes[start + k]) { return false }
        return true
    }
}

/// One list of cue phrases (project systems, chat tools, …) as sequences of
/// word ids, indexed by their first word.
struct PhraseList: Sendable {
    let phrases: [[Int32]]
    let descriptions: [String]
    /// For each word id, the phrases that start with it, in list order.
    let startingWith: [[Int32]]
    /// A phrase without words occurs everywhere (as `contains` always judged it).
    let firstEmpty: Int?

    init(_ list: [Phrase], lexicon: PhraseLexicon) {
        phrases = list.map { p in p.words.map { lexicon.id(of: $0)! } }
        descriptions = list.map(\.description)
        var starting = [[Int32]](repeating: [], count: lexicon.count)
        for (k, p) in phrases.enumerated() {
            if let first = p.first { starting[Int(first)].append(Int32(k)) }
        }
        startingWith = starting
        firstEmpty = phrases.firstIndex(where: \.isEmpty)
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The first phrase of the list (in list order) that occurs within `before`
    /// or within `after` (never across the two).
    func first(in before: ArraySlice<Int32>, _ after: ArraySlice<Int32>) -> String? {
        var best = firstEmpty ?? Int.max
        earliest(in: before, below: &best)
        earliest(in: after, below: &best)
        return best == Int.max ? nil : descriptions[best]
    }

    private func earliest(in words: ArraySlice<Int32>, below best: inout Int) {
        var i = words.startIndex
        while i < words.endIndex {
            let id = words[i]
            if id >= 0 {
                for k in startingWith[Int(id)] where Int(k) < best {
                    let p = phrases[Int(k)]
                    if p.count <= words.endIndex - i && words[i..<(i + p.count)].elementsEqual(p) {
                        best = Int(k)
                        break
                    }
                }
            }
            i += 1
        }
    }
}
