/// Undoes disguises once, so every recognizer reads plain lower-case text, and keeps
/// for each output byte the original Unicode-scalar range it came from.
///
/// The contract (the phone engine and every recognizer rely on it):
/// 1. zero-width and invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF,
///    U+00AD, variation selectors, bidi controls, the keycap mark) are removed;
/// 2. every decimal digit of any script (Nd) becomes the ASCII digit; full-width ASCII
///    forms (U+FF01–U+FF5E) become ASCII;
/// 3. ASCII letters are lower-cased; Cyrillic/Greek homoglyphs (homoglyphs.txt) become
///    Latin letters inside words that also hold Latin letters, inside a token
///    (text between spaces) that holds Latin letters, or when the whole word maps to a
///    platform name ("Ѕкуре"); styled Latin letters (mathematical bold, circled)
///    always become the plain letter;
/// 4. spelled-out digits (number_words.txt) become ASCII digits, separated as the
///    words were, when they form a run: at least three number tokens (words or digit
///    groups) with at least two strong number words, or one strong number word in a
///    run of at least six digits. "double five" is "55". Weak words ("oh", "un",
///    "sept") join a run but do not make one. So "one or two things" stays, "five five
///    five oh one nine nine" becomes "5 5 5 0 1 9 9";
/// 5. between two digits, a separator cluster (at most four characters) holding a
///    non-ASCII character (emoji, bullet, dash, middle dot, ideographic space) becomes
///    one "-" (when it holds a dash) or one space: `555🔹0199` reads `555 0199`;
/// 6. everything else is kept (non-ASCII letters as UTF-8), and every output byte maps
///    back to the original scalar range it came from.
public struct Normalizer: Sendable {
    let fold: ScalarFold
    let words: WordAutomaton
    /// Only the number words: most words of a text fail on their first letters.
    let numberWords: WordAutomaton
    let numberStarts: WordStarts

    public init(lexicon: Lexicon) {
        fold = lexicon.fold
        words = lexicon.words
        numberWords = lexicon.numberWords
        numberStarts = WordStarts(lexicon.numberWords)
    }

    public static func builtIn() throws -> Normalizer { Normalizer(lexicon: try Lexicon.builtIn()) }

    public func normalize(_ text: String) -> NormalizedText {
        var text = text
        return text.withUTF8 { normalize(utf8: $0) }
    }

    func normalize(utf8 p: UnsafeBufferPointer<UInt8>) -> NormalizedText {
        var text = NormalizedText(bytes: [], sourceStart: [], sourceEnd: [])
        normalize(utf8: p, into: &text)
        return text
    }

    /// The same, written into the arrays of `text` (whatever it held is replaced): the
    /// detector hands back the text before, so that its storage serves the next.
    func normalize(utf8 p: UnsafeBufferPointer<UInt8>, into text: inout NormalizedText) {
        var out = Output(reusing: &text)
        if Prefilter.isASCII(p) {
            out.fill(ascii: p)
        } else if !foldScalarsWithoutHomoglyphs(p, into: &out) {
            out.reset(capacity: p.count)
            foldScalars(p, into: &out)
        }
        rewriteDigitRuns(&out)
        text = out.normalizedText
    }

    // MARK: - Steps 1–3: one pass over scalars

    private struct Scalar {
        var value: UInt32
        var index: Int32
        var cls: ScalarFold.Class
    }

