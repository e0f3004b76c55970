import Testing
@testable import Detection

/// The checks that confirm payment identifiers, on published test vectors.
@Suite struct ChecksumTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ input: String, _ digest: String) {
        #expect(Self.hex(Digest.sha256(Array(input.utf8))) == digest)
    }

    @Test(arguments: [
        ("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
        ("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    ])
    func keccak256(_ input: String, _ digest: String) {
        #expect(Self.hex(Digest.keccak256(Array(input.utf8))) == digest)
    }

    static let ibanLengths = Harness.lexicon.ibanLengths

    @Test(arguments: [
        ("DE89370400440532013000", true), ("GB82WEST12345698765432", true), ("NL91ABNA0417164300", true),
        ("FR1420041010050500013M02606", true), ("ES9121000418450200051332", true),
        ("DE89370400440532013001", false), ("GB82WEST1234569876543", false), ("XX89370400440532013000", false),
        ("DE8937040044053201300", false),
    ])
    func iban(_ iban: String, _ valid: Bool) {
        #expect(Checksum.isValidIBAN(Array(iban.utf8), lengths: Self.ibanLengths) == valid)
    }

    @Test(arguments: [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bitcoin"), ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "bitcoin"),
        ("1LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2", "bitcoin"), ("1bones8KbQge9euDn523z5wVhwkTP3uc1", "bitcoin"),
    ])
    func base58check(_ address: String, _ coin: String) {
        #expect(Checksum.base58CheckCoin(Array(address.utf8)) == coin)
    }

    @Test(arguments: ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "2LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2", "1Bow5EMqtDGV5n5xZVgdpR",
                      "1bones8KbQge9euDn523z5wVhwkTP3uc12939", "0OIl1A1zP1eP5QGefi2DMPTfTL5SLmv7D"])
    func base58checkRefuses(_ address: String) {
        #expect(Checksum.base58CheckCoin(Array(address.utf8)) == nil)
    }

    @Test(arguments: [
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bitcoin"),
        ("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y", "bitcoin"),
        ("bc1sw50qgdz25j", "bitcoin"),
    ])
    func segwit(_ address: String, _ coin: String) {
        #expect(Checksum.segwitCoin(Array(address.utf8)) == coin)
    }

    @Test(arguments: ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
                      "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3", "bc1zzzzzzz"])
    func segwitRefuses(_ address: String) {
        #expect(Checksum.segwitCoin(Array(address.utf8)) == nil)
    }

    /// EIP-55's own examples: all caps, all lower, and checksummed mixed case.
    @Test(arguments: [
        "52908400098527886E0F7030069857D2E4169EE7", "8617E340B3D01FA5F11F306F4090FD50E238070D",
        "de709f2102306220921060314715629080e2fb77", "27b1fdb04752bbc536007a920d24acb045561c26",
        "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ])
    func eip55(_ hex: String) {
        #expect(Checksum.isValidEthereumAddress(Array(hex.utf8)))
    }

    @Test(arguments: ["5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "fb6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                      "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe", "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"])
    func eip55Refuses(_ hex: String) {
        #expect(!Checksum.isValidEthereumAddress(Array(hex.utf8)))
    }
}
