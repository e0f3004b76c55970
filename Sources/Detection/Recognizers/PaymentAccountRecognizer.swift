/// Payment outside the platform, shared or asked for:
/// - accounts: PayPal, Venmo, Cash App, Wise, Revolut… links (domains.txt); handles
///   and addresses tied to a payment service named next to them ("venmo @anna",
///   "PayPal: anna@gmail.com"); $cashtags where Cash App is named;
/// - IBANs, counted only when their length fits their country and mod 97 holds;
/// - crypto addresses, counted only when their checksum holds: Bitcoin, Litecoin,
///   Dogecoin and Tron base58check, bech32/bech32m segwit ("bc1…", "ltc1…"),
///   Ethereum "0x" + 40 hex (EIP-55 when mixed case). Other coins (Solana, XRP,
///   Monero) have no checksum we can check cheaply and are not reported;
/// - requests (intent `request`): "pay me directly", "send the money via PayPal",
///   "I accept Wise", "let's skip the platform fee"; not when negated or about the rule.
/// Card numbers are not contact details here and are never reported.
public struct PaymentAccountRecognizer: IndexedRecognizer, Screening {
    public let name = "payment_account"
    let lexicon: Lexicon
    /// In `requests`, tokens that start no request shape are passed over.
    var screens = true

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    static let requestStarters: WordRoles = [.feeAvoid, .alias, .paymentVerb]

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.paymentAccount, from: index, into: &candidates)
        LinkCandidates.appendHandles(.paymentAccount, from: index, into: &candidates)
        let roles = index.presentRoles
        if index.hasAt && roles.contains(.alias) { addressesForPayment(index, &candidates) }
        if index.hasMixed { ibans(index, &candidates) }
        if index.hasLong { cryptoAddresses(index, &candidates) }
        if !roles.isDisjoint(with: [.paymentVerb, .feeAvoid, .alias]) { requests(index, &candidates) }
    }

    private func paymentPlatform(_ index: TextIndex, _ t: Int) -> Platform? {
        guard let (id, _) = index.alias(t), let info = lexicon.platform(id), info.kind == .paymentAccount else { return nil }
        return info
    }

    /// "PayPal: anna@gmail.com", "my paypal is anna@gmail.com": the address is the account.
    private func addressesForPayment(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let tokens = index.tokens
        let p = index.bytes
        for t in tokens.indices {
            guard let info = paymentPlatform(index, t), info.slug != "cash", info.slug != "crypto" else { continue }
            var k = t + 1
            var steps = 0
            while k < tokens.count && steps < 4 && (tokens[k].kind == .punct && [0x3A, 0x2D, 0x28].contains(tokens[k].byte)
                                                      || index.isWord(k, W.accountFillers)) {
                k += 1
                steps += 1
            }
            guard steps > 0, k < tokens.count, tokens[k].isWordLike else { continue }
            var e = tokens[k].start
            while e < p.count && (EmailRecognizer.isLocalByte(p[e])) { e += 1 }
            guard e < p.count, p[e] == 0x40, let domain = DomainReader(index: index).read(from: e + 1),
                  domain.labels.count >= 2, lexicon.tlds.contains(domain.labels.last!) else { continue }
            let range = tokens[k].start..<domain.end
            candidates.append(Candidate(kind: .paymentAccount, range: range, platform: info.slug, rule: "payment_account.account_email",
                                        normalized: index.string(range), explanation: index.explain ? "an address given as a \(info.slug) account" : ""))
        }
    }

    // MARK: IBAN

    private func ibans(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let tokens = index.tokens
        let p = index.bytes
        for t in tokens.indices where tokens[t].kind == .mixed {
            let s = tokens[t].start
            guard tokens[t].end - s >= 4, ASCII.isLetter(p[s]), ASCII.isLetter(p[s + 1]), ASCII.isDigit(p[s + 2]), ASCII.isDigit(p[s + 3]),
                  t == 0 || !(index.tokens[t - 1].kind == .punct && !tokens[t].spaceBefore && index.tokens[t - 1].byte != 0x3A) else { continue }
            let country = String(decoding: p[s..<(s + 2)].map { $0 & ~0x20 }, as: UTF8.self)
            guard let length = lexicon.ibanLengths[country] else { continue }
            var chars: [UInt8] = []
            var k = t
            var end = s
            while k < tokens.count && chars.count < length {
                let tok = tokens[k]
                guard tok.isWordLike else { break }
                if k > t {
                    // Groups are split by one space or hyphen.
                    let gap = index.bytes[tokens[k - 1].end..<tok.start]
                    guard gap.count <= 1 else { break }
                    if gap.count == 1 && gap.first != 0x20 && gap.first != 0x2D { break }
                }
                chars += p[tok.range].map { ASCII.isLetter($0) ? $0 & ~0x20 : $0 }
                end = tok.end
                k += 1
                if k < tokens.count && index.isPunct(k, 0x2D) && !tokens[k].spaceBefore { k += 1 }
            }
            guard chars.count == length, Checksum.isValidIBAN(chars, lengths: lexicon.ibanLengths) else { continue }
            candidates.append(Candidate(kind: .paymentAccount, range: s..<end, platform: "bank_transfer", rule: "payment_account.iban",
                                        normalized: String(decoding: chars, as: UTF8.self),
                                        explanation: "an IBAN whose length fits its country and whose mod-97 check holds"))
        }
    }

    // MARK: Crypto

    private func cryptoAddresses(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let text = index.text
        for tok in index.tokens where (tok.kind == .mixed || tok.kind == .word) && tok.end - tok.start >= 26 && tok.end - tok.start <= 90 {
            let lower = Array(text.bytes[tok.range])
            guard lower.allSatisfy(ASCII.isAlnum) else { continue }
            let original = tok.range.map { i in text.wasUppercase(i) ? text.bytes[i] & ~0x20 : text.bytes[i] }
            var coin: String? = nil
            var why = ""
            if lower.count == 42 && lower[0] == 0x30 && lower[1] == 0x78 {
                if Checksum.isValidEthereumAddress(Array(original[2...])) {
                    coin = "ethereum"
                    why = "an Ethereum address (0x and 40 hex digits; EIP-55 checksum when mixed case)"
                }
            } else if lower.starts(with: Array("bc1".utf8)) || lower.starts(with: Array("ltc1".utf8)) {
                let mixed = original.contains { $0 >= 0x41 && $0 <= 0x5A } && original.contains { $0 >= 0x61 && $0 <= 0x7A }
                if !mixed, let c = Checksum.segwitCoin(lower) {
                    coin = c
                    why = "a segwit address whose bech32 checksum holds"
                }
            } else if let c = Checksum.base58CheckCoin(original) {
                coin = c
                why = "a \(c) address whose base58check checksum holds"
            }
            guard let coin else { continue }
            candidates.append(Candidate(kind: .paymentAccount, range: tok.range, platform: "crypto", rule: "payment_account.crypto_address",
                                        normalized: coin + ":" + String(decoding: original, as: UTF8.self), explanation: why))
        }
    }

    // MARK: Requests to pay outside

    /// "… through the platform", "… via the site", "… here" right after `k`.
    private func throughPlatform(after k: Int, _ index: TextIndex) -> Bool {
        var j = k + 1
        guard j < index.tokens.count else { return false }
        if index.isWord(j, W.here) { return true }
        guard index.has(j, .preposition) else { return false }
        j += 1
        while j < index.tokens.count && (index.has(j, .article) || index.has(j, .your) || index.has(j, .my)) { j += 1 }
        return j < index.tokens.count && (index.has(j, .place) || index.isWord(j, W.here))
    }

    /// "… via Zelle", "… to my Venmo" right after token `k`: the payment service and
    /// where it ends.
    private func serviceAfter(_ k: Int, _ clause: Range<Int>, _ index: TextIndex) -> (Int, Platform)? {
        var j = k + 1
        guard j < clause.upperBound, index.has(j, .preposition) else { return nil }
        j += 1
        if j < clause.upperBound && (index.has(j, .my) || index.has(j, .article)) { j += 1 }
        guard j < clause.upperBound, let info = paymentPlatform(index, j),
              PlatformHandleFinder(index: index).namesPlatform(j) else { return nil }
        return (j, info)
    }

    static let openWords = WordSet(["open", "ok", "okay", "fine", "happy", "cool", "good"])
    static let toWith = WordSet(["to", "with"])
    static let doesWords = WordSet(["work", "works", "ok", "okay", "fine"])
    static let forWith = WordSet(["for", "with"])
    static let worksIs = WordSet(["works", "work", "is", "'s"])
    static let betterWords = WordSet(["better", "easier", "simpler", "faster", "quicker", "best", "easiest", "cheaper"])
    static let ifWord = WordSet(["if"])
    /// What a payment outside is offered for: "… I can knock 15% off", "… a discount", "no commission that way".
    static let discountWords = WordSet(["discount", "discounted", "cheaper", "knock", "less", "lower", "reduced"])

    /// "If you pay me directly for the next batch I can knock 15% off": a payment outside offered on a condition,
    /// with what it saves (a discount, or the fee) in the same clause.
    private func conditionalOffer(_ t: Int, _ clause: Range<Int>, _ index: TextIndex) -> Bool {
        guard let f = (clause.lowerBound..<t).last(where: { index.isWord($0, Self.ifWord) }),
              ((f + 1)..<t).contains(where: { index.isWord($0, W.you) }) else { return false }
        return clause.contains { index.has($0, .fee) || index.isWord($0, Self.discountWords) }
    }

    /// A payment service proposed or asked about, in a question or a proposal, with the token the phrase ends on:
    /// "would you be open to PayPal for the rest?", "does Zelle work for you?", "could we do a bank transfer outside
    /// of here?". Not a service that names a thing ("open to PayPal integration"), nor one kept on the platform
    /// ("Wise directly through the platform").
    private func proposedService(_ t: Int, _ clause: Range<Int>, _ index: TextIndex, _ cues: ClauseCues) -> Int? {
        // "venmo works better for the tip", "Wise is easier for me": a service put forward by what it does better.
        if t + 2 < clause.upperBound, index.isWord(t + 1, Self.worksIs), index.isWord(t + 2, Self.betterWords),
           index.alias(t)!.strength == .strong, PlatformHandleFinder(index: index).namesPlatform(t) {
            return t + 2
        }
        guard cues.question(t) || cues.proposal(before: t), PlatformHandleFinder(index: index).namesPlatform(t),
              index.alias(t)!.strength == .strong || (t > 0 && index.has(t - 1, .article)),
              !cues.modifiesNext(t) || index.isWord(t + 1, Self.doesWords) else { return nil }
        // "open to PayPal", "ok with Venmo"
        if t >= 2, index.isWord(t - 1, Self.toWith), index.isWord(t - 2, Self.openWords) { return t - 2 }
        // "does Zelle work for you?", "is Venmo ok with you?"
        if t + 3 < clause.upperBound, index.isWord(t + 1, Self.doesWords), index.isWord(t + 2, Self.forWith),
           index.isWord(t + 3, W.you) { return t + 3 }
        // "a bank transfer outside of here", "PayPal directly"
        var k = t + 1
        while k < clause.upperBound && k <= t + 2 {
            if index.has(k, .offline) { return throughPlatform(after: k, index) ? nil : k }
            guard index.has(k, .article) || index.has(k, .preposition) || index.has(k, .channelNoun) else { return nil }
            k += 1
        }
        return nil
    }

    private func requests(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let cues = ClauseCues(index: index)
        let tokens = index.tokens
        var taken = ByteOccupancy(count: index.bytes.count)
        func add(_ from: Int, _ to: Int, _ platform: String?, _ rule: String, _ why: String) {
            let range = tokens[from].start..<tokens[to].end
            guard !taken.overlaps(range) else { return }
            guard !cues.negated(before: to), !cues.talksAboutRule(to) else { return }
            taken.insert(range)
            candidates.append(Candidate(kind: .paymentAccount, range: range, platform: platform, intent: .request,
                                        rule: "payment_account.\(rule)", explanation: why))
        }
        for t in tokens.indices {
            // The screen: each shape below starts on a fee-avoiding word, a payment
            // service's name (an alias) or a payment verb (its first test).
            if screens && index.roles(t).isDisjoint(with: Self.requestStarters) { continue }
            let clause = index.clause(of: t)
            // "skip the platform fee", "save on fees", "avoid the commission"
            if index.has(t, .feeAvoid) {
                var k = t + 1
                var steps = 0
                while k < clause.upperBound && steps < 4 && !index.has(k, .fee)
                    && (index.has(k, .article) || index.has(k, .place) || index.has(k, .your) || index.has(k, .my)
                        || index.isWord(k, W.feeFillers) || index.isPunct(k, 0x27)) {
                    k += 1
                    steps += 1
                }
                if k < clause.upperBound && index.has(k, .fee) {
                    add(t, k, nil, "fee_avoidance", "a proposal to avoid the platform's fee")
                    continue
                }
            }
            if let info = paymentPlatform(index, t), let end = proposedService(t, clause, index, cues) {
                add(min(t, end), max(t, end), info.slug, "outside_payment", "a payment through \(info.slug) proposed or asked about")
                continue
            }
            // "Zelle me the rest", "PayPal me": a payment service used as a verb.
            if let info = paymentPlatform(index, t), index.alias(t)!.strength == .strong, t + 1 < clause.upperBound,
               index.isWord(t + 1, W.meOrUs), cues.imperative(t) || cues.proposal(before: t) || cues.question(t) {
                add(t, t + 1, info.slug, "outside_payment", "asks to be paid by \(info.slug)")
                continue
            }
            guard index.has(t, .paymentVerb) else { continue }
            let question = cues.question(t)
            let settled = index.isWord(t, W.settledPaymentVerbs)
            // Verbs that are about money only when money is their object.
            let needsMoney = settled || index.isWord(t, W.moneyVerbs)
            guard cues.proposal(before: t) || cues.imperative(t) || question || settled
                    || conditionalOffer(t, clause, index) else { continue }
            // "Kannst du mich direkt bezahlen?": the other languages may put the adverb before the verb.
            if !needsMoney, let k = (max(clause.lowerBound, t - 2)..<t).last(where: { index.has($0, .offline) }),
               !throughPlatform(after: t, index) {
                add(k, t, nil, "outside_payment", "a payment asked or offered '\(index.word(k))'")
                continue
            }
            var k = t + 1
            var steps = 0
            var money = !needsMoney
            // "transfer the remaining 400 EUR straight to your bank account": an amount may take a few words.
            while k < clause.upperBound && steps < 8 {
                if index.has(k, .money) { money = true }
                if let info = paymentPlatform(index, k), PlatformHandleFinder(index: index).namesPlatform(k) {
                    let strength = index.alias(k)!.strength
                    let prep = k > t + 1 && (index.has(k - 1, .preposition) || index.has(k - 1, .my) || index.has(k - 1, .your))
                    if strength == .strong || prep || (settled && k == t + 1) {
                        add(t, k, info.slug, "outside_payment", "a payment asked or offered through \(info.slug)")
                    }
                    break
                }
                if money && index.has(k, .off) && k + 1 < clause.upperBound {
                    var m = k + 1
                    if m < clause.upperBound && (index.has(m, .article) || index.isWord(m, W.of)) { m += 1 }
                    if m < clause.upperBound && index.has(m, .article) { m += 1 }
                    if m < clause.upperBound && index.has(m, .place) {
                        add(t, m, nil, "outside_payment", "a payment asked or offered outside the platform")
                        break
                    }
                }
                if index.has(k, .offline) {
                    // "pay you directly through the platform" stays on it.
                    if money && !throughPlatform(after: k, index) {
                        // "pay me directly via Zelle": the service named after it is the platform.
                        if let (end, info) = serviceAfter(k, clause, index) {
                            add(t, end, info.slug, "outside_payment", "a payment asked or offered through \(info.slug)")
                        } else {
                            add(t, k, nil, "outside_payment", "a payment asked or offered '\(index.word(k))'")
                        }
                    }
                    break
                }
                if index.has(k, .negation) { break }
                k += 1
                steps += 1
            }
        }
    }
}
