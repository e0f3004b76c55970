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
/// Unicode-scalar offsets. Used on the few texts that hold findings, not on the hot path.
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
public struct FindingContextScanner: Sendable {
    let projectSystems: [Phrase]
    let chatTools: [Phrase]
    let systemWindow: Int
    let portfolioHosts: [String]
    let portfolioCues: [Phrase]
    let portfolioWindow: Int
    let projectCues: [Phrase]
    let projectWindow: Int

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
    }

    /// The context of each finding of one text (findings in Unicode-scalar offsets of `text`).
    public func contexts(for findings: [Finding], in text: String, source: FindingSource) -> [FindingContext] {
        guard !findings.isEmpty else { return [] }
        let words = PhraseTokenizer.tokenize(text)
        return findings.map { f in
            var c = FindingContext(source: source)
            if isEmailRelated(f) && systemWindow > 0 {
                c.projectSystem = firstPhrase(projectSystems, in: words, around: f, window: systemWindow)
                c.chatTool = firstPhrase(chatTools, in: words, around: f, window: systemWindow)
            }
            if f.kind == .website {
                if let host = Self.host(of: f.normalized), let h = portfolioHosts.first(where: { host == $0 || host.hasSuffix("." + $0) }) {
                    c.portfolioCue = h
                } else if portfolioWindow > 0 {
                    c.portfolioCue = firstPhrase(portfolioCues, in: words, around: f, window: portfolioWindow)
                }
                if projectWindow > 0 {
                    c.projectCue = firstPhrase(projectCues, in: words, around: f, window: projectWindow)
                }
            }
            return c
        }
    }

    func isEmailRelated(_ f: Finding) -> Bool {
        f.kind == .email || (f.kind == .offplatformRequest && f.platform == "email")
    }

    /// The first of `phrases` that occurs within `window` words before or after the
    /// finding, not counting the words inside the finding itself (so an address
    /// at github.com does not name GitHub).
    func firstPhrase(_ phrases: [Phrase], in words: [PhraseTokenizer.Word], around f: Finding, window: Int) -> String? {
        guard !phrases.isEmpty else { return nil }
        let before = words.filter { $0.end <= f.start }.suffix(window).map(\.text)
        let after = words.filter { $0.start >= f.end }.prefix(window).map(\.text)
        for p in phrases where Self.contains(before, p.words) || Self.contains(after, p.words) {
            return p.description
        }
        return nil
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for i in 0...(words.count - phrase.count) where Array(words[i..<(i + phrase.count)]) == phrase {
            return true
        }
        return false
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
