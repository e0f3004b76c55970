// The words around a digit run that change what it is. "Order 4156667777",
// "invoice no. 5551234567", "licence 0612345678" are identifiers whatever their
// shape; "4156667777 units" or "USD 5551234567" are quantities and amounts. And
// a phone word before ("call", "tel", "WhatsApp", "número") lets a plainer run
// count ("Phone: 5551234"). Only the few words right before the number, and the
// one right after, are looked at, so the cost is bounded per candidate.

/// A small set of lower-case words (UTF-8, at most 16 bytes), looked up without
/// building strings or hashing through `Hasher`: a word is packed into two
/// integers (which makes the key exact) and found in a small open-addressing table.
struct WordList: Sendable {
    private struct Key: Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var length: Int = 0

        var slotHash: UInt64 { (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length) }
    }

    private var slots: [Key]
    private var mask: Int
    /// The words, for tests of the lists themselves.
    let words: [String]

    static let maxLength = 16

    init(_ words: [String]) {
        self.words = words
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        slots = Array(repeating: Key(), count: capacity)
        mask = capacity - 1
        for w in words {
            let b = Array(w.utf8)
            precondition(!b.isEmpty && b.count <= WordList.maxLength, "bad context word \(w)")
            let k = b.withUnsafeBufferPointer { WordList.key($0, 0..<$0.count) }
            var i = Int(truncatingIfNeeded: k.slotHash >> 7) & mask
            while slots[i].length != 0 && slots[i] != k { i = (i + 1) & mask }
            slots[i] = k
        }
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Key {
        var k = Key()
        k.length = range.count
        var o: UInt64 = 0
        for i in range {
            var b = bytes[i]
            if b &- 0x41 < 26 { b |= 0x20 }
            if o < 8 {
                k.low |= UInt64(b) << (o * 8)
            } else {
                k.high |= UInt64(b) << ((o - 8) * 8)
            }
            o += 1
        }
        return k
    }

    /// Whether bytes[range] (ASCII letters compared case-insensitively) is in the list.
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty && range.count <= WordList.maxLength else { return false }
        let k = WordList.key(bytes, range)
        var i = Int(truncatingIfNeeded: k.slotHash >> 7) & mask
        while slots[i].length != 0 {
            if slots[i] == k { return true }
            i = (i + 1) & mask
        }
        return false
    }
}

enum PhoneContext {
    /// Words naming an identifier or an amount: a number right after one is not a phone.
    static let identifierWords = WordList([
        "order", "orders", "invoice", "invoices", "inv", "ticket", "tickets", "tkt", "ref", "reference", "receipt",
        "transaction", "txn", "tracking", "shipment", "awb", "parcel", "booking", "reservation", "confirmation", "po",
        "claim", "account", "acct", "iban", "routing", "swift", "bic", "sort", "card", "member",
        "membership", "license", "licence", "lic", "permit", "certificate", "cert", "credential", "credentials",
        "badge", "employee", "student", "passport", "ssn", "nin", "tax", "vat", "ein", "tin", "gst", "pan",
        "aadhaar", "aadhar", "zip", "zipcode", "postal", "postcode", "pin", "otp", "password", "passcode",
        "id", "uid", "sku", "item", "model", "serial", "part", "batch", "lot", "version", "ver", "build", "release",
        "v", "isbn", "issn", "doi", "patent", "policy", "contract", "project", "job", "task", "issue", "bug",
        "commit", "flight", "seat", "room", "page", "pages", "chapter", "price", "total", "amount", "budget", "cost",
        "fee", "fees", "salary", "usd", "eur", "gbp", "inr", "aud", "cad", "jpy", "cny", "rmb", "mxn", "brl", "ngn",
        "pln", "chf", "sgd", "nzd", "zar", "kes", "rs", "dollars", "euros", "rupees", "pesos", "naira", "nº", "n°",
        "№",
        // the same words in the other languages the product meets
        "factura", "fatura", "facture", "fattura", "rechnung", "pedido", "encomenda", "commande", "bestellung",
        "ordine", "recibo", "reçu", "quittung", "referencia", "referência", "référence", "referenz", "auftrag",
        "pedidos", "facturas", "faturas", "factures", "rechnungen",
    ])

    /// Words that, right after a digit run, make it a quantity or an amount.
    static let unitWords = WordList([
        "usd", "eur", "gbp", "inr", "aud", "cad", "jpy", "cny", "rmb", "mxn", "brl", "ngn", "pln", "chf", "sgd",
        "nzd", "zar", "kes", "dollar", "dollars", "euro", "euros", "rupees", "pesos", "naira", "bucks", "units",
        "pcs", "pieces", "items", "words", "views", "followers", "subscribers", "likes", "downloads", "people",
        "users", "visitors", "times", "rows", "records", "lines", "bytes", "kb", "mb", "gb", "tb", "km", "kg",
        "lbs", "mm", "cm", "px", "sqft", "ft", "hours", "hrs", "minutes", "mins", "seconds", "days", "years",
    ])

