import Foundation

/// One labeled text for `offplatform eval`: `{"text": …, "kinds": [...]}`, kinds a
/// multiset (an email and two phones: `["email", "phone", "phone"]`).
public struct LabeledText: Sendable, Decodable, Equatable {
    public var text: String
    public var kinds: [FindingKind]

    public init(text: String, kinds: [FindingKind]) {
        self.text = text
        self.kinds = kinds
    }

    /// Parses one JSON line; throws a readable error for a bad line or unknown kind.
    public static func parse(line: some Collection<UInt8>) throws -> LabeledText {
        try JSONDecoder().decode(LabeledText.self, from: Data(line))
    }
}

/// Precision, recall and F1 of the detector on labeled texts: a pure value, added to
/// text by text.
///
/// Matching is per text and per kind, counting as a multiset and ignoring where in
/// the text a finding lies: for kind k with e expected and f found in a text,
/// true positives += min(e, f), false positives += max(0, f − e), false negatives +=
/// max(0, e − f). "Any contact" asks one question per text: is there any contact
/// (every kind but `website`)? A text expected to have one counts as found when the
/// detector reports any contact kind in it, whatever the kind.
public struct EvaluationScore: Sendable, Equatable {
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        public var expected: Int { truePositives + falseNegatives }
        public var found: Int { truePositives + falsePositives }
        /// Nil when nothing was found (precision is undefined).
        public var precision: Double? { found == 0 ? nil : Double(truePositives) / Double(found) }
        /// Nil when nothing was expected (recall is undefined).
        public var recall: Double? { expected == 0 ? nil : Double(truePositives) / Double(expected) }
        public var f1: Double? {
            guard expected + found > 0 else { return nil }
            return 2 * Double(truePositives) / Double(expected + found)
        }

        mutating func add(expected e: Int, found f: Int) {
            truePositives += min(e, f)
            falsePositives += max(0, f - e)
            falseNegatives += max(0, e - f)
        }
    }

    public private(set) var byKind: [FindingKind: Counts] = [:]
    public private(set) var anyContact = Counts()
    public private(set) var texts = 0

    public init() {}

    public mutating func add(expected: [FindingKind], found: [FindingKind]) {
        texts += 1
        let e = Self.histogram(expected), f = Self.histogram(found)
        for kind in Set(e.keys).union(f.keys) {
            byKind[kind, default: Counts()].add(expected: e[kind] ?? 0, found: f[kind] ?? 0)
        }
        anyContact.add(expected: expected.contains(where: \.isContact) ? 1 : 0, found: found.contains(where: \.isContact) ? 1 : 0)
    }

    /// Kinds seen in labels or findings, in name order.
    public var kinds: [FindingKind] { byKind.keys.sorted() }

    public func counts(_ kind: FindingKind) -> Counts { byKind[kind] ?? Counts() }

    /// What one text's findings missed and what they added, as multisets.
    public static func differences(expected: [FindingKind], found: [FindingKind]) -> (missed: [FindingKind], extra: [FindingKind]) {
        let e = histogram(expected), f = histogram(found)
        var missed: [FindingKind] = [], extra: [FindingKind] = []
        for kind in Set(e.keys).union(f.keys).sorted() {
            let d = (e[kind] ?? 0) - (f[kind] ?? 0)
            if d > 0 { missed += Array(repeating: kind, count: d) }
            if d < 0 { extra += Array(repeating: kind, count: -d) }
        }
        return (missed, extra)
    }

    private static func histogram(_ kinds: [FindingKind]) -> [FindingKind: Int] {
        kinds.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }
}
