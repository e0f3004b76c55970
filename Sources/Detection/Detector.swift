/// The detector: a text in, its findings out, sorted by start, offsets in Unicode
/// scalars of the text given. One sequence, like Presidio's analyzer: prefilter,
/// normalize, read once, run every recognizer, resolve overlaps, map back.
///
/// Immutable and `Sendable`: build it once (`builtIn()` loads the lexicons once) and
/// share it across threads.
public struct Detector: Sendable {
    public let lexicon: Lexicon
    let normalizer: Normalizer
    let prefilter: Prefilter
    private let indexed: [any IndexedRecognizer]
    private let plain: [any Recognizer]
    private let workspaces: WorkspacePool

    /// The shipped lexicons and recognizers. `platformHosts` replaces the marketplace's
    /// own hosts (default `offplatform.example`, `files.offplatform.example`), whose
    /// links are never findings.
    public static func builtIn(platformHosts: [String]? = nil) throws -> Detector {
        var lexicon = try Lexicon.builtIn()
        if let platformHosts { lexicon = lexicon.replacingPlatformHosts(platformHosts) }
        return Detector(lexicon: lexicon, recognizers: standardRecognizers(lexicon: lexicon))
    }

    /// One recognizer per kind.
    public static func standardRecognizers(lexicon: Lexicon) -> [any Recognizer] {
        [
            EmailRecognizer(lexicon: lexicon),
            PhoneRecognizer(),
            MessagingAppRecognizer(lexicon: lexicon),
            SocialProfileRecognizer(lexicon: lexicon),
            MeetingLinkRecognizer(lexicon: lexicon),
            SchedulingLinkRecognizer(lexicon: lexicon),
            ContactFormRecognizer(lexicon: lexicon),
            PostalAddressRecognizer(lexicon: lexicon),
            PaymentAccountRecognizer(lexicon: lexicon),
            OffplatformRequestRecognizer(lexicon: lexicon),
            UnsolicitedContactRecognizer(lexicon: lexicon),
            WebsiteRecognizer(lexicon: lexicon),
        ]
    }

    public init(lexicon: Lexicon, recognizers: [any Recognizer]) {
        self.lexicon = lexicon
        normalizer = Normalizer(lexicon: lexicon)
        prefilter = Prefilter(lexicon: lexicon)
        var indexed: [any IndexedRecognizer] = []
        var plain: [any Recognizer] = []
        for r in recognizers {
            if let r = r as? any IndexedRecognizer { indexed.append(r) } else { plain.append(r) }
        }
        self.indexed = indexed
        self.plain = plain
        workspaces = WorkspacePool()
    }

    /// The same detector with one more recognizer.
    public func adding(_ recognizer: any Recognizer) -> Detector {
        Detector(lexicon: lexicon, recognizers: recognizerList + [recognizer])
    }

    /// The recognizers, in the order they run.
    var recognizerList: [any Recognizer] { indexed.map { $0 as any Recognizer } + plain }

    /// The names of the recognizers, in the order they run.
    public var recognizerNames: [String] { indexed.map(\.name) + plain.map(\.name) }

    public func findings(in text: String) -> [Finding] {
        findings(in: text, explain: false, usePrefilter: true)
    }

    /// The findings of a text given as its UTF-8 bytes (valid UTF-8), as `findings(in:)`
    /// gives them for the `String` of those bytes: for a caller that holds the bytes and
    /// would otherwise make a `String` only to have them read.
    public func findings(utf8: UnsafeBufferPointer<UInt8>) -> [Finding] {
        findings(utf8: utf8, explain: false, usePrefilter: true)
    }

    /// Findings with `explanation` filled: why each rule fired.
    public func explainedFindings(in text: String) -> [Finding] {
        findings(in: text, explain: true, usePrefilter: true)
    }

    /// Whether the prefilter lets the text through (false: certainly no finding).
    public func mayContainFinding(_ text: String) -> Bool {
        prefilter.mayContainFinding(text)
    }

    func findings(in text: String, explain: Bool, usePrefilter: Bool) -> [Finding] {
        // A native string's bytes in place; `withUTF8` on a copy (for a bridged string)
        // only when that fails: the copy cost a retain, a release and a memcpy per text.
        let inPlace = text.utf8.withContiguousStorageIfAvailable {
            findings(utf8: $0, explain: explain, usePrefilter: usePrefilter)
        }
        if let inPlace { return inPlace }
        var text = text
        return text.withUTF8 { findings(utf8: $0, explain: explain, usePrefilter: usePrefilter) }
    }

    private func findings(utf8: UnsafeBufferPointer<UInt8>, explain: Bool, usePrefilter: Bool) -> [Finding] {
        if usePrefilter && !prefilter.mayContainFinding(utf8: utf8) { return [] }
        let workspace = workspaces.take()
        defer { workspaces.give(workspace, textBytes: utf8.count) }
        return findings(utf8, explain: explain, in: workspace)
    }

    /// Normalize, read once, run every recognizer, resolve overlaps, map back; the
    /// arrays of the text before are the storage of this one.
    private func findings(_ utf8: UnsafeBufferPointer<UInt8>, explain: Bool, in workspace: Workspace) -> [Finding] {
        var normalized = workspace.normalized
        workspace.normalized = NormalizedText(bytes: [], sourceStart: [], sourceEnd: [])
        normalizer.normalize(utf8: utf8, into: &normalized)
        let index = TextIndex(normalized, lexicon: lexicon, storage: &workspace.indexStorage, explain: explain)
        var candidates = workspace.candidates
        workspace.candidates = []
        defer {
            // Handed back while `index` still holds them: unshared by the next text.
            workspace.normalized = index.text
            workspace.indexStorage = index.storage
            candidates.removeAll(keepingCapacity: true)
            workspace.candidates = candidates
        }
        // By index: `for r in` copies each existential out of the array first.
        for k in indexed.indices { indexed[k].recognize(index, into: &candidates) }
        for k in plain.indices { plain[k].recognize(index.text, into: &candidates) }
        // Two in five texts that pass the prefilter hold nothing: no overlaps to resolve.
        if candidates.isEmpty { return [] }
        let resolved = OverlapResolution.resolve(candidates, index: index)
        let text = index.text
        var out = resolved.map { c -> Finding in
            let r = text.originalRange(of: c.range)
            return Finding(kind: c.kind, start: r.lowerBound, end: r.upperBound, platform: c.platform, intent: c.intent,
                           rule: c.rule, normalized: c.normalized, explanation: explain ? c.explanation : nil)
        }
        out.sort { a, b in a.start != b.start ? a.start < b.start : (a.end != b.end ? a.end > b.end : a.kind < b.kind) }
        return out
    }
}
