/// Email addresses, written plainly ("anna.k+jobs@gmail.com", IDN and punycode
/// domains) or written out: "anna [at] gmail (dot) com", "anna at gmail dot com",
/// "anna dot k at acme dot co dot uk", "anna at gmail" (a mailbox provider alone).
///
/// A plain " at " is an everyday word ("look at acme.com"), so it makes an address
/// only when the domain is a mailbox provider, when the dots are written out too, or
/// when the local part could not be a word (a digit, ".", "_") or an email word stands
/// before it in the clause ("email me: anna at acme.de").
public struct EmailRecognizer: IndexedRecognizer {
    public let name = "email"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        guard index.hasAt || index.hasAtWord else { return }
        var taken = ByteOccupancy(count: index.bytes.count)
        let p = index.bytes
        for i in p.indices where p[i] == 0x40 {
            if let c = address(around: i, index), !taken.overlaps(c.range) {
                taken.insert(c.range)
                candidates.append(c)
            }
        }
        for t in index.tokens.indices where index.hasAtWord {
            if let c = writtenOut(at: t, index), !taken.overlaps(c.range) {
                taken.insert(c.range)
                candidates.append(c)
            }
        }
    }

    // MARK: Plain addresses

    @inline(__always)
    static func isLocalByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D || b == 0x27
    }

    /// Where the local part ending at `end` starts: ASCII address characters and
    /// letters of any script (internationalized local parts).
    private func localStart(_ end: Int, _ index: TextIndex) -> Int {
        let p = index.bytes
        var s = end
        while s > 0 {
            if Self.isLocalByte(p[s - 1]) { s -= 1; continue }
            if p[s - 1] >= 0x80 {
                let start = index.scalarStart(before: s)
                if index.isLetter(at: start) { s = start; continue }
            }
            break
        }
        while s < end && (p[s] == 0x2E || p[s] == 0x27 || p[s] == 0x2D) { s += 1 }
        return s
    }

    private func address(around at: Int, _ index: TextIndex) -> Candidate? {
        let p = index.bytes
        // "anna @ gmail.com": one space on each side of the @ is a common dodge.
        var localEnd = at
        if localEnd >= 2 && p[localEnd - 1] == 0x20 && Self.isLocalByte(p[localEnd - 2]) && at + 1 < p.count && p[at + 1] == 0x20 {
            localEnd -= 1
        }
        let s = localStart(localEnd, index)
        guard s < localEnd, p[localEnd - 1] != 0x2E else { return nil }
        let local = Array(p[s..<localEnd])
        // RFC 5321: no two dots in a row.
        if zip(local, local.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) { return nil }
        var d = at + 1
        if d < p.count && p[d] == 0x20 && localEnd != at { d += 1 }
        guard let domain = DomainReader(index: index).read(from: d) else { return nil }
        guard accepts(domain) else { return nil }
        if NotContact.isRepositoryRemote(local: local, followedBy: domain.end < p.count ? p[domain.end] : nil) { return nil }
        let normalized = String(decoding: local, as: UTF8.self) + "@" + domain.name
        return Candidate(kind: .email, range: s..<domain.end, rule: "email.address", normalized: normalized,
                         explanation: domain.writtenDots ? "an address with its dots written out" : "an address with an @")
    }

    /// A domain with a known ending, or a mailbox provider's name standing alone.
    private func accepts(_ domain: DomainReader.Domain) -> Bool {
        if domain.labels.count >= 2 { return lexicon.tlds.contains(domain.labels.last!) }
        return domain.labels.count == 1 && lexicon.domains.bareProviderNames.contains(domain.labels[0])
    }

    // MARK: Written out

    /// The "at" forms: " at ", "(at)", "[at]", "{at}", "<at>", "-at-", "_at_".
    /// The bracket that closes `open` ("(", "[", "{", "<"), or nil (a switch: a
    /// dictionary literal here was built for every "at").
    private static func closing(_ open: UInt8) -> UInt8? {
        switch open {
        case 0x28: 0x29
        case 0x5B: 0x5D
        case 0x7B: 0x7D
        case 0x3C: 0x3E
        default: nil
        }
    }

    private func atForm(_ t: Int, _ index: TextIndex) -> (first: Int, last: Int, bracketed: Bool)? {
        let tokens = index.tokens
        guard tokens[t].kind == .word, index.isWord(t, W.at) else { return nil }
        if t > 0, t + 1 < tokens.count, tokens[t - 1].kind == .punct, let close = Self.closing(tokens[t - 1].byte),
           index.isPunct(t + 1, close) {
            return (t - 1, t + 1, true)
        }
        if t > 0, t + 1 < tokens.count, (index.isPunct(t - 1, 0x2D) && index.isPunct(t + 1, 0x2D))
            || (index.isPunct(t - 1, 0x5F) && index.isPunct(t + 1, 0x5F)) {
            return (t - 1, t + 1, true)
        }
        if tokens[t].spaceBefore && t + 1 < tokens.count && tokens[t + 1].spaceBefore { return (t, t, false) }
        return nil
    }

    private func writtenOut(at t: Int, _ index: TextIndex) -> Candidate? {
        guard let form = atForm(t, index), form.first > 0, form.last + 1 < index.tokens.count else { return nil }
        let reader = DomainReader(index: index)
        guard let local = reader.localPart(endingBefore: form.first) else { return nil }
        guard let domain = reader.read(from: index.tokens[form.last + 1].start) else { return nil }
        // "my portfolio's at www.kiranvoss.design": a site's address, not a mailbox's.
        if domain.labels.first?.lowercased() == "www" { return nil }
        if !form.bracketed && !domain.writtenDots {
            // A plain " at ": only a provider, a local part that is no word, or an email word before.
            let isProvider = domain.labels.count == 1 ? lexicon.domains.bareProviderNames.contains(domain.labels[0])
                : lexicon.domains.classify(host: domain.name, path: "")?.category == .emailProvider
            // An apostrophe is a word's ("portfolio's at …"), not an address's shape.
            let shaped = local.name.contains { !$0.isLetter && $0 != "'" && $0 != "\u{2019}" }
            if !(isProvider || shaped || emailWordBefore(local.firstToken, index)) { return nil }
            if isProvider && domain.labels.count == 1 && !shaped && local.name.hasSuffix("ed") { return nil }
        }
        guard accepts(domain) else { return nil }
        // The local part must be a name, not an ordinary word ("look at acme.com").
        if local.pieces == 1, let e = lexicon.words.entry(forWord: local.name),
           !e.roles.isDisjoint(with: [.commonWord, .object, .subject, .my, .your, .article, .preposition, .alias,
                                      .moveVerb, .contactVerb, .channelNoun, .proposal, .modal]) {
            return nil
        }
        return Candidate(kind: .email, range: index.tokens[local.firstToken].start..<domain.end, rule: "email.written_out",
                         normalized: local.name + "@" + domain.name,
                         explanation: form.bracketed ? "an address with '@' written as a bracketed 'at'"
                             : "an address with '@' written as the word 'at'")
    }

    private func emailWordBefore(_ t: Int, _ index: TextIndex) -> Bool {
        let clause = index.clause(of: t)
        for k in clause.lowerBound..<t {
            if let (platform, _) = index.alias(k), lexicon.platform(platform)?.slug == "email" { return true }
            if index.isWord(k, W.emailContext) { return true }
        }
        return false
    }
}

