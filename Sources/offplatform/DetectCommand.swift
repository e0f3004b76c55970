import ArgumentParser
import Detection
import Foundation

/// `offplatform detect`: the detector alone, for engineers. One JSON line out per line
/// in, in input order; no contact detail printed unless `--reveal`.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Run the detector on texts and print its findings as JSON Lines.",
        discussion: """
            Input: JSON Lines, each an object with "text" and an optional "id" or \
            "message_id" (or, with --plain, one raw text per line), from the FILEs given \
            or standard input ("-" or none).

            Output, one line per input line in input order:
              {"id": ..., "findings": [{"kind", "start", "end", "platform", "intent"}]}
            Offsets count Unicode scalars of "text", end exclusive. With --plain, "id" \
            is the line number. A line that cannot be read yields \
            {"id": null, "line": N, "error": "..."}.

            Without --reveal no contact detail is printed; --reveal adds the matched \
            "text" and its "normalized" form. --explain adds the "rule" and "why".

            Exit status: 0 every line was processed; 65 some lines could not be read \
            (each has an error line); 66 an input file could not be opened.
            """)

    @Argument(help: "Input files (JSON Lines, or raw lines with --plain); standard input when none or \"-\".")
    var files: [String] = []

    @Flag(help: "Read one raw text per line instead of JSON objects.")
    var plain = false

    @Flag(help: "Also print each finding's matched text and normalized form (contact details in clear).")
    var reveal = false

    @Flag(help: "Also print the rule that made each finding and why it fired.")
    var explain = false

    @Option(name: .customLong("platform-host"), help: "A host of the marketplace itself, whose links are never findings (repeatable; replaces the defaults).")
    var platformHosts: [String] = []

    func run() throws {
        let detector = try Detector.builtIn(platformHosts: platformHosts.isEmpty ? nil : platformHosts)
        let out = OutputBuffer()
        var badLines = 0
        var unreadable = false
        var lineNumber = 0
        for source in files.isEmpty ? ["-"] : files {
            guard let reader = LineReader(path: source) else {
                FileHandle.standardError.write(Data("offplatform detect: cannot open \(source)\n".utf8))
                unreadable = true
                continue
            }
            while let line = reader.next() {
                lineNumber += 1
                let json: String
                if plain {
                    let text = String(decoding: line, as: UTF8.self)
                    json = Self.render(id: String(lineNumber), text: text, detector: detector, reveal: reveal, explain: explain)
                } else {
                    switch InputLine.parse(line) {
                    case .success(let input):
                        json = Self.render(id: input.id, text: input.text, detector: detector, reveal: reveal, explain: explain)
                    case .failure(let problem):
                        badLines += 1
                        json = "{\"id\": null, \"line\": \(lineNumber), \"error\": \(JSONText.quote(problem.message))}"
                    }
                }
                out.write(json)
            }
        }
        out.flush()
        if unreadable { throw ExitCode(66) }
        if badLines > 0 {
            FileHandle.standardError.write(Data("offplatform detect: \(badLines) line(s) could not be read\n".utf8))
            throw ExitCode(65)
        }
    }

    static func render(id: String, text: String, detector: Detector, reveal: Bool, explain: Bool) -> String {
        let findings = explain ? detector.explainedFindings(in: text) : detector.findings(in: text)
        let scalars = reveal ? Array(text.unicodeScalars) : []
        var s = "{\"id\": \(id), \"findings\": ["
        for (i, f) in findings.enumerated() {
            if i > 0 { s += ", " }
            s += "{\"kind\": \"\(f.kind.rawValue)\", \"start\": \(f.start), \"end\": \(f.end), "
            s += "\"platform\": \(f.platform.map(JSONText.quote) ?? "null"), \"intent\": \"\(f.intent.rawValue)\""
            if reveal {
                let matched = String(String.UnicodeScalarView(scalars[f.start..<f.end]))
                s += ", \"text\": \(JSONText.quote(matched)), \"normalized\": \(f.normalized.map(JSONText.quote) ?? "null")"
            }
            if explain {
                s += ", \"rule\": \(JSONText.quote(f.rule)), \"why\": \(JSONText.quote(f.explanation ?? ""))"
            }
            s += "}"
        }
        return s + "]}"
    }
}

/// One JSON input line of `detect`: its text and its id as JSON (or `null`).
struct InputLine {
    struct Problem: Error { var message: String }

    var id: String
    var text: String

    static func parse(_ line: [UInt8]) -> Result<InputLine, Problem> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed])
        } catch {
            return .failure(Problem(message: "not valid JSON (or not UTF-8)"))
        }
        guard let dict = object as? [String: Any] else { return .failure(Problem(message: "not a JSON object")) }
        guard let text = dict["text"] as? String else { return .failure(Problem(message: "no \"text\" string")) }
        var id = "null"
        if let value = dict["id"] ?? dict["message_id"], !(value is NSNull) {
            if let s = value as? String {
                id = JSONText.quote(s)
            } else if let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
                id = String(decoding: data, as: UTF8.self)
            }
        }
        return .success(InputLine(id: id, text: text))
    }
}

/// Reads lines from a file or standard input in large chunks, without "\n" (and
/// without a "\r" before it). The last line may lack its "\n".
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init?(path: String) {
        if path == "-" {
            handle = .standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else { return nil }
            handle = h
        }
    }

    func next() -> [UInt8]? {
        while true {
            if let nl = buffer[position...].firstIndex(of: 0x0A) {
                var line = Array(buffer[position..<nl])
                if line.last == 0x0D { line.removeLast() }
                position = nl + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = Array(buffer[position...])
                position = buffer.count
                return line
            }
            let chunk = handle.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true }
            buffer.removeFirst(position)
            position = 0
            buffer.append(contentsOf: chunk)
        }
    }
}

/// Buffered standard output.
final class OutputBuffer {
    private var data = Data()

    func write(_ line: String) {
        data.append(contentsOf: line.utf8)
        data.append(0x0A)
        if data.count >= 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(data)
        data.removeAll(keepingCapacity: true)
    }
}

enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}
