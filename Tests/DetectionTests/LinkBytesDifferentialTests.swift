import Testing
@testable import Detection
import TestSupport

/// The link scanner's reading of a lower-case ASCII host by bytes (`asciiLink`, and the
/// catalog's `classify(asciiHost:path:)`) against its reading by characters (labels
/// split as `Substring`s, the catalog looked up by `String`): the same links (range,
/// host, path, scheme, catalog entry) and the same entries, on every listed host and
/// path prefix, grown, cut and followed by what may join a path's last character; on
/// random dotted names of listed hosts, endings (bare, file extensions, punycode, none),
/// numeric and deep labels, tech names, ports, paths and what may follow them.
@Suite struct LinkBytesDifferentialTests {
    static let lexicon = Harness.lexicon
    static let scanner = LinkScanner(lexicon: lexicon)

    static func describe(_ l: Link) -> String {
        let d = l.domain.map { "\($0.host)\($0.path) \($0.category.rawValue) \($0.platform)" } ?? "-"
        return "\(l.range) host \(l.host) path \(l.path) scheme \(l.hasScheme) domain \(d)"
    }

    /// Scans every text both ways; returns how many links were found.
    @discardableResult
    static func check(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        expectSameOnEveryText(texts, "links", sourceLocation: sourceLocation,
                              fast: { scanner.links(in: Array($0.utf8)).map(describe) },
                              slow: { scanner.linksByCharacters(in: Array($0.utf8)).map(describe) })
    }

    /// What may follow a path prefix: nothing, more path, a letter of another script,
    /// combining marks (they join the prefix's last character), a query, punctuation.
    static let pathEndings = ["", "x", "abc", "/", "é", "\u{301}", "\u{301}x", "\u{200D}", "ä", "?q=1", "#a", ".", ")",
                              "%20", "@", "k", "K", "\u{212A}", ";", "\u{37E}"]

    @Test func sameEntriesForEveryListedHostAndPath() {
        let catalog = Self.lexicon.domains
        var cases = 0, entries = 0, differing = 0
        var hosts: Set<String> = []
        var paths: Set<String> = ["", "/", "/x"]
        for e in catalog.entries {
            hosts.formUnion([e.host, "www." + e.host, "a." + e.host, "www.a." + e.host, "x-1.y." + e.host,
                             String(e.host.dropFirst()), String(e.host.dropLast()), e.host + "x", "www" + e.host])
            if !e.path.isEmpty {
                for ending in Self.pathEndings {
                    paths.insert(e.path + ending)
                    paths.insert(String(e.path.dropLast()) + ending)
                }
            }
        }
        for host in hosts.sorted() where host.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) {
            for path in paths.sorted() {
                cases += 1
                let slow = catalog.classify(host: host, path: path)
                let fast = Array(host.utf8).withUnsafeBufferPointer { h in
                    Array(path.utf8).withUnsafeBufferPointer { catalog.classify(asciiHost: h, path: $0) }
                }
                if slow != nil { entries += 1 }
                if fast?.host != slow?.host || fast?.path != slow?.path {
                    differing += 1
                    if differing <= 10 {
                        Issue.record("\(host) \(path.debugDescription): \(String(describing: fast)) against \(String(describing: slow))")
                    }
                }
            }
        }
        #expect(differing == 0)
        #expect(cases > 100_000)
        #expect(entries > 10_000)
    }

    @Test func sameLinksAroundEveryListedHost() {
        var texts: [String] = []
        for e in Self.lexicon.domains.entries {
            for ending in Self.pathEndings {
                let path = e.path + ending
                texts.append("see \(e.host)\(path) now")
                texts.append("https://\(e.host)\(path). ok")
                texts.append("(www.\(e.host)\(path))")
                texts.append("go to a.b.\(e.host)\(path)!")
                texts.append("mail me.\(e.host)\(path)")
                texts.append("\(e.host):8080\(path) and \(e.host.uppercased())\(path)")
            }
        }
        let found = Self.check(texts)
        #expect(texts.count > 20_000)
        #expect(found > 15_000)
    }

    static let labels = ["a", "bbc", "co", "com", "org", "www", "self", "view", "is", "main", "py", "logo", "ai", "md",
                         "io", "me", "app", "dev", "net", "uk", "de", "example", "offplatform", "files", "xn--p1ai",
                         "xn--", "1", "10", "192", "168", "v2", "asp", "socket", "node", "js", "chart", "gmail", "wa",
                         "t", "zoom", "us", "calendly", "paypal", "linktr", "ee", "x-y", "-a", "b-", "", "bücher",
                         "Com", "ORG", "paypal\u{301}", "5x"]
    static let befores = ["", " ", "http://", "https://", "ftp://", "@", "/", "_", "x", "(", "\"", ": ", "mail: "]
    static let afters = ["", " ", ".", "/", "/a/b", "/@me", "/j/123", "?x=1", "#top", ":80", ":80/x", ":8a", "(", "=",
                         "[", "@x", ").", "),", "/é", "/\u{301}", "-", "...", "/x)", " y"]

    @Test func sameLinksOnRandomDottedNames() {
        var random = SplitMix64(seed: 97)
        let listed = Self.lexicon.domains.entries.map(\.host)
        var texts: [String] = []
        for _ in 0..<40_000 {
            var name: [String] = []
            for _ in 0..<random.int(1...4) { name.append(random.pick(Self.labels)) }
            if random.next() % 3 == 0 { name.append(random.pick(listed)) }
            if random.next() % 4 == 0 { name.append(random.pick(Self.labels)) }
            let text = random.pick(Self.befores) + name.joined(separator: ".") + random.pick(Self.afters)
            texts.append(random.next() % 2 == 0 ? text : "x " + text + " and " + random.pick(listed) + random.pick(Self.afters))
        }
        let found = Self.check(texts)
        #expect(found > 20_000)
    }

    @Test func sameLinksOnTheCorpusAndPeerSuites() throws {
        let texts = try PrefilterCorpusTests.labeledTexts(noting: "LinkBytesDifferentialTests")
        // As the scanner meets them: normalized.
        let found = Self.check(texts.map { String(decoding: Harness.normalizer.normalize($0).bytes, as: UTF8.self) })
        // The corpus alone holds 81 links (a clone without `../shared`); with the peer suites, more than 100.
        #expect(found > (Paths.peerSuites == nil ? 60 : 100))
    }
}
