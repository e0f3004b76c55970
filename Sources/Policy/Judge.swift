import ExportFormat
import Detection

/// Judges findings by the policy: the epoch in force when the message was sent,
/// the room's phase at that moment, the sender's role and the exceptions, in the
/// order docs/POLICY.md gives.
public struct Judge: Sendable {
    public let policy: PolicyDocument

    public init(policy: PolicyDocument) { self.policy = policy }

    public func judge(_ input: JudgeInput) -> Judgement {
        let d = decide(input)
        return d.judgement(explanation: d.explanation)
    }

    /// The verdict and what decided it, without the sentence that says so (`Decision.explanation`): a night's
    /// findings share a few hundred sentences, which judging makes once each instead of once a finding.
    public func decide(_ input: JudgeInput) -> Decision {
        let epoch = policy.epoch(at: input.sentAt)
        let phase = input.phase
        func verdict(_ v: Verdict, _ rule: String, _ why: Decision.Why, exception: String? = nil) -> Decision {
            Decision(verdict: v, exception: exception, epoch: epoch.name, phase: phase, rule: rule, senderRole: input.senderRole,
                     why: why)
        }

        if input.senderRole == .system {
            return verdict(.allowed, "sender.not_a_participant", .systemSender)
        }

        switch input.kind {
        case .paymentAccount:
            if epoch.paymentOutsidePlatform == .prohibited {
                return verdict(.violation, "payment.outside_platform", .paymentProhibited)
            }
            return verdict(.allowed, "payment.permitted_in_epoch", .paymentPermitted)

        case .unsolicitedContact:
            if epoch.unsolicitedContact == .allowed {
                return verdict(.allowed, "unsolicited.permitted_in_epoch", .unsolicitedPermitted)
            }
            let channel = input.platform ?? "another channel"
            if input.channelOfferedByOther {
                return verdict(.allowed, "unsolicited.channel_offered", .channelOffered(channel))
            }
            return verdict(.violation, "unsolicited.channel_not_offered", .channelNotOffered(channel))

        case .website:
            if epoch.contactPermission(in: phase.phase) == .prohibited {
                for e in policy.exceptions where applies(e, to: input) {
                    return verdict(.excused, "website.link", .linkExcused(e.name, cue: cue(e, input)), exception: e.name)
                }
            }
            return verdict(.info, "website.link", .link)

        case .email, .phone, .messagingApp, .socialProfile, .meetingLink, .schedulingLink, .contactForm,
             .postalAddress, .offplatformRequest:
            let p = phase.phase
            if epoch.contactPermission(in: p) == .allowed {
                return verdict(.allowed, "contact.permitted_in_phase", .contactPermitted(p))
            }
            let rule = p == .preContract ? "contact.before_contract" : "contact.prohibited_in_\(p.rawValue)"
            if p == .preContract && isNeverExcused(input) {
                return verdict(.violation, "contact.social_never_excused", .socialNeverExcused)
            }
            for e in policy.exceptions where applies(e, to: input) {
                return verdict(.excused, rule, .contactExcused(p, e.name, cue: cue(e, input)), exception: e.name)
            }
            return verdict(.violation, rule, .contactProhibited(p))
        }
    }

    func isNeverExcused(_ i: JudgeInput) -> Bool {
        if policy.neverExcusedKinds.contains(i.kind) { return true }
        if i.kind == .offplatformRequest, let p = i.platform, policy.neverExcusedPlatforms.contains(p) { return true }
        return false
    }

    /// Whether exception `e` applies to the finding (docs/POLICY.md, "Exceptions").
    public func applies(_ e: ExceptionRule, to i: JudgeInput) -> Bool {
        let isLink = i.kind == .website
        switch e {
        case .existingRelationship:
            guard !isLink, let start = i.relationshipStart else { return false }
            return start <= i.sentAt
        case .businessClient(let plans):
            guard !isLink, let plan = i.clientPlan else { return false }
            return plans.contains(plan)
        case .legalDocument(let kinds):
            guard !isLink, case .attachment(let k) = i.context.source else { return false }
            return kinds.contains(k)
        case .systemAccessEmail:
            let emailRelated = i.kind == .email || (i.kind == .offplatformRequest && i.platform == "email")
            return emailRelated && i.context.projectSystem != nil && i.context.chatTool == nil
        case .portfolioLink(let roles, _, _, _):
            return isLink && roles.contains(i.senderRole) && i.context.portfolioCue != nil
        case .projectWebsite(let roles, _, _):
            return isLink && roles.contains(i.senderRole) && i.context.projectCue != nil
        }
    }

    func cue(_ e: ExceptionRule, _ i: JudgeInput) -> String {
        switch e {
        case .existingRelationship: return " (first contract started \(i.relationshipStart?.rfc3339 ?? "?"))"
        case .businessClient: return " (client plan \(i.clientPlan?.rawValue ?? "?"))"
        case .legalDocument: return " (inside a \(i.context.source.label))"
        case .systemAccessEmail: return " (\(i.context.projectSystem ?? "?") named nearby)"
        case .portfolioLink: return " (\(i.context.portfolioCue ?? "?"))"
        case .projectWebsite: return " (\(i.context.projectCue ?? "?"))"
        }
    }
}

/// A judgement before its sentence is made: `Judge.decide`.
public struct Decision: Sendable, Hashable {
    public var verdict: Verdict
    /// Set only when `verdict == .excused`.
    public var exception: String?
    public var epoch: String
    public var phase: RoomPhase
    public var rule: String
    public var senderRole: SenderRole
    public var why: Why

    /// What the sentence says after the epoch, the phase and the sender's role.
    public enum Why: Sendable, Hashable {
        case systemSender, paymentProhibited, paymentPermitted, unsolicitedPermitted
        case channelOffered(String), channelNotOffered(String)
        case linkExcused(String, cue: String), link
        case contactPermitted(Phase), socialNeverExcused
        case contactExcused(Phase, String, cue: String), contactProhibited(Phase)

        var text: String {
            switch self {
            case .systemSender: return "the sender is not one of the room's two participants (a platform message)"
            case .paymentProhibited: return "asking for or offering payment outside the platform is prohibited in every phase"
            case .paymentPermitted: return "this epoch permits payment outside the platform"
            case .unsolicitedPermitted: return "this epoch does not restrict contact through other channels"
            case .channelOffered(let channel): return "the other party had offered \(channel) in this room before"
            case .channelNotOffered(let channel): return "contacted the other party through \(channel), which they never offered in this room"
            case .linkExcused(let exception, let cue): return "a link, excused as \(exception)\(cue)"
            case .link: return "a link to another website: recorded, not a violation by itself"
            case .contactPermitted(let p): return "this epoch permits contact details in phase \(p.rawValue)"
            case .socialNeverExcused: return "social media handles and profiles are never excused before a contract"
            case .contactExcused(let p, let exception, let cue): return "prohibited in phase \(p.rawValue), excused as \(exception)\(cue)"
            case .contactProhibited(let p):
                return "contact details or a move off the platform are prohibited in phase \(p.rawValue) and no exception applies"
            }
        }
    }

    /// One sentence for analysts.
    public var explanation: String {
        "epoch \(epoch), phase \(phase.label), \(senderRole.rawValue): \(why.text)"
    }

    public func judgement(explanation: String) -> Judgement {
        Judgement(verdict: verdict, exception: exception, epoch: epoch, phase: phase, rule: rule, explanation: explanation)
    }
}
