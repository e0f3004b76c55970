import ArgumentParser
import Detection
import Foundation

/// `offplatform eval`: precision, recall and F1 of the detector on a labeled set.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the detector on labeled texts: precision, recall and F1 per kind.",
        discussion: """
            Labels: JSON Lines {"text": ..., "kinds": [...]}, kinds the multiset of \
            finding kinds expected in the text (["email", "phone", "phone"]; [] for none).

            Matching is per text and per kind, as multisets, wherever in the text a \
            finding lies: for a kind with e expected and f found, true positives \
            min(e, f), false positives max(0, f - e), false negatives max(0, e - f). \
            The "any_contact" row asks one question per text: does it hold any contact \
            (every kind but website)? A text labeled with one counts as found when the \
            detector reports any contact kind in it. Precision is "-" when nothing was \
            found, recall when nothing was expected. See docs/DETECTOR.md.

            --errors lists the texts with misses or false alarms, by line number; their \
            text is shown only with --reveal, since it may hold contact details.

            Exit status: 0 every label line was read; 65 some could not be (each named \
            on standard error); 66 the labels file could not be opened.
            """)

    @Option(help: "The labeled texts (JSON Lines).")
    var labels: String

    @Flag(help: "Print the scores as one JSON object instead of a table.")
    var json = false

    @Flag(help: "List the texts with misses and false alarms.")
    var errors = false

    @Flag(help: "With --errors, show the texts themselves (contact details in clear).")
    var reveal = false

    @Option(name: .customLong("platform-host"), help: "A host of the marketplace itself (repeatable; replaces the defaults).")
    var platformHosts: [String] = []

    func run() throws {
        guard let reader = LineReader(path: labels) else {
            FileHandle.standardError.write(Data("offplatform eval: cannot open \(labels)\n".utf8))
            throw ExitCode(66)
        }
        let detector = try Detector.builtIn(platformHosts: platformHosts.isEmpty ? nil : platformHosts)
        var score = EvaluationScore()
        var mistakes: [String] = []
        var bad = 0
        var lineNumber = 0
        while let line = reader.next() {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let labeled: LabeledText
            do {
                labeled = try LabeledText.parse(line: line)
            } catch {
                bad += 1
                FileHandle.standardError.write(Data("\(labels):\(lineNumber): not a label line (\(error))\n".utf8))
                continue
            }
            let found = detector.findings(in: labeled.text).map(\.kind)
            score.add(expected: labeled.kinds, found: found)
            if errors {
                let (missed, extra) = EvaluationScore.differences(expected: labeled.kinds, found: found)
                if !missed.isEmpty || !extra.isEmpty {
                    var s = "line \(lineNumber):"
                    if !missed.isEmpty { s += " missed \(missed.map(\.rawValue).joined(separator: ","))" }
                    if !extra.isEmpty { s += " false alarm \(extra.map(\.rawValue).joined(separator: ","))" }
                    s += reveal ? "  \(JSONText.quote(labeled.text))" : "  (text hidden; --reveal shows it)"
                    mistakes.append(s)
                }
            }
        }
        print(json ? Self.json(score) : Self.table(score))
        if errors {
            print(mistakes.isEmpty ? "no misses or false alarms" : mistakes.joined(separator: "\n"))
        }
        if bad > 0 { throw ExitCode(65) }
    }

    static func format(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "-" }

    static func table(_ score: EvaluationScore) -> String {
        var rows = [["kind", "expected", "found", "tp", "fp", "fn", "precision", "recall", "f1"]]
        func row(_ name: String, _ c: EvaluationScore.Counts) -> [String] {
            [name, "\(c.expected)", "\(c.found)", "\(c.truePositives)", "\(c.falsePositives)", "\(c.falseNegatives)",
             format(c.precision), format(c.recall), format(c.f1)]
        }
        for kind in score.kinds { rows.append(row(kind.rawValue, score.counts(kind))) }
        rows.append(row("any_contact", score.anyContact))
        let widths = rows[0].indices.map { i in rows.map { $0[i].count }.max()! }
        let lines = rows.map { r in
            r.enumerated().map { i, cell in
                i == 0 ? cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[i] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return "texts: \(score.texts)\n" + lines.joined(separator: "\n")
    }

    static func json(_ score: EvaluationScore) -> String {
        func object(_ c: EvaluationScore.Counts) -> String {
            func n(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "null" }
            return "{\"expected\": \(c.expected), \"found\": \(c.found), \"tp\": \(c.truePositives), \"fp\": \(c.falsePositives), "
                + "\"fn\": \(c.falseNegatives), \"precision\": \(n(c.precision)), \"recall\": \(n(c.recall)), \"f1\": \(n(c.f1))}"
        }
        let kinds = score.kinds.map { "\"\($0.rawValue)\": \(object(score.counts($0)))" }.joined(separator: ", ")
        return "{\"texts\": \(score.texts), \"kinds\": {\(kinds)}, \"any_contact\": \(object(score.anyContact))}"
    }
}
