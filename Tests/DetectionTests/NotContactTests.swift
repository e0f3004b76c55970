import Testing
@testable import Detection

/// The "never a finding" checks, one by one.
@Suite struct NotContactTests {
    static let tlds = Harness.lexicon.tlds

    @Test(arguments: [("py", "", true), ("ai", "", true), ("md", "/", true), ("py", "/docs", false), ("com", "", false),
                      ("de", "", false)])
    func fileNames(_ tld: String, _ path: String, _ isFile: Bool) {
        #expect(NotContact.isFileName(tld: tld, path: path, tlds: Self.tlds) == isFile)
    }

    @Test(arguments: [("v2.10.3", true), ("192.168.0.1", true), ("1.5x.com", true), ("acme.co.uk", false), ("2.10.3", true)])
    func numericLabels(_ host: String, _ numeric: Bool) {
        #expect(NotContact.hasNumericLabel(host.split(separator: ".")) == numeric)
    }

    @Test func code() {
        #expect(NotContact.isCodeAfter(UInt8(ascii: "(")))
        #expect(NotContact.isCodeAfter(UInt8(ascii: "=")))
        #expect(!NotContact.isCodeAfter(UInt8(ascii: " ")))
        #expect(NotContact.isPartOfSomethingElse(before: UInt8(ascii: "@")))
        #expect(NotContact.isPartOfSomethingElse(before: UInt8(ascii: "/")))
        #expect(!NotContact.isPartOfSomethingElse(before: UInt8(ascii: " ")))
    }

    @Test(arguments: [("broken", true), ("the", true), ("whatsapp", true), ("me", true), ("dean", false), ("joecool", false)])
    func ordinaryWords(_ word: String, _ ordinary: Bool) {
        #expect(NotContact.isOrdinaryWord(word, lexicon: Harness.lexicon) == ordinary)
    }

    @Test func ticketsAndPrices() {
        #expect(NotContact.isTicketNumber(prefix: "issue"))
        #expect(NotContact.isTicketNumber(prefix: "order"))
        #expect(!NotContact.isTicketNumber(prefix: "anna"))
        #expect(NotContact.isPriceOrRank(before: UInt8(ascii: "$")))
        #expect(NotContact.isPriceOrRank(before: UInt8(ascii: "#")))
        #expect(!NotContact.isPriceOrRank(before: UInt8(ascii: "a")))
        #expect(NotContact.unitWords.contains("minute"))
    }
}
