/// Made-up contact identifiers in the forms people really write them: emails,
/// phones, handles and links, plain or disguised. Every value is synthetic;
/// phone numbers use each country's real shape (so a validating phone engine
/// accepts them) with random subscriber digits, and the UK ones use Ofcom's
/// ranges reserved for fiction.
struct Person: Sendable {
    var first: String
    var last: String

    /// Lower-case ASCII forms for handles and addresses ("Łukasz Wójcik" → "lukasz", "wojcik").
    var firstSlug: String { Person.slug(first) }
    var lastSlug: String { Person.slug(last) }

    static func slug(_ s: String) -> String {
        let folds: [Character: String] = [
            "ą": "a", "á": "a", "à": "a", "â": "a", "ä": "a", "å": "a", "ã": "a", "ć": "c", "ç": "c", "č": "c",
            "é": "e", "è": "e", "ê": "e", "ë": "e", "ę": "e", "í": "i", "ï": "i", "î": "i", "ł": "l", "ń": "n",
            "ñ": "n", "ó": "o", "ö": "o", "ô": "o", "ø": "o", "õ": "o", "ś": "s", "š": "s", "ß": "ss", "ú": "u",
            "ü": "u", "û": "u", "ź": "z", "ż": "z", "ž": "z", "ý": "y",
        ]
        var out = ""
        for c in s.lowercased() {
            if let f = folds[c] { out += f } else if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) }
        }
        return out.isEmpty ? "user" : out
    }

    static func make(index: UInt64, salt: UInt64) -> Person {
        let h = RandomStream.mix(index &* 0x2545_F491_4F6C_DD1D ^ salt)
        return Person(first: Vocabulary.firstNames[Int(h % UInt64(Vocabulary.firstNames.count))],
                      last: Vocabulary.lastNames[Int((h >> 20) % UInt64(Vocabulary.lastNames.count))])
    }
}

/// A piece of planted text with the facts the truth needs about it.
struct Identifier {
    var text: String
    var scenario: String
    var disguised: Bool = false
    var platform: String?
}

enum Identifiers {
    static let fieldWords = ["designs", "dev", "writes", "growth", "films", "translates", "data", "audio"]

    /// Endings that would make a dotted handle read as a domain ("zoe.dev", "anna.kim"): a handle
    /// standing alone ("my discord is …") must not also be a link.
    static let domainLikeEndings: Set<String> = ["dev", "data", "audio", "studio", "design", "kim", "weber", "schmidt",
                                                 "app", "io", "co", "me", "ai", "art", "blog", "page", "site", "tech"]

    static func handle(_ p: Person, _ field: Vocabulary.Field, _ rng: inout RandomStream) -> String {
        let f = p.firstSlug, l = p.lastSlug
        var h: String
        switch rng.below(7) {
        case 0: h = "\(f).\(l)"
        case 1: h = "\(f)\(l)\(rng.int(in: 10...99))"
        case 2: h = "\(f.prefix(1))\(l)"
        case 3: h = "\(f)_\(fieldWords[field.rawValue])"
        case 4: h = "\(f)\(fieldWords[field.rawValue])"
        case 5: h = "\(f)\(l.prefix(1))_\(rng.int(in: 1...9))"
        default: h = "the.\(f).\(l)"
        }
        if let dot = h.lastIndex(of: "."), domainLikeEndings.contains(String(h[h.index(after: dot)...])) {
            h.replaceSubrange(dot...dot, with: "_")
        }
        return h
    }

    // MARK: Email