    private func foldScalars(_ p: UnsafeBufferPointer<UInt8>, into out: inout Output) {
        var scalars: [Scalar] = []
        scalars.reserveCapacity(p.count)
        var i = 0
        var index: Int32 = 0
        while i < p.count {
            let (v, len) = UTF8Scalar.decode(p, at: i)
            i += len
            defer { index += 1 }
            if v < 0x80 {
                scalars.append(Scalar(value: v, index: index, cls: .fullWidth(UInt8(v))))
                continue
            }
            let c = fold.classify(v)
            if c != .invisible { scalars.append(Scalar(value: v, index: index, cls: c)) }
        }
        let mapped = homoglyphDecisions(scalars)
        for (k, s) in scalars.enumerated() {
            let start = s.index, end = s.index + 1
            switch s.cls {
            case .fullWidth(let b):
                out.append(ASCII.lower(b), start, end, upper: b &- 0x41 < 26)
            case .digit(let b):
                out.append(b, start, end, upper: false)
            case .styledLetter(let b):
                out.append(b, start, end, upper: Self.isUppercase(s.value))
            case .homoglyph(let b) where mapped[k]:
                out.append(b, start, end, upper: Self.isUppercase(s.value))
            default:
                let v = s.value
                switch v {
                case 0..<0x80:
                    out.append(UInt8(v), start, end, upper: false)
                case 0x80..<0x800:
                    out.append(UInt8(0xC0 | (v >> 6)), start, end, upper: false)
                    out.append(UInt8(0x80 | (v & 0x3F)), start, end, upper: false)
                case 0x800..<0x10000:
                    out.append(UInt8(0xE0 | (v >> 12)), start, end, upper: false)
                    out.append(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end, upper: false)
                    out.append(UInt8(0x80 | (v & 0x3F)), start, end, upper: false)
                default:
                    out.append(UInt8(0xF0 | (v >> 18)), start, end, upper: false)
                    out.append(UInt8(0x80 | ((v >> 12) & 0x3F)), start, end, upper: false)
                    out.append(UInt8(0x80 | ((v >> 6) & 0x3F)), start, end, upper: false)
                    out.append(UInt8(0x80 | (v & 0x3F)), start, end, upper: false)
                }
            }
        }
    }

    /// Steps 1–3 in one pass for text without homoglyphs (most non-ASCII chat: an
    /// emoji, an accent, a dash), written straight into the output arrays: the same
    /// bytes as `foldScalars`, without its list of scalars and an append per array
    /// per byte. False (and `out` to be reset) when a homoglyph turns up (whether it
    /// becomes a Latin letter depends on its word and token, which `foldScalars` works
    /// out), or when the output would outgrow the input (a malformed byte read as U+FFFD).
    private func foldScalarsWithoutHomoglyphs(_ p: UnsafeBufferPointer<UInt8>, into out: inout Output) -> Bool {
        let capacity = p.count
        out.size(for: p)
        var o = 0
        var complete = true
        out.bytes.withUnsafeMutableBufferPointer { ob in
            out.start.withUnsafeMutableBufferPointer { sb in
                out.end.withUnsafeMutableBufferPointer { eb in
                    out.upper.withUnsafeMutableBufferPointer { ub in
                        @inline(__always) func put(_ b: UInt8, _ s: Int32, _ isUpper: Bool) {
                            ob[o] = b
                            sb[o] = s
                            eb[o] = s &+ 1
                            if isUpper { ub[o >> 6] |= 1 << UInt64(o & 63) }
                            o &+= 1
                        }
                        var i = 0
                        var index: Int32 = -1
                        while i < capacity {
                            let (v, len) = UTF8Scalar.decode(p, at: i)
                            i &+= len
                            index &+= 1
                            if v < 0x80 {
                                let b = UInt8(v)
                                put(ASCII.lower(b), index, b &- 0x41 < 26)
                                continue
                            }
                            let c = fold.classify(v)
                            switch c {
                            case .invisible:
                                continue
                            case .fullWidth(let b):
                                put(ASCII.lower(b), index, b &- 0x41 < 26)
                            case .digit(let b):
                                put(b, index, false)
                            case .styledLetter(let b):
                                put(b, index, Self.isUppercase(v))
                            case .homoglyph:
                                complete = false
                                return
                            default:
                                guard o &+ (v < 0x800 ? 2 : (v < 0x10000 ? 3 : 4)) <= capacity else {
                                    complete = false
                                    return
                                }
                                switch v {
                                case 0x80..<0x800:
                                    put(UInt8(0xC0 | (v >> 6)), index, false)
                                    put(UInt8(0x80 | (v & 0x3F)), index, false)
                                case 0x800..<0x10000:
                                    put(UInt8(0xE0 | (v >> 12)), index, false)
                                    put(UInt8(0x80 | ((v >> 6) & 0x3F)), index, false)
                                    put(UInt8(0x80 | (v & 0x3F)), index, false)
                                default:
                                    put(UInt8(0xF0 | (v >> 18)), index, false)
                                    put(UInt8(0x80 | ((v >> 12) & 0x3F)), index, false)
                                    put(UInt8(0x80 | ((v >> 6) & 0x3F)), index, false)
                                    put(UInt8(0x80 | (v & 0x3F)), index, false)
                                }
                            }
                        }
                    }
                }
            }
        }
        guard complete else { return false }
        out.bytes.removeLast(capacity - o)
        out.start.removeLast(capacity - o)
        out.end.removeLast(capacity - o)
        return true
    }

