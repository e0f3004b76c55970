import Foundation

/// A platform or channel named in platforms.txt.
public struct Platform: Sendable, Hashable {
    public let slug: String
    /// The kind an identifier on this platform gets.
    public let kind: FindingKind
}

/// All lexicon data, parsed and checked once, shared read-only by the normalizer,
/// the prefilter and every recognizer.
///
/// The data lives in text files under `Lexicons/` so that people who know chat
/// habits can change it without reading Swift; every file is validated when loaded
/// and a fault names the file and line.
public final class Lexicon: Sendable {
    public static let fileNames = [
        "platforms.txt", "domains.txt", "tlds.txt", "number_words.txt", "homoglyphs.txt",
        "request_words.txt", "street_types.txt", "common_words.txt", "iban_countries.txt",
    ]

    public let platforms: [Platform]
    let platformIndex: [String: Int32]
    let words: WordAutomaton
    /// The same words cut down to those the prefilter reacts to in its main pass
    /// (triggers, number words, "live", noun-only names): a table small enough to stay
    /// in cache while it scans every message. Street words are looked up exactly only in
    /// texts with a house number, among the words the main pass marked as street-like.
    let prefilterWords: WordAutomaton
    /// Street and PO-box words, and channel nouns: the prefilter's lookups outside its main pass.
    let streetWords: WordAutomaton
    let channelNouns: WordAutomaton
    /// The number words alone, for the normalizer's pass over runs of digits.
    let numberWords: WordAutomaton
    /// `words.entries[i].info`, kept apart so tokens copy plain values.
    let wordInfo: [WordInfo]
    let domains: DomainCatalog
    let tlds: TopLevelDomains
    /// Homoglyph code point → Latin letter (ASCII).
    let homoglyphs: [UInt32: UInt8]
    /// How every non-ASCII scalar is read (built once: a table of the whole BMP).
    let fold: ScalarFold
    /// One-word street-name endings ("straße", "straat"), as UTF-8.
    let streetSuffixes: [[UInt8]]
    /// PO-box phrases with spaces and dots removed ("pobox", "postfach").
    let poBoxPhrases: [[UInt8]]
    /// IBAN length by country code (upper-case ASCII).
    let ibanLengths: [String: Int]

    /// The lexicons shipped with the module.
    public static func builtIn() throws -> Lexicon {
        try builtInResult.get()
    }

    private static let builtInResult: Result<Lexicon, Error> = Result {
        guard let dir = Bundle.module.url(forResource: "Lexicons", withExtension: nil) else {
            throw LexiconError(file: "Lexicons", line: 0, message: "resource directory missing from the bundle")
        }
        return try Lexicon(directory: dir)
    }

    /// Loads every file of `fileNames` from a directory.
    public convenience init(directory: URL) throws {
        var contents: [String: String] = [:]
        for name in Self.fileNames {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw LexiconError(file: name, line: 0, message: "cannot read \(url.path)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw LexiconError(file: name, line: 0, message: "not UTF-8")
            }
            contents[name] = text
        }
        try self.init(files: contents)
    }

    /// Parses lexicons from their texts, keyed by file name; a missing file is an error.
    /// `platformHosts` replaces the `platform` hosts of domains.txt when given.
    init(files: [String: String], platformHosts: [String]? = nil) throws {
        func source(_ name: String) throws -> LexiconSource {
            guard let text = files[name] else { throw LexiconError(file: name, line: 0, message: "missing") }
            return LexiconSource(file: name, contents: text)
        }
        var builder = WordsBuilder()

        // platforms.txt
        let (platforms, platformIndex) = try Self.parsePlatforms(source("platforms.txt"), into: &builder)
        self.platforms = platforms
        self.platformIndex = platformIndex

        // domains.txt
        var domains = try DomainCatalog(source: source("domains.txt"))
        if let platformHosts { domains = domains.replacingPlatformHosts(platformHosts) }
        self.domains = domains
        for provider in domains.bareProviderNames {
            try builder.add(provider, roles: .bareProvider, source: nil, line: nil)
        }

        self.tlds = try TopLevelDomains(source: source("tlds.txt"))
        try Self.parseNumberWords(source("number_words.txt"), into: &builder)
        self.homoglyphs = try Self.parseHomoglyphs(source("homoglyphs.txt"))
        self.fold = ScalarFold(homoglyphs: homoglyphs)
        try Self.parseGrammar(source("request_words.txt"), platformIndex: platformIndex, into: &builder)
        let streets = try Self.parseStreetTypes(source("street_types.txt"), into: &builder)
        self.streetSuffixes = streets.suffixes
        self.poBoxPhrases = streets.poBoxes
        try Self.parseCommonWords(source("common_words.txt"), into: &builder)
        self.ibanLengths = try Self.parseIBANLengths(source("iban_countries.txt"))

        try builder.add("dot", roles: .dotWord, source: nil, line: nil)
        try builder.add("live", roles: .liveWord, source: nil, line: nil)
        self.words = builder.automaton()
        self.wordInfo = words.entries.map(\.info)
        self.numberWords = builder.automaton { $0.roles.contains(.numberWord) }
        self.streetWords = builder.automaton { !$0.roles.isDisjoint(with: [.streetAfterName, .streetBeforeName, .poBoxWord]) }
        self.channelNouns = builder.automaton { $0.roles.contains(.channelNoun) }
        self.prefilterWords = builder.automaton { e in
            e.isTrigger || !e.roles.isDisjoint(with: [.numberWord, .liveWord]) || (e.roles.contains(.alias) && e.strength == .noun)
        }
    }

