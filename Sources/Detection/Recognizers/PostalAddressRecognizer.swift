/// Street addresses and post-office boxes, in the orders several countries use
/// (street words from street_types.txt):
/// - number, name, type: "101 Main St.", "221B Baker Street", "1600 Pennsylvania Ave NW";
/// - number, type, name: "12 rue de la Paix", "3 bd Haussmann";
/// - type, name, number: "Calle Mayor 5", "Via Roma 10", "Rua Augusta, 100", "ul. Długa 5";
/// - name, type, number: "Berliner Straße 5";
/// - one-word names: "Hauptstraße 5", "Kerkstraat 12", "Storgatan 3";
/// - boxes: "PO Box 123", "P.O. Box 234234", "Postfach 1204", "Apartado 45".
/// A house number has at most five digits and no currency or "#" before it; the name
/// may not be a unit of time or size ("10 minute drive", "500 GB drive"). Where the
/// type comes first, or the number last, a name word must be capitalized, since
/// "via email 5 times" has the same shape.
public struct PostalAddressRecognizer: IndexedRecognizer, Screening {
    public let name = "postal_address"
    let lexicon: Lexicon
    /// Each token is tried only for the forms that can start on its kind.
    var screens = true

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    /// Words that are never part of a street name: units ("10 minute drive") and
    /// grammar words.
    static let notNames = Set(NotContact.unitWords.union([
        "and", "or", "x", "per", "is", "are", "was", "it", "its", "we", "you", "i", "of", "to", "in", "on", "at", "for",
        "by", "with", "my", "your", "our", "their", "his", "her", "a", "an", "the", "this", "that", "these", "those",
        "new", "old", "one", "two", "three",
    ]).map(WordKey.of))

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        // Every form has a number.
        guard index.hasNumber || index.hasMixed else { return }
        var found: [(Range<Int>, String, String)] = []
        let tokens = index.tokens
        for t in tokens.indices {
            if screens {
                // The screen, same forms in the same order: a house number is a number
                // or mixed token (`isHouseNumber`); the other forms start on a word
                // (`compound`, `poBox`, and the street roles, which only words carry).
                switch tokens[t].kind {
                case .number, .mixed:
                    if isHouseNumber(t, index) {
                        if let m = numberNameType(t, index) { found.append(m) }
                        if let m = numberTypeName(t, index) { found.append(m) }
                    }
                    continue
                case .word:
                    if index.has(t, .streetBeforeName), let m = typeNameNumber(t, index) { found.append(m) }
                    if index.has(t, .streetAfterName), let m = nameTypeNumber(t, index) { found.append(m) }
                    // `compound` reads its house number at most three tokens on (after
                    // an abbreviation's dot and a comma); `poBox` starts on a box word or "p".
                    if numberWithinThree(after: t, tokens), let m = compound(t, index) { found.append(m) }
                    if index.has(t, .poBoxWord) || (tokens[t].end - tokens[t].start == 1 && index.bytes[tokens[t].start] == 0x70),
                       let m = poBox(t, index) { found.append(m) }
                    continue
                case .punct, .newline:
                    continue
                }
            }
            if isHouseNumber(t, index) {
                if let m = numberNameType(t, index) { found.append(m) }
                if let m = numberTypeName(t, index) { found.append(m) }
            }
            if index.has(t, .streetBeforeName), let m = typeNameNumber(t, index) { found.append(m) }
            if index.has(t, .streetAfterName), let m = nameTypeNumber(t, index) { found.append(m) }
            if let m = compound(t, index) { found.append(m) }
            if let m = poBox(t, index) { found.append(m) }
        }
        var taken = ByteOccupancy(count: index.bytes.count)
        for (range, rule, why) in found.sorted(by: { $0.0.count > $1.0.count })
            where !taken.overlaps(range) {
            taken.insert(range)
            candidates.append(Candidate(kind: .postalAddress, range: range, rule: "postal_address.\(rule)",
                                        normalized: index.string(range), explanation: why))
        }
    }

    // MARK: Parts

    private func numberWithinThree(after t: Int, _ tokens: [TextIndex.Token]) -> Bool {
        var k = t + 1
        while k < tokens.count && k <= t + 3 {
            if tokens[k].kind == .number || tokens[k].kind == .mixed { return true }
            k += 1
        }
        return false
    }

    private func isHouseNumber(_ t: Int, _ index: TextIndex) -> Bool {
        let tok = index.tokens[t]
        let p = index.bytes
        let length = tok.end - tok.start
        switch tok.kind {
        case .number:
            guard length <= 5 else { return false }
        case .mixed:
            // "221b", "12a": digits and one letter.
            guard length >= 2, length <= 6, ASCII.isLetter(p[tok.end - 1]),
                  p[tok.start..<(tok.end - 1)].allSatisfy(ASCII.isDigit) else { return false }
        default:
            return false
        }
        if t > 0, index.tokens[t - 1].kind == .punct {
            let b = index.tokens[t - 1].byte
            // "$100", "# 3"; glued to ".", ",", ":" or "/" it is a decimal, a time or a date.
            if NotContact.isPriceOrRank(before: b) && b != 0x80 { return false }
            if !tok.spaceBefore && (NotContact.isPriceOrRank(before: b) || [0x2E, 0x2C, 0x3A, 0x2F].contains(b)) { return false }
        }
        if t + 1 < index.tokens.count, !index.tokens[t + 1].spaceBefore, index.tokens[t + 1].kind == .punct,
           [0x25, 0x2E, 0x2C, 0x3A, 0x2F].contains(index.tokens[t + 1].byte),
           t + 2 < index.tokens.count, index.tokens[t + 2].kind == .number, !index.tokens[t + 2].spaceBefore { return false }
        return true
    }

    private func isName(_ t: Int, _ index: TextIndex) -> Bool {
        let tok = index.tokens[t]
        guard tok.kind == .word else { return false }
        if Self.notNames.contains(tok.key) { return false }
        let r = index.roles(t)
        return r.isDisjoint(with: [.preposition, .object, .subject, .my, .your, .modal, .negation, .numberWord, .alias])
    }

    private func capitalized(_ t: Int, _ index: TextIndex) -> Bool {
        index.text.wasUppercase(index.tokens[t].start) || index.bytes[index.tokens[t].start] >= 0x80
    }

    /// The token after `t`, skipping one "." right after an abbreviation.
    private func afterAbbreviation(_ t: Int, _ index: TextIndex) -> Int {
        t + 1 < index.tokens.count && index.isPunct(t + 1, 0x2E) && !index.tokens[t + 1].spaceBefore ? t + 2 : t + 1
    }

    private func numberNameType(_ n: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        var k = n + 1
        var names = 0
        while k < index.tokens.count && names <= 4 {
            if names >= 1 && index.has(k, .streetAfterName) {
                var end = index.tokens[k].end
                if k + 1 < index.tokens.count, index.isPunct(k + 1, 0x2E), !index.tokens[k + 1].spaceBefore,
                   index.tokens[k].end - index.tokens[k].start <= 4 { end = index.tokens[k + 1].end }
                return (index.tokens[n].start..<end, "number_name_type", "a house number, a street name and a street type")
            }
            guard isName(k, index) else { return nil }
            names += 1
            k += 1
        }
        return nil
    }

    private func numberTypeName(_ n: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        var k = n + 1
        if k < index.tokens.count && index.isPunct(k, 0x2C) { k += 1 }
        guard k < index.tokens.count, index.has(k, .streetBeforeName) else { return nil }
        k = afterAbbreviation(k, index)
        var last = -1
        var capital = false
        var words = 0
        while k < index.tokens.count && words < 5 {
            let tok = index.tokens[k]
            if tok.kind == .word && !Self.notNames.contains(tok.key) || (tok.kind == .word && words > 0) {
                if capitalized(k, index) { capital = true }
                last = k
                words += 1
                k += 1
                continue
            }
            if tok.kind == .punct && (tok.byte == 0x2D || tok.byte == 0x27) && !tok.spaceBefore && last == k - 1 { k += 1; continue }
            break
        }
        guard last >= 0, capital else { return nil }
        return (index.tokens[n].start..<index.tokens[last].end, "number_type_name", "a house number, a street type and a street name")
    }

    /// Lower-case words that join a street type to its name in Romance and other
    /// languages: "Calle de Alcalá", "Avenida de la Constitución", "Rua dos Anjos",
    /// "Via della Spiga".
    static let nameParticles = WordSet(["de", "del", "della", "delle", "dei", "degli", "la", "le", "les", "los", "las",
                                        "des", "du", "di", "da", "do", "dos", "das", "van", "von", "der",
                                        "den", "y", "i", "e"])

    private func typeNameNumber(_ t: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        var k = afterAbbreviation(t, index)
        var words = 0
        // "12 rue de la Paix, 75002 Paris": the number came first; what follows is a postcode.
        if t > 0 && isHouseNumber(t - 1, index) { return nil }
        // Particles first ("de la"), then a capitalized name word, as before.
        var name = k
        while name < index.tokens.count && name < k + 3 && index.tokens[name].kind == .word && !capitalized(name, index)
                && index.isWord(name, Self.nameParticles) { name += 1 }
        guard name < index.tokens.count, index.tokens[name].kind == .word, capitalized(name, index), isName(name, index) else { return nil }
        while k < index.tokens.count && words < 5 {
            let tok = index.tokens[k]
            if tok.kind == .word && (words == 0 || !index.has(k, .negation)) { words += 1; k += 1; continue }
            if tok.kind == .punct && (tok.byte == 0x2D || tok.byte == 0x27) && !tok.spaceBefore { k += 1; continue }
            break
        }
        if k < index.tokens.count && index.isPunct(k, 0x2C) { k += 1 }
        guard k < index.tokens.count, isHouseNumber(k, index) else { return nil }
        return (index.tokens[t].start..<index.tokens[k].end, "type_name_number", "a street type, a street name and a house number")
    }

    private func nameTypeNumber(_ t: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        var first = t
        var names = 0
        while first - 1 >= 0 && names < 3 && isName(first - 1, index) { first -= 1; names += 1 }
        guard names >= 1, capitalized(first, index) else { return nil }
        var k = afterAbbreviation(t, index)
        if k < index.tokens.count && index.isPunct(k, 0x2C) { k += 1 }
        guard k < index.tokens.count, isHouseNumber(k, index),
              k + 1 >= index.tokens.count || !index.has(k + 1, .streetAfterName) else { return nil }
        return (index.tokens[first].start..<index.tokens[k].end, "name_type_number", "a street name, a street type and a house number")
    }

    private func compound(_ t: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        let tok = index.tokens[t]
        guard tok.kind == .word else { return nil }
        // The number first: it is cheaper to look at than the word's ending.
        var k = afterAbbreviation(t, index)
        if k < index.tokens.count && index.isPunct(k, 0x2C) { k += 1 }
        guard k < index.tokens.count, index.tokens[k].kind == .number || index.tokens[k].kind == .mixed,
              isHouseNumber(k, index) else { return nil }
        let word = index.bytes[tok.range]
        guard lexicon.streetSuffixes.contains(where: { s in word.count > s.count + 2 && word.suffix(s.count).elementsEqual(s) }) else {
            return nil
        }
        return (tok.start..<index.tokens[k].end, "compound_street", "a one-word street name and a house number")
    }

    private func poBox(_ t: Int, _ index: TextIndex) -> (Range<Int>, String, String)? {
        guard index.tokens[t].kind == .word, t == 0 || !index.isPunct(t - 1, 0x2E) || index.tokens[t].spaceBefore else { return nil }
        // A box phrase starts with one of its words, or with "p." of "p.o. box".
        let first = index.tokens[t]
        guard index.has(t, .poBoxWord) || (first.end - first.start == 1 && index.bytes[first.start] == 0x70) else { return nil }
        var letters: [UInt8] = []
        var k = t
        while k < index.tokens.count && k < t + 6 {
            let tok = index.tokens[k]
            if tok.kind == .word {
                letters += index.bytes[tok.range]
            } else if !(tok.kind == .punct && tok.byte == 0x2E) {
                break
            }
            k += 1
            if lexicon.poBoxPhrases.contains(letters) {
                var n = k
                while n < index.tokens.count && (index.isPunct(n, 0x3A) || index.isPunct(n, 0x23) || index.isWord(n, W.no) || index.isPunct(n, 0x2E)) { n += 1 }
                guard n < index.tokens.count, index.tokens[n].kind == .number, index.tokens[n].end - index.tokens[n].start <= 8 else { return nil }
                return (index.tokens[t].start..<index.tokens[n].end, "po_box", "a post-office box and its number")
            }
        }
        return nil
    }
}
