import Foundation

/// A link found in a normalized text, before recognizers decide its kind.
struct Link {
    /// The bytes to report: scheme (if any) to the end of the path, trailing
    /// punctuation trimmed.
    var range: Range<Int>
    var host: String
    /// From the first "/", "?" or "#" after the host to the end; empty if none.
    var path: String
    var hasScheme: Bool
    /// What domains.txt says of the host, if anything.
    var domain: DomainEntry?

    /// The kind this link gets: the host's category, except that a categorized host
    /// with no path names no one and is a `website`; nil for the marketplace itself.
    var kind: FindingKind? {
        guard let domain else { return .website }
        guard let kind = domain.category.linkKind else { return nil }
        if kind != .website && (path.isEmpty || path == "/") { return .website }
        return kind
    }

    var platform: String? { domain?.platform }
}

/// Finds links by their hosts: a dot between a letter or digit and a known top-level
/// domain, extended back over the host (and a scheme) and forward over a port and a
/// path. No regular expressions: one pass over the bytes.
struct LinkScanner {
    let lexicon: Lexicon

    /// Second-level labels under which a three-label bare host is still a site
    /// ("bbc.co.uk"); other three-label bare names read like code ("self.view.is").
    static let secondLevelLabels: Set<String> = ["co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gob", "nic", "go"]
    static let genericForDeepNames: Set<String> = ["com", "net", "org", "io", "co", "app", "dev", "ai", "me"]

    func links(in bytes: [UInt8]) -> [Link] {
        bytes.withUnsafeBufferPointer { scan($0, byBytes: true) }
    }

    /// The same with every host read by characters (`link(around:_:byBytes: false)`):
    /// the slow reference of the bytes path, for the tests.
    func linksByCharacters(in bytes: [UInt8]) -> [Link] {
        bytes.withUnsafeBufferPointer { scan($0, byBytes: false) }
    }

