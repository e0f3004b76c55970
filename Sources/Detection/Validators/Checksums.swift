/// The checks that confirm a payment identifier is real rather than a look-alike
/// string: IBAN mod-97, Bitcoin-family base58check, bech32/bech32m, Ethereum EIP-55.
enum Checksum {
    // MARK: IBAN (ISO 13616)

    /// `iban` upper-case letters and digits, no spaces. Length by country, then
    /// mod 97 of the rearranged number must be 1.
    static func isValidIBAN(_ iban: [UInt8], lengths: [String: Int]) -> Bool {
        guard iban.count >= 15, iban.count <= 34,
              ASCII.isLetter(iban[0]), ASCII.isLetter(iban[1]), ASCII.isDigit(iban[2]), ASCII.isDigit(iban[3]),
              let expected = lengths[String(decoding: iban[0..<2], as: UTF8.self)], expected == iban.count else { return false }
        var remainder = 0
        for b in iban[4...] + iban[..<4] {
            if ASCII.isDigit(b) {
                remainder = (remainder * 10 + Int(b - 0x30)) % 97
            } else if b >= 0x41 && b <= 0x5A {
                remainder = (remainder * 100 + Int(b - 0x41 + 10)) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    // MARK: Base58check (Bitcoin, Litecoin, Dogecoin, Tron)

    private static let base58Alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let base58Value: [Int8] = {
        var t = [Int8](repeating: -1, count: 128)
        for (i, c) in base58Alphabet.enumerated() { t[Int(c)] = Int8(i) }
        return t
    }()

    /// Version bytes of address types we accept: Bitcoin P2PKH/P2SH, Litecoin L/M,
    /// Dogecoin D/A, Tron T.
    static let addressVersions: [UInt8: String] = [0x00: "bitcoin", 0x05: "bitcoin", 0x30: "litecoin", 0x32: "litecoin",
                                                   0x1E: "dogecoin", 0x16: "dogecoin", 0x41: "tron"]

    /// The coin of a valid base58check address (case-sensitive text), or nil.
    static func base58CheckCoin(_ text: [UInt8]) -> String? {
        guard (25...35).contains(text.count) else { return nil }
        var bytes: [UInt8] = []
        for c in text {
            guard c < 128, base58Value[Int(c)] >= 0 else { return nil }
            var carry = Int(base58Value[Int(c)])
            for i in bytes.indices.reversed() {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        let leadingZeros = text.prefix { $0 == 0x31 }.count
        bytes = [UInt8](repeating: 0, count: leadingZeros) + bytes
        guard bytes.count == 25 else { return nil }
        let payload = Array(bytes[0..<21])
        let check = Digest.sha256(Digest.sha256(payload))
        guard Array(check[0..<4]) == Array(bytes[21..<25]) else { return nil }
        return addressVersions[bytes[0]]
    }

    // MARK: Bech32 / bech32m (BIP-173, BIP-350)

    private static let bech32Charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    private static func polymod(_ values: [UInt8]) -> UInt32 {
        let gen: [UInt32] = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
        var chk: UInt32 = 1
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ UInt32(v)
            for i in 0..<5 where (top >> UInt32(i)) & 1 == 1 { chk ^= gen[i] }
        }
        return chk
    }

    /// The coin of a valid segwit address (lower-case text: "bc1…", "ltc1…"), or nil.
    static func segwitCoin(_ text: [UInt8]) -> String? {
        guard let sep = text.lastIndex(of: 0x31), sep >= 2, text.count - sep - 1 >= 7, text.count <= 90 else { return nil }
        let hrp = String(decoding: text[..<sep], as: UTF8.self)
        let coin: String
        switch hrp {
        case "bc": coin = "bitcoin"
        case "ltc": coin = "litecoin"
        default: return nil
        }
        var data: [UInt8] = []
        for c in text[(sep + 1)...] {
            guard let v = bech32Charset.firstIndex(of: c) else { return nil }
            data.append(UInt8(v))
        }
        let expanded = hrp.utf8.map { $0 >> 5 } + [0] + hrp.utf8.map { $0 & 31 }
        let check = polymod(expanded + data)
        guard let version = data.first, version <= 16 else { return nil }
        // Witness v0 uses bech32, later versions bech32m.
        guard check == (version == 0 ? 1 : 0x2bc830a3) else { return nil }
        // The program (data minus version and checksum) must be 2–40 bytes; v0: 20 or 32.
        let programBits = (data.count - 1 - 6) * 5
        let programBytes = programBits / 8
        guard (2...40).contains(programBytes) else { return nil }
        if version == 0 && programBytes != 20 && programBytes != 32 { return nil }
        return coin
    }

    // MARK: Ethereum (EIP-55)

    /// `hex` the 40 characters after "0x", with their original case. All lower or
    /// all upper case carries no checksum and is accepted; mixed case must match.
    static func isValidEthereumAddress(_ hex: [UInt8]) -> Bool {
        guard hex.count == 40, hex.allSatisfy({ ASCII.isDigit($0) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }) else {
            return false
        }
        let letters = hex.filter(ASCII.isLetter)
        if letters.allSatisfy({ $0 >= 0x61 }) || letters.allSatisfy({ $0 < 0x61 }) { return true }
        let lower = hex.map { ASCII.lower($0) }
        let hash = Digest.keccak256(lower)
        for (i, c) in hex.enumerated() where ASCII.isLetter(c) {
            let nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F
            let shouldBeUpper = nibble >= 8
            if shouldBeUpper != (c < 0x61) { return false }
        }
        return true
    }
}
