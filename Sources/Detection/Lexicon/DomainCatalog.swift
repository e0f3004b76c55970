/// What a host is known to be (domains.txt).
enum DomainCategory: String, Sendable, CaseIterable {
    case messagingApp = "messaging_app"
    case socialProfile = "social_profile"
    case meetingLink = "meeting_link"
    case schedulingLink = "scheduling_link"
    case contactForm = "contact_form"
    case paymentAccount = "payment_account"
    case emailProvider = "email_provider"
    case portfolio
    case platform

    /// The finding kind of a link to an identifier on such a host.
    var linkKind: FindingKind? {
        switch self {
        case .messagingApp: .messagingApp
        case .socialProfile: .socialProfile
        case .meetingLink: .meetingLink
        case .schedulingLink: .schedulingLink
        case .contactForm: .contactForm
        case .paymentAccount: .paymentAccount
        case .emailProvider, .portfolio: .website
        case .platform: nil
        }
    }
}

struct DomainEntry: Sendable {
    var host: String
    /// A path prefix ("/j/"), or empty for any path.
    var path: String
    var category: DomainCategory
    var platform: String
    /// A mailbox provider whose name may stand alone in a written-out address.
    var bare: Bool
}

/// Hosts by category, looked up by the host of a link or its parent domains.
struct DomainCatalog: Sendable {
    private var byHost: [String: [DomainEntry]] = [:]
    /// First labels of mailbox providers whose name may stand alone ("gmail").
    private(set) var bareProviderNames: Set<String> = []
    /// Hashes of the endings of listed hosts (some are no real top-level domain:
    /// "offplatform.example").
    private var listedEndings: Set<UInt64> = []
    /// The entries of `byHost` by `TopLevelDomains.hash` of their host (hosts that
    /// share a hash share a list; each entry's host is compared): the link scanner's
    /// look-up of an ASCII host by its bytes, without a `String` per parent domain.
    private var byHostHash: [UInt64: [DomainEntry]] = [:]