    /// Whether the byte at `i` belongs to a host name: ASCII letters, digits, "-", or
    /// any byte of a letter of another script (internationalized names). The ASCII test
    /// inline, the rest in a call: the whole was not inlined, and a call per byte of
    /// every host cost about 60 instructions.
    @inline(__always)
    private static func isHostByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return ASCII.isAlnum(b) || b == 0x2D }
        return isNonASCIIHostByte(p, i)
    }

    @inline(never)
    private static func isNonASCIIHostByte(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var s = i
        while s > 0 && p[s] & 0xC0 == 0x80 { s -= 1 }
        return UTF8Scalar.isLetter(p, at: s)
    }

    private func scan(_ p: UnsafeBufferPointer<UInt8>, byBytes: Bool) -> [Link] {
        var out: [Link] = []
        let n = p.count
        var i = 1
        while i + 1 < n {
            // To the next dot in one library call (most bytes are not dots).
            if p[i] != 0x2E {
                guard let base = p.baseAddress, let hit = memchr(base + i, 0x2E, n - 1 - i) else { break }
                i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            }
            guard p[i] == 0x2E, Self.isHostByte(p, i - 1), p[i - 1] != 0x2D,
                  Self.isHostByte(p, i + 1), p[i + 1] != 0x2D else { i += 1; continue }
            if let (link, end) = link(around: i, p, byBytes: byBytes) {
                out.append(link)
                i = max(end, i + 1)
            } else {
                // Skip the rest of this dotted name: none of its dots starts a link.
                var j = i + 1
                while j < n && (Self.isHostByte(p, j) || p[j] == 0x2E) { j += 1 }
                i = j
            }
        }
        return out
    }

    /// The link whose host holds the dot at `dot`, and where scanning resumes.
    /// `byBytes`: a host of lower-case ASCII is read by `asciiLink` (no `String` before
    /// the link is kept); false reads every host by characters, as the reference.
    private func link(around dot: Int, _ p: UnsafeBufferPointer<UInt8>, byBytes: Bool) -> (Link, Int)? {
        let n = p.count
        var hs = dot
        while hs > 0 && (Self.isHostByte(p, hs - 1) || p[hs - 1] == 0x2E) { hs -= 1 }
        var he = dot
        while he < n && (Self.isHostByte(p, he) || p[he] == 0x2E) { he += 1 }
        // A trailing dot ends the sentence, not the host.
        while he > dot && (p[he - 1] == 0x2E || p[he - 1] == 0x2D) { he -= 1 }
        while hs < dot && (p[hs] == 0x2E || p[hs] == 0x2D) { hs += 1 }
        guard hs < dot, he > dot + 1 else { return nil }

        // The ending must be known (or the host listed) before anything is built.
        var lastDot = he - 1
        while lastDot > hs && p[lastDot] != 0x2E { lastDot -= 1 }
        let ending = UnsafeBufferPointer(rebasing: p[(lastDot + 1)..<he])
        let asciiEnding = ending.allSatisfy { $0 < 0x80 }
        if asciiEnding && !lexicon.tlds.asciiHashes.contains(TopLevelDomains.hash(ending))
            && !(ending.count > 4 && ending[0] == 0x78 && ending[1] == 0x6E && ending[2] == 0x2D && ending[3] == 0x2D)
            && !lexicon.domains.mayList(endingIn: ending) { return nil }

        // What stands before the host.
        var start = hs
        var hasScheme = false
        if hs >= 3 && p[hs - 1] == 0x2F && p[hs - 2] == 0x2F && p[hs - 3] == 0x3A {
            var s = hs - 3
            while s > 0 && ASCII.isLetter(p[s - 1]) { s -= 1 }
            if s < hs - 3 { start = s; hasScheme = true }
        }
        if !hasScheme && hs > 0 && NotContact.isPartOfSomethingElse(before: p[hs - 1]) { return nil }
        // An address's local part ("mary.me@…").
        if he < n && p[he] == 0x40 { return nil }

        if byBytes && !p[hs..<he].contains(where: { $0 >= 0x80 || $0 &- 0x41 < 26 }) {
            return asciiLink(p, start: start, hs: hs, he: he, hasScheme: hasScheme)
        }
        let host = String(decoding: p[hs..<he], as: UTF8.self)
        // Split by bytes when the host is ASCII (a dot is then a character of its own);
        // by characters otherwise, where a combining mark may join a dot.
        let asciiHost = host.utf8.allSatisfy { $0 < 0x80 }
        let labels: [Substring] = asciiHost
            ? host.utf8.split(separator: 0x2E, omittingEmptySubsequences: false).map { Substring($0) }
            : host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ label in
                  guard !label.isEmpty && label.utf8.count <= 63 else { return false }
                  if asciiHost { return label.utf8.first != 0x2D && label.utf8.last != 0x2D }
                  return !label.hasPrefix("-") && !label.hasSuffix("-")
              }),
              let tld = labels.last.map(String.init) else { return nil }
        let hasWWW = labels[0] == "www"
        // "www." names a host below it: "www.microsoft" is not one.
        if hasWWW && labels.count < 3 { return nil }

        let (pathStart, end) = Self.portAndPath(p, hostEnd: he, linkStart: start)
        let path = end > pathStart ? String(decoding: p[pathStart..<end], as: UTF8.self) : ""

        let domain = lexicon.domains.classify(host: host, path: path)
        // A host of domains.txt is known whatever its ending ("offplatform.example").
        guard domain != nil || lexicon.tlds.contains(tld) else { return nil }
        if !hasScheme && !hasWWW {
            if NotContact.isTechName(host) { return nil }
            // A host of domains.txt is known by name; others need an ending used bare.
            guard domain != nil || acceptsBare(labels: labels, tld: tld, path: path) else { return nil }
            if end < n && NotContact.isCodeAfter(p[end]) { return nil }
        }
        return (Link(range: start..<end, host: host, path: path, hasScheme: hasScheme, domain: domain), end)
    }

    /// The rest of `link(around:_:byBytes:)` for a host of lower-case ASCII letters,
    /// digits, "-" and "." (nearly every host): its labels, ending, port, path and
    /// catalog entry read as bytes, and the same tests in the same order; the host and
    /// the path become `String`s only once the ending is known (two allocations, where the
    /// reading by characters made a dozen for every dotted name with a known ending).
    private func asciiLink(_ p: UnsafeBufferPointer<UInt8>, start: Int, hs: Int, he: Int,
                           hasScheme: Bool) -> (Link, Int)? {
        let n = p.count
        // Labels: how many, the first, the last two; each 1 to 63 bytes, no "-" at either end.
        var labels = 0
        var firstEnd = he
        var secondStart = hs, secondEnd = hs
        var lastStart = hs
        var numericLabel = false
        var s = hs
        while true {
            var e = s
            var digitsOnly = true
            while e < he && p[e] != 0x2E {
                digitsOnly = digitsOnly && p[e] &- 0x30 < 10
                e += 1
            }
            guard e > s && e - s <= 63 && p[s] != 0x2D && p[e - 1] != 0x2D else { return nil }
            labels += 1
            if labels == 1 { firstEnd = e }
            if e == he {
                lastStart = s
                break
            }
            // A label of digits before the ending (`NotContact.hasNumericLabel`).
            if digitsOnly { numericLabel = true }
            secondStart = s
            secondEnd = e
            s = e + 1
        }
        guard labels >= 2 else { return nil }
        let tld = String(decoding: p[lastStart..<he], as: UTF8.self)
        let hasWWW = firstEnd - hs == 3 && p[hs] == 0x77 && p[hs + 1] == 0x77 && p[hs + 2] == 0x77
        if hasWWW && labels < 3 { return nil }

        let (pathStart, end) = Self.portAndPath(p, hostEnd: he, linkStart: start)
        let path = UnsafeBufferPointer(rebasing: p[pathStart..<max(pathStart, end)])

        let domain = lexicon.domains.classify(asciiHost: UnsafeBufferPointer(rebasing: p[hs..<he]), path: path)
        let tlds = lexicon.tlds
        guard domain != nil || tlds.contains(tld) else { return nil }
        let host = String(decoding: p[hs..<he], as: UTF8.self)
        if !hasScheme && !hasWWW {
            if NotContact.isTechName(host) { return nil }
            if domain == nil {
                // `acceptsBare`, on bytes.
                guard tlds.bare.contains(tld) || tld.hasPrefix("xn--") else { return nil }
                let pathIsEmpty = path.isEmpty || (path.count == 1 && path[0] == 0x2F)
                if tlds.fileExtensions.contains(tld) && pathIsEmpty { return nil }
                if labels >= 3 {
                    let second = String(decoding: p[secondStart..<secondEnd], as: UTF8.self)
                    if !Self.genericForDeepNames.contains(tld) && !Self.secondLevelLabels.contains(second) { return nil }
                }
                if numericLabel { return nil }
            }
            if end < n && NotContact.isCodeAfter(p[end]) { return nil }
        }
        let pathString = path.isEmpty ? "" : String(decoding: path, as: UTF8.self)
        return (Link(range: start..<end, host: host, path: pathString, hasScheme: hasScheme, domain: domain), end)
    }

    /// A host written without "http://" or "www." counts only with an ending people use
    /// that way, not as a file name ("main.py") and not as code ("self.view.is").
    private func acceptsBare(labels: [Substring], tld: String, path: String) -> Bool {
        let tlds = lexicon.tlds
        guard tlds.bare.contains(tld) || tld.hasPrefix("xn--") || tld.utf8.contains(where: { $0 >= 0x80 }) else { return false }
        if NotContact.isFileName(tld: tld, path: path, tlds: tlds) { return false }
        if labels.count >= 3 {
            let second = String(labels[labels.count - 2])
            if !Self.genericForDeepNames.contains(tld) && !Self.secondLevelLabels.contains(second) { return false }
        }
        return !NotContact.hasNumericLabel(labels)
    }

    @inline(__always)
    static func isURLByte(_ b: UInt8) -> Bool {
        if b >= 0x80 { return true }
        if b <= 0x20 { return false }
        switch b {
        case 0x22, 0x3C, 0x3E, 0x60, 0x7B, 0x7D, 0x7C, 0x5C, 0x5E: return false
        default: return true
        }
    }

    /// Drops punctuation that ends the sentence rather than the link; a closing
    /// bracket stays when the link opened one.
    /// After a host ending at `hostEnd`: a port (":" and digits, before "/", a space or the end) and a path
    /// ("/", "?" or "#" and URL bytes, trailing punctuation trimmed). Returns where the path starts (after the
    /// port) and where the link ends.
    @inline(__always)
    static func portAndPath(_ p: UnsafeBufferPointer<UInt8>, hostEnd: Int, linkStart start: Int) -> (pathStart: Int, end: Int) {
        let n = p.count
        var end = hostEnd
        if end + 1 < n && p[end] == 0x3A && ASCII.isDigit(p[end + 1]) {
            var j = end + 1
            while j < n && ASCII.isDigit(p[j]) { j += 1 }
            if j == n || p[j] == 0x2F || ASCII.isSpace(p[j]) { end = j }
        }
        let pathStart = end
        if end < n && (p[end] == 0x2F || p[end] == 0x3F || p[end] == 0x23) {
            while end < n && isURLByte(p[end]) { end += 1 }
            end = trimTrailing(p, from: start, to: end)
        }
        return (pathStart, end)
    }

    static func trimTrailing(_ p: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var e = end
        while e > start {
            let b = p[e - 1]
            switch b {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x2A:
                e -= 1
            case 0x29, 0x5D:
                let open: UInt8 = b == 0x29 ? 0x28 : 0x5B
                var opens = 0, closes = 0
                for k in start..<e { if p[k] == open { opens += 1 } else if p[k] == b { closes += 1 } }
                if closes > opens { e -= 1 } else { return e }
            default:
                return e
            }
        }
        return e
    }
}
