import ExportFormat

/// The generator's own statement of the built-in policy (docs/POLICY.md), used
/// to write the ground truth. It is deliberately separate from the Policy
/// module: the truth must be an independent account of what a correct tool
/// decides, or comparing the two would prove nothing. It only has to judge
/// situations the generator itself set up, so it takes the facts it knows
/// (phase, plan, relationship, cues it planted) instead of finding them.
enum PolicyEpoch: Int, CaseIterable, Sendable {
    case legacy, unsolicitedContact, preContractOnPlatform

    var name: String {
        switch self {
        case .legacy: return "legacy"
        case .unsolicitedContact: return "unsolicited_contact"
        case .preContractOnPlatform: return "pre_contract_on_platform"
        }
    }

    /// Midnight UTC of 2020-04-03 and of 2020-06-26, the default policy's boundaries.
    static let unsolicitedStarts = Timestamp(secondsSinceEpoch: Timestamp.days(fromCivil: 2020, 4, 3) * 86_400)
    static let preContractStarts = Timestamp(secondsSinceEpoch: Timestamp.days(fromCivil: 2020, 6, 26) * 86_400)

    static func at(_ t: Timestamp) -> PolicyEpoch {
        t < unsolicitedStarts ? .legacy : t < preContractStarts ? .unsolicitedContact : .preContractOnPlatform
    }

    /// Whether contact details are prohibited in a phase (only before a contract, in the last epoch).
    func prohibitsContact(in phase: RoomPhase) -> Bool { self == .preContractOnPlatform && phase == .preContract }
    var prohibitsUnsolicited: Bool { self != .legacy }
}

enum RoomPhase: Int, CaseIterable, Sendable {
    case preContract, activeContract, postContract
    var name: String { ["pre_contract", "active_contract", "post_contract"][rawValue] }
}

enum SenderRole: Int, CaseIterable, Sendable {
    case client, freelancer, system, unknown
    var name: String { ["client", "freelancer", "system", "unknown"][rawValue] }
}

/// The plan label a message is counted under: the room's plan, `basic` when the
/// field is absent, `unknown` when the room record never appears.
enum PlanLabel: Int, CaseIterable, Sendable {
    case basic, plus, business, enterprise, unknown
    var name: String { ["basic", "plus", "business", "enterprise", "unknown"][rawValue] }
    var isBusiness: Bool { self == .business || self == .enterprise }
}

/// The finding kinds of the specification, spelled as the detector reports them.
enum PlantedKind: String, CaseIterable, Sendable, Comparable {
    case email, phone
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

    static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Kinds that count as a move off the platform after a call (policy.md, call-failure correlation).
    var isMove: Bool {
        switch self {
        case .messagingApp, .meetingLink, .phone, .email, .offplatformRequest: return true
        default: return false
        }
    }
}

/// Where a planted detail sits: the message text or an attachment's extracted text.
enum PlantSource: Hashable, Sendable {
    case text
    case attachment(AttachmentKind)
    var label: String {
        switch self {
        case .text: return "text"
        case .attachment(let k): return "attachment:" + k.rawValue
        }
    }
}

/// One detail planted in a message, with what the generator knows about its surroundings.
struct PlantedItem: Sendable {
    var kind: PlantedKind
    var source: PlantSource = .text
    /// The detector's platform slug where one is named (`skype`, `whatsapp`, `email`, …).
    var platform: String?
    var intent: String = "share"
    /// The generator's name for the template family (`email.written_out`): recall by disguise.
    var scenario: String
    var disguised: Bool = false
    /// The channel this item offers to the other party (a shared identifier or a proposal).
    var offersChannel: String?
    /// For `email` (or a request for one): a project system is named within the
    /// window and no chat tool is.
    var systemAccess: Bool = false
    /// For `website`: a portfolio host or portfolio cue (counts only when a freelancer sends it).
    var portfolioCue: Bool = false
    /// For `website`: a project cue (counts only when a client sends it).
    var projectCue: Bool = false
    /// For `offplatform_request`: it names a social network (never excused before a contract).
    var namesSocialNetwork: Bool = false
    /// For `unsolicited_contact`: whether the other party had offered this channel earlier in the room.
    var channelOfferedByOther: Bool = false
}

/// What the room looked like when a message was sent.
struct MessageSituation: Sendable {
    var sentAt: Timestamp
    var epoch: PolicyEpoch
    var phase: RoomPhase
    var role: SenderRole
    var plan: PlanLabel
    /// The first start of a contract between the room's two parties, in any room; nil if none or unknown.
    var relationshipStart: Timestamp?
}

struct ExpectedVerdict: Sendable, Equatable {
    var verdict: String
    var exception: String?
    var rule: String

    static let socialNetworks: Set<String> = [
        "bluesky", "facebook", "instagram", "linkedin", "mastodon", "pinterest", "reddit", "snapchat", "threads",
        "tiktok", "tumblr", "twitter", "vk", "x", "youtube",
    ]

    /// docs/POLICY.md, "How a finding is judged", in its order.
    static func judge(_ item: PlantedItem, in s: MessageSituation) -> ExpectedVerdict {
        if s.role == .system { return .init(verdict: "allowed", exception: nil, rule: "sender.not_a_participant") }
        switch item.kind {
        case .paymentAccount:
            return .init(verdict: "violation", exception: nil, rule: "payment.outside_platform")
        case .unsolicitedContact:
            if !s.epoch.prohibitsUnsolicited {
                return .init(verdict: "allowed", exception: nil, rule: "unsolicited.permitted_in_epoch")
            }
            return item.channelOfferedByOther
                ? .init(verdict: "allowed", exception: nil, rule: "unsolicited.channel_offered")
                : .init(verdict: "violation", exception: nil, rule: "unsolicited.channel_not_offered")
        case .website:
            if s.epoch.prohibitsContact(in: s.phase) {
                if s.role == .freelancer && item.portfolioCue {
                    return .init(verdict: "excused", exception: "portfolio_link", rule: "website.link")
                }
                if s.role == .client && item.projectCue {
                    return .init(verdict: "excused", exception: "project_website", rule: "website.link")
                }
            }
            return .init(verdict: "info", exception: nil, rule: "website.link")
        default:
            if !s.epoch.prohibitsContact(in: s.phase) {
                return .init(verdict: "allowed", exception: nil, rule: "contact.permitted_in_phase")
            }
            // Only reached before a contract, in the one epoch that prohibits contact then.
            if item.kind == .socialProfile || (item.kind == .offplatformRequest && item.namesSocialNetwork) {
                return .init(verdict: "violation", exception: nil, rule: "contact.social_never_excused")
            }
            if let start = s.relationshipStart, start <= s.sentAt {
                return .init(verdict: "excused", exception: "existing_relationship", rule: "contact.before_contract")
            }
            if s.plan.isBusiness {
                return .init(verdict: "excused", exception: "business_client", rule: "contact.before_contract")
            }
            if item.source == .attachment(.legalDocument) {
                return .init(verdict: "excused", exception: "legal_document", rule: "contact.before_contract")
            }
            if item.systemAccess && (item.kind == .email || (item.kind == .offplatformRequest && item.platform == "email")) {
                return .init(verdict: "excused", exception: "system_access_email", rule: "contact.before_contract")
            }
            return .init(verdict: "violation", exception: nil, rule: "contact.before_contract")
        }
    }
}
