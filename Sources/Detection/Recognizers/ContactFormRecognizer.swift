/// External forms and applicant-tracking systems: forms.gle, Google Forms, Typeform,
/// Jotform, Tally, Microsoft Forms, Greenhouse, Lever, Workable, Ashby… (domains.txt).
public struct ContactFormRecognizer: IndexedRecognizer {
    public let name = "contact_form"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.contactForm, from: index, into: &candidates)
    }
}
