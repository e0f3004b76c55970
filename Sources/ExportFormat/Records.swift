/// A room: one conversation between a client and a freelancer.
public struct RoomRecord: Sendable, Hashable {
    public var roomID: String
    public var clientID: String
    public var freelancerID: String
    /// `nil` when the field is absent; the format's default is `basic`.
    public var clientPlan: ClientPlan?
    public var createdAt: Timestamp?

    public init(roomID: String, clientID: String, freelancerID: String,
                clientPlan: ClientPlan? = nil, createdAt: Timestamp? = nil) {
        self.roomID = roomID
        self.clientID = clientID
        self.freelancerID = freelancerID
        self.clientPlan = clientPlan
        self.createdAt = createdAt
    }
}

public enum ClientPlan: String, Sendable, Hashable, CaseIterable, Codable {
    case basic, plus, business, enterprise
}

/// One event in a contract's life.
public struct ContractRecord: Sendable, Hashable {
    public var contractID: String
    public var roomID: String
    public var event: ContractEvent
    public var at: Timestamp

    public init(contractID: String, roomID: String, event: ContractEvent, at: Timestamp) {
        self.contractID = contractID
        self.roomID = roomID
        self.event = event
        self.at = at
    }
}

public enum ContractEvent: String, Sendable, Hashable, CaseIterable, Codable {
    case offerSent = "offer_sent"
    case started
    case ended
}

public enum AttachmentKind: String, Sendable, Hashable, CaseIterable, Codable {
    case file, image, video
    case legalDocument = "legal_document"
    case portfolio
}

public struct Attachment: Sendable, Hashable {
    public var name: String
    public var kind: AttachmentKind
    /// Text extracted from the file, where the export carries it.
    public var text: String?

    public init(name: String, kind: AttachmentKind, text: String? = nil) {
        self.name = name
        self.kind = kind
        self.text = text
    }
}

public struct MessageRecord: Sendable, Hashable {
    public var messageID: String
    public var roomID: String
    public var senderID: String
    public var sentAt: Timestamp
    /// Empty when the field is absent or empty.
    public var text: String
    public var attachments: [Attachment]

    public init(messageID: String, roomID: String, senderID: String, sentAt: Timestamp,
                text: String = "", attachments: [Attachment] = []) {
        self.messageID = messageID
        self.roomID = roomID
        self.senderID = senderID
        self.sentAt = sentAt
        self.text = text
        self.attachments = attachments
    }
}

public enum CallStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case completed, failed, dropped, missed, declined
}

public enum CallMedia: String, Sendable, Hashable, CaseIterable, Codable {
    case audio, video
    case screenShare = "screen_share"
}

/// One voice or video call placed through the platform.
public struct CallRecord: Sendable, Hashable {
    public var callID: String
    public var roomID: String
    public var initiatorID: String
    public var startedAt: Timestamp
    public var endedAt: Timestamp?
    public var status: CallStatus
    public var media: CallMedia?
    public var failureReason: String?

    public init(callID: String, roomID: String, initiatorID: String, startedAt: Timestamp,
                endedAt: Timestamp? = nil, status: CallStatus, media: CallMedia? = nil,
                failureReason: String? = nil) {
        self.callID = callID
        self.roomID = roomID
        self.initiatorID = initiatorID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.status = status
        self.media = media
        self.failureReason = failureReason
    }
}

/// What one line of the export decodes to.
public enum Record: Sendable, Hashable {
    case room(RoomRecord)
    case contract(ContractRecord)
    case message(MessageRecord)
    case call(CallRecord)
    /// A record whose `type` this version does not know: counted and skipped.
    case unknown(type: String)

    /// The name used in summaries and the `runs.records_by_type` column.
    public var typeName: String { Self.typeNames[typeIndex] }

    /// Every `typeName`, by `typeIndex`: records can be counted by type in an array.
    public static let typeNames = ["room", "contract", "message", "call", "unknown"]

    /// `typeIndex` of a message.
    public static let messageTypeIndex = 2

    public var typeIndex: Int {
        switch self {
        case .room: return 0
        case .contract: return 1
        case .message: return Self.messageTypeIndex
        case .call: return 3
        case .unknown: return 4
        }
    }
}
