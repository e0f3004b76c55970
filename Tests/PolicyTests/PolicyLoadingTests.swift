import Foundation
import Testing
import ExportFormat
import Detection
@testable import Policy

@Suite struct PolicyLoadingTests {
    @Test func builtInPolicyLoadsWithTheThreeEpochsOfTheSpec() throws {
        let p = try PolicyDocument.builtIn()
        #expect(p.name == "marketplace-default")
        #expect(p.epochs.map(\.name) == ["legacy", "unsolicited_contact", "pre_contract_on_platform"])
        #expect(p.epochs[1].starts == Timestamp(rfc3339: "2020-04-03T00:00:00Z"))
        #expect(p.epochs[2].starts == Timestamp(rfc3339: "2020-06-26T00:00:00Z"))
        #expect(p.exceptions.map(\.name) == ExceptionRule.allNames)
        #expect(p.neverExcusedKinds == [.socialProfile])
        #expect(p.contentHash.count == 64)
    }

    @Test func epochBoundariesAreMidnightUTC() throws {
        let p = try PolicyDocument.builtIn()
        #expect(p.epoch(at: Timestamp(rfc3339: "2020-04-02T23:59:59.999Z")!).name == "legacy")
        #expect(p.epoch(at: Timestamp(rfc3339: "2020-04-03T00:00:00Z")!).name == "unsolicited_contact")
        #expect(p.epoch(at: Timestamp(rfc3339: "2020-06-25T23:59:59Z")!).name == "unsolicited_contact")
        #expect(p.epoch(at: Timestamp(rfc3339: "2020-06-26T00:00:00Z")!).name == "pre_contract_on_platform")
        #expect(p.epoch(at: Timestamp(rfc3339: "1999-01-01T00:00:00Z")!).name == "legacy")
        #expect(p.epoch(at: Timestamp(rfc3339: "2031-01-01T00:00:00Z")!).name == "pre_contract_on_platform")
    }

    @Test func theHashIdentifiesTheText() throws {
        let text = try PolicyDocument.builtIn().source
        let a = try PolicyDocument.parse(text, file: "a.yaml")
        let b = try PolicyDocument.parse(text + "\n# a comment\n", file: "b.yaml")
        #expect(a.contentHash != b.contentHash)
        #expect(a.label.hasPrefix("marketplace-default@"))
    }

    /// Each mistake an analyst might make stops the run with the line at fault.
    @Test(arguments: [
        ("name: x\n", "needs `epochs`"),
        ("[1, 2", "not valid YAML"),
        ("", "empty"),
    ])
    func structuralErrors(text: String, message: String) {
        #expect(throws: PolicyError.self) { try PolicyDocument.parse(text, file: "p.yaml") }
        do { _ = try PolicyDocument.parse(text, file: "p.yaml") } catch {
            #expect("\(error)".contains(message), "\(error)")
            #expect("\(error)".hasPrefix("p.yaml"))
        }
    }

    static func edited(_ transform: (String) -> String) throws -> String {
        transform(try PolicyDocument.builtIn().source)
    }

    @Test(arguments: [
        ("exceptions:", "exeptions:", "unknown key `exeptions`"),
        ("starts: 2020-06-26", "starts: 2020-02-30", "must be a date"),
        ("starts: 2020-06-26", "starts: 2020-01-01", "must start after the previous epoch"),
        ("pre_contract: prohibited", "pre_contract: forbidden", "must be `allowed` or `prohibited`"),
        ("plans: [business, enterprise]", "plans: [business, platinum]", "unknown plan 'platinum'"),
        ("- name: project_website", "- name: project_site", "unknown exception 'project_site'"),
        ("kinds: [social_profile]", "kinds: [social]", "unknown finding kind 'social'"),
        ("window_words: 12\n    project_systems", "window_words: twelve\n    project_systems", "window_words"),
        ("attachment_kinds: [legal_document]", "attachment_kinds: [contract]", "unknown attachment kind"),
        ("      - zoom\n", "      - zoom\n      - github\n", "both as a project system and as a chat tool"),
        ("  - name: legacy\n", "  - name: legacy\n    starts: 2019-01-01\n", "must not have `starts`"),
        ("  - name: unsolicited_contact", "  - name: legacy", "defined twice"),
    ])
    func valueErrorsNameTheirLine(original: String, replacement: String, message: String) throws {
        let text = try Self.edited { $0.replacingOccurrences(of: original, with: replacement) }
        #expect(text != (try PolicyDocument.builtIn().source), "the edit did not apply: \(original)")
        do {
            _ = try PolicyDocument.parse(text, file: "mine.yaml")
            Issue.record("accepted a policy with: \(replacement)")
        } catch let e as PolicyError {
            #expect(e.description.contains(message), "\(e)")
            let line = try #require(e.line)
            let lines = text.components(separatedBy: "\n")
            #expect(line >= 1 && line <= lines.count)
        }
    }

    @Test func anExceptionCanBeRemoved() throws {
        let text = try Self.edited {
            $0.replacingOccurrences(of: "  - name: business_client\n    # The room's client is on one of these plans.\n    plans: [business, enterprise]\n", with: "")
        }
        let p = try PolicyDocument.parse(text, file: "no-business.yaml")
        #expect(!p.exceptions.map(\.name).contains("business_client"))
        #expect(p.exceptions.count == 5)
    }

    @Test func phrasesAreLowerCasedWords() {
        #expect(Phrase("Google  Analytics").words == ["google", "analytics"])
        #expect(Phrase("monday.com").words == ["monday", "com"])
    }
}
