import Testing
@testable import Detection

@Suite struct PaymentAccountRecognizerTests {
    static let recognizer = PaymentAccountRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        // Accounts
        ("paypal.me/annak", ["paypal.me/annak"]),
        ("https://www.paypal.com/paypalme/annak/50", ["https://www.paypal.com/paypalme/annak/50"]),
        ("venmo @anna-k", ["@anna-k"]),
        ("cash app: $annak", ["$annak"]),
        ("PayPal: anna@gmail.com", ["anna@gmail.com"]),
        ("IBAN DE89 3704 0044 0532 0130 00", ["DE89 3704 0044 0532 0130 00"]),
        ("GB82WEST12345698765432", ["GB82WEST12345698765432"]),
        ("gb82 west 1234 5698 7654 32", ["gb82 west 1234 5698 7654 32"]),
        ("1LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2", ["1LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2"]),
        ("btc: bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]),
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", ["0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"]),
        ("0xde709f2102306220921060314715629080e2fb77", ["0xde709f2102306220921060314715629080e2fb77"]),
        // Requests
        ("pay me directly", ["pay me directly"]),
        ("can you send the money via PayPal?", ["send the money via PayPal"]),
        ("I accept Wise or Revolut", ["accept Wise"]),
        ("let's skip the platform fee", ["skip the platform fee"]),
        ("we could pay outside the platform", ["pay outside the platform"]),
        ("For the index (not in the contract), just pay me directly, €150.", ["pay me directly"]),
        ("pay me directly via Zelle if possible", ["pay me directly via Zelle"]),
        // Not payment outside
        ("For the index, I can't be paid directly, sorry", []),
        ("DE89 3704 0044 0532 0130 01", []),
        ("2LgqButDNV2rVHe9DATt6WqD8tKZEKvaK2", []),
        ("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", []),
        ("3f2a9c1d0e6b4a5c8d7e9f0a1b2c3d4e5f6a7b8c", []),
        ("My credit card is 4111111111111111.", []),
        ("I can't pay you outside the platform", []),
        ("the platform fee is 10%", []),
        ("I'll send it directly to the client", []),
        ("the client paid me directly last year", []),
        ("PayPal fees are high", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }

    @Test func requestsAskAndAccountsShare() {
        let c = Harness.candidates(Self.recognizer, in: "pay me via paypal.me/annak")
        #expect(Set(c.map(\.intent)) == [.share, .request])
    }
}

/// The service named after "directly" is the payment's platform.
@Suite struct PaymentPlatformTests {
    @Test(arguments: [("pay me directly via Zelle if possible", "zelle"), ("just pay me directly, thanks", nil),
                      ("send the money directly to my Venmo", "venmo")] as [(String, String?)])
    func platformOfARequest(_ text: String, _ platform: String?) {
        let c = Harness.candidates(PaymentAccountRecognizer(lexicon: Harness.lexicon), in: text)
        #expect(c.count == 1)
        #expect(c.first?.platform == platform)
    }
}
