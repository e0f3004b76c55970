/// Payment identifiers with valid check digits, so that a planted IBAN or
/// crypto address is one a validating detector must accept (and a test can
/// prove it). The hash functions are written out because the Generator may
/// depend on nothing but ExportFormat and zlib.
public enum PaymentIdentifiers {
    // MARK: IBAN (ISO 13616, mod 97-10)

    /// The IBAN formats planted: country, total length, and how the BBAN is
    /// made (`n` digit, `a` upper-case letter, `c` either).
    static let ibanFormats: [(country: String, bban: String)] = [
        ("DE", "nnnnnnnnnnnnnnnnnn"),            // 22
        ("GB", "aaaannnnnnnnnnnnnn"),            // 22
        ("FR", "nnnnnnnnnnccccccccccc" + "nn"),   // 27
        ("ES", "nnnnnnnnnnnnnnnnnnnn"),          // 24
        ("NL", "aaaannnnnnnnnn"),                // 18
        ("IT", "annnnnnnnnncccccccccccc"),       // 27
        ("PL", "nnnnnnnnnnnnnnnnnnnnnnnn"),      // 28
        ("BE", "nnnnnnnnnnnn"),                  // 16
        ("CH", "nnnnncccccccccccc"),             // 21
        ("PT", "nnnnnnnnnnnnnnnnnnnnn"),         // 25
    ]

