import ExportFormat
import Detection

/// Where in a message a finding was made.
public enum FindingSource: Sendable, Hashable {
    case text
    case attachment(AttachmentKind)

    public var label: String {
        switch self {
        case .text: return "text"
        case .attachment(let k): return "attachment:\(k.rawValue)"
        }
    }

    public init?(label: String) {
        if label == "text" { self = .text; return }
        guard label.hasPrefix("attachment:"), let k = AttachmentKind(rawValue: String(label.dropFirst(11))) else { return nil }
        self = .attachment(k)
    }
}

extension FindingSource: Codable {
    public init(from decoder: any Decoder) throws {
        let label = try decoder.singleValueContainer().decode(String.self)
        guard let s = FindingSource(label: label) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown source \(label)"))
        }
        self = s
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(label)
    }
}

/// What the exceptions need to know about a finding's surroundings, worked out
/// while the text is still at hand (verdicts are settled later, when the room's
/// whole history is known and the text is long gone).
public struct FindingContext: Sendable, Hashable, Codable {
    public var source: FindingSource
    /// A project system named within the window (for `system_access_email`).
    public var projectSystem: String?
    /// A chat tool named within the same window (rules `system_access_email` out).
    public var chatTool: String?
    /// The link's host is a portfolio host, or a portfolio cue is within the window.
    public var portfolioCue: String?
    /// A project-website cue is within the window.
    public var projectCue: String?

    public init(source: FindingSource = .text, projectSystem: String? = nil, chatTool: String? = nil,
                portfolioCue: String? = nil, projectCue: String? = nil) {
        self.source = source
        self.projectSystem = projectSystem
        self.chatTool = chatTool
        self.portfolioCue = portfolioCue
        self.projectCue = projectCue
    }
}

/// Splits text into lower-cased words (runs of letters and digits) with their
/// Unicode-scalar offsets. Makes the policy's phrases; the read stage's context
/// scanner works on bytes instead and is tested against this.
public enum PhraseTokenizer {
    public struct Word: Sendable, Hashable {
        public var text: String
        public var start: Int
        public var end: Int
    }

    public static func tokenize(_ text: String) -> [Word] {
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var i = 0
        for s in text.unicodeScalars {
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                if current.isEmpty { start = i }
                current.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            } else if !current.isEmpty {
                words.append(Word(text: String(current), start: start, end: i))
                current = String.UnicodeScalarView()
            }
            i += 1
        }
        if !current.isEmpty { words.append(Word(text: String(current), start: start, end: i)) }
        return words
    }

    public static func words(of text: String) -> [String] { tokenize(text).map(\.text) }
}

/// Finds, for each finding, the cues the policy's exceptions look for.
///
/// Runs on every text with findings (≈ 3 % of messages), so it reads only the
/// words within the window before and after each finding, straight from the
/// UTF-8 bytes: ASCII bytes are classified by arithmetic, Unicode properties
/// are looked up only for non-ASCII scalars, and a word becomes a lexicon id
/// (`PhraseLexicon`), never a `String`. `referenceContexts` keeps the plain
/// whole-text version that the differential tests hold this one to.
public struct FindingContextScanner: Sendable {
    let projectSystems: [Phrase]
    let chatTools: [Phrase]
    let systemWindow: Int
    let portfolioHosts: [String]
    let portfolioCues: [Phrase]
    let portfolioWindow: Int
    let projectCues: [Phrase]
    let projectWindow: Int

    let lexicon: PhraseLexicon
    let systemList: PhraseList
    let chatList: PhraseList
    let portfolioList: PhraseList
    let projectList: PhraseList
    /// `"." + host` for each portfolio host, made once.
    let dottedPortfolioHosts: [String]
    /// The UTF-8 of each portfolio host; an empty array for a non-ASCII one,
    /// which an ASCII link never matches.
    let portfolioHostBytes: [[UInt8]]

    public init(policy: PolicyDocument) {
        var ps: [Phrase] = [], ct: [Phrase] = [], sw = 0
        var ph: [String] = [], pc: [Phrase] = [], pw = 0
        var jc: [Phrase] = [], jw = 0
        for e in policy.exceptions {
            switch e {
            case .systemAccessEmail(let w, let systems, let chats): ps = systems; ct = chats; sw = w
            case .portfolioLink(_, let w, let hosts, let cues): ph = hosts; pc = cues; pw = w
            case .projectWebsite(_, let w, let cues): jc = cues; jw = w
            default: break
            }
        }
        projectSystems = ps; chatTools = ct; systemWindow = sw
        portfolioHosts = ph; portfolioCues = pc; portfolioWindow = pw
        projectCues = jc; projectWindow = jw

        let lexicon = PhraseLexicon(words: (ps + ct + pc + jc).flatMap(\.words))
        self.lexicon = lexicon
        systemList = PhraseList(ps, lexicon: lexicon)
        chatList = PhraseList(ct, lexicon: lexicon)
        portfolioList = PhraseList(pc, lexicon: lexicon)
        projectList = PhraseList(jc, lexicon: lexicon)
        dottedPortfolioHosts = ph.map { "." + $0 }
        portfolioHostBytes = ph.map { h in h.utf8.allSatisfy { $0 < 0x80 } ? Array(h.utf8) : [] }
    }

