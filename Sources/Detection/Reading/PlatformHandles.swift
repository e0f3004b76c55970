import Foundation

/// An identifier tied to a platform named next to it: "my telegram is @anna",
/// "IG: anna.designs", "i'm dean.malmgren on skype", "skype: live:anna_77".
struct PlatformHandle {
    var platform: Int32
    /// The identifier's bytes (with its "@" if written).
    var range: Range<Int>
    /// The rule's short name (`after_name`, `before_name`, `id_later`, `live_id`,
    /// `discord_tag`, `cashtag`).
    var rule: String
    var explanation: String
}

/// Pairs platform names with the identifiers written next to them. Shared by the
/// messaging, social and payment recognizers, each keeping its own platforms.
struct PlatformHandleFinder {
    let index: TextIndex

    /// Words that may stand between a platform name and the identifier without
    /// breaking the tie ("skype id is …", "telegram: …", "insta handle - …").
    static let fillers = WordSet([
        "is", "it's", "its", "are", "was", "as", "under", "add", "search", "find", "here", "below", "there",
        "me", "at", "on", "my", "the", "called", "named", "via", "for", "by", "with",
        // "On Telegram I'm @maxi_motion"
        "i'm", "im", "i", "am",
    ])
    /// The sender naming themselves between name and identifier: the identifier must look like a handle.
    static let selfWords = WordSet(["i'm", "im", "i", "am"])
    /// Words that, standing between name and identifier, make the tie explicit.
    static let markers = WordSet(["is", "it's", "its", "are", "called", "named", "under"])
    /// Ways to pay that have no handles: what follows "IBAN", "BTC" or "cash" is checked
    /// by its own checksum or is no account at all.
    static let withoutHandles: Set<String> = ["bank_transfer", "crypto", "cash"]

    /// Words after which a weak platform name is not the platform ("zoom in",
    /// "teams of three", "signal processing").
    static let notPlatformAfter: [UInt64: WordSet] = [
        WordKey.of("zoom"): WordSet(["in", "out", "into", "level", "lens", "slider", "factor"]),
        WordKey.of("teams"): WordSet(["of", "in", "are", "were", "that", "who", "will"]),
        WordKey.of("signal"): WordSet(["processing", "strength", "bars", "quality", "lost", "to", "that", "is"]),
        WordKey.of("x"): WordSet(["axis", "coordinate", "value"]),
        WordKey.of("meet"): WordSet(["up", "you", "the", "with"]),
        WordKey.of("wise"): WordSet(["choice", "decision", "move"]),
        WordKey.of("cash"): WordSet(["flow"]),
        WordKey.of("slack"): WordSet(["off"]),
    ]
    static let x = WordKey.of("x")

