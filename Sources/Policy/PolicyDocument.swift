import ExportFormat
import Detection

/// Whether something is permitted in an epoch.
public enum Permission: String, Sendable, Hashable, Codable {
    case allowed
    case prohibited
}

/// One period of the rule's history.
public struct Epoch: Sendable, Hashable {
    public var name: String
    /// When it comes into force; nil for the first epoch (everything before the second).
    public var starts: Timestamp?
    /// Sharing or asking for contact details, or proposing to move elsewhere, by phase.
    public var contact: [Phase: Permission]
    /// Contacting the other party through a channel they never offered in the room.
    public var unsolicitedContact: Permission
    /// Asking for or offering payment outside the platform.
    public var paymentOutsidePlatform: Permission

    public init(name: String, starts: Timestamp?, contact: [Phase: Permission],
                unsolicitedContact: Permission, paymentOutsidePlatform: Permission) {
        self.name = name
        self.starts = starts
        self.contact = contact
        self.unsolicitedContact = unsolicitedContact
        self.paymentOutsidePlatform = paymentOutsidePlatform
    }

    public func contactPermission(in phase: Phase) -> Permission { contact[phase] ?? .allowed }
}

/// A lower-cased phrase of one or more words ("google analytics"), matched on word boundaries.
public struct Phrase: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let words: [String]
    public init(_ text: String) { words = PhraseTokenizer.words(of: text) }
    public var description: String { words.joined(separator: " ") }
    public static func < (a: Phrase, b: Phrase) -> Bool { a.description < b.description }
}

/// An exception of the rule's FAQ with its parameters. The set of exception
/// types is fixed (each has its own meaning, docs/POLICY.md); a policy file
/// chooses which apply, in which order, and with which lists.
public enum ExceptionRule: Sendable, Hashable {
    case existingRelationship
    case businessClient(plans: Set<ClientPlan>)
    case legalDocument(attachmentKinds: Set<AttachmentKind>)
    case systemAccessEmail(windowWords: Int, projectSystems: [Phrase], chatTools: [Phrase])
    case portfolioLink(senderRoles: Set<SenderRole>, windowWords: Int, hosts: [String], cues: [Phrase])
    case projectWebsite(senderRoles: Set<SenderRole>, windowWords: Int, cues: [Phrase])

    public var name: String {
        switch self {
        case .existingRelationship: return "existing_relationship"
        case .businessClient: return "business_client"
        case .legalDocument: return "legal_document"
        case .systemAccessEmail: return "system_access_email"
        case .portfolioLink: return "portfolio_link"
        case .projectWebsite: return "project_website"
        }
    }

    public static let allNames = ["existing_relationship", "business_client", "legal_document",
                                  "system_access_email", "portfolio_link", "project_website"]
}

/// The effective policy of a run: what `--policy FILE` (or the built-in default) says.
public struct PolicyDocument: Sendable {
    public var name: String
    public var description: String
    /// In time order; the first has no start.
    public var epochs: [Epoch]
    public var exceptions: [ExceptionRule]
    /// Kinds never excused before a contract (social profiles).
    public var neverExcusedKinds: Set<FindingKind>
    /// Platforms whose requests count as social (never excused before a contract).
    public var neverExcusedPlatforms: Set<String>
    /// The text the policy was read from, exactly.
    public var source: String
    /// SHA-256 (hex) of `source`: recorded with every run.
    public var contentHash: String

    /// The epoch in force at `t`.
    public func epoch(at t: Timestamp) -> Epoch {
        var current = epochs[0]
        for e in epochs.dropFirst() {
            guard let s = e.starts, s <= t else { break }
            current = e
        }
        return current
    }

    public func exception(named name: String) -> ExceptionRule? {
        exceptions.first { $0.name == name }
    }

    /// `name@hash12`, how summaries and the `runs` table name the policy.
    public var label: String { "\(name)@\(contentHash.prefix(12))" }
}
