/// Any other link: "http(s)://…", "www.…", or a bare domain with an ending people use
/// that way ("acme.co.uk"). Not links to the marketplace itself or its file host
/// (domains.txt, replaceable), not file names ("main.py", "report.pdf"), not version
/// numbers or IP addresses (their last label is no known ending). A link to a host
/// with a kind of its own (messaging, social, meeting, booking, forms, payments) is
/// left to that kind's recognizer; a portfolio host keeps its platform name.
public struct WebsiteRecognizer: IndexedRecognizer {
    public let name = "website"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.website, from: index, into: &candidates)
    }
}
