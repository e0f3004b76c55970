/// What every link-based recognizer does with the links of `TextIndex`: keep those of
/// its kind, name the platform, and say why without repeating the link.
enum LinkCandidates {
    static func append(_ kind: FindingKind, from index: TextIndex, into candidates: inout [Candidate]) {
        for link in index.links where link.kind == kind {
            let rule: String
            let why: String
            if kind == .website {
                rule = link.hasScheme || link.host.hasPrefix("www.") ? "website.link" : "website.bare_domain"
                why = !index.explain ? "" : link.domain.map { "a link to a \(spaced($0.category.rawValue)) host (\($0.platform))" }
                    ?? (link.hasScheme ? "a link with a scheme" : "a domain name with a known ending")
            } else {
                rule = "\(kind.rawValue).link"
                why = !index.explain ? "" : "a link to \(link.platform ?? "a known host")'s \(spaced(kind.rawValue)) pages"
            }
            candidates.append(Candidate(kind: kind, range: link.range, platform: link.platform, intent: .share,
                                        rule: rule, normalized: index.string(link.range), explanation: why))
        }
    }

    /// "social_profile" as "social profile" (without Foundation: this runs per finding).
    static func spaced(_ name: String) -> String {
        String(decoding: name.utf8.map { $0 == 0x5F ? 0x20 : $0 }, as: UTF8.self)
    }

    /// Handles tied to platforms of this kind (see `PlatformHandleFinder`).
    static func appendHandles(_ kind: FindingKind, from index: TextIndex, into candidates: inout [Candidate]) {
        for h in index.handles {
            guard let platform = index.lexicon.platform(h.platform), platform.kind == kind else { continue }
            candidates.append(Candidate(kind: kind, range: h.range, platform: platform.slug, intent: .share,
                                        rule: "\(kind.rawValue).\(h.rule)", normalized: index.string(h.range),
                                        explanation: h.explanation))
        }
    }
}
