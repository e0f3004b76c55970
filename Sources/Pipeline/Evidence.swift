import Detection
import Policy

/// Masked evidence snippets: what analysts see of a finding in the database.
///
/// A snippet is the finding with up to `contextScalars` characters on each
/// side. Every finding's span is replaced by its kind in brackets (`[email]`),
/// and the context is scrubbed of anything that could still be a contact
/// detail the detector missed: digits become `#`, a word with `@` becomes
/// `[masked]`, a word that looks like a link becomes `[link]`. Nothing of a
/// contact detail survives in clear.
///
/// Built for every finding, so it reads only the bytes of each snippet's window
/// and writes the snippet in one pass into one byte buffer; Unicode properties
/// are looked up only for non-ASCII scalars, and a word with one goes through
/// the same `String` test as before. `referenceMasked` keeps the plain
/// scalar-array version that the differential tests hold this one to.
public enum Evidence {
    public static let contextScalars = 40

    public static func masked(_ text: String, findings: [Finding]) -> [String] {
        guard !findings.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in masked(utf8: bytes, offsets: ScalarOffsets(bytes), findings: findings) }
    }

    /// The same, on the text's UTF-8 bytes with their scalar offsets. (Kept
    /// out of line so that a profile shows its cost apart from the caller's.)
    @inline(never)
    public static func masked(utf8 bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets,
                              findings: [Finding]) -> [String] {
        let n = offsets.scalarCount
        let runs = coverRuns(findings, scalarCount: n)
        var snippet = Snippet()
        return findings.map { f in
            let lo = max(0, f.start - contextScalars), hi = min(n, f.end + contextScalars)
            snippet.start(ellipsis: lo > 0)
            var p = lo
            var b = offsets.byteOffset(ofScalar: min(lo, n))
            var r = 0
            while r < runs.count && runs[r].end <= p { r += 1 }
            while p < hi {
                if r < runs.count && runs[r].start <= p {
                    snippet.flushWord()
                    snippet.placeholder(runs[r].kind)
                    p = min(runs[r].end, hi)
                    b = offsets.byteOffset(ofScalar: p)
                    r += 1
                    continue
                }
                let limit = r < runs.count ? min(hi, runs[r].start) : hi
                while p < limit {
                    let c = bytes[b]
                    if c < 0x80 {
                        switch asciiClass(c) {
                        case .space: snippet.space()
                        case .digit: snippet.wordByte(0x23)
                        case .dropped: break
                        case .kept: snippet.wordByte(c)
                        }
                        b += 1
                    } else {
                        let (s, len) = ScalarOffsets.scalar(in: bytes, at: b)
                        switch scalarClass(s) {
                        case .space: snippet.space()
                        case .digit: snippet.wordByte(0x23)
                        case .dropped: break
                        case .kept: snippet.wordBytes(bytes, from: b, count: len)
                        }
                        b += len
                    }
                    p += 1
                }
            }
            snippet.flushWord()
            if hi < n { snippet.append(ellipsis) }
            return snippet.string
        }
    }

    /// What a scalar of the context becomes.
    enum ScalarClass: UInt8 {
        /// Ends a word; one space in the snippet.
        case space
        /// `#`.
        case digit
        /// Zero-width and control characters are dropped: they only hide things.
        case dropped
        case kept
    }

    static func scalarClass(_ s: Unicode.Scalar) -> ScalarClass {
        if s.properties.isWhitespace || s == "\u{2028}" || s == "\u{2029}" { return .space }
        if s.properties.numericType != nil { return .digit }
        if s.properties.generalCategory == .format || s.properties.generalCategory == .control { return .dropped }
        return .kept
    }

    /// `scalarClass` of an ASCII byte, without the property tables: White_Space
    /// is TAB…CR and SPACE, the only numbers are the digits, the other C0
    /// codes and DEL are controls (a test checks all 128).
    @inline(__always)
    static func asciiClass(_ c: UInt8) -> ScalarClass {
        if c == 0x20 || c &- 0x09 < 5 { return .space }
        if c &- 0x30 < 10 { return .digit }
        if c < 0x20 || c == 0x7F { return .dropped }
        return .kept
    }

    static let ellipsis = Array("…".utf8)

    /// Whether the snippet so far ends with a space character (a `Character`,
    /// as `String.hasSuffix` judges: a space after a prepended mark is not one).
    static func endsWithSpace(_ s: String) -> Bool { s.hasSuffix(" ") }
}

extension Evidence {
    /// A stretch of the text covered by findings, owned by the first finding
    /// (in the detector's order) that covers it.
    struct CoverRun {
        var start: Int
        var end: Int
        var kind: FindingKind
    }

