/// Booking pages: calendly.com/…, cal.com/…, savvycal, tidycal, HubSpot meetings,
/// Google Calendar appointment pages, Microsoft Bookings (domains.txt).
public struct SchedulingLinkRecognizer: IndexedRecognizer {
    public let name = "scheduling_link"
    let lexicon: Lexicon

    public init(lexicon: Lexicon) { self.lexicon = lexicon }

    func recognize(_ index: TextIndex, into candidates: inout [Candidate]) {
        LinkCandidates.append(.schedulingLink, from: index, into: &candidates)
    }
}
