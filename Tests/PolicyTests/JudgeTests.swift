import Testing
import ExportFormat
import Detection
@testable import Policy

/// Each rule and exception of docs/POLICY.md, where it applies and where it must not.
@Suite struct JudgeTests {
    static let judge = Judge(policy: try! PolicyDocument.builtIn())
    static let legacy = "2020-03-10T12:00:00Z", unsolicited = "2020-05-10T12:00:00Z", onPlatform = "2020-07-10T12:00:00Z"

    static func input(_ kind: FindingKind, at: String = onPlatform, phase: RoomPhase = .inquiry, role: SenderRole = .freelancer,
                      plan: ClientPlan? = .basic, platform: String? = nil, intent: Intent = .share, relationship: String? = nil,
                      offered: Bool = false, context: FindingContext = FindingContext()) -> JudgeInput {
        JudgeInput(kind: kind, platform: platform, intent: intent, sentAt: ts(at), phase: phase, senderRole: role,
                   clientPlan: plan, relationshipStart: relationship.map(ts), channelOfferedByOther: offered, context: context)
    }

    static func verdict(_ i: JudgeInput) -> String {
        let j = judge.judge(i)
        return j.exception.map { "\(j.verdict.rawValue):\($0)" } ?? j.verdict.rawValue
    }

    static let active = RoomPhase(.activeContract), post = RoomPhase(.postContract), offer = RoomPhase(.preContract, stage: .offer)

    @Test func contactBeforeAContractIsAViolationOnlyInTheLastEpoch() {
        for kind in [FindingKind.email, .phone, .messagingApp, .meetingLink, .schedulingLink, .contactForm, .postalAddress, .offplatformRequest] {
            #expect(Self.verdict(Self.input(kind)) == "violation", "\(kind)")
            #expect(Self.verdict(Self.input(kind, phase: Self.offer)) == "violation", "\(kind)")
            #expect(Self.verdict(Self.input(kind, phase: Self.active)) == "allowed", "\(kind)")
            #expect(Self.verdict(Self.input(kind, phase: Self.post)) == "allowed", "\(kind)")
            #expect(Self.verdict(Self.input(kind, at: Self.legacy)) == "allowed", "\(kind)")
            #expect(Self.verdict(Self.input(kind, at: Self.unsolicited)) == "allowed", "\(kind)")
        }
        #expect(Self.judge.judge(Self.input(.email)).rule == "contact.before_contract")
    }

    @Test func paymentsAreViolationsInEveryEpochAndPhase() {
        for at in [Self.legacy, Self.unsolicited, Self.onPlatform] {
            for phase in [RoomPhase.inquiry, Self.offer, Self.active, Self.post] {
                for plan in [ClientPlan.basic, .enterprise] {
                    let i = Self.input(.paymentAccount, at: at, phase: phase, plan: plan, relationship: "2019-01-01T00:00:00Z",
                                       context: FindingContext(source: .attachment(.legalDocument)))
                    #expect(Self.verdict(i) == "violation")
                    #expect(Self.judge.judge(i).rule == "payment.outside_platform")
                }
            }
        }
    }

    @Test func socialProfilesAreNeverExcusedBeforeAContract() {
        let business = Self.input(.socialProfile, plan: .business, relationship: "2020-01-01T00:00:00Z")
        #expect(Self.verdict(business) == "violation")
        #expect(Self.judge.judge(business).rule == "contact.social_never_excused")
        #expect(Self.verdict(Self.input(.offplatformRequest, plan: .enterprise, platform: "instagram", intent: .request)) == "violation")
        #expect(Self.verdict(Self.input(.offplatformRequest, plan: .enterprise, platform: "whatsapp", intent: .request)) == "excused:business_client")
        #expect(Self.verdict(Self.input(.socialProfile, phase: Self.active)) == "allowed")
    }

    @Test func businessClient() {
        #expect(Self.verdict(Self.input(.phone, plan: .business)) == "excused:business_client")
        #expect(Self.verdict(Self.input(.phone, plan: .enterprise)) == "excused:business_client")
        #expect(Self.verdict(Self.input(.phone, plan: .plus)) == "violation")
        #expect(Self.verdict(Self.input(.phone, plan: nil)) == "violation", "an unknown room's plan is unknown")
    }