    /// Words that say a phone number follows.
    static let phoneWords = WordList([
        "phone", "phones", "ph", "tel", "tele", "telephone", "telefon", "telefone", "telefono", "teléfono",
        "téléphone", "telepono", "call", "calls", "calling", "ring", "dial", "text", "txt", "sms", "mobile", "mob",
        "mobil", "móvil", "movil", "cell", "cellphone", "cel", "celular", "handy", "whatsapp", "whatsap", "wa",
        "viber", "telegram", "signal", "numero", "número", "numéro", "contact", "reach",
        "hotline", "fax", "landline", "tlf", "telp", "hp", "zap", "тел", "телефон", "номер",
    ])

    /// Words skipped when looking back for a phone word ("call me on 555…"). An
    /// identifier word beyond one of them no longer names the number ("in case my
    /// number is …").
    static let fillerWords = WordList([
        "my", "our", "your", "his", "her", "the", "a", "me", "us", "at", "on", "to", "for", "of", "here", "it",
        "s", "de", "do", "da", "el", "la", "o", "mi", "mon", "ma", "mein", "meine",
    ])

    /// Words that link a label to its value without breaking it ("order number is …").
    static let linkWords = WordList(["is", "was", "are", "es", "est", "ist", "é"])

    enum Verdict { case neutral, phone, identifier }

    /// Words that only hint at a phone ("my number is …"): they count when no
    /// identifier word sits further back ("order number 4156667777").
    static let numberWords = WordList(["number", "num", "no", "nr", "nos"])

    /// Looks back from byte `start` across spaces, the punctuation that joins a
    /// label to its value (`:` `#` `.` `-` `(` `/`) and at most two other words, and
    /// says what the words name. An identifier word counts only right before the
    /// number or its label ("order 4156667777", "invoice no. 5551234567", "tracking
    /// number is …"); a phone word counts a few filler words away ("call me at …").
    /// Any other punctuation or a digit ends the look-back.
    static func before(_ start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        var i = start
        let limit = max(0, start - 48)
        // A currency sign a space away ("$ 4156667777", "₹ 98765 43210") makes an amount.
        var j = start
        while j > limit && bytes[j - 1] == 0x20 { j -= 1 }
        if j < start, let s = scalar(before: j, in: bytes), isCurrencySign(s) { return .identifier }
        var content = 0
        var hinted = false
        var adjacent = true
        while i > limit {
            while i > limit {
                let b = bytes[i - 1]
                if b == 0x20 || b == 0x3A || b == 0x23 || b == 0x2E || b == 0x2D || b == 0x28 || b == 0x09 || b == 0x2F {
                    i -= 1
                } else {
                    break
                }
            }
            let end = i
            while i > limit {
                let b = bytes[i - 1]
                if isASCIILetter(b) || b >= 0x80 { i -= 1 } else { break }
            }
            if i == end { break }
            let word = i..<end
            // "F-2023-0418", "AB-1234567": a letter code joined to the digits by a hyphen names an identifier.
            if i < start && end < start && end + 1 == start && bytes[end] == 0x2D && word.count <= 2
                && bytes[word].allSatisfy(isASCIILetter) { return .identifier }
            if identifierWords.contains(bytes, word) {
                if adjacent { return .identifier }
                break
            }
            if phoneWords.contains(bytes, word) { return .phone }
            if numberWords.contains(bytes, word) {
                hinted = true
            } else if linkWords.contains(bytes, word) {
                continue
            } else {
                adjacent = false
                if !fillerWords.contains(bytes, word) {
                    content += 1
                    if content >= 2 { break }
                }
            }
        }
        return hinted ? .phone : .neutral
    }

    /// Whether the first word after byte `end` (past at most two spaces) is a unit or currency.
    static func unitAfter(_ end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = end
        var spaces = 0
        while i < bytes.count && bytes[i] == 0x20 && spaces < 2 {
            i += 1
            spaces += 1
        }
        let start = i
        while i < bytes.count && (isASCIILetter(bytes[i])) && i - start <= WordList.maxLength { i += 1 }
        guard i > start else { return false }
        if i < bytes.count && bytes[i] >= 0x80 { return false }
        return unitWords.contains(bytes, start..<i)
    }
}