    /// A random IBAN with correct check digits, in electronic form (no spaces).
    static func iban(_ rng: inout RandomStream) -> String {
        let format = ibanFormats[rng.below(ibanFormats.count)]
        var bban = ""
        for c in format.bban {
            switch c {
            case "n": bban.append(Character(String(rng.below(10))))
            case "a": bban.append(Character(Unicode.Scalar(UInt8(65 + rng.below(26)))))
            default:
                // Alphanumeric by the format, in practice mostly digits.
                if !rng.chance(0.05) { bban.append(Character(String(rng.below(10)))) }
                else { bban.append(Character(Unicode.Scalar(UInt8(65 + rng.below(26))))) }
            }
        }
        let check = 98 - ibanRemainder(bban + format.country + "00")
        return format.country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// The remainder mod 97 of the IBAN number string (letters as 10…35), computed piecewise.
    static func ibanRemainder(_ rearranged: String) -> Int {
        var r = 0
        for u in rearranged.unicodeScalars {
            let v = u.value < 58 ? Int(u.value) - 48 : Int(u.value) - 55
            r = v >= 10 ? (r * 100 + v) % 97 : (r * 10 + v) % 97
        }
        return r
    }

    /// Whether an IBAN (spaces allowed) has valid check digits.
    public static func isValidIBAN(_ s: String) -> Bool {
        let compact = s.filter { $0 != " " }
        guard compact.count >= 15, compact.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) }) else { return false }
        let rearranged = String(compact.dropFirst(4)) + compact.prefix(4)
        return ibanRemainder(rearranged) == 1
    }

    /// An IBAN printed in groups of four, as people write it.
    static func grouped(_ iban: String) -> String {
        var out = ""
        for (i, c) in iban.enumerated() {
            if i > 0 && i % 4 == 0 { out.append(" ") }
            out.append(c)
        }
        return out
    }

    // MARK: Bitcoin

    static let base58Alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// A legacy (P2PKH, version 0x00) or script (P2SH, 0x05) address: base58check of a random 20-byte hash.
    static func bitcoinBase58(_ rng: inout RandomStream) -> String {
        var payload: [UInt8] = [rng.chance(0.6) ? 0x00 : 0x05]
        for _ in 0..<20 { payload.append(UInt8(truncatingIfNeeded: rng.next())) }
        let check = SHA256.hash(SHA256.hash(payload))
        return base58(payload + check[0..<4])
    }

    static func base58(_ bytes: [UInt8]) -> String {
        var digits: [Int] = []          // base-58 digits, least significant first
        for b in bytes {
            var carry = Int(b)
            for j in digits.indices {
                carry += digits[j] << 8
                digits[j] = carry % 58
                carry /= 58
            }
            while carry > 0 { digits.append(carry % 58); carry /= 58 }
        }
        var out = [UInt8](repeating: base58Alphabet[0], count: bytes.prefix { $0 == 0 }.count)
        for d in digits.reversed() { out.append(base58Alphabet[d]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base58check and verifies its four-byte double-SHA-256 checksum.
    public static func isValidBase58Check(_ s: String) -> Bool {
        var bytes: [UInt8] = []          // big-endian
        for c in s.utf8 {
            guard let v = base58Alphabet.firstIndex(of: c) else { return false }
            var carry = v
            for j in bytes.indices.reversed() {
                carry += Int(bytes[j]) * 58
                bytes[j] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 { bytes.insert(UInt8(carry & 0xFF), at: 0); carry >>= 8 }
        }
        bytes = [UInt8](repeating: 0, count: s.utf8.prefix { $0 == base58Alphabet[0] }.count) + bytes
        guard bytes.count > 4 else { return false }
        let payload = Array(bytes.dropLast(4))
        return Array(SHA256.hash(SHA256.hash(payload)).prefix(4)) == Array(bytes.suffix(4))
    }

    static let bech32Charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l".utf8)

    static func bech32Polymod(_ values: [UInt8]) -> UInt32 {
        let gen: [UInt32] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3]
        var chk: UInt32 = 1
        for v in values {
            let top = chk >> 25
            chk = (chk & 0x1ff_ffff) << 5 ^ UInt32(v)
            for i in 0..<5 where (top >> UInt32(i)) & 1 == 1 { chk ^= gen[i] }
        }
        return chk
    }

    static func hrpExpand(_ hrp: String) -> [UInt8] {
        let u = Array(hrp.utf8)
        return u.map { $0 >> 5 } + [0] + u.map { $0 & 31 }
    }

    /// A native segwit address: v0 (bech32, 20-byte program) or v1 taproot (bech32m, 32 bytes).
    static func bitcoinBech32(_ rng: inout RandomStream) -> String {
        let taproot = rng.chance(0.3)
        let program = (0..<(taproot ? 32 : 20)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        var data: [UInt8] = [taproot ? 1 : 0] + convertBits(program, from: 8, to: 5)
        let constant: UInt32 = taproot ? 0x2bc8_30a3 : 1
        let polymod = bech32Polymod(hrpExpand("bc") + data + [0, 0, 0, 0, 0, 0]) ^ constant
        for i in 0..<6 { data.append(UInt8((polymod >> UInt32(5 * (5 - i))) & 31)) }
        return "bc1" + String(decoding: data.map { bech32Charset[Int($0)] }, as: UTF8.self)
    }

    static func convertBits(_ data: [UInt8], from: Int, to: Int) -> [UInt8] {
        var acc = 0, bits = 0
        var out: [UInt8] = []
        let maxv = (1 << to) - 1
        for v in data {
            acc = (acc << from) | Int(v)
            bits += from
            while bits >= to { bits -= to; out.append(UInt8((acc >> bits) & maxv)) }
        }
        if bits > 0 { out.append(UInt8((acc << (to - bits)) & maxv)) }
        return out
    }

    /// Whether a bech32 (witness v0) or bech32m (v1+) address has a valid checksum.
    public static func isValidBech32Address(_ s: String) -> Bool {
        let lower = s.lowercased()
        guard let sep = lower.utf8.lastIndex(of: UInt8(ascii: "1")) else { return false }
        let hrp = String(lower[..<sep])
        var data: [UInt8] = []
        for c in lower.utf8[lower.utf8.index(after: sep)...] {
            guard let v = bech32Charset.firstIndex(of: c) else { return false }
            data.append(UInt8(v))
        }
        guard data.count > 6, let version = data.first else { return false }
        let polymod = bech32Polymod(hrpExpand(hrp) + data)
        return polymod == (version == 0 ? 1 : 0x2bc8_30a3)
    }

    // MARK: Ethereum (EIP-55 mixed-case checksum)

    static func ethereum(_ rng: inout RandomStream) -> String {
        var hex = ""
        for _ in 0..<20 {
            let b = UInt8(truncatingIfNeeded: rng.next())
            hex.append(Character(Unicode.Scalar(hexDigit(b >> 4))))
            hex.append(Character(Unicode.Scalar(hexDigit(b & 0xF))))
        }
        return "0x" + eip55(hex)
    }

    /// The EIP-55 casing of 40 lower-case hex digits: a letter is upper-case
    /// where the matching nibble of Keccak-256(lower-case hex) is 8 or more.
    public static func eip55(_ lowerHex: String) -> String {
        let hash = Keccak256.hash(Array(lowerHex.utf8))
        var out = ""
        for (i, c) in lowerHex.enumerated() {
            let nibble = i % 2 == 0 ? hash[i / 2] >> 4 : hash[i / 2] & 0xF
            out.append(nibble >= 8 ? Character(c.uppercased()) : c)
        }
        return out
    }

    /// Whether a mixed-case `0x…` address carries a valid EIP-55 checksum.
    public static func isValidEIP55(_ s: String) -> Bool {
        guard s.hasPrefix("0x"), s.count == 42 else { return false }
        let body = String(s.dropFirst(2))
        return eip55(body.lowercased()) == body
    }
}

/// SHA-256 (FIPS 180-4), for base58check.
public enum SHA256 {
    static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    public static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        var m = message
        let bitLength = UInt64(message.count) * 8
        m.append(0x80)
        while m.count % 64 != 56 { m.append(0) }
        for i in (0..<8).reversed() { m.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        var w = [UInt32](repeating: 0, count: 64)
        for chunk in stride(from: 0, to: m.count, by: 64) {
            for i in 0..<16 {
                w[i] = UInt32(m[chunk + 4 * i]) << 24 | UInt32(m[chunk + 4 * i + 1]) << 16
                    | UInt32(m[chunk + 4 * i + 2]) << 8 | UInt32(m[chunk + 4 * i + 3])
            }
            for i in 16..<64 {
                let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
            for i in 0..<64 {
                let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                let ch = (e & f) ^ (~e & g)
                let t1 = hh &+ s1 &+ ch &+ k[i] &+ w[i]
                let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                let maj = (a & b) ^ (a & c) ^ (b & c)
                let t2 = s0 &+ maj
                hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
            }
            h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
        }
        return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32($0))) } }
    }
}

/// Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256's).
public enum Keccak256 {
    static let roundConstants: [UInt64] = [
        0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
        0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
        0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
        0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
        0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
        0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
    ]
    static let rotations: [UInt64] = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14]

    public static func hash(_ message: [UInt8]) -> [UInt8] {
        let rate = 136
        var state = [UInt64](repeating: 0, count: 25)
        var m = message
        m.append(0x01)
        while m.count % rate != 0 { m.append(0) }
        m[m.count - 1] |= 0x80
        for block in stride(from: 0, to: m.count, by: rate) {
            for i in 0..<(rate / 8) {
                var lane: UInt64 = 0
                for j in 0..<8 { lane |= UInt64(m[block + 8 * i + j]) << (8 * UInt64(j)) }
                state[i] ^= lane
            }
            permute(&state)
        }
        var out: [UInt8] = []
        for i in 0..<4 { for j in 0..<8 { out.append(UInt8(truncatingIfNeeded: state[i] >> (8 * UInt64(j)))) } }
        return out
    }

    static func permute(_ a: inout [UInt64]) {
        func rotl(_ x: UInt64, _ n: UInt64) -> UInt64 { n == 0 ? x : (x << n) | (x >> (64 - n)) }
        var b = [UInt64](repeating: 0, count: 25)
        var c = [UInt64](repeating: 0, count: 5)
        for round in 0..<24 {
            for x in 0..<5 { c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] }
            for x in 0..<5 {
                let d = c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1)
                for y in 0..<5 { a[x + 5 * y] ^= d }
            }
            for x in 0..<5 {
                for y in 0..<5 {
                    b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rotations[x + 5 * y])
                }
            }
            for x in 0..<5 {
                for y in 0..<5 {
                    a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y])
                }
            }
            a[0] ^= roundConstants[round]
        }
    }
}