    private static func isUppercase(_ v: UInt32) -> Bool {
        if v >= 0x1D400 && v <= 0x1D6A3 { return (v - 0x1D400) % 52 < 26 }
        if v >= 0x24B6 && v <= 0x24CF { return true }
        return Unicode.Scalar(v)?.properties.generalCategory == .uppercaseLetter
    }

    /// Which homoglyph scalars become Latin letters (step 3).
    private func homoglyphDecisions(_ scalars: [Scalar]) -> [Bool] {
        var mapped = [Bool](repeating: false, count: scalars.count)
        guard scalars.contains(where: { if case .homoglyph = $0.cls { return true } else { return false } }) else {
            return mapped
        }
        func isLatin(_ c: ScalarFold.Class) -> Bool {
            switch c {
            case .fullWidth(let b): return ASCII.isLetter(b)
            case .styledLetter: return true
            default: return false
            }
        }
        func isLetter(_ c: ScalarFold.Class) -> Bool {
            switch c {
            case .fullWidth(let b): return ASCII.isLetter(b)
            case .styledLetter, .homoglyph, .letter: return true
            default: return false
            }
        }
        func isSpace(_ s: Scalar) -> Bool {
            switch s.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2000...0x200A: return true
            default: return false
            }
        }
        var tokenStart = 0
        while tokenStart < scalars.count {
            var tokenEnd = tokenStart
            while tokenEnd < scalars.count && !isSpace(scalars[tokenEnd]) { tokenEnd += 1 }
            let tokenHasLatin = scalars[tokenStart..<tokenEnd].contains { isLatin($0.cls) }
            var r = tokenStart
            while r < tokenEnd {
                guard isLetter(scalars[r].cls) else { r += 1; continue }
                var e = r
                var hasLatin = false, hasHomoglyph = false, allMappable = true
                while e < tokenEnd && isLetter(scalars[e].cls) {
                    switch scalars[e].cls {
                    case .homoglyph: hasHomoglyph = true
                    case .letter: allMappable = false
                    default: hasLatin = true
                    }
                    e += 1
                }
                if hasHomoglyph {
                    var map = hasLatin || (allMappable && tokenHasLatin)
                    if !map && allMappable {
                        let letters = scalars[r..<e].compactMap { s -> UInt8? in
                            if case .homoglyph(let b) = s.cls { return b }
                            if case .styledLetter(let b) = s.cls { return b }
                            return nil
                        }
                        if let id = words.entry(for: letters) {
                            map = words.entries[Int(id)].roles.contains(.alias)
                        }
                    }
                    if map { for k in r..<e { mapped[k] = true } }
                }
                r = e
            }
            tokenStart = tokenEnd + 1
        }
        return mapped
    }

    // MARK: - Steps 4–5: runs of digits

    private struct NumberToken {
        var range: Range<Int>
        /// A word's digits (empty for a digit group, whose bytes are its digits).
        var digits: [UInt8]
        var digitCount: Int
        var isWord: Bool
        var strong: Bool
        var repeatCount: Int
    }

    private struct Edit {
        var range: Range<Int>
        var bytes: [UInt8]
    }

    private func rewriteDigitRuns(_ out: inout Output) {
        // Without digits, non-ASCII separators or two number words there is no run to rewrite.
        guard mayHoldDigitRun(out.bytes) else { return }
        var edits: [Edit] = []
        out.bytes.withUnsafeBufferPointer { p in
            let n = p.count
            var run: [NumberToken] = []
            var seps: [Range<Int>] = []
            var sepStart = -1
            var sepScalars = 0
            func flush() {
                // Called at every word that is not a number word: with no run there is
                // nothing to clear (`seps` only grows with a run).
                if run.isEmpty {
                    sepStart = -1
                    sepScalars = 0
                    return
                }
                // Only number words (step 4) or a non-ASCII separator (step 5) make an
                // edit: a run of plain digit groups ("5 translations") has none to plan.
                if run.contains(where: \.isWord) || seps.contains(where: { sep in sep.contains { p[$0] >= 0x80 } }) {
                    planEdits(run, seps, p, &edits)
                }
                run.removeAll(keepingCapacity: true)
                seps.removeAll(keepingCapacity: true)
                sepStart = -1
                sepScalars = 0
            }
            func add(_ t: NumberToken) {
                if !run.isEmpty {
                    guard sepStart >= 0 && sepScalars <= 4 else {
                        flush()
                        run.append(t)
                        return
                    }
                    seps.append(sepStart..<t.range.lowerBound)
                }
                run.append(t)
                sepStart = -1
                sepScalars = 0
            }
            var i = 0
            while i < n {
                let b = p[i]
                if ASCII.isDigit(b) {
                    var j = i
                    while j < n && ASCII.isDigit(p[j]) { j += 1 }
                    if !run.isEmpty && sepStart < 0 { flush() }
                    add(NumberToken(range: i..<j, digits: [], digitCount: j - i, isWord: false, strong: false, repeatCount: 0))
                    i = j
                    continue
                }
                if ASCII.isLetter(b) || (b >= 0x80 && UTF8Scalar.isLetter(p, at: i)) {
                    var j = i
                    while j < n {
                        if ASCII.isLetter(p[j]) { j += 1; continue }
                        if p[j] >= 0x80 && UTF8Scalar.isLetter(p, at: j) && !ASCII.isDigit(p[j]) {
                            j += UTF8Scalar.decode(p, at: j).length
                            continue
                        }
                        break
                    }
                    let word = UnsafeBufferPointer(rebasing: p[i..<j])
                    if let id = numberWords.entry(for: word), case let e = numberWords.entries[Int(id)],
                       e.roles.contains(.numberWord) {
                        if !run.isEmpty && sepStart < 0 { flush() }
                        add(NumberToken(range: i..<j, digits: e.digits, digitCount: e.digits.count, isWord: true,
                                        strong: e.strongNumber, repeatCount: e.repeatCount))
                    } else {
                        flush()
                    }
                    i = j
                    continue
                }
                if b == 0x20 || b == 0x09 || b == 0x2C || b == 0x2E || b == 0x2D || b == 0x2F || b == 0x28 || b == 0x29 {
                    if sepStart < 0 { sepStart = i }
                    sepScalars += 1
                    i += 1
                    continue
                }
                if b >= 0x80 {
                    let (v, len) = UTF8Scalar.decode(p, at: i)
                    if fold.classify(v) == .separator {
                        if sepStart < 0 { sepStart = i }
                        sepScalars += 1
                        i += len
                        continue
                    }
                    flush()
                    i += len
                    continue
                }
                flush()
                i += 1
            }
            flush()
        }
        if !edits.isEmpty { out.apply(edits.sorted { $0.range.lowerBound < $1.range.lowerBound }) }
    }

    /// A quick look before the real pass. A run is rewritten only when it holds a
    /// number word (steps 4) or a non-ASCII separator between digits (step 5): so
    /// either a word that starts like a number word ("fi…", "ze…") with a digit or a
    /// second such word, or a non-ASCII byte in a text with digits.
    ///
    /// Digits and non-ASCII bytes first, in a loop without branches; then only the
    /// number words still needed (one with a digit or a non-ASCII byte, else two),
    /// stopping at the last one needed.
    func mayHoldDigitRun(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            // Or-ed over the text, without a branch (the compiler reads 16 bytes a step).
            var any: UInt8 = 0
            var digit: UInt8 = 0
            for b in p {
                any |= b
                digit |= b &- 0x30 < 10 ? 1 : 0
            }
            let digits = digit != 0
            let nonASCII = any >= 0x80
            if digits && nonASCII { return true }
            let needed = digits || nonASCII ? 1 : 2
            var numberLike = 0
            let n = p.count
            var i = 0
            while i < n {
                let b = p[i]
                guard ASCII.isLetter(b) else {
                    i &+= 1
                    continue
                }
                let start = i
                i = Prefilter.letterRunEnd(p, from: i &+ 1, folded: false)
                let second: UInt8 = i > start &+ 1 ? p[start &+ 1] : 0x7B
                if numberStarts.contains(b, second),
                   numberWords.entry(for: UnsafeBufferPointer(rebasing: p[start..<i])) != nil {
                    numberLike += 1
                    if numberLike >= needed { return true }
                }
            }
            return false
        }
    }

    /// `mayHoldDigitRun` as it was first written, one byte at a time: the reference
    /// for the differential test.
    func mayHoldDigitRunByteByByte(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var numberLike = 0
            var digits = false
            var nonASCII = false
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b >= 0x80 {
                    nonASCII = true
                } else if ASCII.isDigit(b) {
                    digits = true
                } else if ASCII.isLetter(b) {
                    let second: UInt8 = i + 1 < n && ASCII.isLetter(p[i + 1]) ? p[i + 1] : 0x7B
                    let start = i
                    while i < n && ASCII.isLetter(p[i]) { i += 1 }
                    if numberStarts.contains(b, second),
                       numberWords.entry(for: UnsafeBufferPointer(rebasing: p[start..<i])) != nil { numberLike += 1 }
                    continue
                }
                if (digits && (nonASCII || numberLike > 0)) || numberLike >= 2 { return true }
                i += 1
            }
            return (digits && (nonASCII || numberLike > 0)) || numberLike >= 2 || (nonASCII && numberLike > 0)
        }
    }

    /// Decides what a run of number tokens becomes (steps 4 and 5).
    private func planEdits(_ tokens: [NumberToken], _ seps: [Range<Int>], _ p: UnsafeBufferPointer<UInt8>,
                           _ edits: inout [Edit]) {
        // "double five": a repeat word takes the next single digit, across spaces only.
        var merged: [NumberToken] = []
        var mergedSeps: [Range<Int>] = []
        var k = 0
        var pieces: [([NumberToken], [Range<Int>])] = []
        while k < tokens.count {
            var t = tokens[k]
            if t.repeatCount > 0 {
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                if let next, next.digitCount == 1, p[seps[k]].allSatisfy({ $0 == 0x20 }) {
                    let digit = next.isWord ? next.digits[0] : p[next.range.lowerBound]
                    t = NumberToken(range: t.range.lowerBound..<next.range.upperBound,
                                    digits: Array(repeating: digit, count: t.repeatCount), digitCount: t.repeatCount,
                                    isWord: true, strong: true, repeatCount: 0)
                    if !merged.isEmpty { mergedSeps.append(seps[k - 1]) }
                    merged.append(t)
                    k += 2
                    continue
                }
                // A repeat word with nothing to repeat ends the run.
                pieces.append((merged, mergedSeps))
                merged = []
                mergedSeps = []
                k += 1
                continue
            }
            if !merged.isEmpty { mergedSeps.append(seps[k - 1]) }
            merged.append(t)
            k += 1
        }
        pieces.append((merged, mergedSeps))

        for (run, runSeps) in pieces where !run.isEmpty {
            let words = run.filter(\.isWord)
            let strong = words.filter(\.strong).count
            let digitCount = run.reduce(0) { $0 + $1.digitCount }
            let spelled = !words.isEmpty && ((run.count >= 3 && strong >= 2) || (strong >= 1 && digitCount >= 6))
            for t in run where spelled && t.isWord {
                edits.append(Edit(range: t.range, bytes: t.digits))
            }
            for (i, sep) in runSeps.enumerated() {
                guard spelled || (!run[i].isWord && !run[i + 1].isWord) else { continue }
                guard sep.contains(where: { p[$0] >= 0x80 }) else { continue }
                var dash = false
                var j = sep.lowerBound
                while j < sep.upperBound {
                    let (v, len) = UTF8Scalar.decode(p, at: j)
                    if v == 0x2D || ScalarFold.isDash(v) { dash = true }
                    j += len
                }
                edits.append(Edit(range: sep, bytes: [dash ? 0x2D : 0x20]))
            }
        }
    }

    // MARK: - Output arrays

    private struct Output {
        var bytes: [UInt8] = []
        var start: [Int32] = []
        var end: [Int32] = []
        var upper: [UInt64] = []

        /// The arrays of `text`, to be overwritten (moved out: `text` is left empty,
        /// so that they are not shared and are written in place).
        init(reusing text: inout NormalizedText) {
            bytes = text.bytes
            start = text.sourceStart
            end = text.sourceEnd
            upper = text.uppercaseMask
            text = NormalizedText(bytes: [], sourceStart: [], sourceEnd: [])
        }

        /// ASCII text: each byte lower-cased, mapped to its own scalar.
        /// One copy per array, without zeroing first: this runs for every text that
        /// passes the prefilter.
        mutating func fill(ascii p: UnsafeBufferPointer<UInt8>) {
            let n = p.count
            size(for: p)
            bytes.withUnsafeMutableBufferPointer { buf in
                for i in 0..<n { buf[i] = ASCII.lower(buf[i]) }
            }
            upper.withUnsafeMutableBufferPointer { buf in
                for w in 0...(n / 64) {
                    var bits: UInt64 = 0
                    var i = w << 6
                    let e = min(n, i + 64)
                    while i < e {
                        if p[i] &- 0x41 < 26 { bits |= 1 << UInt64(i & 63) }
                        i += 1
                    }
                    buf[w] = bits
                }
            }
        }

        /// Room for `p.count` bytes and offsets, to be written by index (each position
        /// before the end is written before it is read): filled by copies, not zeroed
        /// one element at a time; the upper-case bits are zeroed, they are or-ed in.
        mutating func size(for p: UnsafeBufferPointer<UInt8>) {
            let count = p.count
            bytes.removeAll(keepingCapacity: true)
            bytes.append(contentsOf: p)
            start.removeAll(keepingCapacity: true)
            FreshArray.appendCounting(from: 0, count: count, to: &start)
            end.removeAll(keepingCapacity: true)
            FreshArray.appendCounting(from: 1, count: count, to: &end)
            upper.removeAll(keepingCapacity: true)
            upper.append(contentsOf: repeatElement(0, count: count / 64 + 1))
        }

        /// Empty, with room for `capacity` bytes, to be appended to.
        mutating func reset(capacity: Int) {
            bytes.removeAll(keepingCapacity: true)
            start.removeAll(keepingCapacity: true)
            end.removeAll(keepingCapacity: true)
            bytes.reserveCapacity(capacity)
            start.reserveCapacity(capacity)
            end.reserveCapacity(capacity)
            upper.removeAll(keepingCapacity: true)
            upper.append(contentsOf: repeatElement(0, count: capacity / 64 + 1))
        }

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
            start.reserveCapacity(capacity)
            end.reserveCapacity(capacity)
            upper = FreshArray.zeros(capacity / 64 + 1)
        }

        @inline(__always)
        mutating func append(_ b: UInt8, _ s: Int32, _ e: Int32, upper isUpper: Bool) {
            let i = bytes.count
            bytes.append(b)
            start.append(s)
            end.append(e)
            if isUpper {
                while i >> 6 >= upper.count { upper.append(0) }
                upper[i >> 6] |= 1 << UInt64(i & 63)
            }
        }

        func isUpper(_ i: Int) -> Bool { (upper[i >> 6] >> UInt64(i & 63)) & 1 == 1 }

        /// Replaces byte ranges (sorted, disjoint); each new byte maps to the whole
        /// original range of what it replaces.
        mutating func apply(_ edits: [Edit]) {
            var next = Output(capacity: bytes.count)
            var i = 0
            for edit in edits {
                while i < edit.range.lowerBound {
                    next.append(bytes[i], start[i], end[i], upper: isUpper(i))
                    i += 1
                }
                let s = start[edit.range.lowerBound], e = end[edit.range.upperBound - 1]
                for b in edit.bytes { next.append(b, s, e, upper: false) }
                i = edit.range.upperBound
            }
            while i < bytes.count {
                next.append(bytes[i], start[i], end[i], upper: isUpper(i))
                i += 1
            }
            self = next
        }

        var normalizedText: NormalizedText {
            var t = NormalizedText(bytes: bytes, sourceStart: start, sourceEnd: end)
            t.uppercaseMask = upper
            return t
        }
    }
}