    static let providers = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "proton.me",
                            "gmx.de", "web.de", "yandex.ru", "orange.fr", "libero.it", "fastmail.com"]
    static let bareProviders = ["gmail", "outlook", "yahoo", "hotmail", "icloud"]
    static let idnDomains = ["müller.de", "bücher.de", "café.fr", "señal-diseño.es", "ñandú.com.ar"]
    /// Punycode forms of IDN domains, checked by hand against RFC 3492.
    static let punycodeDomains = ["xn--mller-kva.de", "xn--bcher-kva.de", "xn--caf-dma.fr"]
    static let tlds = ["com", "io", "co", "studio", "design", "de", "co.uk", "fr", "es", "net"]

    static func companySlug(_ company: String) -> String {
        var out = ""
        for word in company.split(separator: " ") where word != "&" && word != "GmbH" && word != "Co." {
            out += Person.slug(String(word))
        }
        return out
    }

    static func email(_ p: Person, company: String, field: Vocabulary.Field, disguiseRate: Double,
                      _ rng: inout RandomStream) -> Identifier {
        let local = rng.chance(0.5) ? "\(p.firstSlug).\(p.lastSlug)" : handle(p, field, &rng)
        if rng.chance(disguiseRate) {
            let provider = bareProviders[rng.below(bareProviders.count)]
            switch rng.below(6) {
            case 0:
                let spoken = local.replacingOccurrences(of: ".", with: " dot ")
                return Identifier(text: "\(spoken) at \(provider) dot com", scenario: "email.written_out", disguised: true)
            case 1:
                let style = ["{l}[at]{p}[dot]com", "{l} [at] {p} [dot] com", "{l}(at){p}(dot)com", "{l} (at) {p}.com",
                             "{l} [at] {p} (dot) com"][rng.below(5)]
                let text = style.replacingOccurrences(of: "{l}", with: local).replacingOccurrences(of: "{p}", with: provider)
                return Identifier(text: text, scenario: "email.bracketed", disguised: true)
            case 2:
                return Identifier(text: "\(local) at \(provider)", scenario: "email.bare_provider", disguised: true)
            case 3:
                var chars = Array("\(local)@\(provider).com")
                let at = chars.firstIndex(of: "@")!
                chars.insert("\u{200B}", at: at)
                chars.insert("\u{200C}", at: max(1, at / 2))
                return Identifier(text: String(chars), scenario: "email.zero_width", disguised: true)
            case 4:
                return Identifier(text: homoglyphs(in: "\(local)@\(provider).com", &rng), scenario: "email.homoglyph", disguised: true)
            default:
                let spoken = local.replacingOccurrences(of: ".", with: " DOT ")
                return Identifier(text: "\(spoken) AT \(provider.uppercased()) DOT COM", scenario: "email.written_out", disguised: true)
            }
        }
        switch rng.below(10) {
        case 0, 1, 2, 3:
            return Identifier(text: "\(local)@\(providers[rng.below(providers.count)])", scenario: "email.plain")
        case 4:
            let tag = ["work", "jobs", "clients", "freelance", "inbox"][rng.below(5)]
            return Identifier(text: "\(local)+\(tag)@\(providers[rng.below(3)])", scenario: "email.subaddress")
        case 5:
            return Identifier(text: "\(p.firstSlug)@\(idnDomains[rng.below(idnDomains.count)])", scenario: "email.idn")
        case 6:
            return Identifier(text: "\(p.firstSlug)@\(punycodeDomains[rng.below(punycodeDomains.count)])", scenario: "email.punycode")
        case 7:
            return Identifier(text: "\(p.firstSlug)@\(companySlug(company)).\(tlds[rng.below(tlds.count)])",
                              scenario: "email.business")
        case 8:
            return Identifier(text: "\(p.firstSlug.capitalized).\(p.lastSlug.capitalized)@\(providers[rng.below(3)])", scenario: "email.mixed_case")
        default:
            return Identifier(text: "\(p.firstSlug)@\(p.firstSlug)\(p.lastSlug).\(tlds[rng.below(tlds.count)])", scenario: "email.own_domain")
        }
    }

    /// Swaps one or two Latin letters for look-alike Cyrillic ones.
    static func homoglyphs(in s: String, _ rng: inout RandomStream) -> String {
        let swaps: [Character: Character] = ["a": "а", "o": "о", "e": "е", "c": "с", "p": "р", "x": "х"]
        var chars = Array(s)
        let candidates = chars.indices.filter { swaps[chars[$0]] != nil }
        guard !candidates.isEmpty else { return s }
        for _ in 0..<min(2, candidates.count) {
            let i = candidates[rng.below(candidates.count)]
            if let r = swaps[chars[i]] { chars[i] = r }
        }
        return String(chars)
    }

    // MARK: Phone

    /// Per country: patterns where `D` is any digit, `N` a digit 2–9, `X` a digit 2–8
    /// (first digit of a US exchange, avoiding 9xx oddities); everything else is literal.
    static let phonePatterns: [(country: String, patterns: [String])] = [
        ("US", ["+1 212 XDD DDDD", "+1 (415) XDD-DDDD", "(646) XDD-DDDD", "312-XDD-DDDD", "617.XDD.DDDD",
                "+1-305-XDD-DDDD", "(512) XDD DDDD", "206 XDD DDDD"]),
        ("CA", ["+1 416 XDD DDDD", "(604) XDD-DDDD", "514-XDD-DDDD"]),
        ("GB", ["+44 7700 900DDD", "07700 900DDD", "+44 20 7946 0DDD", "020 7946 0DDD", "+44 (0)20 7946 0DDD",
                "+447700900DDD"]),
        ("DE", ["+49 151 NDDDDDDD", "0151 NDDDDDDD", "+49 30 NDDDDDDD", "030 NDDDDDDD", "+49 (0)176 NDDDDDDD"]),
        ("FR", ["+33 6 DD DD DD DD", "06 DD DD DD DD", "+33 1 DD DD DD DD", "01.DD.DD.DD.DD", "+33 (0)7 DD DD DD DD"]),
        ("ES", ["+34 6DD DDD DDD", "6DD DDD DDD", "+34 91 DDD DD DD"]),
        ("IT", ["+39 34D DDD DDDD", "34D DDD DDDD", "+39 02 DDDD DDDD"]),
        ("BR", ["+55 11 9DDDD-DDDD", "(11) 9DDDD-DDDD", "+55 21 9DDDD DDDD"]),
        ("IN", ["+91 98DDD DDDDD", "098DDD DDDDD", "+91-99DDD-DDDDD"]),
        ("AU", ["+61 4DD DDD DDD", "04DD DDD DDD", "+61 2 NDDD DDDD", "(02) NDDD DDDD"]),
        ("NL", ["+31 6 DDDDDDDD", "06-DDDDDDDD", "+31 20 NDD DDDD"]),
        ("PL", ["+48 601 DDD DDD", "601 DDD DDD", "+48 512 DDD DDD"]),
        ("MX", ["+52 55 NDDD DDDD", "55 NDDD DDDD"]),
        ("JP", ["+81 90-DDDD-DDDD", "090-DDDD-DDDD", "+81 3-NDDD-DDDD", "03-NDDD-DDDD"]),
        ("RU", ["+7 9DD DDD-DD-DD", "8 (9DD) DDD-DD-DD", "+7 (495) NDD-DD-DD"]),
        ("NG", ["+234 803 DDD DDDD", "0803 DDD DDDD"]),
        ("PH", ["+63 917 DDD DDDD", "0917 DDD DDDD"]),
        ("ZA", ["+27 82 DDD DDDD", "082 DDD DDDD"]),
    ]

    static let digitWords = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

    static func phoneNumber(_ rng: inout RandomStream) -> (text: String, country: String) {
        let entry = phonePatterns[rng.below(phonePatterns.count)]
        let pattern = entry.patterns[rng.below(entry.patterns.count)]
        var out = ""
        for c in pattern {
            switch c {
            case "D": out.append(Character(String(rng.below(10))))
            case "N": out.append(Character(String(rng.int(in: 2...9))))
            case "X": out.append(Character(String(rng.int(in: 2...8))))
            default: out.append(c)
            }
        }
        if entry.country == "US" || entry.country == "CA" { out = fixUSExchange(out) }
        return (out, entry.country)
    }

    static func phone(disguiseRate: Double, _ rng: inout RandomStream) -> Identifier {
        let (number, _) = phoneNumber(&rng)
        if rng.chance(disguiseRate) {
            switch rng.below(5) {
            case 0: return Identifier(text: spelled(number, mixed: false, &rng), scenario: "phone.spelled_out", disguised: true)
            case 1: return Identifier(text: spelled(number, mixed: true, &rng), scenario: "phone.mixed_words", disguised: true)
            case 2: return Identifier(text: separatedByEmoji(number, &rng), scenario: "phone.emoji_separators", disguised: true)
            case 3: return Identifier(text: fullWidth(number), scenario: "phone.full_width", disguised: true)
            default: return Identifier(text: separatedByEmoji(fullWidthDigitsOnly(number), &rng), scenario: "phone.full_width_emoji", disguised: true)
            }
        }
        if rng.chance(0.12) {
            let ext = [" ext. \(rng.int(in: 10...999))", " x\(rng.int(in: 10...99))", ", ext \(rng.int(in: 100...999))"][rng.below(3)]
            return Identifier(text: number + ext, scenario: "phone.extension")
        }
        return Identifier(text: number, scenario: number.hasPrefix("+") ? "phone.international" : "phone.national")
    }

    /// Keeps the three digits after a US area code away from N11 and 555.
    static func fixUSExchange(_ s: String) -> String {
        var digits = s.filter(\.isNumber)
        if digits.hasPrefix("1") { digits.removeFirst() }
        guard digits.count == 10 else { return s }
        let exchange = Array(digits)[3..<6]
        if String(exchange) == "555" || (exchange[4] == "1" && exchange[5] == "1") {
            // Replace the exchange's last digit (first occurrence after the area code) with 7.
            var chars = Array(s)
            var seen = 0
            let lead = s.hasPrefix("+1") || s.hasPrefix("+1-") ? 1 : 0
            for i in chars.indices where chars[i].isNumber {
                seen += 1
                if seen == lead + 6 { chars[i] = "7"; break }
            }
            return String(chars)
        }
        return s
    }

    static func spelled(_ number: String, mixed: Bool, _ rng: inout RandomStream) -> String {
        // "+44" stays as written (people spell the local part); the trunk "(0)" is dropped.
        var body = Substring(number.replacingOccurrences(of: "(0)", with: ""))
        var out = ""
        if body.hasPrefix("+") {
            let cc = body.dropFirst().prefix { $0.isNumber }
            let keep = cc.count <= 3 ? cc : cc.prefix(2)
            out = "+" + keep + " "
            body = body.dropFirst(1 + keep.count).drop { !$0.isNumber }
        }
        var previousWasDigit = false
        let groupSeparator = [", ", " - ", " ", "... "][rng.below(4)]
        for c in body where c != "(" && c != ")" {
            if let v = c.wholeNumberValue, c.isASCII {
                if previousWasDigit { out += " " }
                out += (!mixed || rng.chance(0.55)) ? digitWords[v] : String(v)
                previousWasDigit = true
            } else if previousWasDigit {
                out += groupSeparator
                previousWasDigit = false
            }
        }
        return out
    }

    static func separatedByEmoji(_ number: String, _ rng: inout RandomStream) -> String {
        let separator = ["🔹", "•", "·", "–", "📞", "✨", " • ", "➖"][rng.below(8)]
        var out = ""
        for c in number {
            if c == " " || c == "-" || c == "." { out += separator } else { out.append(c) }
        }
        return out
    }

    static func fullWidth(_ number: String) -> String {
        String(String.UnicodeScalarView(number.unicodeScalars.map { u -> Unicode.Scalar in
            switch u {
            case "0"..."9", "+", "-", "(", ")": return Unicode.Scalar(u.value + 0xFEE0)!
            default: return u
            }
        }))
    }

    static func fullWidthDigitsOnly(_ number: String) -> String {
        String(String.UnicodeScalarView(number.unicodeScalars.map { u in
            ("0"..."9").contains(u) ? Unicode.Scalar(u.value + 0xFEE0)! : u
        }))
    }

    /// The digits of an international number (for wa.me links), country code first.
    static func internationalDigits(_ rng: inout RandomStream) -> String {
        var digits = ""
        repeat {
            let (n, _) = phoneNumber(&rng)
            if n.hasPrefix("+") { digits = n.filter { $0.isASCII && $0.isNumber } }
        } while digits.isEmpty
        return digits
    }

    static func alnum(_ n: Int, _ rng: inout RandomStream, upper: Bool = true) -> String {
        let chars = Array(upper ? "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789" : "abcdefghijkmnpqrstuvwxyz23456789")
        return String((0..<n).map { _ in chars[rng.below(chars.count)] })
    }

    static func hex(_ n: Int, _ rng: inout RandomStream) -> String {
        let chars = Array("0123456789abcdef")
        return String((0..<n).map { _ in chars[rng.below(16)] })
    }
}