    /// The spans of all findings as disjoint runs in text order. The parts of
    /// one finding are never adjacent (an earlier finding's run lies between
    /// them), so each run is one `[kind]` of the reference's cover array.
    static func coverRuns(_ findings: [Finding], scalarCount n: Int) -> [CoverRun] {
        var runs: [CoverRun] = []
        runs.reserveCapacity(findings.count)
        for f in findings {
            var lo = max(0, f.start)
            let hi = min(n, f.end)
            var k = 0
            while lo < hi {
                while k < runs.count && runs[k].end <= lo { k += 1 }
                if k == runs.count || runs[k].start >= hi {
                    runs.insert(CoverRun(start: lo, end: hi, kind: f.kind), at: k)
                    break
                }
                if runs[k].start > lo {
                    runs.insert(CoverRun(start: lo, end: runs[k].start, kind: f.kind), at: k)
                    k += 1
                }
                lo = runs[k].end
                k += 1
            }
        }
        return runs
    }

    /// One snippet being written, as UTF-8 bytes.
    struct Snippet {
        var out: [UInt8] = []
        var word: [UInt8] = []

        init() {
            out.reserveCapacity(4 * (2 * Evidence.contextScalars + 16))
            word.reserveCapacity(64)
        }

        mutating func start(ellipsis: Bool) {
            out.removeAll(keepingCapacity: true)
            word.removeAll(keepingCapacity: true)
            if ellipsis { out.append(contentsOf: Evidence.ellipsis) }
        }

        mutating func append(_ bytes: [UInt8]) { out.append(contentsOf: bytes) }

        mutating func placeholder(_ kind: FindingKind) {
            out.append(0x5B)
            out.append(contentsOf: kind.rawValue.utf8)
            out.append(0x5D)
        }

        @inline(__always)
        mutating func wordByte(_ b: UInt8) { word.append(b) }

        mutating func wordBytes(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int, count: Int) {
            word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + count)]))
        }

        mutating func space() {
            flushWord()
            guard let last = out.last, last == 0x20 else { out.append(0x20); return }
            // A space after a non-ASCII scalar may be part of its Character.
            if out.count >= 2 && out[out.count - 2] >= 0x80
                && !Evidence.endsWithSpace(String(decoding: out, as: UTF8.self)) {
                out.append(0x20)
            }
        }

        mutating func flushWord() {
            guard !word.isEmpty else { return }
            defer { word.removeAll(keepingCapacity: true) }
            // On the bytes, not on `Character`s: `a@\u{301}b` holds an `@` though no
            // Character of it is one, and is masked.
            if word.contains(0x40) {
                out.append(contentsOf: Evidence.masked)
            } else if Self.isLink(word) {
                out.append(contentsOf: Evidence.link)
            } else {
                out.append(contentsOf: word)
            }
        }

        /// `://` anywhere, or `www.` first, in any case.
        static func isLink(_ w: [UInt8]) -> Bool {
            if w.count >= 4 && w[0] | 0x20 == 0x77 && w[1] | 0x20 == 0x77 && w[2] | 0x20 == 0x77 && w[3] == 0x2E {
                return true
            }
            var i = 0
            while i + 2 < w.count {
                if w[i] == 0x3A && w[i + 1] == 0x2F && w[i + 2] == 0x2F { return true }
                i += 1
            }
            return false
        }

        var string: String { String(decoding: out, as: UTF8.self) }
    }

    static let masked = Array("[masked]".utf8)
    static let link = Array("[link]".utf8)
}

extension Evidence {
    /// The plain version: the whole text as a scalar array, a cover array over
    /// it, a `String` per word. Kept as the trusted reference of the
    /// differential tests.
    static func referenceMasked(_ text: String, findings: [Finding]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // The kind covering each position, if any (the first finding wins on overlap).
        var cover = [Int16](repeating: -1, count: scalars.count)
        for (i, f) in findings.enumerated() {
            for p in max(0, f.start)..<min(scalars.count, f.end) where cover[p] < 0 { cover[p] = Int16(i) }
        }
        return findings.map { f in
            let lo = max(0, f.start - contextScalars), hi = min(scalars.count, f.end + contextScalars)
            var out = lo > 0 ? "…" : ""
            var word = String.UnicodeScalarView()
            func flushWord() {
                guard !word.isEmpty else { return }
                let w = String(word)
                let bytes = Array(w.utf8)
                let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
                let isLink = lowered.starts(with: Array("www.".utf8))
                    || (0..<max(0, bytes.count - 2)).contains { bytes[$0..<$0 + 3].elementsEqual("://".utf8) }
                if bytes.contains(UInt8(ascii: "@")) { out += "[masked]" }
                else if isLink { out += "[link]" }
                else { out += w }
                word = String.UnicodeScalarView()
            }
            var p = lo
            while p < hi {
                if cover[p] >= 0 {
                    flushWord()
                    let owner = Int(cover[p])
                    out += "[\(findings[owner].kind.rawValue)]"
                    while p < hi && cover[p] == owner { p += 1 }
                    continue
                }
                let s = scalars[p]
                if s.properties.isWhitespace || s == "\u{2028}" || s == "\u{2029}" {
                    flushWord()
                    if !out.hasSuffix(" ") { out += " " }
                } else if s.properties.numericType != nil {
                    word.append("#")
                } else if s.properties.generalCategory == .format || s.properties.generalCategory == .control {
                    // Zero-width and control characters are dropped: they only hide things.
                } else {
                    word.append(s)
                }
                p += 1
            }
            flushWord()
            if hi < scalars.count { out += "…" }
            return out
        }
    }
}