    /// The same lexicons with other marketplace hosts (links to them are never findings).
    func replacingPlatformHosts(_ hosts: [String]) -> Lexicon {
        Lexicon(copying: self, domains: domains.replacingPlatformHosts(hosts))
    }

    private init(copying other: Lexicon, domains: DomainCatalog) {
        platforms = other.platforms
        platformIndex = other.platformIndex
        words = other.words
        prefilterWords = other.prefilterWords
        wordInfo = other.wordInfo
        numberWords = other.numberWords
        streetWords = other.streetWords
        channelNouns = other.channelNouns
        self.domains = domains
        tlds = other.tlds
        homoglyphs = other.homoglyphs
        fold = other.fold
        streetSuffixes = other.streetSuffixes
        poBoxPhrases = other.poBoxPhrases
        ibanLengths = other.ibanLengths
    }

    func platform(_ index: Int32) -> Platform? {
        index >= 0 && Int(index) < platforms.count ? platforms[Int(index)] : nil
    }

    public func platform(slug: String) -> Platform? {
        platformIndex[slug].map { platforms[Int($0)] }
    }

    // MARK: - Files

    private static let kindsByName: [String: FindingKind] = Dictionary(
        uniqueKeysWithValues: FindingKind.allCases.map { ($0.rawValue, $0) })