    init(source src: LexiconSource) throws {
        for line in src.lines {
            let f = try src.fields(line, count: 3...4)
            let target = f[0]
            let host: String
            var path = ""
            if let slash = target.firstIndex(of: "/") {
                host = String(target[..<slash])
                path = String(target[slash...])
            } else {
                host = target
            }
            guard Self.isHost(host) else { throw src.error(line, "'\(host)' is not a lower-case host name") }
            guard let category = DomainCategory(rawValue: f[1]) else {
                throw src.error(line, "unknown category '\(f[1])' (expected one of \(DomainCategory.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var bare = false
            if f.count == 4 {
                guard f[3] == "bare", category == .emailProvider else {
                    throw src.error(line, "unknown flag '\(f[3])' (only 'bare', on an email_provider)")
                }
                bare = true
            }
            if byHost[host, default: []].contains(where: { $0.path == path }) {
                throw src.error(line, "'\(target)' twice")
            }
            byHost[host, default: []].append(DomainEntry(host: host, path: path, category: category,
                                                         platform: f[2], bare: bare))
        }
        for key in byHost.keys { byHost[key]!.sort { $0.path.count > $1.path.count } }
        listedEndings = Set(byHost.keys.map { TopLevelDomains.hash(String($0.split(separator: ".").last!).utf8) })
        bareProviderNames = Set(byHost.values.flatMap { $0 }.filter(\.bare).map { String($0.host.prefix { $0 != "." }) })
        indexHostsByHash()
    }

    private mutating func indexHostsByHash() {
        byHostHash = [:]
        for (host, entries) in byHost { byHostHash[TopLevelDomains.hash(host.utf8), default: []] += entries }
    }

    /// Every entry (for the tests).
    var entries: [DomainEntry] { byHost.values.flatMap { $0 } }

    static func isHost(_ s: String) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
    }

    /// The most specific entry for a host (or a parent domain of it) whose path prefix
    /// the link's path starts with. `path` begins with "/" or is empty.
    func classify(host: String, path: String) -> DomainEntry? {
        // Hosts are lower-case already (normalized text); paths are compared as written
        // lower-case, which they are too.
        var h = Substring(host)
        if h.hasPrefix("www.") { h = h.dropFirst(4) }
        while true {
            if let entries = byHost[String(h)] {
                for e in entries where e.path.isEmpty || path.hasPrefix(e.path) { return e }
            }
            guard let dot = h.firstIndex(of: ".") else { return nil }
            h = h[h.index(after: dot)...]
            // Bytes, not `StringProtocol.contains`: Foundation's substring search costs thousands of instructions.
            if !h.utf8.contains(0x2E) { return nil }
        }
    }

    /// `classify(host:path:)` of an ASCII host and its path, as bytes (the same entry:
    /// `DomainCatalogBytesTests`). A host of `byHost` is lower-case ASCII, so an ASCII
    /// host is one of them exactly when its bytes are; a path prefix is compared as
    /// bytes, and as `String`s (by characters) where the bytes cannot tell: a byte from
    /// 0x80 right after the prefix (it may join the prefix's last character), or a
    /// prefix holding ";", "`" or "K" (characters of other scripts are canonically
    /// equal to them).
    func classify(asciiHost host: UnsafeBufferPointer<UInt8>, path: UnsafeBufferPointer<UInt8>) -> DomainEntry? {
        var s = 0
        let n = host.count
        if n >= 4 && host[0] == 0x77 && host[1] == 0x77 && host[2] == 0x77 && host[3] == 0x2E { s = 4 }
        while true {
            let h = UnsafeBufferPointer(rebasing: host[s..<n])
            if let entries = byHostHash[TopLevelDomains.hash(h)] {
                for e in entries where e.host.utf8.elementsEqual(h) {
                    if e.path.isEmpty || Self.path(path, startsWith: e.path) { return e }
                }
            }
            // `h` counts from 0.
            guard let dot = h.firstIndex(of: 0x2E) else { return nil }
            s += dot + 1
            if !host[s..<n].contains(0x2E) { return nil }
        }
    }

    private static func path(_ path: UnsafeBufferPointer<UInt8>, startsWith prefix: String) -> Bool {
        let k = prefix.utf8.count
        let plain = prefix.utf8.allSatisfy { $0 < 0x80 && $0 != 0x3B && $0 != 0x60 && $0 != 0x4B }
        if plain && (path.count == k || (path.count > k && path[k] < 0x80)) {
            return path.count >= k && prefix.utf8.elementsEqual(path[0..<k])
        }
        if plain && path.count < k { return false }
        return String(decoding: path, as: UTF8.self).hasPrefix(prefix)
    }

    /// Whether a listed host ends with this label (so a link to it is known even
    /// when the ending is not a real top-level domain).
    func mayList(endingIn label: UnsafeBufferPointer<UInt8>) -> Bool {
        listedEndings.contains(TopLevelDomains.hash(label))
    }

    func replacingPlatformHosts(_ hosts: [String]) -> DomainCatalog {
        var copy = self
        for key in copy.byHost.keys {
            copy.byHost[key]!.removeAll { $0.category == .platform }
            if copy.byHost[key]!.isEmpty { copy.byHost[key] = nil }
        }
        for host in hosts {
            let h = host.lowercased()
            copy.byHost[h, default: []].append(DomainEntry(host: h, path: "", category: .platform,
                                                           platform: "offplatform", bare: false))
            copy.listedEndings.insert(TopLevelDomains.hash(String(h.split(separator: ".").last ?? "").utf8))
        }
        copy.indexHostsByHash()
        return copy
    }

}

/// The endings a host may have (tlds.txt).
struct TopLevelDomains: Sendable {
    private(set) var all: Set<String> = []
    private(set) var bare: Set<String> = []
    private(set) var fileExtensions: Set<String> = []
    /// FNV-1a hashes of the ASCII endings, for the prefilter's allocation-free check.
    private(set) var asciiHashes: Set<UInt64> = []

    init(source src: LexiconSource) throws {
        var previous = ""
        for line in src.lines {
            let f = try src.fields(line, count: 1...2)
            let tld = f[0]
            guard tld.unicodeScalars.allSatisfy({ s in
                switch s.properties.generalCategory {
                case .uppercaseLetter, .titlecaseLetter: return false
                case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark: return true
                case .decimalNumber: return s.value < 0x80
                default: return s == "-"
                }
            }) else {
                throw src.error(line, "'\(tld)' must be lower-case letters")
            }
            guard tld > previous else { throw src.error(line, "'\(tld)' is out of order or repeated") }
            previous = tld
            all.insert(tld)
            if tld.utf8.allSatisfy({ $0 < 0x80 }) { asciiHashes.insert(Self.hash(tld.utf8)) }
            if f.count == 2 {
                for flag in f[1].split(separator: " ") {
                    switch flag {
                    case "bare": bare.insert(tld)
                    case "file": fileExtensions.insert(tld)
                    default: throw src.error(line, "unknown flag '\(flag)' (expected bare or file)")
                    }
                }
            }
        }
    }

    /// FNV-1a over lower-cased ASCII bytes.
    @inline(__always)
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h = (h ^ UInt64(b | ((b >= 0x41 && b <= 0x5A) ? 0x20 : 0))) &* 0x100_0000_01b3
        }
        return h
    }

    func contains(_ tld: String) -> Bool { all.contains(tld) || tld.hasPrefix("xn--") }
}
