// Loading and scoring the peer-project suites (`../shared/peer-suites/*.jsonl`):
// text cases from other detectors' test suites with what those projects
// expect. They are read where they lie, never copied into this repository; the
// loader takes the directory from `Paths.peerSuites`.
//
// Matching rule (documented here because every conformance figure depends on it):
// - Per line, only the suite kinds the source test checked (`meta.kinds_checked`)
//   and that the caller's `PeerKindMapping` scores are looked at.
// - An expectation is met by one detection, not yet used, whose kind the mapping
//   allows for the expectation's kind (and subtype), with exactly the expected span
//   in Unicode scalars. Two leniencies: a `value: null` expectation is met by any
//   detection of an allowed kind; and an expected value wrapped in quote characters
//   (presidio's `"https://…"` URL cases) is also met by the span without them.
// - Unmet expectations are misses (false negatives).
// - A detection that meets nothing is a false alarm only where the line claims the
//   full set of matches (`meta.exhaustive`). On `meta.weak_negative` lines the
//   source test only asserts that the whole text is not returned, so only a
//   detection covering the whole (trimmed) text is a false alarm. A detection on
//   the span of an expectation the mapping does not score (credit cards) is ignored.
import Foundation

/// One line of a peer suite.
public struct PeerCase: Sendable {
    public struct Expectation: Sendable, Hashable {
        public var kind: String
        public var value: String?
        /// The national significant number, for phones (derived by the suite's authors).
        public var digits: String?
        /// `[start, end)` in Unicode scalars of `text`.
        public var span: Range<Int>?
        public var subtype: String?

        public init(kind: String, value: String?, digits: String? = nil, span: Range<Int>?, subtype: String? = nil) {
            self.kind = kind
            self.value = value
            self.digits = digits
            self.span = span
            self.subtype = subtype
        }
    }

    public var suite: String
    /// 1-based line number in the suite file.
    public var line: Int
    public var text: String
    public var expect: [Expectation]
    public var region: String?
    public var source: String
    public var kindsChecked: Set<String>
    public var exhaustive: Bool
    public var weakNegative: Bool
    /// Outcome per libphonenumber leniency (`POSSIBLE`, `VALID`, `STRICT_GROUPING`, `EXACT_GROUPING`).
    public var leniencyOutcomes: [String: Bool]
    /// The leniency `expect` reflects (libphonenumber lines).
    public var expectAt: String?
    public var group: String?
    public var note: String?
}

public enum PeerSuiteError: Error, CustomStringConvertible {
    case malformed(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .malformed(file, line, reason): return "\(file):\(line): \(reason)"
        }
    }
}

public enum PeerSuites {
    public static let names = ["libphonenumber_matcher", "presidio", "scrubadub", "commonregex"]

    /// The cases of one suite (`name` without `.jsonl`).
    public static func load(_ name: String, from directory: URL) throws -> [PeerCase] {
        let file = directory.appendingPathComponent(name + ".jsonl")
        let data = try Data(contentsOf: file)
        var cases: [PeerCase] = []
        var lineNumber = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if raw.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
            cases.append(try parse(Data(raw), suite: name, line: lineNumber, file: file.lastPathComponent))
        }
        return cases
    }

    /// Every suite found in `directory`, by name.
    public static func loadAll(from directory: URL) throws -> [String: [PeerCase]] {
        var out: [String: [PeerCase]] = [:]
        for name in names where FileManager.default.fileExists(atPath: directory.appendingPathComponent(name + ".jsonl").path) {
            out[name] = try load(name, from: directory)
        }
        return out
    }

    static func parse(_ data: Data, suite: String, line: Int, file: String) throws -> PeerCase {
        func fail(_ reason: String) -> PeerSuiteError { .malformed(file: file, line: line, reason: reason) }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail("not a JSON object")
        }
        guard let text = object["text"] as? String else { throw fail("no text") }
        guard let expectList = object["expect"] as? [[String: Any]] else { throw fail("no expect list") }
        let meta = object["meta"] as? [String: Any] ?? [:]
        let scalarCount = text.unicodeScalars.count
        var expect: [PeerCase.Expectation] = []
        for e in expectList {
            guard let kind = e["kind"] as? String else { throw fail("expectation without kind") }
            var span: Range<Int>? = nil
            if let s = e["span"] as? [Int] {
                guard s.count == 2, s[0] <= s[1], s[1] <= scalarCount else { throw fail("bad span \(s)") }
                span = s[0]..<s[1]
            }
            expect.append(.init(kind: kind, value: e["value"] as? String, digits: e["digits"] as? String,
                                span: span, subtype: e["subtype"] as? String))
        }
        return PeerCase(
            suite: suite, line: line, text: text, expect: expect,
            region: object["region"] as? String,
            source: object["source"] as? String ?? "",
            kindsChecked: Set(meta["kinds_checked"] as? [String] ?? []),
            exhaustive: meta["exhaustive"] as? Bool ?? false,
            weakNegative: meta["weak_negative"] as? Bool ?? false,
            leniencyOutcomes: meta["leniency_outcomes"] as? [String: Bool] ?? [:],
            expectAt: meta["expect_at"] as? String,
            group: meta["group"] as? String,
            note: meta["note"] as? String)
    }
}