    private static func parsePlatforms(_ src: LexiconSource, into builder: inout WordsBuilder) throws
        -> ([Platform], [String: Int32]) {
        var platforms: [Platform] = []
        var index: [String: Int32] = [:]
        let allowedKinds: Set<FindingKind> = [.messagingApp, .socialProfile, .meetingLink, .schedulingLink,
                                              .contactForm, .paymentAccount, .email, .phone]
        for line in src.lines {
            let f = try src.fields(line, count: 4...4)
            let slug = f[0]
            guard slug.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
                throw src.error(line, "slug '\(slug)' must be lower-case letters, digits and '_'")
            }
            guard let kind = kindsByName[f[1]], allowedKinds.contains(kind) else {
                throw src.error(line, "unknown kind '\(f[1])' (expected one of \(allowedKinds.map(\.rawValue).sorted().joined(separator: ", ")))")
            }
            guard let strength = ["strong": AliasStrength.strong, "weak": .weak, "noun": .noun][f[2]] else {
                throw src.error(line, "unknown strength '\(f[2])' (expected strong, weak or noun)")
            }
            let id: Int32
            if let existing = index[slug] {
                guard platforms[Int(existing)].kind == kind else {
                    throw src.error(line, "platform '\(slug)' was given kind \(platforms[Int(existing)].kind.rawValue) before")
                }
                id = existing
            } else {
                id = Int32(platforms.count)
                platforms.append(Platform(slug: slug, kind: kind))
                index[slug] = id
            }
            for item in try src.list(line, f[3]) {
                let unsplit = item.hasSuffix("!")
                let alias = unsplit ? String(item.dropLast()) : item
                if let problem = LexiconKey.validate(alias, allowSpaces: !unsplit) { throw src.error(line, problem) }
                try builder.addAlias(alias, platform: id, strength: strength, splittable: !unsplit, source: src, line: line)
            }
        }
        return (platforms, index)
    }

    private static func parseNumberWords(_ src: LexiconSource, into builder: inout WordsBuilder) throws {
        for line in src.lines {
            let f = try src.fields(line, count: 3...3)
            if let problem = LexiconKey.validate(f[0], allowSpaces: false) { throw src.error(line, problem) }
            var entryDigits: [UInt8] = []
            var repeatCount = 0
            if f[1].hasPrefix("x"), let n = Int(f[1].dropFirst()), (2...3).contains(n) {
                repeatCount = n
            } else if !f[1].isEmpty, f[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), f[1].utf8.count <= 2 {
                entryDigits = Array(f[1].utf8)
            } else {
                throw src.error(line, "digits '\(f[1])' must be one or two ASCII digits, or x2/x3")
            }
            guard f[2] == "strong" || f[2] == "weak" else {
                throw src.error(line, "unknown strength '\(f[2])' (expected strong or weak)")
            }
            try builder.add(f[0], roles: .numberWord, source: src, line: line) { e in
                guard e.digits.isEmpty && e.repeatCount == 0 else { return "number word '\(f[0])' twice" }
                e.digits = entryDigits
                e.repeatCount = repeatCount
                e.strongNumber = f[2] == "strong"
                return nil
            }
        }
    }

    private static func parseHomoglyphs(_ src: LexiconSource) throws -> [UInt32: UInt8] {
        var map: [UInt32: UInt8] = [:]
        var previous: UInt32 = 0
        for line in src.lines {
            let f = try src.fields(line, count: 3...3)
            guard f[0].hasPrefix("U+"), let cp = UInt32(f[0].dropFirst(2), radix: 16), cp >= 0x80 else {
                throw src.error(line, "'\(f[0])' is not a non-ASCII code point written U+XXXX")
            }
            guard f[1].count == 1, let t = f[1].unicodeScalars.first, (0x61...0x7A).contains(t.value) else {
                throw src.error(line, "target '\(f[1])' must be one letter a-z")
            }
            guard cp > previous else { throw src.error(line, "\(f[0]) is out of order or repeated") }
            previous = cp
            map[cp] = UInt8(t.value)
        }
        return map
    }

    private static func parseGrammar(_ src: LexiconSource, platformIndex: [String: Int32],
                                      into builder: inout WordsBuilder) throws {
        var section: String? = nil
        var seenInSection: Set<String> = []
        var seenSections: Set<String> = []
        for line in src.lines {
            if let name = src.sectionName(line) {
                guard WordRoles.grammarClasses[name] != nil else {
                    throw src.error(line, "unknown class [\(name)] (expected one of \(WordRoles.grammarClasses.keys.sorted().joined(separator: ", ")))")
                }
                guard seenSections.insert(name).inserted else { throw src.error(line, "class [\(name)] twice") }
                section = name
                seenInSection = []
                continue
            }
            guard let name = section, let role = WordRoles.grammarClasses[name] else {
                throw src.error(line, "words before the first [class] header")
            }
            let mapsChannels = WordRoles.channelMappingClasses.contains(name)
            for item in try src.list(line, line.text.hasSuffix(",") ? String(line.text.dropLast()) : line.text) {
                var word = item
                var channel: Int32 = -1
                if let eq = item.firstIndex(of: "=") {
                    guard mapsChannels else { throw src.error(line, "class [\(name)] does not map words to channels ('\(item)')") }
                    word = item[..<eq].trimmingCharacters(in: .whitespaces)
                    let slug = item[item.index(after: eq)...].trimmingCharacters(in: .whitespaces)
                    if slug != "-" {
                        guard let id = platformIndex[slug] else {
                            throw src.error(line, "unknown channel '\(slug)' for '\(word)' (not a platforms.txt slug)")
                        }
                        channel = id
                    }
                } else if mapsChannels {
                    throw src.error(line, "'\(item)' in [\(name)] needs '= channel' (or '= -')")
                }
                if let problem = LexiconKey.validate(word, allowSpaces: false) { throw src.error(line, problem) }
                guard seenInSection.insert(word).inserted else { throw src.error(line, "'\(word)' twice in [\(name)]") }
                try builder.add(word, roles: role, source: src, line: line) { e in
                    switch role {
                    case .contactVerb: e.contactChannel = channel
                    case .pastContact: e.pastChannel = channel
                    case .sentObject: e.sentChannel = channel
                    default: break
                    }
                    return nil
                }
            }
        }
        let missing = Set(WordRoles.grammarClasses.keys).subtracting(seenSections)
        if !missing.isEmpty {
            throw LexiconError(file: src.file, line: 0, message: "missing classes: \(missing.sorted().joined(separator: ", "))")
        }
    }

    private static func parseStreetTypes(_ src: LexiconSource, into builder: inout WordsBuilder) throws
        -> (suffixes: [[UInt8]], poBoxes: [[UInt8]]) {
        var suffixes: [[UInt8]] = []
        var poBoxes: [[UInt8]] = []
        var seen: Set<String> = []
        for line in src.lines {
            let f = try src.fields(line, count: 3...3)
            let word = f[0]
            guard seen.insert(word + "|" + f[1]).inserted else { throw src.error(line, "'\(word)' as \(f[1]) twice") }
            switch f[1] {
            case "after_name", "before_name":
                if let problem = LexiconKey.validate(word, allowSpaces: false) { throw src.error(line, problem) }
                try builder.add(word, roles: f[1] == "after_name" ? .streetAfterName : .streetBeforeName,
                                source: src, line: line)
            case "suffix":
                if let problem = LexiconKey.validate(word, allowSpaces: false) { throw src.error(line, problem) }
                suffixes.append(Array(word.utf8))
            case "po_box":
                if let problem = LexiconKey.validate(word, allowSpaces: true) { throw src.error(line, problem) }
                poBoxes.append(LexiconKey.utf8Bytes(word))
                // Each word of the phrase is a prefilter trigger (with a digit in the text).
                for part in word.split(separator: " ") where part.count > 1 {
                    try builder.add(String(part), roles: .poBoxWord, source: nil, line: nil)
                }
            default:
                throw src.error(line, "unknown order '\(f[1])' (expected after_name, before_name, suffix or po_box)")
            }
        }
        return (suffixes, poBoxes)
    }

    private static func parseCommonWords(_ src: LexiconSource, into builder: inout WordsBuilder) throws {
        var previous = ""
        for line in src.lines {
            if let problem = LexiconKey.validate(line.text, allowSpaces: false) { throw src.error(line, problem) }
            guard line.text > previous else { throw src.error(line, "'\(line.text)' is out of order or repeated") }
            previous = line.text
            try builder.add(line.text, roles: .commonWord, source: src, line: line)
        }
    }

    private static func parseIBANLengths(_ src: LexiconSource) throws -> [String: Int] {
        var lengths: [String: Int] = [:]
        var previous = ""
        for line in src.lines {
            let f = try src.fields(line, count: 2...2)
            guard f[0].count == 2, f[0].allSatisfy({ $0.isASCII && $0.isUppercase }) else {
                throw src.error(line, "'\(f[0])' is not a two-letter upper-case country code")
            }
            guard let n = Int(f[1]), (15...34).contains(n) else {
                throw src.error(line, "length '\(f[1])' is not between 15 and 34")
            }
            guard f[0] > previous else { throw src.error(line, "\(f[0]) is out of order or repeated") }
            previous = f[0]
            lengths[f[0]] = n
        }
        return lengths
    }
}

