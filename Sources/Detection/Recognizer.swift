/// Text with disguises undone, as bytes, with a map back to the original text.
///
/// Recognizers read `bytes`; a candidate's range is in `bytes` and is mapped back
/// to Unicode-scalar offsets of the original text through `sourceStart` and
/// `sourceEnd` (one entry per normalized byte).
public struct NormalizedText: Sendable {
    /// The normalized bytes (UTF-8).
    public var bytes: [UInt8]
    /// For byte `i` of `bytes`, the original text's Unicode scalars it came from
    /// are `sourceStart[i] ..< sourceEnd[i]`.
    public var sourceStart: [Int32]
    public var sourceEnd: [Int32]
    /// Bit `i % 64` of word `i / 64` is set when normalized byte `i` was an upper-case
    /// letter before lower-casing (checksummed crypto addresses and capitalized street
    /// names need it). Empty when unknown.
    public var uppercaseMask: [UInt64] = []

    public init(bytes: [UInt8], sourceStart: [Int32], sourceEnd: [Int32]) {
        precondition(bytes.count == sourceStart.count && bytes.count == sourceEnd.count)
        self.bytes = bytes
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }

    /// Whether normalized byte `i` was an upper-case letter in the original text.
    public func wasUppercase(_ i: Int) -> Bool {
        let w = i >> 6
        return w < uppercaseMask.count && (uppercaseMask[w] >> UInt64(i & 63)) & 1 == 1
    }

    /// The original Unicode-scalar range of a non-empty range of normalized bytes.
    public func originalRange(of r: Range<Int>) -> Range<Int> {
        precondition(!r.isEmpty)
        return Int(sourceStart[r.lowerBound]) ..< Int(sourceEnd[r.upperBound - 1])
    }
}

/// A match a recognizer proposes, before validation and overlap resolution.
public struct Candidate: Sendable, Hashable {
    public var kind: FindingKind
    /// Range in `NormalizedText.bytes`.
    public var range: Range<Int>
    public var platform: String?
    public var intent: Intent
    /// `kind.rule`, e.g. `phone.international`.
    public var rule: String
    /// The detail in canonical form (see `Finding.normalized`).
    public var normalized: String?
    /// Why it matched, in a few words (shown with `--explain`).
    public var explanation: String

    public init(kind: FindingKind, range: Range<Int>, platform: String? = nil, intent: Intent = .share,
                rule: String, normalized: String? = nil, explanation: String) {
        self.kind = kind
        self.range = range
        self.platform = platform
        self.intent = intent
        self.rule = rule
        self.normalized = normalized
        self.explanation = explanation
    }
}

/// One recognizer per kind (one file each under `Recognizers/`): immutable,
/// built once from lexicons, safe to share across threads.
public protocol Recognizer: Sendable {
    /// Short name, used as the prefix of rule names.
    var name: String { get }
    /// Appends candidates found in `text`; validation (checksums, the "not
    /// contact" list) happens inside, so what is appended is meant.
    func recognize(_ text: NormalizedText, into candidates: inout [Candidate])
}
