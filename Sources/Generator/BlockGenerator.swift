import ExportFormat

/// The records of one file, as bytes with record boundaries, so a chunk's
/// records can be reordered without being parsed again.
struct RecordBuffer: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int32] = []

    var count: Int { ends.count }

    func record(_ i: Int) -> ArraySlice<UInt8> {
        bytes[(i == 0 ? 0 : Int(ends[i - 1]))..<Int(ends[i])]
    }

    mutating func append(_ r: ArraySlice<UInt8>) {
        bytes.append(contentsOf: r)
        ends.append(Int32(bytes.count))
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

/// What one block of rooms produced: records per file (those for this chunk,
/// and those held back to arrive in the next one), truth rows, and counts.
struct BlockOutput: Sendable {
    var immediate: [RecordBuffer]
    var deferred: [RecordBuffer]
    var findings: [UInt8] = []
    var calls: [UInt8] = []
    var negatives: [UInt8] = []
    var labels: [UInt8] = []
    var tally = Tally()
    var recordBytes = 0

    init(files: Int) {
        immediate = Array(repeating: RecordBuffer(), count: files)
        deferred = Array(repeating: RecordBuffer(), count: files)
    }

    var heldBytes: Int {
        immediate.reduce(0) { $0 + $1.bytes.count } + deferred.reduce(0) { $0 + $1.bytes.count }
            + findings.count + calls.count + negatives.count + labels.count
    }
}

/// One contract of a room's script, times in nanoseconds (nil: the event does not happen).
struct ContractScript {
    var offer: Int64?
    var start: Int64?
    var end: Int64?
}

/// A room decided before its messages are written: who, which plan, when, and its contracts.
struct RoomScript {
    var index: Int
    var client: Int
    var freelancer: Int
    var hasRecord: Bool
    var plan: ClientPlan
    var writesPlan: Bool
    var field: Vocabulary.Field
    var language: Chatter.Language
    var company: String
    var t0: Int64
    var span: Int64
    var contracts: [ContractScript]
    var clientOffset: Int
    var freelancerOffset: Int
    var asciiOnly: Bool
    var home: Int

    var firstStart: Int64? { contracts.compactMap(\.start).min() }
}

/// Writes the rooms of one block: the room scripts, then each room's records
/// in time order, each sent to a file and possibly held back, and the truth.
struct BlockGenerator {
    let plan: RunPlan
    let block: Int
    var out: BlockOutput
    private var record: [UInt8] = []
    private var ascii: [UInt8] = []
    private var text: [UInt8] = []

    static let second: Int64 = 1_000_000_000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour
    static let systemSender: [UInt8] = Array("sys_offplatform".utf8)
    static let fieldChoice = WeightedChoice(Vocabulary.fieldWeights)
    static let languageChoice = WeightedChoice(Chatter.languageWeights)
    static let offsets = [0, 0, 60, 120, -300, -240, 330, 480, 540, 180, -180, 600, 345, -420, 60]
    static let firstNames = Vocabulary.firstNames.map(escapedJSON)
    static let companies = Vocabulary.companies.map(escapedJSON)

    init(plan: RunPlan, block: Int) {
        self.plan = plan
        self.block = block
        out = BlockOutput(files: plan.settings.files)
        record.reserveCapacity(4096)
    }

    var settings: GeneratorSettings { plan.settings }

    mutating func run() -> BlockOutput {
        let rooms = plan.roomRange(block: block)
        var rng = RandomStream(seed: settings.seed, purpose: .block, index: UInt64(block))
        let total = plan.messagesBefore(room: rooms.upperBound) - plan.messagesBefore(room: rooms.lowerBound)
        // Heavy-tailed room sizes that add up exactly to the block's share.
        let weights = rooms.map { _ in rng.logNormal(sigma: 1.1) }
        let sum = weights.reduce(0, +)
        var counts: [Int] = []
        var running = 0.0, given = 0
        for w in weights {
            running += w
            let upTo = Int((Double(total) * running / sum).rounded(.down))
            counts.append(max(0, min(total, upTo) - given))
            given += counts.last!
        }
        counts[counts.count - 1] += total - given
        // A few client–freelancer pairs meet in two or three rooms of the same block.
        var groups: [Range<Int>] = []
        var j = 0
        while j < rooms.count {
            var size = 1
            if j + 1 < rooms.count && rng.chance(0.06) { size = (j + 2 < rooms.count && rng.chance(0.3)) ? 3 : 2 }
            groups.append(j..<(j + size))
            j += size
        }
        var firstMessage = plan.messagesBefore(room: rooms.lowerBound)
        var starts: [Int] = []
        for c in counts { starts.append(firstMessage); firstMessage += c }
        for g in groups {
            var scripts: [RoomScript] = []
            var streams: [RandomStream] = []
            for j in g {
                var r = RandomStream(seed: settings.seed, purpose: .room, index: UInt64(rooms.lowerBound + j))
                scripts.append(makeScript(room: rooms.lowerBound + j, messages: counts[j], lead: scripts.first,
                                          grouped: g.count > 1, &r))
                streams.append(r)
            }
            // The pair's first contract start, in any of their rooms: an existing relationship from then on.
            let relationship = scripts.compactMap(\.firstStart).min()
            for (k, j) in g.enumerated() {
                writeRoom(scripts[k], messages: counts[j], firstMessage: starts[j],
                          relationshipStart: scripts[k].hasRecord ? relationship : nil, &streams[k])
            }
        }
        return out
    }

    // MARK: Scripts

    func makeScript(room i: Int, messages n: Int, lead: RoomScript?, grouped: Bool, _ rng: inout RandomStream) -> RoomScript {
        var (c, f) = plan.parties(room: i)
        if let lead { c = lead.client; f = lead.freelancer }
        let clientHash = RandomStream.mix(UInt64(c) ^ plan.salt ^ 0xC11E)
        let planRoll = clientHash % 100
        let clientPlan: ClientPlan = planRoll < 72 ? .basic : planRoll < 88 ? .plus : planRoll < 96 ? .business : .enterprise
        let rangeLength = (plan.rangeEnd - plan.rangeStart) * Self.second
        let perMessage = Double(45 * Self.minute) * rng.logNormal(sigma: 1.0)
        var span = Int64(min(Double(rangeLength) * 0.6, max(Double(2 * Self.hour), Double(max(1, n)) * perMessage)))
        span = min(span, max(Self.hour, rangeLength / 2))
        let latest = plan.rangeStart * Self.second + max(0, rangeLength - span - span / 3 - Self.hour)
        var t0 = plan.rangeStart * Self.second + Int64(rng.unit() * Double(latest - plan.rangeStart * Self.second))
        if let lead, let s = lead.firstStart {
            t0 = rng.chance(0.7) ? s + rng.int64(in: Self.hour...(10 * Self.day)) : s - rng.int64(in: Self.hour...(3 * Self.day))
            t0 = max(plan.rangeStart * Self.second, min(t0, latest))
        }
        t0 = t0 / Self.second * Self.second
        let contracts = schedule(t0: t0, span: span, mustStart: grouped && lead == nil, &rng)
        let hasRecord = grouped || !rng.chance(0.015)
        return RoomScript(
            index: i, client: c, freelancer: f, hasRecord: hasRecord, plan: clientPlan,
            writesPlan: clientPlan != .basic || !rng.chance(0.45),
            field: Self.fieldChoice.pick(&rng), language: Self.languageChoice.pick(&rng),
            company: Vocabulary.companies[Int((clientHash >> 12) % UInt64(Vocabulary.companies.count))],
            t0: t0, span: span, contracts: contracts,
            clientOffset: Self.offsets[Int((clientHash >> 24) % UInt64(Self.offsets.count))],
            freelancerOffset: Self.offsets[Int(RandomStream.mix(UInt64(f) ^ plan.salt) % UInt64(Self.offsets.count))],
            asciiOnly: rng.chance(0.08), home: rng.below(settings.files))
    }

    /// Contracts offered, started, ended or never started, placed inside the room's time span.
    func schedule(t0: Int64, span: Int64, mustStart: Bool, _ rng: inout RandomStream) -> [ContractScript] {
        func at(_ lo: Double, _ hi: Double) -> Int64 {
            let t = t0 + Int64(Double(span) * (lo + (hi - lo) * rng.unit()))
            return t / Self.second * Self.second + Int64(rng.below(1000)) * 1_000_000
        }
        let roll = mustStart ? 45 + rng.below(55) : rng.below(100)
        var contracts: [ContractScript] = []
        switch roll {
        case ..<30: break
        case ..<45: contracts = [ContractScript(offer: at(0.1, 0.6))]
        case ..<65:
            let o = at(0.1, 0.45)
            contracts = [ContractScript(offer: o, start: o + Int64(Double(span) * (0.02 + 0.12 * rng.unit())) + Self.minute)]
        case ..<90:
            let o = at(0.08, 0.35)
            let s = o + Int64(Double(span) * (0.02 + 0.1 * rng.unit())) + Self.minute
            contracts = [ContractScript(offer: o, start: s, end: min(t0 + span * 95 / 100, s + Int64(Double(span) * (0.15 + 0.35 * rng.unit())) + Self.minute))]
        default:
            let o1 = at(0.05, 0.15), s1 = at(0.18, 0.28), e1 = at(0.32, 0.45)
            let o2 = at(0.52, 0.62)
            let second = rng.chance(0.6) ? at(0.66, 0.75) : nil
            let secondEnd = second != nil && rng.chance(0.3) ? at(0.85, 0.95) : nil
            contracts = [ContractScript(offer: o1, start: s1, end: e1), ContractScript(offer: o2, start: second, end: secondEnd)]
        }
        for k in contracts.indices where contracts[k].start != nil && rng.chance(0.1) {
            contracts[k].offer = nil     // some exports carry only the acceptance
        }
        // Whole milliseconds: the export writes three fractional digits, and the truth must use the same instant.
        func ms(_ t: Int64?) -> Int64? { t.map { $0 / 1_000_000 * 1_000_000 } }
        return contracts.map { ContractScript(offer: ms($0.offer), start: ms($0.start), end: ms($0.end)) }
    }

    // MARK: Rooms

    private struct Participant {
        var role: SenderRole
        var person: Person
        var id: [UInt8]
        var firstName: [UInt8]
        var offset: Int
    }

    private struct CallScript {
        var id: [UInt8]
        var start: Int64
        var end: Int64?
        var status: CallStatus
        var planted: Bool
    }

    private enum RecordKind { case room, contract, message, call, other }

    mutating func writeRoom(_ s: RoomScript, messages n: Int, firstMessage: Int, relationshipStart: Int64?,
                            _ rng: inout RandomStream) {
        let roomID = plan.roomID(s.index)
        let clientPerson = Person.make(index: UInt64(s.client) * 2, salt: plan.salt)
        let freelancerPerson = Person.make(index: UInt64(s.freelancer) * 2 + 1, salt: plan.salt)
        let people = [
            Participant(role: s.hasRecord ? .client : .unknown, person: clientPerson, id: plan.userID(client: s.client),
                        firstName: escapedJSON(clientPerson.first), offset: s.clientOffset),
            Participant(role: s.hasRecord ? .freelancer : .unknown, person: freelancerPerson, id: plan.userID(freelancer: s.freelancer),
                        firstName: escapedJSON(freelancerPerson.first), offset: s.freelancerOffset),
        ]
        let planLabel: PlanLabel = s.hasRecord ? PlanLabel(rawValue: [ClientPlan.basic, .plus, .business, .enterprise].firstIndex(of: s.plan)!)! : .unknown
        let company = escapedJSON(s.company)
        out.tally.rooms += 1
        if !s.hasRecord { out.tally.roomsWithoutRecord += 1 }

        // The room record, its contract events, the odd record of a type this format version does not know.
        if s.hasRecord {
            beginRecord(&rng)
            record.append(ascii: "{\"type\":\"room\",")
            record.appendField("room_id", escaped: roomID); record.append(UInt8(ascii: ","))
            record.appendField("client_id", escaped: people[0].id); record.append(UInt8(ascii: ","))
            record.appendField("freelancer_id", escaped: people[1].id)
            if s.writesPlan {
                record.append(ascii: ",\"client_plan\":\"")
                record.append(contentsOf: Array(s.plan.rawValue.utf8))
                record.append(UInt8(ascii: "\""))
            }
            if rng.chance(0.9) {
                record.append(ascii: ",\"created_at\":\"")
                let created = max(plan.rangeStart * Self.second, s.t0 - rng.int64(in: 0...(2 * Self.hour)) / Self.second * Self.second)
                RFC3339.append(Timestamp(nanosecondsSinceEpoch: created), offsetMinutes: 0, fraction: .none, to: &record)
                record.append(UInt8(ascii: "\""))
            }
            if rng.chance(0.05) { record.append(ascii: ",\"locale\":\"en-GB\",\"tags\":[\"design\",\"urgent\"]") }
            record.append(ascii: "}\n")
            place(.room, s, &rng)
        }
        var events: [Int64] = []
        for (k, c) in s.contracts.enumerated() {
            let cid = plan.contractID(room: s.index, k)
            for (name, time) in [("offer_sent", c.offer), ("started", c.start), ("ended", c.end)] {
                guard let time else { continue }
                events.append(time)
                writeContract(cid, roomID, name, time, s, &rng)
                if name == "started" && rng.chance(0.03) {
                    // A re-exported event: the same or a later time; the earliest counts.
                    let later = time + (rng.chance(0.5) ? 0 : rng.int64(in: Self.hour...(2 * Self.day)) / 1_000_000 * 1_000_000)
                    writeContract(cid, roomID, name, max(time, min(later, plan.rangeEnd * Self.second - Self.minute)), s, &rng)
                }
            }
        }
        if rng.chance(0.005) {
            // An `ended` with no `started`: ignored by the policy (docs/POLICY.md).
            let t = s.t0 + s.span / 2 / Self.second * Self.second
            events.append(t)
            writeContract(plan.contractID(room: s.index, 15), roomID, "ended", t, s, &rng)
        }
        if rng.chance(0.004) {
            beginRecord(&rng)
            record.append(ascii: "{\"type\":\"read_receipt\",")
            record.appendField("room_id", escaped: roomID)
            record.append(ascii: ",\"reader_id\":\"")
            record.append(contentsOf: people[rng.below(2)].id)
            record.append(ascii: "\",\"at\":\"")
            RFC3339.append(Timestamp(nanosecondsSinceEpoch: s.t0 + s.span / 3 / Self.second * Self.second), offsetMinutes: 0, fraction: .none, to: &record)
            record.append(ascii: "\"}\n")
            place(.other, s, &rng)
            out.tally.recordsByType["read_receipt", default: 0] += 1
        }
        events.sort()

        // Messages and calls, in time order.
        let meanGap = Double(s.span) / Double(max(1, n))
        let hardEnd = plan.rangeEnd * Self.second - Self.minute
        var cursor = s.t0 + rng.int64(in: 0...(10 * Self.minute))
        var nextEvent = 0
        var speaker = rng.chance(0.62) ? 0 : 1
        var blackoutUntil = Int64.min
        var forcedTime: Int64? = nil
        var moveIsDue = false
        var pendingUnsolicited: (speaker: Int, channel: String)? = nil
        var shared: [[String]] = [[], []]
        var mentioned: [Set<String>] = [[], []]
        var moveTimes: [Int64] = []
        var calls: [CallScript] = []
        var spokeYet = false

        for k in 0..<n {
            // Gaps average the room's pace, but never run past the end of the range: a crowded room speeds up.
            let budget = Double(hardEnd - cursor) / Double(n - k + 1)
            var t: Int64
            if let f = forcedTime { t = f; forcedTime = nil } else {
                let gap = min(rng.exponential(mean: min(meanGap, budget)), max(3e9, 2 * budget))
                t = cursor + max(budget < 5e9 ? 3 * Self.second : 5 * Self.second, Int64(gap))
            }
            var systemNotice: String? = nil
            while nextEvent < events.count && events[nextEvent] <= t + 3 * Self.second {
                let e = events[nextEvent]
                nextEvent += 1
                if t < e + 3 * Self.second { t = e + 3 * Self.second + rng.int64(in: 0...(30 * Self.second)) }
                if !moveIsDue && systemNotice == nil && rng.chance(0.6) {
                    systemNotice = Self.noticeAfterEvent[rng.below(Self.noticeAfterEvent.count)]
                }
            }
            if systemNotice == nil && !moveIsDue && k > 0 && rng.chance(0.004) {
                systemNotice = Self.reminders[rng.below(Self.reminders.count)]
            }
            t = max(t, cursor + 3 * Self.second)
            // Whole seconds, milliseconds or microseconds, as exporters differ.
            let fraction: RFC3339.Fraction = rng.below(10) < 5 ? .none : (rng.below(3) < 2 ? .millis : .micros)
            t = t / Self.second * Self.second
            switch fraction {
            case .none: break
            case .millis: t += Int64(rng.below(999)) * 1_000_000
            case .micros: t += Int64(rng.below(998_999)) * 1_000
            }
            cursor = t
            let instant = Timestamp(nanosecondsSinceEpoch: t)

            // Who speaks.
            let role: SenderRole
            let speakerIndex: Int
            if systemNotice != nil {
                role = s.hasRecord ? .system : .unknown
                speakerIndex = -1
            } else {
                if spokeYet && (moveIsDue ? rng.chance(0.5) : rng.chance(0.72)) { speaker = 1 - speaker }
                spokeYet = true
                speakerIndex = speaker
                role = people[speaker].role
            }
            let situation = MessageSituation(sentAt: instant, epoch: PolicyEpoch.at(instant), phase: phase(s, at: t),
                                             role: role, plan: planLabel, relationshipStart: relationshipStart.map { Timestamp(nanosecondsSinceEpoch: $0) })
            let messageID = plan.messageID(firstMessage + k)

            // What it says.
            text.removeAll(keepingCapacity: true)
            var planting: Planting? = nil
            var negative: (text: String, category: HardNegatives.Category)? = nil
            var attachments: [PlantedAttachment] = []
            var omitText = false
            if let notice = systemNotice {
                text.appendEscaped(notice)
            } else {
                let me = people[speakerIndex], other = people[1 - speakerIndex]
                let context = PlantingContext(role: me.role, sender: me.person, other: other.person, company: s.company,
                                              field: s.field, disguiseRate: settings.disguiseRate,
                                              otherShared: shared[1 - speakerIndex], otherMentioned: mentioned[1 - speakerIndex])
                if moveIsDue {
                    planting = Plantings.plant(context, restriction: .movesOnly, &rng)
                    moveIsDue = false
                } else if let p = pendingUnsolicited, p.speaker == speakerIndex, rng.chance(0.5) {
                    planting = Plantings.unsolicitedThroughOffered(p.channel, context, &rng)
                    pendingUnsolicited = nil
                } else {
                    let r = rng.unit()
                    if r < settings.contactRate {
                        planting = Plantings.plant(context, restriction: t <= blackoutUntil ? .noMoves : .none, &rng)
                    } else if r < settings.contactRate + settings.negativeRate {
                        negative = HardNegatives.make(&rng, sender: me.person, other: other.person, company: s.company)
                    }
                }
                if let p = planting {
                    text.appendEscaped(p.text)
                    attachments = p.attachments
                } else if let neg = negative {
                    text.appendEscaped(neg.text)
                } else {
                    let act = Self.act(role: me.role == .unknown ? (speakerIndex == 0 ? .client : .freelancer) : me.role,
                                       phase: situation.phase, field: s.field, first: k < 2, &rng)
                    sharedChatter.write(act, field: s.field, language: s.language, them: other.firstName, me: me.firstName,
                                        company: company, rng: &rng, into: &text)
                    if rng.chance(0.04) {
                        attachments.append(Self.plainAttachment(company: s.company, &rng))
                        omitText = rng.chance(0.25)
                    }
                }
            }

            // The truth for this message.
            var violating = false
            var textKinds: [PlantedKind] = []
            if let p = planting {
                out.tally.messagesWithFindings += 1
                var attachmentKinds: [Int: [PlantedKind]] = [:]
                for item in p.items {
                    let expected = ExpectedVerdict.judge(item, in: situation)
                    if expected.verdict == "violation" { violating = true }
                    writeFindingRow(messageID, roomID, situation, s, item, expected)
                    if item.source == .text { textKinds.append(item.kind) } else {
                        let a = p.attachments.firstIndex { PlantSource.attachment($0.kind) == item.source } ?? 0
                        attachmentKinds[a, default: []].append(item.kind)
                    }
                    if item.kind.isMove && speakerIndex >= 0 { moveTimes.append(t) }
                    if let ch = item.offersChannel { shared[speakerIndex].append(ch) }
                    if let m = item.offersChannel ?? item.platform ?? (item.kind == .email ? "email" : item.kind == .phone ? "phone" : nil) {
                        mentioned[speakerIndex].insert(m)
                    }
                    // Now and then the other party later reaches out through the channel offered here.
                    if pendingUnsolicited == nil, let ch = item.offersChannel, Plantings.unsolicitedByChannel[ch] != nil,
                       rng.chance(0.06) {
                        pendingUnsolicited = (1 - speakerIndex, ch)
                    }
                }
                if violating { out.tally.messagesWithViolation += 1 }
                writeLabel(id: messageID, suffix: nil, text: text, kinds: textKinds)
                for (a, kinds) in attachmentKinds.sorted(by: { $0.key < $1.key }) {
                    writeLabel(id: messageID, suffix: a, text: escapedJSON(p.attachments[a].text ?? ""), kinds: kinds)
                }
            } else if let neg = negative {
                out.negatives.append(contentsOf: messageID); out.negatives.append(9)
                out.negatives.append(contentsOf: roomID); out.negatives.append(9)
                out.negatives.append(contentsOf: Array(neg.category.rawValue.utf8)); out.negatives.append(ascii: "\ttext\n")
                out.tally.negatives[neg.category.rawValue, default: 0] += 1
                writeLabel(id: messageID, suffix: nil, text: text, kinds: [])
            } else if !omitText && systemNotice == nil && rng.chance(settings.plainLabelRate) {
                writeLabel(id: messageID, suffix: nil, text: text, kinds: [])
            }
            out.tally.countMessage(situation, violating: violating)
            out.tally.attachments += attachments.count

            writeMessage(messageID, roomID, sender: speakerIndex >= 0 ? people[speakerIndex].id : Self.systemSender,
                         offset: speakerIndex >= 0 && rng.chance(0.5) ? people[speakerIndex].offset : 0,
                         instant: instant, fraction: fraction, omitText: omitText, attachments: attachments, s, &rng)

            // Sometimes a call follows; whether a move follows the call is where the planted effect lives.
            // (No call where the room has no time left for one and the half hour after it.)
            if s.hasRecord && speakerIndex >= 0 && k < n - 1 && calls.count < 4000
                && Double(hardEnd - t) / Double(n - k) > Double(40 * Self.minute) && rng.chance(settings.callRate) {
                let start = t + rng.int64(in: (20 * Self.second)...(8 * Self.minute))
                let status = Self.callStatus.pick(&rng)
                let duration: Int64
                switch status {
                case .completed: duration = rng.int64(in: (2 * Self.minute)...(45 * Self.minute))
                case .failed: duration = rng.int64(in: 0...(25 * Self.second))
                case .dropped: duration = rng.int64(in: Self.minute...(15 * Self.minute))
                case .missed, .declined: duration = rng.int64(in: (10 * Self.second)...(45 * Self.second))
                }
                let end = (start + duration) / Self.second * Self.second
                let hasEnd = status == .completed || status == .failed || status == .dropped || rng.chance(0.8)
                let failed = status == .failed || status == .dropped
                let p = settings.moveAfterCallRate * (failed ? settings.failureEffect : 1)
                let planted = rng.chance(p)
                calls.append(CallScript(id: plan.callID(room: s.index, calls.count), start: start / Self.second * Self.second,
                                        end: hasEnd ? end : nil, status: status, planted: planted))
                if planted {
                    forcedTime = end + rng.int64(in: Self.minute...(20 * Self.minute))
                    moveIsDue = true
                } else {
                    blackoutUntil = max(blackoutUntil, end + 31 * Self.minute)
                }
                cursor = max(cursor, end)
            }
        }

        // Calls, with whether a move really came within 30 minutes of the end (either party, any planted move).
        for (k, call) in calls.enumerated() {
            let from = call.end ?? call.start
            let moved = moveTimes.contains { $0 > from && $0 <= from + 30 * Self.minute }
            writeCall(call, k, roomID, people[rng.below(2)].id, s, &rng)
            let outcome: String
            switch call.status {
            case .failed, .dropped: outcome = "failed_or_dropped"
            case .completed: outcome = "completed"
            default: outcome = "other"
            }
            out.tally.callsByStatus[call.status.rawValue, default: 0] += 1
            if outcome != "other" {
                let row = outcome == "completed" ? 1 : 0
                out.tally.callTable[row][0] += 1
                if moved { out.tally.callTable[row][1] += 1 }
                out.tally.plantedMoves[row][0] += 1
                if call.planted { out.tally.plantedMoves[row][1] += 1 }
            }
            var line = call.id; line.append(9)
            line.append(contentsOf: roomID); line.append(9)
            line.append(contentsOf: Array(call.status.rawValue.utf8)); line.append(9)
            line.append(contentsOf: Array(outcome.utf8)); line.append(9)
            line.append(contentsOf: Array(Timestamp(nanosecondsSinceEpoch: call.start).rfc3339.utf8)); line.append(9)
            if let e = call.end { line.append(contentsOf: Array(Timestamp(nanosecondsSinceEpoch: e).rfc3339.utf8)) }
            line.append(9)
            line.append(ascii: moved ? "true\t" : "false\t")
            line.append(ascii: call.planted ? "true\n" : "false\n")
            out.calls.append(contentsOf: line)
        }
    }

    func phase(_ s: RoomScript, at t: Int64) -> RoomPhase {
        var started = false
        for c in s.contracts {
            guard let start = c.start, start <= t else { continue }
            started = true
            if c.end.map({ t < $0 }) ?? true { return .activeContract }
        }
        return started ? .postContract : .preContract
    }

    func stage(_ s: RoomScript, at t: Int64) -> String {
        s.contracts.contains { ($0.offer ?? .max) <= t } ? "offer" : "inquiry"
    }

    // MARK: What people talk about

    static let callStatus = WeightedChoice<CallStatus>([(.completed, 58), (.failed, 12), (.dropped, 10), (.missed, 13), (.declined, 7)])

    static let noticeAfterEvent = [
        "Offer sent. The freelancer can accept it from the contract page.",
        "Contract started. The first milestone is funded.",
        "Contract ended. Please leave a review for each other.",
        "A new milestone was added to this contract.",
        "The offer was updated.",
    ]
    static let reminders = [
        "Reminder: keep communication and payments on OffPlatform to stay protected.",
        "Tip: files shared here stay available to both of you.",
        "This conversation was reopened.",
    ]

    static func act(role: SenderRole, phase: RoomPhase, field: Vocabulary.Field, first: Bool, _ rng: inout RandomStream) -> Chatter.Act {
        if first { return role == .client ? (rng.chance(0.35) ? .brief : .inquiry) : .proposal }
        if rng.chance(0.32) { return .short }
        switch (phase, role) {
        case (.preContract, .client): return [.inquiry, .question, .question, .answer, .brief][rng.below(5)]
        case (.preContract, _): return [.proposal, .answer, .question, .answer][rng.below(4)]
        case (.activeContract, .client): return [.feedback, .feedback, .question, .answer][rng.below(4)]
        case (.activeContract, _):
            if field == .development && rng.chance(0.25) { return .code }
            return [.update, .update, .answer, .question][rng.below(4)]
        case (.postContract, _): return rng.chance(0.6) ? .wrapUp : .feedback
        }
    }

    static func plainAttachment(company: String, _ rng: inout RandomStream) -> PlantedAttachment {
        switch rng.below(6) {
        case 0: return PlantedAttachment(name: ["logo_v2.png", "mockup_final.jpg", "hero_banner.png", "screenshot.png"][rng.below(4)], kind: .image)
        case 1: return PlantedAttachment(name: ["walkthrough.mp4", "draft_cut_v3.mov"][rng.below(2)], kind: .video)
        case 2: return PlantedAttachment(name: ["invoice_0457.pdf", "brief_v3.pdf", "style_guide.pdf"][rng.below(3)], kind: .file,
                                         text: HardNegatives.attachmentText(&rng, company: company))
        case 3: return PlantedAttachment(name: "NDA_template.pdf", kind: .legalDocument,
                                         text: "NON-DISCLOSURE AGREEMENT\n\nThe parties agree to keep confidential all non-public information exchanged for the purpose of the engagement.\nThis Agreement remains in force for two years.")
        case 4: return PlantedAttachment(name: "samples.pdf", kind: .portfolio)
        default: return PlantedAttachment(name: ["notes.docx", "data_export.xlsx", "fonts.zip"][rng.below(3)], kind: .file)
        }
    }

    // MARK: Records

    private mutating func beginRecord(_ rng: inout RandomStream) {
        record.removeAll(keepingCapacity: true)
    }

    /// Sends the record in `record` to a file, now or held back to the next chunk.
    private mutating func place(_ kind: RecordKind, _ s: RoomScript, _ rng: inout RandomStream) {
        let files = settings.files
        let file = files == 1 || rng.chance(0.7) ? s.home : rng.below(files)
        let holdBack: Double
        switch kind {
        case .room: holdBack = 0.08
        case .contract: holdBack = 0.25
        case .message: holdBack = 0.03
        case .call: holdBack = 0.05
        case .other: holdBack = 0.1
        }
        let deferred = rng.chance(holdBack)
        out.recordBytes += record.count
        if s.asciiOnly {
            ascii.removeAll(keepingCapacity: true)
            asciiOnlyJSON(record[...], into: &ascii)
            if deferred { out.deferred[file].append(ascii[...]) } else { out.immediate[file].append(ascii[...]) }
        } else {
            if deferred { out.deferred[file].append(record[...]) } else { out.immediate[file].append(record[...]) }
        }
        let type: String
        switch kind {
        case .room: type = "room"
        case .contract: type = "contract"
        case .message: type = "message"
        case .call: type = "call"
        case .other: return
        }
        out.tally.recordsByType[type, default: 0] += 1
    }

    private mutating func writeContract(_ cid: [UInt8], _ roomID: [UInt8], _ event: String, _ t: Int64,
                                        _ s: RoomScript, _ rng: inout RandomStream) {
        beginRecord(&rng)
        record.append(ascii: "{\"type\":\"contract\",")
        record.appendField("contract_id", escaped: cid); record.append(UInt8(ascii: ","))
        record.appendField("room_id", escaped: roomID)
        record.append(ascii: ",\"event\":\""); record.append(contentsOf: Array(event.utf8)); record.append(ascii: "\",\"at\":\"")
        RFC3339.append(Timestamp(nanosecondsSinceEpoch: t), offsetMinutes: 0, fraction: t % Self.second == 0 ? .none : .millis, to: &record)
        record.append(ascii: "\"}\n")
        place(.contract, s, &rng)
    }

    private mutating func writeMessage(_ id: [UInt8], _ roomID: [UInt8], sender: [UInt8], offset: Int, instant: Timestamp,
                                       fraction: RFC3339.Fraction, omitText: Bool, attachments: [PlantedAttachment],
                                       _ s: RoomScript, _ rng: inout RandomStream) {
        beginRecord(&rng)
        let typeLast = rng.chance(0.08)
        record.append(ascii: typeLast ? "{" : "{\"type\":\"message\",")
        record.appendField("message_id", escaped: id); record.append(UInt8(ascii: ","))
        record.appendField("room_id", escaped: roomID); record.append(UInt8(ascii: ","))
        record.appendField("sender_id", escaped: sender)
        record.append(ascii: ",\"sent_at\":\"")
        RFC3339.append(instant, offsetMinutes: offset, fraction: fraction, to: &record)
        record.append(UInt8(ascii: "\""))
        if !omitText {
            record.append(ascii: ",\"text\":\"")
            record.append(contentsOf: text)
            record.append(UInt8(ascii: "\""))
        }
        if !attachments.isEmpty {
            record.append(ascii: ",\"attachments\":[")
            for (i, a) in attachments.enumerated() {
                if i > 0 { record.append(UInt8(ascii: ",")) }
                record.append(ascii: "{\"name\":\""); record.appendEscaped(a.name)
                record.append(ascii: "\",\"kind\":\""); record.append(contentsOf: Array(a.kind.rawValue.utf8))
                record.append(UInt8(ascii: "\""))
                if let t = a.text { record.append(ascii: ",\"text\":\""); record.appendEscaped(t); record.append(UInt8(ascii: "\"")) }
                if rng.chance(0.3) { record.append(ascii: ",\"size_bytes\":"); record.appendDecimal(rng.int(in: 2_000...9_000_000)) }
                record.append(UInt8(ascii: "}"))
            }
            record.append(UInt8(ascii: "]"))
        }
        if rng.chance(0.03) {
            switch rng.below(3) {
            case 0: record.append(ascii: ",\"reactions\":[{\"emoji\":\"👍\",\"count\":2},{\"emoji\":\"🎉\",\"count\":1}]")
            case 1: record.append(ascii: ",\"edited\":true,\"client\":{\"app\":\"web\",\"build\":null}")
            default: record.append(ascii: ",\"thread\":{\"depth\":1,\"flags\":[]}")
            }
        }
        record.append(ascii: typeLast ? ",\"type\":\"message\"}\n" : "}\n")
        place(.message, s, &rng)
    }

    private mutating func writeCall(_ call: CallScript, _ k: Int, _ roomID: [UInt8], _ initiator: [UInt8],
                                    _ s: RoomScript, _ rng: inout RandomStream) {
        beginRecord(&rng)
        record.append(ascii: "{\"type\":\"call\",")
        record.appendField("call_id", escaped: call.id); record.append(UInt8(ascii: ","))
        record.appendField("room_id", escaped: roomID); record.append(UInt8(ascii: ","))
        record.appendField("initiator_id", escaped: initiator)
        record.append(ascii: ",\"started_at\":\"")
        RFC3339.append(Timestamp(nanosecondsSinceEpoch: call.start), offsetMinutes: 0, fraction: .none, to: &record)
        record.append(UInt8(ascii: "\""))
        if let e = call.end {
            record.append(ascii: ",\"ended_at\":\"")
            RFC3339.append(Timestamp(nanosecondsSinceEpoch: e), offsetMinutes: 0, fraction: .none, to: &record)
            record.append(UInt8(ascii: "\""))
        }
        record.append(ascii: ",\"status\":\""); record.append(contentsOf: Array(call.status.rawValue.utf8)); record.append(UInt8(ascii: "\""))
        if rng.chance(0.9) {
            record.append(ascii: ",\"media\":\"")
            record.append(ascii: [StaticString("audio"), "video", "video", "screen_share"][rng.below(4)])
            record.append(UInt8(ascii: "\""))
        }
        if call.status == .failed || call.status == .dropped || (call.status == .missed && rng.chance(0.3)) {
            record.append(ascii: ",\"failure_reason\":\"")
            record.appendEscaped(Self.failureReasons[rng.below(Self.failureReasons.count)])
            record.append(UInt8(ascii: "\""))
        }
        record.append(ascii: "}\n")
        place(.call, s, &rng)
    }

    static let failureReasons = [
        "media connection timeout", "ICE negotiation failed", "peer disconnected", "TURN allocation failed",
        "network changed", "codec negotiation error", "callee unavailable", "upstream packet loss above 30%",
        "DTLS handshake timeout",
    ]

    // MARK: Truth rows

    private mutating func writeFindingRow(_ messageID: [UInt8], _ roomID: [UInt8], _ sit: MessageSituation, _ s: RoomScript,
                                          _ item: PlantedItem, _ e: ExpectedVerdict) {
        var l: [UInt8] = []
        l.reserveCapacity(220)
        func col(_ v: String) { l.append(contentsOf: Array(v.utf8)); l.append(9) }
        l.append(contentsOf: messageID); l.append(9)
        l.append(contentsOf: roomID); l.append(9)
        col(sit.role.name)
        col(sit.plan.name)
        col(sit.sentAt.rfc3339)
        col(sit.epoch.name)
        col(sit.phase.name)
        col(sit.phase == .preContract ? stage(s, at: sit.sentAt.nanosecondsSinceEpoch) : "")
        col(item.kind.rawValue)
        col(item.source.label)
        col(item.platform ?? "")
        col(item.intent)
        col(e.verdict)
        col(e.exception ?? "")
        col(e.rule)
        col(item.scenario)
        l.append(ascii: item.disguised ? "true\n" : "false\n")
        out.findings.append(contentsOf: l)
        let key = [sit.epoch.name, sit.phase.name, sit.role.name, sit.plan.name, item.kind.rawValue, item.source.label,
                   e.verdict, e.exception ?? ""].joined(separator: "|")
        out.tally.findings[key, default: 0] += 1
        out.tally.scenarios[item.scenario, default: 0] += 1
    }

    private mutating func writeLabel(id: [UInt8], suffix: Int?, text: [UInt8], kinds: [PlantedKind]) {
        out.labels.append(ascii: "{\"id\":\"")
        out.labels.append(contentsOf: id)
        if let suffix { out.labels.append(ascii: "#attachment"); out.labels.appendDecimal(suffix) }
        out.labels.append(ascii: "\",\"text\":\"")
        out.labels.append(contentsOf: text)
        out.labels.append(ascii: "\",\"kinds\":[")
        for (i, k) in kinds.enumerated() {
            if i > 0 { out.labels.append(UInt8(ascii: ",")) }
            out.labels.append(UInt8(ascii: "\"")); out.labels.append(contentsOf: Array(k.rawValue.utf8)); out.labels.append(UInt8(ascii: "\""))
        }
        out.labels.append(ascii: "]}\n")
        out.tally.labelLines += 1
    }
}