/// Collects entries for the word automaton, merging the parts one word plays.
struct WordsBuilder {
    private var entries: [WordEntry] = []
    private var byWord: [String: Int32] = [:]
    private var keys: [(bytes: [UInt8], entry: Int32)] = []
    /// Aliases by their letters (spaces, hyphens and dots removed), to refuse duplicates.
    private var aliasKeys: [String: String] = [:]

    mutating func addAlias(_ alias: String, platform: Int32, strength: AliasStrength, splittable: Bool,
                           source: LexiconSource, line: LexiconSource.Line) throws {
        let key = String(decoding: LexiconKey.utf8Bytes(alias), as: UTF8.self)
        if let other = aliasKeys[key] {
            throw source.error(line, "alias '\(alias)' duplicates '\(other)'")
        }
        aliasKeys[key] = alias
        try add(key, roles: .alias, source: source, line: line) { e in
            e.platform = platform
            e.strength = strength
            e.splittable = splittable
            return nil
        }
    }

    /// Adds a role to a word. `merge` may set more fields and returns an error text
    /// for a conflict.
    mutating func add(_ word: String, roles: WordRoles, source: LexiconSource?, line: LexiconSource.Line?,
                      merge: (inout WordEntry) -> String? = { _ in nil }) throws {
        let id: Int32
        if let existing = byWord[word] {
            id = existing
        } else {
            id = Int32(entries.count)
            entries.append(WordEntry(word: word))
            byWord[word] = id
            let utf8 = LexiconKey.utf8Bytes(word)
            keys.append((utf8, id))
            let latin1 = LexiconKey.latin1Bytes(word)
            if latin1 != utf8 { keys.append((latin1, id)) }
        }
        entries[Int(id)].roles.formUnion(roles)
        if let problem = merge(&entries[Int(id)]) {
            if let source, let line { throw source.error(line, problem) }
            throw LexiconError(file: "lexicon", line: 0, message: problem)
        }
    }

    /// The automaton of every word, or of those `keeping` accepts (entry indices stay
    /// the same).
    func automaton(keeping: (WordEntry) -> Bool = { _ in true }) -> WordAutomaton {
        WordAutomaton(entries: entries, keys: keys.filter { keeping(entries[Int($0.entry)]) })
    }
}
