import Foundation

/// A lexicon data file that does not say what it should, named by file and line, so
/// whoever edits the data sees where and why it was refused.
public struct LexiconError: Error, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the fault is the file as a whole (missing, unreadable).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}

/// The meaningful lines of one lexicon file: comments (`#` at the start of a line
/// or after a blank) and blank lines are dropped, line numbers are kept for errors.
struct LexiconSource {
    struct Line {
        var number: Int
        var text: String
    }

    let file: String
    let lines: [Line]

    init(file: String, contents: String) {
        self.file = file
        var out: [Line] = []
        var number = 0
        for raw in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var text = Substring(raw)
            if let hash = Self.commentStart(text) { text = text[..<hash] }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { out.append(Line(number: number, text: trimmed)) }
        }
        lines = out
    }

    private static func commentStart(_ s: Substring) -> Substring.Index? {
        var previousIsBlank = true
        for i in s.indices {
            let c = s[i]
            if c == "#" && previousIsBlank { return i }
            previousIsBlank = c == " " || c == "\t"
        }
        return nil
    }

    func error(_ line: Line, _ message: String) -> LexiconError {
        LexiconError(file: file, line: line.number, message: message)
    }

    /// The `|`-separated fields of a line, trimmed; each must be non-empty.
    func fields(_ line: Line, count: ClosedRange<Int>) throws -> [String] {
        let parts = line.text.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard count.contains(parts.count) else {
            let want = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw error(line, "expected \(want) fields separated by '|', found \(parts.count)")
        }
        if let empty = parts.firstIndex(where: \.isEmpty) {
            throw error(line, "field \(empty + 1) is empty")
        }
        return parts
    }

    /// Splits a comma-separated list, refusing empty items ("a,,b").
    func list(_ line: Line, _ text: String) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if items.contains(where: \.isEmpty) { throw error(line, "empty item in a comma-separated list") }
        return items
    }

    /// A `[section]` header's name, or nil for an ordinary line.
    func sectionName(_ line: Line) -> String? {
        guard line.text.hasPrefix("["), line.text.hasSuffix("]") else { return nil }
        return String(line.text.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
    }
}

/// Checks that lexicon keys are words the automaton can hold: lower-case ASCII
/// letters, apostrophes and Latin-1 letters, with single spaces between words where
/// allowed. Latin-1 is the limit because the prefilter folds text to one byte per
/// character and must still spell every key.
enum LexiconKey {
    static func validate(_ key: String, allowSpaces: Bool, allowDigits: Bool = false) -> String? {
        if key.isEmpty { return "empty word" }
        for s in key.unicodeScalars {
            switch s.value {
            case 0x61...0x7A, 0x27: continue
            case 0x30...0x39 where allowDigits: continue
            case 0x20, 0x2D, 0x2E:
                if allowSpaces { continue }
                return "'\(key)' has a space, '-' or '.' where single words are expected"
            case 0xDF...0xFF where s.value != 0xF7: continue
            case 0x41...0x5A, 0xC0...0xDE: return "'\(key)' has an upper-case letter"
            default: return "'\(key)' has a character the matcher cannot hold ('\(s)')"
            }
        }
        if key.hasPrefix(" ") || key.hasSuffix(" ") || key.contains("  ") { return "'\(key)' has stray spaces" }
        return nil
    }

    /// The bytes the automaton stores: separators a reader may put between the
    /// letters (space, hyphen, dot) are dropped, since matching skips them anyway.
    static func utf8Bytes(_ key: String) -> [UInt8] {
        Array(key.utf8).filter { $0 != 0x20 && $0 != 0x2D && $0 != 0x2E }
    }

    /// The same key with one byte per character (Latin-1), as the prefilter's folded
    /// text spells it.
    static func latin1Bytes(_ key: String) -> [UInt8] {
        key.unicodeScalars.compactMap { s in
            s.value == 0x20 || s.value == 0x2D || s.value == 0x2E ? nil : UInt8(truncatingIfNeeded: s.value)
        }
    }
}