/// Which of our finding kinds satisfy each suite kind.
public struct PeerKindMapping: Sendable {
    /// Suite kind, or `kind/subtype`, to our kinds; an empty set means "not scored"
    /// (the subtype entry wins over the kind entry).
    public var table: [String: Set<String>]

    public init(_ table: [String: Set<String>]) { self.table = table }

    /// This project's reading of the suites: URLs are any link kind, Twitter
    /// handles are social profiles, Skype names are messaging-app IDs, street
    /// addresses and PO boxes are postal addresses, a BTC address is a payment
    /// account, and a credit card number is not a contact detail at all.
    public static let offPlatform = PeerKindMapping([
        "phone": ["phone"],
        "email": ["email"],
        "url": ["website", "social_profile", "messaging_app", "meeting_link", "scheduling_link", "contact_form",
                "payment_account"],
        "messaging_app": ["messaging_app"],
        "social_profile": ["social_profile"],
        "address": ["postal_address"],
        "payment": ["payment_account"],
        "payment/credit_card": [],
    ])

    /// Our kinds for an expectation; nil if it is not scored.
    public func ours(for e: PeerCase.Expectation) -> Set<String>? {
        if let sub = e.subtype, let set = table["\(e.kind)/\(sub)"] { return set.isEmpty ? nil : set }
        guard let set = table[e.kind], !set.isEmpty else { return nil }
        return set
    }

    /// The suite kinds (among `scored`) that a detection of our `kind` speaks to.
    public func suiteKinds(for kind: String, among scored: Set<String>) -> [String] {
        scored.filter { table[$0]?.contains(kind) ?? false }.sorted { a, b in
            (a == kind ? 0 : 1, a) < (b == kind ? 0 : 1, b)
        }
    }
}

/// A detection as the scorer sees it: our kind and a span in Unicode scalars.
public typealias PeerDetection = (kind: String, start: Int, end: Int)

/// Precision, recall and F1 of a detector on some peer cases, with what went wrong.
public struct PeerScore: Sendable {
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double {
            let p = precision, r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }

        mutating func add(_ o: Counts) {
            truePositives += o.truePositives
            falsePositives += o.falsePositives
            falseNegatives += o.falseNegatives
        }
    }

    public struct Miss: Sendable {
        public var suite: String
        public var line: Int
        public var text: String
        public var expected: PeerCase.Expectation
        /// What the detector returned on that line, for the report.
        public var detected: [String]
    }

    public struct FalseAlarm: Sendable {
        public var suite: String
        public var line: Int
        public var text: String
        public var kind: String
        public var span: Range<Int>
    }

    public var cases = 0
    public var overall = Counts()
    /// By suite kind.
    public var byKind: [String: Counts] = [:]
    public var misses: [Miss] = []
    public var falseAlarms: [FalseAlarm] = []

    /// A printable summary, with up to `limit` misses and false alarms.
    public func report(_ title: String, limit: Int = 40) -> String {
        func fmt(_ c: Counts) -> String {
            String(format: "P=%.3f R=%.3f F1=%.3f (tp %d, fp %d, fn %d)", c.precision, c.recall, c.f1,
                   c.truePositives, c.falsePositives, c.falseNegatives)
        }
        var out = "\(title): \(cases) cases, \(fmt(overall))\n"
        for (kind, c) in byKind.sorted(by: { $0.key < $1.key }) { out += "  \(kind): \(fmt(c))\n" }
        for m in misses.prefix(limit) {
            let span = m.expected.span.map { "\($0.lowerBound)..<\($0.upperBound)" } ?? "any"
            out += "  miss \(m.suite):\(m.line) \(m.expected.kind) \(span) in \(quoted(m.text)); got \(m.detected)\n"
        }
        if misses.count > limit { out += "  … \(misses.count - limit) more misses\n" }
        for f in falseAlarms.prefix(limit) {
            out += "  false alarm \(f.suite):\(f.line) \(f.kind) \(f.span.lowerBound)..<\(f.span.upperBound) in \(quoted(f.text))\n"
        }
        if falseAlarms.count > limit { out += "  … \(falseAlarms.count - limit) more false alarms\n" }
        return out
    }

    private func quoted(_ s: String) -> String {
        let short = s.unicodeScalars.count > 120 ? String(String.UnicodeScalarView(s.unicodeScalars.prefix(120))) + "…" : s
        return "\"" + short.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}

