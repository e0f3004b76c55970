/// Social profiles: links (linkedin.com/in/…, instagram.com/…, x.com/…,
/// tiktok.com/@…, facebook.com/…) and handles tied to a social network named next to
/// them ("IG: @anna.designs", "my insta is anna.designs", "i tweet at @anna").
/// An "@handle" with no network named near it is not reported: in a marketplace chat
/// it is as likely a mention as a profile.
public struct SocialProfileRecognizer: IndexedRecognizer {
    public let name = "social_profile"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.socialProfile, from: index, into: &candidates)
        LinkCandidates.appendHandles(.socialProfile, from: index, into: &candidates)
    }
}
