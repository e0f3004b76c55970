/// Meeting links (zoom.us/j/…, meet.google.com/…, teams.microsoft.com/l/meetup-join/…,
/// Webex, Whereby, Jitsi), and what a meeting invite gives instead of a link: a
/// meeting ID after "meeting ID" or a meeting platform's name ("Zoom ID: 845 1234
/// 5678"), and Google Meet codes ("abc-defg-hij").
public struct MeetingLinkRecognizer: IndexedRecognizer {
    public let name = "meeting_link"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.meetingLink, from: index, into: &candidates)
        if index.hasNumber { meetingIDs(index, &candidates) }
        if index.presentRoles.contains(.alias) || index.presentRoles.contains(.channelNoun) { meetCodes(index, &candidates) }
    }

    /// "Meeting ID: 845 1234 5678", "zoom id 84512345678": 9 to 11 digits, in groups.
    private func meetingIDs(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let tokens = index.tokens
        for t in tokens.indices where index.isWord(t, W.meetingNumberWords) {
            // What names it a meeting: "meeting" or a meeting platform right before.
            var platform: String? = nil
            var named = false
            for b in stride(from: t - 1, through: max(0, t - 2), by: -1) {
                if index.isWord(b, W.meeting) { named = true }
                if let (id, _) = index.alias(b), let info = lexicon.platform(id), info.kind == .meetingLink {
                    named = true
                    platform = info.slug
                }
            }
            guard named else { continue }
            if platform == nil {
                for k in index.clause(of: t) {
                    if let (id, _) = index.alias(k), let info = lexicon.platform(id), info.kind == .meetingLink {
                        platform = info.slug
                    }
                }
            }
            var k = t + 1
            if k < tokens.count && (index.isPunct(k, 0x3A) || index.isPunct(k, 0x23) || index.isWord(k, W.is)) { k += 1 }
            var digits = 0
            var end = k
            var groups = 0
            while end < tokens.count && tokens[end].kind == .number && groups < 5 {
                if groups > 0 && !(tokens[end].spaceBefore || index.isPunct(end - 1, 0x2D)) { break }
                digits += tokens[end].end - tokens[end].start
                groups += 1
                end += 1
                if end < tokens.count && index.isPunct(end, 0x2D) && end + 1 < tokens.count && tokens[end + 1].kind == .number {
                    end += 1
                }
            }
            if end > k && tokens[end - 1].kind != .number { end -= 1 }
            guard (9...11).contains(digits), end > k else { continue }
            let range = tokens[k].start..<tokens[end - 1].end
            candidates.append(Candidate(kind: .meetingLink, range: range, platform: platform, rule: "meeting_link.meeting_id",
                                        normalized: index.string(range).filter(\.isNumber),
                                        explanation: index.explain ? "a meeting ID after '\(index.word(t))'" : ""))
        }
    }

    /// Google Meet codes: three letters, four, three, joined by hyphens.
    private func meetCodes(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let tokens = index.tokens
        for t in tokens.indices where t + 4 < tokens.count {
            guard tokens[t].kind == .word, tokens[t].end - tokens[t].start == 3,
                  index.isPunct(t + 1, 0x2D), tokens[t + 2].kind == .word, tokens[t + 2].end - tokens[t + 2].start == 4,
                  index.isPunct(t + 3, 0x2D), tokens[t + 4].kind == .word, tokens[t + 4].end - tokens[t + 4].start == 3,
                  !tokens[t + 1].spaceBefore, !tokens[t + 2].spaceBefore, !tokens[t + 3].spaceBefore, !tokens[t + 4].spaceBefore,
                  t == 0 || !(index.isPunct(t - 1, 0x2D) && !tokens[t].spaceBefore),
                  t + 5 >= tokens.count || !(index.isPunct(t + 5, 0x2D) && !tokens[t + 5].spaceBefore) else { continue }
            let range = tokens[t].start..<tokens[t + 4].end
            guard index.bytes[range].allSatisfy({ ASCII.isLower($0) || $0 == 0x2D }),
                  !index.links.contains(where: { $0.range.overlaps(range) }) else { continue }
            // The shape alone fits ordinary hyphenated words ("one-time-fee"): a Meet
            // code has no vowel pattern to speak of, so ask for Meet named nearby.
            let clause = index.clause(of: t)
            let named = clause.contains { k in
                if let (id, _) = index.alias(k), lexicon.platform(id)?.slug == "google_meet" { return true }
                return index.isWord(k, W.meetOrCode)
            }
            guard named else { continue }
            candidates.append(Candidate(kind: .meetingLink, range: range, platform: "google_meet", rule: "meeting_link.meet_code",
                                        normalized: index.string(range), explanation: "a Google Meet code (xxx-xxxx-xxx)"))
        }
    }
}
