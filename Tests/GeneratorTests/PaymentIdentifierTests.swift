import Foundation
import Testing
import Generator
import TestSupport

/// Planted IBANs and crypto addresses carry valid check digits: a validating
/// detector must accept them. The IBAN and bech32 checks here are written
/// independently of the generator's; base58check and EIP-55 use its hash
/// functions, which are first checked against published test vectors.
@Suite struct PaymentIdentifierTests {
    let g = GeneratedExport.shared

    static func hex(_ b: [UInt8]) -> String { b.map { String(format: "%02x", $0) }.joined() }

    @Test func hashFunctionsMatchPublishedVectors() {
        #expect(Self.hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Self.hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(Keccak256.hash([])) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")
        // EIP-55's own examples.
        for address in ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"] {
            #expect(PaymentIdentifiers.isValidEIP55(address), "\(address)")
        }
        #expect(!PaymentIdentifiers.isValidEIP55("0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed"))
        // A well-known address (the genesis coinbase) and a one-character change of it.
        #expect(PaymentIdentifiers.isValidBase58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"))
        #expect(!PaymentIdentifiers.isValidBase58Check("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"))
    }

    /// IBAN lengths by country, from the SWIFT IBAN registry (a check digit
    /// alone does not make an IBAN a bank can use: the length is fixed per country).
    static let registryLength: [String: Int] = [
        "DE": 22, "GB": 22, "FR": 27, "ES": 24, "NL": 18, "IT": 27, "PL": 28, "BE": 16, "CH": 21, "PT": 25,
    ]

    /// ISO 13616: move the first four characters to the end, letters to 10…35, the number mod 97 is 1.
    static func ibanIsValid(_ s: String) -> Bool {
        let compact = s.replacingOccurrences(of: " ", with: "")
        let rearranged = compact.dropFirst(4) + compact.prefix(4)
        var remainder = 0
        for c in rearranged {
            guard let v = c.isNumber ? c.wholeNumberValue : (c.isUppercase ? Int(c.asciiValue! - 55) : nil) else { return false }
            for d in String(v) { remainder = (remainder * 10 + d.wholeNumberValue!) % 97 }
        }
        return remainder == 1
    }

    /// BIP-173 / BIP-350 checksum, written again here.
    static func bech32IsValid(_ s: String) -> Bool {
        let charset = Array("qpzry9x8gf2tvdw0s3jn54khce6mua7l")
        guard let sep = s.lastIndex(of: "1") else { return false }
        let hrp = s[..<sep].unicodeScalars.map { Int($0.value) }
        let data = s[s.index(after: sep)...].compactMap { charset.firstIndex(of: $0) }
        guard data.count == s.distance(from: s.index(after: sep), to: s.endIndex), let version = data.first else { return false }
        let gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
        var chk = 1
        for v in hrp.map({ $0 >> 5 }) + [0] + hrp.map({ $0 & 31 }) + data {
            let top = chk >> 25
            chk = (chk & 0x1ffffff) << 5 ^ v
            for i in 0..<5 where (top >> i) & 1 == 1 { chk ^= gen[i] }
        }
        return chk == (version == 0 ? 1 : 0x2bc830a3)
    }

    func plantedTexts(_ scenario: String) -> [String] {
        g.findings.filter { $0["scenario"] == scenario }.map { g.messagesByID[$0["message_id"]!]!["text"] as! String }
    }

    func firstMatch(_ pattern: String, in text: String) -> String? {
        text.range(of: pattern, options: .regularExpression).map { String(text[$0]) }
    }

    @Test func plantedIBANsPassMod97() {
        let texts = plantedTexts("payment_account.iban")
        #expect(!texts.isEmpty)
        for t in texts {
            let iban = firstMatch(#"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})+(?: ?[A-Z0-9]{1,3})?"#, in: t)
            #expect(iban.map(Self.ibanIsValid) == true, "\(t)")
            if let iban {
                let compact = iban.replacingOccurrences(of: " ", with: "")
                #expect(Self.registryLength[String(compact.prefix(2))] == compact.count, "\(t): length \(compact.count)")
            }
        }
        #expect(!Self.ibanIsValid("DE89 3704 0044 0532 0130 01"))
        #expect(Self.ibanIsValid("DE89 3704 0044 0532 0130 00"))
    }

    @Test func plantedCryptoAddressesPassTheirChecksums() {
        var checked = 0
        for t in plantedTexts("payment_account.bitcoin_bech32") {
            #expect(firstMatch("bc1[a-z0-9]+", in: t).map(Self.bech32IsValid) == true, "\(t)")
            checked += 1
        }
        for t in plantedTexts("payment_account.bitcoin_base58") {
            #expect(firstMatch("[13][1-9A-HJ-NP-Za-km-z]{25,34}", in: t).map(PaymentIdentifiers.isValidBase58Check) == true, "\(t)")
            checked += 1
        }
        for t in plantedTexts("payment_account.ethereum") {
            #expect(firstMatch("0x[0-9a-fA-F]{40}", in: t).map(PaymentIdentifiers.isValidEIP55) == true, "\(t)")
            checked += 1
        }
        #expect(checked > 0)
        #expect(Self.bech32IsValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"), "BIP-173 example")
        #expect(!Self.bech32IsValid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"))
    }
}
