import Testing
import Detection
@testable import Policy

@Suite struct FindingContextTests {
    static let scanner = FindingContextScanner(policy: try! PolicyDocument.builtIn())

    /// A finding over the first occurrence of `needle` in `text`.
    static func context(_ text: String, _ needle: String, kind: FindingKind = .email, normalized: String? = nil,
                        platform: String? = nil) -> FindingContext {
        let scalars = Array(text.unicodeScalars), n = Array(needle.unicodeScalars)
        let start = (0...(scalars.count - n.count)).first { Array(scalars[$0..<($0 + n.count)]) == n }!
        let f = Finding(kind: kind, start: start, end: start + n.count, platform: platform, rule: "test", normalized: normalized)
        return scanner.contexts(for: [f], in: text, source: .text)[0]
    }

    @Test func projectSystemsAndChatToolsNearAnEmail() {
        #expect(Self.context("Please add me to the GitHub repo: anna@example.com", "anna@example.com").projectSystem == "github")
        #expect(Self.context("anna@example.com — for the Google Analytics property", "anna@example.com").projectSystem == "google analytics")
        let both = Self.context("add me to GitHub and to your Slack: anna@example.com", "anna@example.com")
        #expect(both.projectSystem == "github")
        #expect(both.chatTool == "slack")
        #expect(Self.context("my email is anna@github.com", "anna@github.com").projectSystem == nil,
                "words inside the finding do not count")
    }

    @Test func theWindowIsCountedInWords() {
        let far = "GitHub " + Array(repeating: "word", count: 12).joined(separator: " ") + " anna@example.com"
        #expect(Self.context(far, "anna@example.com").projectSystem == nil)
        let near = "GitHub " + Array(repeating: "word", count: 11).joined(separator: " ") + " anna@example.com"
        #expect(Self.context(near, "anna@example.com").projectSystem == "github")
    }

    @Test func portfolioHostsAndCues() {
        #expect(Self.context("see behance.net/anna", "behance.net/anna", kind: .website,
                             normalized: "https://www.behance.net/anna").portfolioCue == "behance.net")
        #expect(Self.context("my past work: annastudio.com", "annastudio.com", kind: .website,
                             normalized: "annastudio.com").portfolioCue == "past work")
        #expect(Self.context("our website is acme-shop.com", "acme-shop.com", kind: .website,
                             normalized: "acme-shop.com").projectCue == "our website")
        #expect(Self.context("random link acme-shop.com", "acme-shop.com", kind: .website, normalized: "acme-shop.com")
            == FindingContext(source: .text))
    }

    @Test func hosts() {
        #expect(FindingContextScanner.host(of: "https://www.Behance.net/anna?x=1") == "behance.net")
        #expect(FindingContextScanner.host(of: "user@dribbble.com:8080/x") == "dribbble.com")
        #expect(FindingContextScanner.host(of: nil) == nil)
    }
}
