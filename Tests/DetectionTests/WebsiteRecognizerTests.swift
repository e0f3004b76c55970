import Testing
@testable import Detection

@Suite struct WebsiteRecognizerTests {
    static let recognizer = WebsiteRecognizer(lexicon: Harness.lexicon)

    static let table: [(String, [String])] = [
        ("https://www.microsoft.com/", ["https://www.microsoft.com/"]),
        ("see http://bit.ly/aser, it is neat", ["http://bit.ly/aser"]),
        ("my domains: microsoft.com google.co.il", ["microsoft.com", "google.co.il"]),
        ("(see www.acme-studio.de/work)", ["www.acme-studio.de/work"]),
        ("https://en.wikipedia.org/wiki/Foo_(bar).", ["https://en.wikipedia.org/wiki/Foo_(bar)"]),
        ("http://www.google.com/%&#/?q=dog", ["http://www.google.com/%&#/?q=dog"]),
        ("http://microsoft.webcam", ["http://microsoft.webcam"]),
        ("portfolio: behance.net/anna", ["behance.net/anna"]),
        ("https://webhook.site/a8eedfd6-9d8a?q=1&b=2", ["https://webhook.site/a8eedfd6-9d8a?q=1&b=2"]),
        ("main.py on github: https://github.com/anna/app", ["https://github.com/anna/app"]),
        ("zoom.us", ["zoom.us"]),
        // Not links
        ("report.pdf and logo_final.png", []),
        ("run main.py then notes.md", []),
        ("version v2.10.3 or 1.5.0", []),
        ("ping 192.168.0.1", []),
        ("www.microsoft", []),
        ("http://microsoft", []),
        ("e.g. the header, i.e. the top", []),
        ("config.get(\"key\") and user.id", []),
        ("self.view.is_hidden", []),
        ("https://offplatform.example/jobs/123", []),
        ("files.offplatform.example/x/logo.png", []),
        ("anna@acme.com", []),
        ("git commit 3f2a9c1d", []),
    ]

    @Test(arguments: table)
    func finds(_ text: String, _ expected: [String]) {
        #expect(Harness.matches(Self.recognizer, in: text) == expected)
    }

    @Test func portfolioHostsKeepTheirPlatform() {
        let c = Harness.candidates(Self.recognizer, in: "my work: dribbble.com/anna")
        #expect(c.map(\.platform) == ["dribbble"])
    }

    @Test func platformHostsAreConfigurable() throws {
        #expect(Harness.detector.findings(in: "https://market.io/jobs/1").map(\.kind) == [.website])
        let detector = try Detector.builtIn(platformHosts: ["market.io"])
        #expect(detector.findings(in: "https://market.io/jobs/1").isEmpty)
        #expect(detector.findings(in: "see cdn.market.io/logo.png").isEmpty)
    }
}