/// Reads a domain forward (and a local part backward) through the ways people write
/// dots: ".", " dot ", "(dot)", "[dot]", "{dot}", "<dot>", "(.)", "[.]", "-dot-".
struct DomainReader {
    struct Domain {
        var labels: [String]
        var end: Int
        var writtenDots: Bool
        var name: String { labels.joined(separator: ".") }
    }

    struct LocalPart {
        var name: String
        var firstToken: Int
        var pieces: Int
    }

    let index: TextIndex

    @inline(__always)
    static func isLabelByte(_ b: UInt8) -> Bool { ASCII.isAlnum(b) || b == 0x2D || b >= 0x80 }

    /// A written dot starting at byte `j`: where the next label starts, and whether
    /// it was written out.
    func dot(at j: Int) -> (next: Int, written: Bool)? {
        let p = index.bytes
        let n = p.count
        if j < n && p[j] == 0x2E && j + 1 < n && Self.isLabelByte(p[j + 1]) && p[j + 1] != 0x2D { return (j + 1, false) }
        var k = j
        while k < n && p[k] == 0x20 { k += 1 }
        let spaced = k > j
        let closers: [UInt8: UInt8] = [0x28: 0x29, 0x5B: 0x5D, 0x7B: 0x7D, 0x3C: 0x3E]
        if k < n, let close = closers[p[k]] {
            var m = k + 1
            while m < n && p[m] == 0x20 { m += 1 }
            var inner = m
            if m + 3 <= n && p[m] == 0x64 && p[m + 1] == 0x6F && p[m + 2] == 0x74 { inner = m + 3 }
            else if m < n && p[m] == 0x2E { inner = m + 1 }
            guard inner > m else { return nil }
            while inner < n && p[inner] == 0x20 { inner += 1 }
            guard inner < n && p[inner] == close else { return nil }
            var next = inner + 1
            while next < n && p[next] == 0x20 { next += 1 }
            return next < n && Self.isLabelByte(p[next]) ? (next, true) : nil
        }
        // " dot ", "-dot-", "_dot_"
        let sepBefore = spaced || (j < n && (p[j] == 0x2D || p[j] == 0x5F))
        if !spaced && j < n && (p[j] == 0x2D || p[j] == 0x5F) { k = j + 1 }
        guard sepBefore, k + 3 < n, p[k] == 0x64, p[k + 1] == 0x6F, p[k + 2] == 0x74 else { return nil }
        var next = k + 3
        guard next < n, p[next] == 0x20 || p[next] == 0x2D || p[next] == 0x5F else { return nil }
        while next < n && (p[next] == 0x20 || p[next] == 0x2D || p[next] == 0x5F) { next += 1 }
        return next < n && ASCII.isAlnum(p[next]) ? (next, true) : nil
    }