    func find() -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        let tokens = index.tokens
        let lexicon = index.lexicon
        // Platforms named by a strong name (a text names a few: a list, not a dictionary).
        var anyAlias: [Int32] = []
        for t in tokens.indices {
            guard let (platform, strength) = index.alias(t), let info = lexicon.platform(platform),
                  info.kind == .messagingApp || info.kind == .socialProfile || info.kind == .paymentAccount,
                  !Self.withoutHandles.contains(info.slug) else { continue }
            let kind = info.kind
            _ = kind
            if !namesPlatform(t) { continue }
            if strength == .strong && !anyAlias.contains(platform) { anyAlias.append(platform) }
            if let h = identifierAfter(t, platform: platform, strength: strength) { out.append(h) }
            if let h = identifierBefore(t, platform: platform, strength: strength) { out.append(h) }
        }
        // Most texts have neither: appending an empty array still costs a call.
        let later = identifiersInLaterSentence()
        if !later.isEmpty { out += later }
        let live = liveIDs()
        if !live.isEmpty { out += live }
        // The names looked up only when some strong name was seen (a look-up by string
        // costs hundreds of instructions).
        if !anyAlias.isEmpty {
            let colon = handlesAfterColon()
            if !colon.isEmpty { out += colon }
            if let discord = lexicon.platformIndex["discord"], anyAlias.contains(discord) { out += discordTags(discord) }
            if let cashapp = lexicon.platformIndex["cashapp"], anyAlias.contains(cashapp) { out += cashtags(cashapp) }
        }
        // One identifier, one tie: the longest reading of it wins ("anna#4821" over "anna").
        out.sort { $0.range.lowerBound != $1.range.lowerBound ? $0.range.lowerBound < $1.range.lowerBound : $0.range.count > $1.range.count }
        // Sorted by start: the first of each start is kept (or dropped inside a link), the
        // rest dropped.
        var previousStart = -1
        let links = index.links
        return out.filter { h in
            guard h.range.lowerBound != previousStart else { return false }
            previousStart = h.range.lowerBound
            return !links.contains { $0.range.overlaps(h.range) }
        }
    }

    /// Whether a platform name here names the platform (weak names not before words
    /// that make them ordinary words).
    func namesPlatform(_ t: Int) -> Bool {
        if index.alias(t)?.strength == .noun { return NounPlatformName.names(t, index) }
        let key = index.tokens[t].key
        guard let after = Self.notPlatformAfter[key], t + 1 < index.tokens.count else { return true }
        if key == Self.x, t > 0, index.tokens[t - 1].kind == .number { return false }
        return !index.isWord(t + 1, after)
    }

    private func identifierAfter(_ t: Int, platform: Int32, strength: AliasStrength) -> PlatformHandle? {
        let tokens = index.tokens
        var k = t + 1
        // A name that holds its "ID" ("skype id") ties what follows like "is".
        // So does an "ID" word ("LINE, ID anna_k"), when the identifier ends its clause
        // ("Skype ID verification failed" names no one).
        let nameToken = index.tokens[t]
        var idMarker = nameToken.end - nameToken.start > 3 && index.bytes[nameToken.end - 1] == 0x64
            && index.bytes[nameToken.end - 2] == 0x69 && !ASCII.isAlnum(index.bytes[nameToken.end - 3])
        var marker = false
        var dashMarker = false
        var selfFiller = false
        var fillers = 0
        while k < tokens.count && fillers <= 5 {
            let tok = tokens[k]
            if tok.kind == .newline && fillers > 0 { return nil }
            if tok.kind == .newline { k += 1; fillers += 1; continue }
            if tok.kind == .punct {
                switch tok.byte {
                case 0x40, 0x24: break  // "@anna", "$anna": the identifier itself
                case 0x3A, 0x28, 0x5B, 0x2D, 0x80:
                    // "Telegram-Nummer" is one compound word, not a name and a handle.
                    if tok.byte == 0x2D && !tok.spaceBefore && k + 1 < tokens.count && !tokens[k + 1].spaceBefore
                        && tokens[k + 1].kind == .word,
                       let r = identifier(startingAt: tokens[k + 1].start, platform: platform), !handleShaped(r) { return nil }
                    // ":", "(" and "[" tie what follows; a dash ties only an identifier that ends its clause
                    // ("skype - annadesigns", not "follow us on Instagram' — cut it please").
                    if tok.byte != 0x2D && tok.byte != 0x80 { marker = true } else { dashMarker = true }
                    k += 1
                    fillers += 1
                    continue
                case 0x22, 0x27, 0x2C:
                    k += 1
                    fillers += 1
                    continue
                default:
                    return nil
                }
                break
            }
            // "skype id: …", "telegram handle is …": the noun is skipped; ":" or "is" tie.
            // A filler glued to what follows is the identifier's start: "skype: the.anna.k".
            let glued = k + 2 < tokens.count && !tokens[k + 1].spaceBefore && tokens[k + 1].kind == .punct
                && (tokens[k + 1].byte == 0x2E || tokens[k + 1].byte == 0x5F || tokens[k + 1].byte == 0x2D)
                && !tokens[k + 2].spaceBefore && tokens[k + 2].isWordLike
            if !glued && (index.has(k, .channelNoun) || index.isWord(k, Self.fillers)) {
                // "is", or a word naming an identifier ("LINE, ID anna_k", "signal username anna").
                if index.isWord(k, Self.markers) { marker = true }
                if index.isWord(k, W.idWords) { idMarker = true }
                if index.isWord(k, Self.selfWords) { selfFiller = true }
                k += 1
                fillers += 1
                continue
            }
            break
        }
        guard k < tokens.count else { return nil }
        guard let range = identifier(startingAt: tokens[k].start, platform: platform) else { return nil }
        let prefixed = index.bytes[range.lowerBound] == 0x40
        if (idMarker || dashMarker) && !marker && endsClause(after: range.upperBound) { marker = true }
        if strength != .strong && !marker && !prefixed { return nil }
        // One- and two-letter names ("x", "ig", "fb") are too common in code and units:
        // they take only an "@handle" or a handle-shaped identifier.
        if index.tokens[t].end - index.tokens[t].start <= 2 && !prefixed && !handleShaped(range) { return nil }
        // "On Telegram I'm @maxi_motion" ties; "Add me on LinkedIn, I'm under Tomasz Wieczorek" names a person.
        if selfFiller && !prefixed && !handleShaped(range) { return nil }
        guard valid(range, explicit: marker || prefixed) else { return nil }
        return PlatformHandle(platform: platform, range: range, rule: "after_name",
                              explanation: index.explain ? "identifier after the platform name '\(index.word(t))'" : "")
    }

    /// Whether nothing but spaces and punctuation stand between byte `i` and the end
    /// of the text, a line break or a sentence mark.
    private func endsClause(after i: Int) -> Bool {
        let p = index.bytes
        var j = i
        while j < p.count && p[j] == 0x20 { j += 1 }
        return j == p.count || [0x0A, 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x29].contains(p[j]) || SentenceStart.follows(i, index)
    }

    private func identifierBefore(_ t: Int, platform: Int32, strength: AliasStrength) -> PlatformHandle? {
        guard t >= 2 else { return nil }
        let joint = index.tokens[t - 1]
        let viaWord = joint.kind == .word && index.isWord(t - 1, W.handlePrepositions)
        let viaBracket = joint.kind == .punct && joint.byte == 0x28
        guard viaWord || viaBracket else { return nil }
        if strength != .strong && !viaBracket && !viaWord { return nil }
        let end = index.tokens[t - 2].end
        var s = end
        let p = index.bytes
        while s > 0 && Self.isIdentifierByte(p[s - 1]) { s -= 1 }
        if s > 0 && p[s - 1] == 0x40 { s -= 1 }
        guard s < end else { return nil }
        var range = s..<end
        while range.lowerBound < range.upperBound && (p[range.lowerBound] == 0x2E || p[range.lowerBound] == 0x2D) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        guard !range.isEmpty, handleShaped(range), valid(range, explicit: false) else { return nil }
        return PlatformHandle(platform: platform, range: range, rule: "before_name",
                              explanation: index.explain ? "identifier before '\(index.word(t - 1)) \(index.word(t))'" : "")
    }

    /// "I have added you on Skype. My ID is dean.malmgren": an id named in a later
    /// sentence, tied to the last platform named before it.
    private func identifiersInLaterSentence() -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        let tokens = index.tokens
        for t in tokens.indices where index.has(t, .my) && t + 2 < tokens.count {
            guard index.isWord(t + 1, W.idWords) else { continue }
            var k = t + 2
            if index.isWord(k, W.is) || index.isPunct(k, 0x3A) { k += 1 } else { continue }
            guard k < tokens.count,
                  let (b, platform) = platformNamed(before: t, downTo: max(0, t - 40),
                                                    kinds: [.messagingApp, .socialProfile, .paymentAccount], firstNameDecides: false),
                  let range = identifier(startingAt: tokens[k].start, platform: platform),
                  valid(range, explicit: true) else { continue }
            out.append(PlatformHandle(platform: platform, range: range, rule: "id_later",
                                      explanation: index.explain ? "'my \(index.word(t + 1))' after the platform name '\(index.word(b))'" : ""))
        }
        return out
    }

    /// The last platform named by its full (strong) name before token `t`, back to token `floor`, when it is of
    /// one of `kinds`: its token and platform. `firstNameDecides`: the first name met, of any kind or strength,
    /// ends the look-back (another channel stands between); else names of other kinds are passed over.
    private func platformNamed(before t: Int, downTo floor: Int, kinds: [FindingKind],
                               firstNameDecides: Bool) -> (token: Int, platform: Int32)? {
        var b = t - 1
        while b >= floor {
            if let (p, strength) = index.alias(b), let kind = index.lexicon.platform(p)?.kind {
                if strength == .strong && kinds.contains(kind) { return (b, p) }
                if firstNameDecides { return nil }
            }
            b -= 1
        }
        return nil
    }

    /// "Message me on Insta if you have questions: @lena.draws": an "@handle" after a colon, tied to the platform
    /// named last before it in its sentence (within fifteen words), when no other channel stands between.
    private func handlesAfterColon() -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        let tokens = index.tokens
        for k in tokens.indices where k >= 2 && tokens[k].kind == .punct && tokens[k].byte == 0x40 && index.isPunct(k - 1, 0x3A) {
            guard let (b, platform) = platformNamed(before: k - 1, downTo: max(index.clause(of: k).lowerBound, k - 16),
                                                    kinds: [.messagingApp, .socialProfile], firstNameDecides: true),
                  namesPlatform(b),
                  let range = identifier(startingAt: tokens[k].start, platform: platform),
                  valid(range, explicit: true) else { continue }
            out.append(PlatformHandle(platform: platform, range: range, rule: "after_colon",
                                      explanation: index.explain ? "an @handle after a colon, in a sentence naming '\(index.word(b))'" : ""))
        }
        return out
    }

    /// Skype's "live:" identifiers stand on their own.
    /// `byteByByte`: every position tested (the slow reference, for the tests); else
    /// only the positions four bytes before a colon, found by `memchr` (most texts that
    /// reach here hold no colon or one: the whole text was read byte by byte for them).
    func liveIDs(byteByByte: Bool = false) -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        let p = index.bytes
        var i = 0
        while i + 6 < p.count {
            if !byteByByte {
                // The next position that may start "live:", not before `i`.
                let from = i + 4
                let colon = p.withUnsafeBufferPointer { b -> Int? in
                    guard let base = b.baseAddress, let hit = memchr(base + from, 0x3A, b.count - from) else { return nil }
                    return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                }
                guard let colon, colon - 4 + 6 < p.count else { break }
                i = colon - 4
            }
            if p[i] == 0x6C && p[i + 1] == 0x69 && p[i + 2] == 0x76 && p[i + 3] == 0x65 && p[i + 4] == 0x3A
                && (i == 0 || !ASCII.isAlnum(p[i - 1])) {
                var j = i + 5
                while j < p.count && Self.isIdentifierByte(p[j]) { j += 1 }
                while j > i + 5 && (p[j - 1] == 0x2E || p[j - 1] == 0x2D) { j -= 1 }
                // Skype's id looked up only here: most texts hold no "live:".
                if j - (i + 5) >= 2 && p[(i + 5)..<j].contains(where: ASCII.isAlnum),
                   let skype = index.lexicon.platformIndex["skype"] {
                    out.append(PlatformHandle(platform: skype, range: i..<j, rule: "live_id",
                                              explanation: "a Skype 'live:' identifier"))
                }
                i = j
                continue
            }
            i += 1
        }
        return out
    }

    /// "anna#4821" in a text that names Discord.
    private func discordTags(_ discord: Int32) -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        let p = index.bytes
        for (k, tok) in index.tokens.enumerated() where tok.kind == .punct && tok.byte == 0x23 && k > 0 {
            guard k + 1 < index.tokens.count, !tok.spaceBefore, !index.tokens[k + 1].spaceBefore,
                  index.tokens[k + 1].kind == .number, index.tokens[k + 1].end - index.tokens[k + 1].start == 4 else { continue }
            var s = tok.start
            while s > 0 && Self.isIdentifierByte(p[s - 1]) { s -= 1 }
            guard s < tok.start, p[s..<tok.start].contains(where: ASCII.isLetter),
                  !NotContact.isTicketNumber(prefix: index.string(s..<tok.start)) else { continue }
            out.append(PlatformHandle(platform: discord, range: s..<index.tokens[k + 1].end, rule: "discord_tag",
                                      explanation: "a Discord tag (name#1234) in a text naming Discord"))
        }
        return out
    }

    /// "$anna" in a text that names Cash App.
    private func cashtags(_ cashapp: Int32) -> [PlatformHandle] {
        var out: [PlatformHandle] = []
        for (k, tok) in index.tokens.enumerated() where tok.kind == .punct && tok.byte == 0x24 {
            guard k + 1 < index.tokens.count, !index.tokens[k + 1].spaceBefore, index.tokens[k + 1].kind != .number,
                  let range = identifier(startingAt: tok.start, platform: cashapp) else { continue }
            out.append(PlatformHandle(platform: cashapp, range: range, rule: "cashtag",
                                      explanation: "a $cashtag in a text naming Cash App"))
        }
        return out
    }

    // MARK: Identifiers

    @inline(__always)
    static func isIdentifierByte(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == 0x2E || b == 0x5F || b == 0x2D
    }

    /// The identifier starting at byte `s`: an optional "@" (or "$"), Skype's "live:",
    /// then letters, digits, ".", "_", "-"; trailing "." and "-" dropped.
    func identifier(startingAt s: Int, platform: Int32) -> Range<Int>? {
        let p = index.bytes
        var j = s
        if j < p.count && (p[j] == 0x40 || p[j] == 0x24) { j += 1 }
        if p.count - j > 5 && p[j] == 0x6C && p[j + 1] == 0x69 && p[j + 2] == 0x76 && p[j + 3] == 0x65 && p[j + 4] == 0x3A {
            j += 5
        }
        let core = j
        while j < p.count && Self.isIdentifierByte(p[j]) { j += 1 }
        while j > core && (p[j - 1] == 0x2E || p[j - 1] == 0x2D) { j -= 1 }
        return j > core ? s..<j : nil
    }

    /// A handle written so it cannot be an ordinary word: "@", a digit, ".", "_" or "-".
    func handleShaped(_ r: Range<Int>) -> Bool {
        let p = index.bytes
        if p[r.lowerBound] == 0x40 { return true }
        return p[r].contains { ASCII.isDigit($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// The "not a handle" checks: too short or long, no letter, all digits (a phone
    /// number, for the phone recognizer), an address or a link, or one ordinary word.
    func valid(_ r: Range<Int>, explicit: Bool) -> Bool {
        let p = index.bytes
        var core = r
        if p[core.lowerBound] == 0x40 || p[core.lowerBound] == 0x24 { core = (core.lowerBound + 1)..<core.upperBound }
        guard (2...64).contains(core.count), p[core].contains(where: ASCII.isLetter) else { return false }
        if r.upperBound < p.count && p[r.upperBound] == 0x40 { return false }
        // ASCII (nearly every identifier): the bytes looked up as they are, no `String`.
        if !p[core].contains(where: { $0 >= 0x80 }) {
            if NotContact.isOrdinaryWord(ascii: p[core], lexicon: index.lexicon) || NotContact.isDimension(ascii: p[core]) {
                return false
            }
        } else {
            let text = index.string(core)
            if NotContact.isOrdinaryWord(text, lexicon: index.lexicon) || NotContact.isDimension(text) { return false }
        }
        if !explicit && !handleShaped(r) { return false }
        // "on TikTok by Q3": two characters are no handle unless tied by "@", ":" or "is".
        if !explicit && p[r.lowerBound] != 0x40 && core.count < 3 { return false }
        return true
    }
}
