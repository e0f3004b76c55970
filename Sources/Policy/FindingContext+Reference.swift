import Detection

/// The plain whole-text version of `FindingContextScanner.contexts`: every
/// word of the text as a `String`, every phrase compared word by word. Too slow
/// for the read stage; kept as the trusted reference of the differential tests.
extension FindingContextScanner {
    func referenceContexts(for findings: [Finding], in text: String, source: FindingSource) -> [FindingContext] {
        guard !findings.isEmpty else { return [] }
        let words = PhraseTokenizer.tokenize(text)
        return findings.map { f in
            var c = FindingContext(source: source)
            if isEmailRelated(f) && systemWindow > 0 {
                c.projectSystem = referenceFirstPhrase(projectSystems, in: words, around: f, window: systemWindow)
                c.chatTool = referenceFirstPhrase(chatTools, in: words, around: f, window: systemWindow)
            }
            if f.kind == .website {
                if let host = Self.host(of: f.normalized), let h = portfolioHosts.first(where: { host == $0 || host.hasSuffix("." + $0) }) {
                    c.portfolioCue = h
                } else if portfolioWindow > 0 {
                    c.portfolioCue = referenceFirstPhrase(portfolioCues, in: words, around: f, window: portfolioWindow)
                }
                if projectWindow > 0 {
                    c.projectCue = referenceFirstPhrase(projectCues, in: words, around: f, window: projectWindow)
                }
            }
            return c
        }
    }

    /// The first of `phrases` that occurs within `window` words before or after the
    /// finding, not counting the words inside the finding itself (so an address
    /// at github.com does not name GitHub).
    func referenceFirstPhrase(_ phrases: [Phrase], in words: [PhraseTokenizer.Word], around f: Finding, window: Int) -> String? {
        guard !phrases.isEmpty else { return nil }
        let before = words.filter { $0.end <= f.start }.suffix(window).map(\.text)
        let after = words.filter { $0.start >= f.end }.prefix(window).map(\.text)
        for p in phrases where Self.contains(before, p.words) || Self.contains(after, p.words) {
            return p.description
        }
        return nil
    }

    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for i in 0...(words.count - phrase.count) where Array(words[i..<(i + phrase.count)]) == phrase {
            return true
        }
        return false
    }
}