public enum PeerScorer {
    /// Scores `detector` on `cases`. `kinds` restricts scoring to these suite kinds
    /// (e.g. `["phone"]` for a phone engine alone); nil scores every kind the
    /// mapping covers. See the file comment for the matching rule.
    public static func score(_ cases: [PeerCase], mapping: PeerKindMapping = .offPlatform, kinds: Set<String>? = nil,
                             detector: (String) -> [PeerDetection]) -> PeerScore {
        var score = PeerScore()
        for c in cases {
            var scored = c.kindsChecked.filter { kind in
                (kinds?.contains(kind) ?? true) && !(mapping.table[kind]?.isEmpty ?? true)
            }
            // Kinds listed only in expectations (not in kinds_checked) are still scored for recall.
            for e in c.expect where (kinds?.contains(e.kind) ?? true) && mapping.ours(for: e) != nil {
                scored.insert(e.kind)
            }
            guard !scored.isEmpty else { continue }
            score.cases += 1
            let detections = detector(c.text)
            var used = [Bool](repeating: false, count: detections.count)
            var counts: [String: PeerScore.Counts] = [:]

            var ignoredSpans: [(kinds: Set<String>, span: Range<Int>)] = []
            for e in c.expect where scored.contains(e.kind) || c.kindsChecked.contains(e.kind) {
                guard let ours = mapping.ours(for: e) else {
                    if let span = e.span { ignoredSpans.append((Set(mapping.table[e.kind] ?? []), span)) }
                    continue
                }
                guard scored.contains(e.kind) else { continue }
                var hit: Int? = nil
                for (i, d) in detections.enumerated() where !used[i] && ours.contains(d.kind) {
                    if let span = e.span {
                        if span == d.start..<d.end || quoteTrimmed(span, e.value) == d.start..<d.end {
                            hit = i
                            break
                        }
                    } else {
                        hit = i
                        break
                    }
                }
                if let hit {
                    used[hit] = true
                    counts[e.kind, default: .init()].truePositives += 1
                } else {
                    counts[e.kind, default: .init()].falseNegatives += 1
                    score.misses.append(.init(suite: c.suite, line: c.line, text: c.text, expected: e,
                                              detected: detections.map { "\($0.kind) \($0.start)..<\($0.end)" }))
                }
            }
            let whole = trimmedRange(c.text)
            for (i, d) in detections.enumerated() where !used[i] {
                let suiteKinds = mapping.suiteKinds(for: d.kind, among: scored)
                guard let kind = suiteKinds.first else { continue }
                if ignoredSpans.contains(where: { $0.span == d.start..<d.end && $0.kinds.contains(d.kind) }) { continue }
                let isFalse = c.weakNegative ? (d.start..<d.end == whole) : c.exhaustive
                if isFalse {
                    counts[kind, default: .init()].falsePositives += 1
                    score.falseAlarms.append(.init(suite: c.suite, line: c.line, text: c.text, kind: d.kind,
                                                   span: d.start..<d.end))
                }
            }
            for (kind, k) in counts {
                score.byKind[kind, default: .init()].add(k)
                score.overall.add(k)
            }
        }
        return score
    }

    /// Scores every suite separately (as loaded by `PeerSuites.loadAll`), by suite name.
    public static func scoreAll(_ suites: [String: [PeerCase]], mapping: PeerKindMapping = .offPlatform,
                                kinds: Set<String>? = nil, detector: (String) -> [PeerDetection]) -> [String: PeerScore] {
        suites.mapValues { score($0, mapping: mapping, kinds: kinds, detector: detector) }
    }

    /// The span without the quote characters around the expected value, if it has them.
    static func quoteTrimmed(_ span: Range<Int>, _ value: String?) -> Range<Int>? {
        guard let value, let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
              value.unicodeScalars.count >= 2 else { return nil }
        let quotes: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "`"]
        var lo = span.lowerBound, hi = span.upperBound
        if quotes.contains(first) { lo += 1 }
        if quotes.contains(last) { hi -= 1 }
        return lo == span.lowerBound && hi == span.upperBound ? nil : lo..<hi
    }

    /// The whole text without surrounding white space, in Unicode scalars.
    static func trimmedRange(_ text: String) -> Range<Int> {
        let scalars = Array(text.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi && scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo && scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        return lo..<hi
    }
}