    @Test func existingRelationship() {
        #expect(Self.verdict(Self.input(.email, relationship: "2020-07-01T00:00:00Z")) == "excused:existing_relationship")
        #expect(Self.verdict(Self.input(.email, relationship: Self.onPlatform)) == "excused:existing_relationship", "started at the same instant")
        #expect(Self.verdict(Self.input(.email, relationship: "2020-07-11T00:00:00Z")) == "violation", "started after the message")
        #expect(Self.verdict(Self.input(.email, plan: .business, relationship: "2020-07-01T00:00:00Z")) == "excused:existing_relationship",
                "the first exception in the policy's order is recorded")
    }

    @Test func legalDocument() {
        #expect(Self.verdict(Self.input(.phone, context: FindingContext(source: .attachment(.legalDocument)))) == "excused:legal_document")
        #expect(Self.verdict(Self.input(.phone, context: FindingContext(source: .attachment(.file)))) == "violation")
        #expect(Self.verdict(Self.input(.socialProfile, context: FindingContext(source: .attachment(.legalDocument)))) == "violation")
    }

    @Test func systemAccessEmail() {
        let near = FindingContext(projectSystem: "github")
        #expect(Self.verdict(Self.input(.email, context: near)) == "excused:system_access_email")
        #expect(Self.verdict(Self.input(.offplatformRequest, platform: "email", intent: .request, context: near)) == "excused:system_access_email")
        #expect(Self.verdict(Self.input(.email, context: FindingContext(projectSystem: "github", chatTool: "slack"))) == "violation")
        #expect(Self.verdict(Self.input(.phone, context: near)) == "violation", "never phones")
        #expect(Self.verdict(Self.input(.messagingApp, platform: "skype", context: near)) == "violation", "never handles")
        #expect(Self.verdict(Self.input(.email)) == "violation")
    }

    @Test func portfolioAndProjectLinks() {
        let portfolio = FindingContext(portfolioCue: "behance.net"), project = FindingContext(projectCue: "our website")
        #expect(Self.verdict(Self.input(.website, role: .freelancer, context: portfolio)) == "excused:portfolio_link")
        #expect(Self.verdict(Self.input(.website, role: .client, context: portfolio)) == "info", "portfolio links are the freelancer's")
        #expect(Self.verdict(Self.input(.website, role: .client, context: project)) == "excused:project_website")
        #expect(Self.verdict(Self.input(.website, role: .freelancer, context: project)) == "info", "project links are the client's")
        #expect(Self.verdict(Self.input(.website)) == "info")
        #expect(Self.verdict(Self.input(.website, phase: Self.active, context: portfolio)) == "info", "nothing to excuse during a contract")
        #expect(Self.verdict(Self.input(.website, plan: .business)) == "info", "links are never violations")
    }

    @Test func unsolicitedContact() {
        #expect(Self.verdict(Self.input(.unsolicitedContact, platform: "phone")) == "violation")
        #expect(Self.verdict(Self.input(.unsolicitedContact, phase: Self.active, platform: "phone")) == "violation", "in every phase")
        #expect(Self.verdict(Self.input(.unsolicitedContact, at: Self.unsolicited, platform: "phone")) == "violation")
        #expect(Self.verdict(Self.input(.unsolicitedContact, platform: "phone", offered: true)) == "allowed")
        #expect(Self.verdict(Self.input(.unsolicitedContact, at: Self.legacy, platform: "phone")) == "allowed")
        #expect(Self.verdict(Self.input(.unsolicitedContact, plan: .business, platform: "email")) == "violation", "exceptions do not apply")
    }

    @Test func platformMessagesAreNeverJudged() {
        #expect(Self.verdict(Self.input(.paymentAccount, role: .system)) == "allowed")
        #expect(Self.verdict(Self.input(.email, role: .system)) == "allowed")
    }

    @Test func unknownRoomsAreJudgedWithoutRoleOrPlan() {
        #expect(Self.verdict(Self.input(.email, role: .unknown, plan: nil)) == "violation")
        #expect(Self.verdict(Self.input(.website, role: .unknown, plan: nil, context: FindingContext(portfolioCue: "x"))) == "info")
    }

    /// Every sentence a finding can get, word for word (`Judge.decide` makes a decision and `Decision.explanation`
    /// its sentence, which judging makes once per distinct decision): what analysts read in `findings.explanation`.
    @Test func everySentenceReadsAsBefore() {
        let cases: [(JudgeInput, String)] = [
            (Self.input(.email, role: .system), "the sender is not one of the room's two participants (a platform message)"),
            (Self.input(.paymentAccount), "asking for or offering payment outside the platform is prohibited in every phase"),
            (Self.input(.unsolicitedContact, at: Self.legacy, platform: "phone"), "this epoch does not restrict contact through other channels"),
            (Self.input(.unsolicitedContact, platform: "phone", offered: true), "the other party had offered phone in this room before"),
            (Self.input(.unsolicitedContact, platform: "email"), "contacted the other party through email, which they never offered in this room"),
            (Self.input(.unsolicitedContact), "contacted the other party through another channel, which they never offered in this room"),
            (Self.input(.website, context: FindingContext(portfolioCue: "my portfolio")), "a link, excused as portfolio_link (my portfolio)"),
            (Self.input(.website), "a link to another website: recorded, not a violation by itself"),
            (Self.input(.email, phase: Self.active), "this epoch permits contact details in phase active_contract"),
            (Self.input(.socialProfile), "social media handles and profiles are never excused before a contract"),
            (Self.input(.phone, plan: .business), "prohibited in phase pre_contract, excused as business_client (client plan business)"),
            (Self.input(.email), "contact details or a move off the platform are prohibited in phase pre_contract and no exception applies"),
        ]
        for (input, why) in cases {
            let j = Self.judge.judge(input)
            #expect(j.explanation == "epoch \(j.epoch), phase \(j.phase.label), \(input.senderRole.rawValue): \(why)")
            let d = Self.judge.decide(input)
            #expect(d.judgement(explanation: d.explanation) == j)
        }
    }

    @Test func everyVerdictExplainsItself() {
        let j = Self.judge.judge(Self.input(.phone, phase: Self.offer, role: .client, plan: .business))
        #expect(j.epoch == "pre_contract_on_platform")
        #expect(j.phase == Self.offer)
        #expect(j.explanation == "epoch pre_contract_on_platform, phase pre_contract/offer, client: prohibited in phase pre_contract, excused as business_client (client plan business)")
    }
}
