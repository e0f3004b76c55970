/// What the detector reports: the kinds of `../shared/spec/policy.md`.
public enum FindingKind: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case email
    case phone
    case messagingApp = "messaging_app"
    case socialProfile = "social_profile"
    case meetingLink = "meeting_link"
    case schedulingLink = "scheduling_link"
    case contactForm = "contact_form"
    case postalAddress = "postal_address"
    case paymentAccount = "payment_account"
    case offplatformRequest = "offplatform_request"
    case unsolicitedContact = "unsolicited_contact"
    case website

    public static func < (a: FindingKind, b: FindingKind) -> Bool { a.rawValue < b.rawValue }

    /// "Any contact" in `eval`: every kind but `website`.
    public var isContact: Bool { self != .website }
}

/// Whether a finding shares a contact detail (or proposes a move) or asks for one.
public enum Intent: String, Sendable, Hashable, CaseIterable, Codable {
    case share
    case request
}

/// One contact detail or move off the platform found in a text.
///
/// Offsets count Unicode scalars of the text handed to the detector (end
/// exclusive), whatever disguise the normalizer undid to find it.
public struct Finding: Sendable, Hashable {
    public var kind: FindingKind
    public var start: Int
    public var end: Int
    /// Canonical platform slug where one is named (`skype`, `whatsapp`, `zoom`,
    /// `paypal`, `linkedin`, …); for a request without identifier the channel
    /// asked for (`email`, `phone`, `whatsapp`, …); otherwise nil.
    public var platform: String?
    public var intent: Intent
    /// The rule that made the finding, `kind.rule` (e.g. `email.written_out`).
    public var rule: String
    /// The detail in canonical form (digits of a phone, lower-case email, the
    /// handle). Never printed without `--reveal`; nil for requests.
    public var normalized: String?
    /// Why the rule fired; filled only when explanations were asked for.
    public var explanation: String?

    public init(kind: FindingKind, start: Int, end: Int, platform: String? = nil,
                intent: Intent = .share, rule: String, normalized: String? = nil,
                explanation: String? = nil) {
        self.kind = kind
        self.start = start
        self.end = end
        self.platform = platform
        self.intent = intent
        self.rule = rule
        self.normalized = normalized
        self.explanation = explanation
    }
}
