/// Platform names that are everyday nouns (strength `noun` in platforms.txt: "line" is
/// the LINE app, and also a phone line, a support line, a line of text) name the
/// platform only where the text makes it an app: "on LINE", "LINE ID", "my LINE
/// account", "LINE: @anna", or "LINE" written in capitals or capitalised in a list of
/// apps ("WhatsApp, LINE or Viber"). Never "my direct line is …", "our support line:
/// …", "the line is too thin".
enum NounPlatformName {
    /// Nouns after the name that make it an app ("LINE ID", "a LINE call"); not
    /// "number" ("line number" is the phone line's).
    static let appNouns = WordSet(["id", "app", "account", "handle", "username", "user", "messenger", "group", "chat",
                                   "chats", "qr", "profile", "nick", "nickname", "tag", "call", "calls", "video", "dm",
                                   "dms", "room", "channel", "sticker", "stickers"])
    /// Prepositions that put a channel after them ("add me on LINE").
    static let channelPrepositions = WordSet(["on", "via"])
    /// Words joining the apps of a list ("WhatsApp, LINE or Viber").
    static let listJoints = WordSet(["or", "and"])

    /// Whether the noun-strength name at token `t` names its platform.
    static func names(_ t: Int, _ index: TextIndex) -> Bool {
        let tokens = index.tokens
        let next = t + 1 < tokens.count ? t + 1 : nil
        if let next, index.isWord(next, appNouns) { return true }
        // "on LINE", but not "on line 3" or "on line one".
        if t > 0 && index.isWord(t - 1, channelPrepositions) {
            return next == nil || tokens[next!].kind != .number
        }
        // "LINE: @anna" opening a clause or a list item; "Direct line: +44 …" is a phone line.
        if let next, index.isPunct(next, 0x3A) {
            if t == 0 || !tokens[t - 1].isWordLike { return true }
        }
        return inListOfApps(t, index)
    }

    /// Capitalised and next to another app's name, across a comma, slash or "or"/"and".
    private static func inListOfApps(_ t: Int, _ index: TextIndex) -> Bool {
        guard index.text.wasUppercase(index.tokens[t].start) else { return false }
        func isApp(_ k: Int) -> Bool {
            guard let (id, strength) = index.alias(k), strength != .noun,
                  let kind = index.lexicon.platform(id)?.kind else { return false }
            return kind == .messagingApp || kind == .socialProfile
        }
        func isJoint(_ k: Int) -> Bool {
            index.isPunct(k, 0x2C) || index.isPunct(k, 0x2F) || index.isWord(k, listJoints)
        }
        if t >= 2 && isJoint(t - 1) && isApp(t - 2) { return true }
        if t + 2 < index.tokens.count && isJoint(t + 1) && isApp(t + 2) { return true }
        return false
    }
}
