import Detection

/// Masked evidence snippets: what analysts see of a finding in the database.
///
/// A snippet is the finding with up to `contextScalars` characters on each
/// side. Every finding's span is replaced by its kind in brackets (`[email]`),
/// and the context is scrubbed of anything that could still be a contact
/// detail the detector missed: digits become `#`, a word with `@` becomes
/// `[masked]`, a word that looks like a link becomes `[link]`. Nothing of a
/// contact detail survives in clear.
public enum Evidence {
    public static let contextScalars = 40

    public static func masked(_ text: String, findings: [Finding]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        // The kind covering each position, if any (the first finding wins on overlap).
        var cover = [Int16](repeating: -1, count: scalars.count)
        for (i, f) in findings.enumerated() {
            for p in max(0, f.start)..<min(scalars.count, f.end) where cover[p] < 0 { cover[p] = Int16(i) }
        }
        return findings.map { f in
            let lo = max(0, f.start - contextScalars), hi = min(scalars.count, f.end + contextScalars)
            var out = lo > 0 ? "…" : ""
            var word = String.UnicodeScalarView()
            func flushWord() {
                guard !word.isEmpty else { return }
                let w = String(word)
                if w.contains("@") { out += "[masked]" }
                else if w.contains("://") || w.lowercased().hasPrefix("www.") { out += "[link]" }
                else { out += w }
                word = String.UnicodeScalarView()
            }
            var p = lo
            while p < hi {
                if cover[p] >= 0 {
                    flushWord()
                    let owner = Int(cover[p])
                    out += "[\(findings[owner].kind.rawValue)]"
                    while p < hi && cover[p] == owner { p += 1 }
                    continue
                }
                let s = scalars[p]
                if s.properties.isWhitespace || s == "\u{2028}" || s == "\u{2029}" {
                    flushWord()
                    if !out.hasSuffix(" ") { out += " " }
                } else if s.properties.numericType != nil {
                    word.append("#")
                } else if s.properties.generalCategory == .format || s.properties.generalCategory == .control {
                    // Zero-width and control characters are dropped: they only hide things.
                } else {
                    word.append(s)
                }
                p += 1
            }
            flushWord()
            if hi < scalars.count { out += "…" }
            return out
        }
    }
}
