/// The policy's "never a finding" list as checks recognizers call to drop a match:
/// file names, version numbers and IP addresses, code, ordinary words, ticket and
/// order numbers, prices and quantities. Each check is small and tested on its own.
enum NotContact {
    /// "main.py", "logo.ai", "notes.md": a name whose ending is a file extension and
    /// that has no path after it is a file, even when the ending is also a country's.
    static func isFileName(tld: String, path: String, tlds: TopLevelDomains) -> Bool {
        tlds.fileExtensions.contains(tld) && (path.isEmpty || path == "/")
    }

    /// "v2.10.3", "192.168.0.1", "1.5x.com": a dotted name with a label of digits only
    /// before its ending is a version, an address or a quantity, not a host people type.
    static func hasNumericLabel(_ labels: [Substring]) -> Bool {
        labels.dropLast().contains { label in
            guard !label.isEmpty else { return false }
            // ASCII labels byte by byte (their only numbers are 0-9); others by character.
            if label.utf8.allSatisfy({ $0 < 0x80 }) { return label.utf8.allSatisfy { $0 &- 0x30 < 10 } }
            return label.allSatisfy(\.isNumber)
        }
    }

    /// Libraries and frameworks named like hosts: "ASP.NET", "Socket.IO".
    static let techNames: Set<String> = ["asp.net", "vb.net", "ado.net", "socket.io", "node.js", "chart.js", "three.js",
                                         "d3.js", "vue.js", "next.js", "nuxt.js", "ember.js", "backbone.js"]

    static func isTechName(_ host: String) -> Bool { techNames.contains(host) }

    /// "git@github.com:org/repo.git": a repository address, not a mailbox.
    static func isRepositoryRemote(local: [UInt8], followedBy next: UInt8?) -> Bool {
        local == Array("git".utf8) && next == 0x3A
    }

    /// "1200x628", "16x9": dimensions, not identifiers.
    static func isDimension(_ text: String) -> Bool {
        // ASCII (nearly every handle): bytes, the same answer without grapheme breaking
        // (an ASCII character is a number only as a digit).
        let ascii = text.utf8.withContiguousStorageIfAvailable { p -> Bool? in
            guard !p.contains(where: { $0 >= 0x80 }) else { return nil }
            guard let x = p.firstIndex(of: 0x78), x > 0, x < p.count - 1 else { return false }
            return p[..<x].allSatisfy(ASCII.isDigit) && p[(x + 1)...].allSatisfy(ASCII.isDigit)
        }
        if let ascii, let ascii { return ascii }
        return isDimensionByCharacters(text)
    }

    /// `isDimension` of ASCII bytes, without making a `String`.
    static func isDimension(ascii p: ArraySlice<UInt8>) -> Bool {
        guard let x = p.firstIndex(of: 0x78), x > p.startIndex, x < p.endIndex - 1 else { return false }
        return p[..<x].allSatisfy(ASCII.isDigit) && p[(x + 1)...].allSatisfy(ASCII.isDigit)
    }

    /// The same by characters (numbers of any script): the reference for the bytes above.
    static func isDimensionByCharacters(_ text: String) -> Bool {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// What follows a dotted name in code: a call, an assignment, an index
    /// ("config.get(", "obj.name =", "df.at[").
    static func isCodeAfter(_ b: UInt8) -> Bool { b == 0x28 || b == 0x3D || b == 0x5B }

    /// What stands right before a dotted name that is part of something else: an
    /// address's "@", a path's "/" or "\", an identifier's "_", "$", "#", ":", "=",
    /// "~", "%".
    static func isPartOfSomethingElse(before b: UInt8) -> Bool {
        switch b {
        case 0x40, 0x2F, 0x5C, 0x5F, 0x24, 0x23, 0x3A, 0x3D, 0x7E, 0x25: return true
        default: return false
        }
    }

    /// Words that are never a handle or a name on their own: everyday words
    /// (common_words.txt), pronouns, platform and channel names, grammar words.
    static func isOrdinaryWord(_ word: String, lexicon: Lexicon) -> Bool {
        guard let e = lexicon.words.entry(forWord: word) else { return false }
        return !e.roles.isDisjoint(with: ordinaryRoles)
    }

    static let ordinaryRoles: WordRoles = [.commonWord, .alias, .channelNoun, .preposition, .object, .my, .your,
                                           .article, .subject, .modal, .proposal, .negation, .ask, .contactVerb,
                                           .moveVerb, .offline]

    /// `isOrdinaryWord` of ASCII bytes, without making a `String` and the key's array
    /// (`LexiconKey.utf8Bytes` drops the same separators).
    static func isOrdinaryWord(ascii word: ArraySlice<UInt8>, lexicon: Lexicon) -> Bool {
        let words = lexicon.words
        guard let id = words.entry(for: word.lazy.filter { $0 != 0x20 && $0 != 0x2D && $0 != 0x2E }) else { return false }
        return !words.entries[Int(id)].roles.isDisjoint(with: ordinaryRoles)
    }

    /// "issue#1234", "order #1234", "PR#12": a number after these words is a ticket,
    /// an order or an invoice, not a Discord tag.
    static let ticketWords: Set<String> = ["issue", "issues", "bug", "ticket", "order", "invoice", "pr", "case", "task",
                                           "item", "no", "number", "ref", "story", "job", "request", "req", "build", "id"]

    static func isTicketNumber(prefix: String) -> Bool { ticketWords.contains(prefix) }

    /// "$100", "€50", "#3", "+5": a number with a currency sign, a hash or a sign in
    /// front is a price, a rank or a quantity, not a house number.
    static func isPriceOrRank(before b: UInt8) -> Bool {
        b == 0x24 || b == 0x23 || b == 0x2B || b == 0x80
    }

    /// "10 minute drive", "500 GB drive", "3 way street": units and measures that
    /// look like a street name before a street word.
    static let unitWords: Set<String> = [
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "mile", "miles", "km", "kms", "meter", "meters", "metre", "metres", "m", "second", "seconds", "sec",
        "gb", "mb", "tb", "kb", "usb", "hard", "external", "flash", "thumb", "test", "google", "cloud", "shared", "disk",
        "long", "short", "more", "less", "other", "page", "pages", "step", "steps", "way", "ways", "item", "items", "times",
        "lane", "dead", "end", "story", "level", "floor", "star", "stars",
    ]
}
