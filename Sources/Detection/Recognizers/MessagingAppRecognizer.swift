/// Messaging identifiers: invite and chat links (wa.me/…, t.me/…, discord.gg/…,
/// signal.me/…), app links ("viber://…", "skype:anna.k?call"), Skype "live:" IDs,
/// Discord tags ("anna#4821" where Discord is named), and handles tied to an app named
/// next to them ("my telegram is @anna", "skype: dean.malmgren", "i'm dean.malmgren on
/// skype"). A phone number given for an app is the phone recognizer's; the detector
/// names the app as its platform.
public struct MessagingAppRecognizer: IndexedRecognizer {
    public let name = "messaging_app"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.messagingApp, from: index, into: &candidates)
        LinkCandidates.appendHandles(.messagingApp, from: index, into: &candidates)
        if index.presentRoles.contains(.alias) { appLinks(index, &candidates) }
    }

    /// "viber://chat?number=…", "whatsapp://send?phone=…", "skype:anna?call",
    /// "tg://resolve?domain=anna": an app's name glued to ":" and a target.
    private func appLinks(_ index: TextIndex, _ candidates: inout [Candidate]) {
        let tokens = index.tokens
        let p = index.bytes
        for t in tokens.indices where t + 1 < tokens.count {
            guard let (platform, _) = index.alias(t), let info = lexicon.platform(platform), info.kind == .messagingApp,
                  index.isPunct(t + 1, 0x3A), !tokens[t + 1].spaceBefore, t + 2 < tokens.count,
                  !tokens[t + 2].spaceBefore else { continue }
            var end = tokens[t + 1].end
            while end < p.count && LinkScanner.isURLByte(p[end]) { end += 1 }
            end = p.withUnsafeBufferPointer { LinkScanner.trimTrailing($0, from: tokens[t].start, to: end) }
            let target = index.string(tokens[t + 1].end..<end)
            guard target.hasPrefix("//") || target.utf8.contains(0x3F) else { continue }
            candidates.append(Candidate(kind: .messagingApp, range: tokens[t].start..<end, platform: info.slug,
                                        rule: "messaging_app.app_link", normalized: index.string(tokens[t].start..<end),
                                        explanation: index.explain ? "a link that opens \(info.slug)" : ""))
        }
    }
}