    /// The end of the label starting at `j`: ASCII letters, digits, "-", and letters
    /// of any script (internationalized domains).
    func label(at j: Int) -> Int {
        let p = index.bytes
        var e = j
        while e < p.count {
            // "acme-dot-de": a written dot inside what would be one label.
            if (p[e] == 0x2D || p[e] == 0x5F) && e + 4 < p.count && p[e + 1] == 0x64 && p[e + 2] == 0x6F && p[e + 3] == 0x74
                && p[e + 4] == p[e] { break }
            if ASCII.isAlnum(p[e]) || p[e] == 0x2D { e += 1; continue }
            if p[e] >= 0x80 && index.isLetter(at: e) {
                e += p.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: e).length }
                continue
            }
            break
        }
        while e > j && p[e - 1] == 0x2D { e -= 1 }
        return e
    }

    func read(from start: Int) -> Domain? {
        let p = index.bytes
        guard start < p.count, ASCII.isAlnum(p[start]) || (p[start] >= 0x80 && index.isLetter(at: start)) else { return nil }
        var labels: [String] = []
        var written = false
        var j = start
        var end = start
        while true {
            let e = label(at: j)
            guard e > j, e - j <= 63 else { break }
            labels.append(index.string(j..<e))
            end = e
            guard let d = dot(at: e) else { break }
            // "dot" followed by a word that is no label ("dot com" yes, "dot and" no) is checked by the ending.
            j = d.next
            if d.written { written = true }
        }
        // A written dot that led nowhere useful is not part of the domain.
        while labels.count >= 2, !index.lexicon.tlds.contains(labels.last!) {
            labels.removeLast()
            end = lastLabelEnd(start: start, labels: labels.count)
        }
        guard !labels.isEmpty else { return nil }
        return Domain(labels: labels, end: end, writtenDots: written && labels.count >= 2)
    }

    private func lastLabelEnd(start: Int, labels: Int) -> Int {
        var j = start
        var end = start
        for i in 0..<labels {
            end = label(at: j)
            if i + 1 < labels, let d = dot(at: end) { j = d.next }
        }
        return end
    }

    /// The local part ending just before token `t` (the "at"): tokens joined without
    /// spaces by "." "_" "-" "+", or by written dots ("anna dot k").
    func localPart(endingBefore t: Int) -> LocalPart? {
        let tokens = index.tokens
        var k = t - 1
        guard k >= 0, tokens[k].isWordLike else { return nil }
        var pieces: [String] = []
        var first = k
        var current = ""
        while k >= 0 {
            let tok = tokens[k]
            if tok.isWordLike {
                current = index.word(k) + current
                first = k
                if tok.spaceBefore || k == 0 { k -= 1; break }
                k -= 1
                continue
            }
            if tok.kind == .punct && [0x2E, 0x5F, 0x2D, 0x2B].contains(tok.byte) && !tok.spaceBefore
                && k > 0 && tokens[k - 1].isWordLike {
                current = String(UnicodeScalar(tok.byte)) + current
                k -= 1
                continue
            }
            break
        }
        pieces.append(current)
        // Written dots before it: "anna dot k at …"
        while k >= 1, index.isWord(k, W.dot), tokens[k - 1].isWordLike, pieces.count < 4 {
            let w = index.word(k - 1)
            if let e = index.lexicon.words.entry(forWord: w), e.roles.contains(.commonWord) { break }
            pieces.insert(w, at: 0)
            first = k - 1
            k -= 2
        }
        return LocalPart(name: pieces.joined(separator: "."), firstToken: first, pieces: pieces.count)
    }
}