    /// The context of each finding of one text (findings in Unicode-scalar offsets of `text`).
    public func contexts(for findings: [Finding], in text: String, source: FindingSource) -> [FindingContext] {
        guard !findings.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            contexts(for: findings, utf8: bytes, offsets: ScalarOffsets(bytes), source: source)
        }
    }

    /// The same, on the text's UTF-8 bytes with their scalar offsets (shared
    /// with the evidence snippets of the same text).
    public func contexts(for findings: [Finding], utf8 bytes: UnsafeBufferPointer<UInt8>, offsets: ScalarOffsets,
                         source: FindingSource) -> [FindingContext] {
        let n = offsets.scalarCount
        // Most findings are neither emails nor links and need no words at all.
        var before: [Int32] = [], after: [Int32] = []
        var contexts: [FindingContext] = []
        contexts.reserveCapacity(findings.count)
        for f in findings {
            let email = isEmailRelated(f) && systemWindow > 0
            let website = f.kind == .website
            let portfolioHost = website ? self.portfolioHost(of: f.normalized) : nil
            var window = email ? systemWindow : 0
            if website {
                if portfolioHost == nil { window = max(window, portfolioWindow) }
                window = max(window, projectWindow)
            }
            guard window > 0 else {
                contexts.append(FindingContext(source: source, portfolioCue: portfolioHost))
                continue
            }
            if before.capacity < window {
                before.reserveCapacity(window)
                after.reserveCapacity(window)
            }
            let start = offsets.byteOffset(ofScalar: min(max(f.start, 0), n))
            let end = offsets.byteOffset(ofScalar: min(max(f.end, 0), n))
            words(before: start, in: bytes, count: window, into: &before)
            words(after: end, in: bytes, count: window, into: &after)
            contexts.append(FindingContext(
                source: source,
                projectSystem: email ? Self.first(systemList, systemWindow, before, after) : nil,
                chatTool: email ? Self.first(chatList, systemWindow, before, after) : nil,
                portfolioCue: website ? portfolioHost ?? Self.first(portfolioList, portfolioWindow, before, after) : nil,
                projectCue: website ? Self.first(projectList, projectWindow, before, after) : nil))
        }
        return contexts
    }

    /// The list's first phrase within `window` words before or after the finding.
    static func first(_ list: PhraseList, _ window: Int, _ before: [Int32], _ after: [Int32]) -> String? {
        guard window > 0, !list.isEmpty else { return nil }
        return list.first(in: before.suffix(window), after.prefix(window))
    }

    func isEmailRelated(_ f: Finding) -> Bool {
        f.kind == .email || (f.kind == .offplatformRequest && f.platform == "email")
    }

    /// The portfolio host that a link's host is or ends in, if any. An ASCII
    /// link (nearly all) is read as bytes; any other goes through `host(of:)`.
    func portfolioHost(of normalized: String?) -> String? {
        guard var link = normalized else { return nil }
        let matched: Int?? = link.withUTF8 { b in
            guard Prefilter.isASCII(b) else { return .none }
            var lo = 0, hi = b.count
            if b.count >= 3 {
                for i in 0...(b.count - 3) where b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F { lo = i + 3; break }
            }
            for i in lo..<hi where b[i] == 0x2F || b[i] == 0x3F || b[i] == 0x23 { hi = i; break }
            for i in (lo..<hi).reversed() where b[i] == 0x40 { lo = i + 1; break }
            for i in lo..<hi where b[i] == 0x3A { hi = i; break }
            if hi - lo >= 4 && PhraseLexicon.lower(b[lo]) == 0x77 && PhraseLexicon.lower(b[lo + 1]) == 0x77
                && PhraseLexicon.lower(b[lo + 2]) == 0x77 && b[lo + 3] == 0x2E {
                lo += 4
            }
            guard lo < hi else { return .some(nil) }
            for (k, h) in portfolioHostBytes.enumerated() where Self.isHost(b, lo, hi, equalToOrUnder: h) { return k }
            return .some(nil)
        }
        if let matched { return matched.map { portfolioHosts[$0] } }
        guard let host = Self.host(of: normalized) else { return nil }
        for (k, h) in portfolioHosts.enumerated() where host == h || host.hasSuffix(dottedPortfolioHosts[k]) { return h }
        return nil
    }

    /// Whether bytes `lo..<hi`, lower-cased, are `host` or end in `.host`.
    static func isHost(_ b: UnsafeBufferPointer<UInt8>, _ lo: Int, _ hi: Int, equalToOrUnder host: [UInt8]) -> Bool {
        let n = host.count
        guard n > 0, hi - lo >= n else { return false }
        for k in 0..<n where PhraseLexicon.lower(b[hi - n + k]) != host[k] { return false }
        return hi - lo == n || b[hi - n - 1] == 0x2E
    }

    // MARK: Words around a finding, from the bytes

    /// The lexicon ids of the last `count` words that end at or before byte
    /// `boundary` (a scalar boundary), in text order. A word running across the
    /// boundary is not one of them.
    func words(before boundary: Int, in bytes: UnsafeBufferPointer<UInt8>, count: Int, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        var p = boundary
        if p > 0 && p < bytes.count && Self.wordScalar(endingAt: p, in: bytes).isWord
            && Self.wordScalar(at: p, in: bytes).isWord {
            p = Self.skipBack(from: p, in: bytes, words: true)
        }
        while ids.count < count && p > 0 {
            p = Self.skipBack(from: p, in: bytes, words: false)
            if p == 0 { break }
            let end = p
            p = Self.skipBack(from: p, in: bytes, words: true)
            ids.append(lexicon.id(ofWordIn: bytes, from: p, to: end))
        }
        ids.reverse()
    }

    /// The lexicon ids of the first `count` words that start at or after byte
    /// `boundary`. A word running across the boundary is not one of them.
    func words(after boundary: Int, in bytes: UnsafeBufferPointer<UInt8>, count: Int, into ids: inout [Int32]) {
        ids.removeAll(keepingCapacity: true)
        var p = boundary
        if p > 0 && p < bytes.count && Self.wordScalar(endingAt: p, in: bytes).isWord
            && Self.wordScalar(at: p, in: bytes).isWord {
            p = Self.skipForward(from: p, in: bytes, words: true)
        }
        while ids.count < count && p < bytes.count {
            p = Self.skipForward(from: p, in: bytes, words: false)
            if p == bytes.count { break }
            let start = p
            p = Self.skipForward(from: p, in: bytes, words: true)
            ids.append(lexicon.id(ofWordIn: bytes, from: start, to: p))
        }
    }

    /// A word is a run of letters and digits (`PhraseTokenizer`'s rule).
    @inline(__always)
    static func isWord(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }

    static func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }

    @inline(__always)
    static func wordScalar(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isWord: Bool, end: Int) {
        let b = bytes[i]
        if b < 0x80 { return (isWord(b), i + 1) }
        let (s, n) = ScalarOffsets.scalar(in: bytes, at: i)
        return (isWord(s), i + n)
    }

    @inline(__always)
    static func wordScalar(endingAt i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (isWord: Bool, start: Int) {
        var j = i - 1
        let b = bytes[j]
        if b < 0x80 { return (isWord(b), j) }
        while bytes[j] & 0xC0 == 0x80 { j -= 1 }
        return (isWord(ScalarOffsets.scalar(in: bytes, at: j).scalar), j)
    }

    /// Back from `p` over word scalars (or over the others), to where they start.
    static func skipBack(from p: Int, in bytes: UnsafeBufferPointer<UInt8>, words: Bool) -> Int {
        var p = p
        while p > 0 {
            let (w, start) = wordScalar(endingAt: p, in: bytes)
            if w != words { break }
            p = start
        }
        return p
    }

    /// Forward from `p` over word scalars (or over the others), to where they end.
    static func skipForward(from p: Int, in bytes: UnsafeBufferPointer<UInt8>, words: Bool) -> Int {
        var p = p
        while p < bytes.count {
            let (w, end) = wordScalar(at: p, in: bytes)
            if w != words { break }
            p = end
        }
        return p
    }

    /// The host of a link's normalized form (`https://www.behance.net/anna` → `behance.net`).
    static func host(of normalized: String?) -> String? {
        guard var s = normalized?.lowercased() else { return nil }
        if let r = s.range(of: "://") { s = String(s[r.upperBound...]) }
        if let slash = s.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { s = String(s[..<slash]) }
        if let at = s.lastIndex(of: "@") { s = String(s[s.index(after: at)...]) }
        if let colon = s.firstIndex(of: ":") { s = String(s[..<colon]) }
        if s.hasPrefix("www.") { s.removeFirst(4) }
        return s.isEmpty ? nil : s
    }
}
