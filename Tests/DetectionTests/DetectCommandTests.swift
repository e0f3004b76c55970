import Foundation
import Testing
import TestSupport

/// `offplatform detect` run as a user runs it: the built binary, JSON Lines in and out.
@Suite struct DetectCommandTests {
    static func lines(_ out: String) throws -> [[String: Any]] {
        try out.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func oneLineOutPerLineInWithIdsAndNoDetailsInClear() throws {
        let input = """
            {"id": "m1", "text": "mail me: anna@gmail.com"}
            {"message_id": 42, "text": "Thanks, I'll send the revised logo tomorrow"}
            {"text": "🙂 skype: live:anna_77"}

            """
        let r = try runOffplatform(["detect"], stdin: Data(input.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        let out = try Self.lines(r.stdout)
        #expect(out.count == 3)
        #expect(out[0]["id"] as? String == "m1")
        #expect(out[1]["id"] as? Int == 42)
        #expect(out[2]["id"] is NSNull)
        let f = try #require((out[0]["findings"] as? [[String: Any]])?.first)
        #expect(f["kind"] as? String == "email")
        #expect(f["start"] as? Int == 9 && f["end"] as? Int == 23)
        #expect(f["platform"] is NSNull)
        #expect(f["intent"] as? String == "share")
        #expect((out[1]["findings"] as? [Any])?.isEmpty == true)
        // Offsets count Unicode scalars: the emoji is one.
        let g = try #require((out[2]["findings"] as? [[String: Any]])?.first)
        #expect(g["start"] as? Int == 9)
        #expect(g["platform"] as? String == "skype")
        // Privacy: without --reveal no contact detail is printed.
        #expect(!r.stdout.contains("anna"))
    }

    @Test func revealAndExplainAddFields() throws {
        let r = try runOffplatform(["detect", "--reveal", "--explain"],
                                   stdin: Data(#"{"id": 1, "text": "write to Anna [at] Gmail (dot) com"}"#.utf8))
        let f = try #require((try Self.lines(r.stdout).first?["findings"] as? [[String: Any]])?.first)
        #expect(f["text"] as? String == "Anna [at] Gmail (dot) com")
        #expect(f["normalized"] as? String == "anna@gmail.com")
        #expect(f["rule"] as? String == "email.written_out")
        #expect((f["why"] as? String)?.isEmpty == false)
    }

    @Test func plainLinesAreNumbered() throws {
        let r = try runOffplatform(["detect", "--plain"], stdin: Data("hello\nwhat's your WhatsApp?\n".utf8))
        let out = try Self.lines(r.stdout)
        #expect(out.map { $0["id"] as? Int } == [1, 2])
        #expect(((out[1]["findings"] as? [[String: Any]])?.first?["kind"] as? String) == "offplatform_request")
    }

    @Test func badLinesAreReportedInPlaceAndCounted() throws {
        let input = "{\"text\": \"a@b.io\"}\nnot json\n{\"id\": 3}\n[1,2]\n{\"text\": \"ok\"}\n"
        let r = try runOffplatform(["detect"], stdin: Data(input.utf8))
        #expect(r.status == 65)
        let out = try Self.lines(r.stdout)
        #expect(out.count == 5)
        #expect(out[1]["error"] as? String == "not valid JSON (or not UTF-8)")
        #expect(out[1]["line"] as? Int == 2)
        #expect(out[2]["error"] as? String == "no \"text\" string")
        #expect(out[3]["error"] as? String == "not a JSON object")
        #expect(out[4]["error"] == nil)
        #expect(r.stderr.contains("3 line(s)"))
    }

    @Test func filesAreReadInOrderAndAMissingOneIsNamed() throws {
        let dir = TemporaryDirectory()
        let a = try dir.write("a.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n")
        let b = try dir.write("b.jsonl", "{\"id\": \"b\", \"text\": \"y\"}")
        let r = try runOffplatform(["detect", a.path, b.path])
        #expect(r.status == 0)
        #expect(try Self.lines(r.stdout).map { $0["id"] as? String } == ["a", "b"])
        let missing = try runOffplatform(["detect", dir.file("none.jsonl").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("none.jsonl"))
    }

    @Test func platformHostsCanBeReplaced() throws {
        let input = Data(#"{"text": "see https://market.io/jobs/1"}"#.utf8)
        let plain = try Self.lines(try runOffplatform(["detect"], stdin: input).stdout)
        #expect((plain[0]["findings"] as? [Any])?.count == 1)
        let own = try Self.lines(try runOffplatform(["detect", "--platform-host", "market.io"], stdin: input).stdout)
        #expect((own[0]["findings"] as? [Any])?.isEmpty == true)
    }
}

/// `offplatform eval` on a small labeled file.
@Suite struct EvalCommandTests {
    static let labels = """
        {"text": "anna@gmail.com", "kinds": ["email"]}
        {"text": "see acme.io", "kinds": ["website"]}
        {"text": "thanks!", "kinds": []}
        {"text": "call me maybe", "kinds": ["phone"]}
        {"text": "my skype is anna.k and mail anna@acme.io", "kinds": ["messaging_app"]}

        """

    @Test func tableJsonAndErrors() throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("labels.jsonl", Self.labels)
        let table = try runOffplatform(["eval", "--labels", file.path])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("texts: 5"))
        #expect(table.stdout.contains("any_contact"))

        let json = try runOffplatform(["eval", "--labels", file.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let kinds = try #require(object["kinds"] as? [String: [String: Any]])
        #expect(kinds["email"]?["tp"] as? Int == 1)
        #expect(kinds["email"]?["fp"] as? Int == 1)
        #expect(kinds["phone"]?["fn"] as? Int == 1)
        #expect(kinds["phone"]?["precision"] is NSNull)
        let any = try #require(object["any_contact"] as? [String: Any])
        #expect(any["tp"] as? Int == 2 && any["fn"] as? Int == 1)

        let errors = try runOffplatform(["eval", "--labels", file.path, "--errors"])
        #expect(errors.stdout.contains("line 4: missed phone"))
        #expect(errors.stdout.contains("line 5: false alarm email"))
        #expect(!errors.stdout.contains("anna"))
        let revealed = try runOffplatform(["eval", "--labels", file.path, "--errors", "--reveal"])
        #expect(revealed.stdout.contains("anna@acme.io"))
    }

    @Test func badLabelLinesAreNamed() throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("labels.jsonl", "{\"text\": \"a\", \"kinds\": [\"fax\"]}\n{\"text\": \"b\", \"kinds\": []}\n")
        let r = try runOffplatform(["eval", "--labels", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("labels.jsonl:1:"))
        #expect(r.stdout.contains("texts: 1"))
        #expect(try runOffplatform(["eval", "--labels", dir.file("none").path]).status == 66)
    }
}
