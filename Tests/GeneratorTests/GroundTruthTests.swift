import Foundation
import Testing
import Generator
import TestSupport

/// The truth agrees with the export it describes, and with facts a test can
/// re-derive from the export alone (phases from contract events, plans from
/// room records, relationships across rooms, calls and the moves after them).
@Suite struct GroundTruthTests {
    let g = GeneratedExport.shared

    var counts: [String: Any] { g.summary["counts"] as! [String: Any] }

    @Test func everyMessageInTheTruthExists() {
        for row in g.findings + g.negatives {
            #expect(g.messagesByID[row["message_id"]!] != nil, "truth names \(row["message_id"]!), which is not in the export")
        }
        for line in g.labels {
            let id = (line["id"] as! String).split(separator: "#").first.map(String.init)!
            #expect(g.messagesByID[id] != nil)
        }
        let callIDs = Set(g.records(ofType: "call").map { $0["call_id"] as! String })
        #expect(Set(g.calls.map { $0["call_id"]! }) == callIDs)
    }

    @Test func summaryCountsMatchTheFiles() {
        let byType = counts["records_by_type"] as! [String: Int]
        var seen: [String: Int] = [:]
        for r in g.records { seen[r["type"] as! String, default: 0] += 1 }
        #expect(byType == seen)
        #expect(counts["messages"] as? Int == seen["message"])
        #expect(counts["planted_findings"] as? Int == g.findings.count)
        #expect(counts["hard_negatives"] as? Int == g.negatives.count)
        #expect(counts["label_lines"] as? Int == g.labels.count)
        #expect(counts["messages_with_planted_findings"] as? Int == Set(g.findings.map { $0["message_id"]! }).count)
        let violating = Set(g.findings.filter { $0["verdict"] == "violation" }.map { $0["message_id"]! }).count
        #expect(counts["messages_with_violation"] as? Int == violating)
        let perCell = (g.summary["messages"] as! [[String: Any]]).reduce(0) { $0 + ($1["messages"] as! Int) }
        #expect(perCell == seen["message"])
        let violatingPerCell = (g.summary["messages"] as! [[String: Any]]).reduce(0) { $0 + ($1["violating_messages"] as! Int) }
        #expect(violatingPerCell == violating)
        let files = g.summary["files"] as! [[String: Any]]
        #expect(files.map { $0["records"] as! Int } == g.files.map(\.count))
    }

    @Test func plantedRatesAreNearThoseAskedFor() {
        let participantMessages = g.records(ofType: "message").filter { ($0["sender_id"] as? String)?.hasPrefix("u_") == true }.count
        let planted = Double(counts["messages_with_planted_findings"] as! Int) / Double(participantMessages)
        #expect(planted > 0.06 && planted < 0.12, "planted share \(planted) for --contact-rate 0.08 (plus moves after calls)")
        let kinds = Set(g.findings.map { $0["kind"]! })
        #expect(kinds == ["email", "phone", "messaging_app", "social_profile", "meeting_link", "scheduling_link", "contact_form",
                          "postal_address", "payment_account", "offplatform_request", "unsolicited_contact", "website"])
        let verdicts = Set(g.findings.map { $0["verdict"]! })
        #expect(verdicts == ["violation", "excused", "allowed", "info"])
        let exceptions = Set(g.findings.compactMap { $0["exception"].flatMap { $0.isEmpty ? nil : $0 } })
        #expect(exceptions == ["existing_relationship", "business_client", "legal_document", "system_access_email",
                               "portfolio_link", "project_website"])
        #expect(Set(g.findings.map { $0["epoch"]! }) == ["legacy", "unsolicited_contact", "pre_contract_on_platform"])
        #expect(Set(g.negatives.map { $0["category"]! }).count >= 10)
    }

    /// Phase recomputed from the contract events in the export: earliest time per (contract, event),
    /// an `ended` without `started` ignored, in place from start (inclusive) to end (exclusive).
    @Test func phasesFollowTheContractEventsInTheExport() {
        var events: [String: [String: [String: Double]]] = [:]   // room → contract → event → earliest time
        for c in g.records(ofType: "contract") {
            let room = c["room_id"] as! String, id = c["contract_id"] as! String, e = c["event"] as! String
            let t = instant(c["at"] as! String)!
            let old = events[room, default: [:]][id, default: [:]][e]
            events[room, default: [:]][id, default: [:]][e] = min(old ?? t, t)
        }
        func phase(_ room: String, _ t: Double) -> String {
            var started = false
            for (_, ev) in events[room] ?? [:] {
                guard let s = ev["started"], s <= t else { continue }
                started = true
                if ev["ended"].map({ t < $0 }) ?? true { return "active_contract" }
            }
            return started ? "post_contract" : "pre_contract"
        }
        for row in g.findings {
            let m = g.messagesByID[row["message_id"]!]!
            #expect(phase(m["room_id"] as! String, instant(m["sent_at"] as! String)!) == row["phase"], "\(row)")
        }
    }

    @Test func epochsFollowTheDefaultPolicyDates() {
        let unsolicited = instant("2020-04-03T00:00:00Z")!, preContract = instant("2020-06-26T00:00:00Z")!
        for row in g.findings {
            let t = instant(g.messagesByID[row["message_id"]!]!["sent_at"] as! String)!
            let epoch = t < unsolicited ? "legacy" : t < preContract ? "unsolicited_contact" : "pre_contract_on_platform"
            #expect(row["epoch"] == epoch)
        }
    }

    @Test func rolesAndPlansFollowTheRoomRecords() {
        for row in g.findings {
            let m = g.messagesByID[row["message_id"]!]!
            guard let room = g.roomsByID[m["room_id"] as! String] else {
                #expect(row["sender_role"] == "unknown" && row["client_plan"] == "unknown", "no room record: \(row)")
                continue
            }
            let sender = m["sender_id"] as! String
            let role = sender == room["client_id"] as! String ? "client" : sender == room["freelancer_id"] as! String ? "freelancer" : "system"
            #expect(row["sender_role"] == role)
            #expect(row["client_plan"] == (room["client_plan"] as? String ?? "basic"))
        }
    }

    /// Verdicts checked against rules a test can state without the generator's judge.
    @Test func verdictsKeepThePolicyRules() {
        var relationshipStarts: [String: Double] = [:]   // "client|freelancer" → first start in any room
        let rooms = g.roomsByID
        for c in g.records(ofType: "contract") where c["event"] as? String == "started" {
            guard let room = rooms[c["room_id"] as! String] else { continue }
            let pair = "\(room["client_id"]!)|\(room["freelancer_id"]!)"
            relationshipStarts[pair] = min(relationshipStarts[pair] ?? .infinity, instant(c["at"] as! String)!)
        }
        var excusedByRelationshipAcrossRooms = 0
        for row in g.findings {
            let kind = row["kind"]!, verdict = row["verdict"]!, exception = row["exception"]!
            let contactProhibited = row["epoch"] == "pre_contract_on_platform" && row["phase"] == "pre_contract"
            if row["sender_role"] == "system" { #expect(verdict == "allowed"); continue }
            switch kind {
            case "payment_account": #expect(verdict == "violation")
            case "website": #expect(verdict == "info" || exception == "portfolio_link" || exception == "project_website")
            case "unsolicited_contact": #expect(row["epoch"] == "legacy" ? verdict == "allowed" : verdict != "excused")
            default:
                if !contactProhibited { #expect(verdict == "allowed", "\(row)") }
                if kind == "social_profile" && contactProhibited { #expect(verdict == "violation") }
                if verdict == "allowed" { #expect(!contactProhibited) }
            }
            if exception == "portfolio_link" { #expect(row["sender_role"] == "freelancer") }
            if exception == "project_website" { #expect(row["sender_role"] == "client") }
            if exception == "business_client" { #expect(["business", "enterprise"].contains(row["client_plan"]!)) }
            if exception == "legal_document" { #expect(row["source"] == "attachment:legal_document") }
            if exception == "system_access_email" { #expect(kind == "email" || (kind == "offplatform_request" && row["platform"] == "email")) }
            if exception == "existing_relationship" {
                let m = g.messagesByID[row["message_id"]!]!
                let room = rooms[m["room_id"] as! String]!
                let start = relationshipStarts["\(room["client_id"]!)|\(room["freelancer_id"]!)"]
                #expect(start != nil && start! <= instant(m["sent_at"] as! String)!, "\(row)")
                excusedByRelationshipAcrossRooms += 1
            }
            // Conversely: where the pair had a contract before, or the client is a business, the exception is used.
            let contactKind = !["payment_account", "website", "unsolicited_contact", "social_profile"].contains(kind)
                && !(kind == "offplatform_request" && ["instagram", "linkedin", "facebook"].contains(row["platform"]!))
            if contactProhibited && contactKind && row["sender_role"] != "unknown" {
                let m = g.messagesByID[row["message_id"]!]!
                let room = rooms[m["room_id"] as! String]!
                let start = relationshipStarts["\(room["client_id"]!)|\(room["freelancer_id"]!)"]
                if let start, start <= instant(m["sent_at"] as! String)! {
                    #expect(exception == "existing_relationship", "\(row)")
                } else if ["business", "enterprise"].contains(row["client_plan"]!) {
                    #expect(exception == "business_client", "\(row)")
                } else if row["source"] == "attachment:legal_document" {
                    #expect(exception == "legal_document", "\(row)")
                }
            }
            // A business client's contact details are never a violation before a contract (unless social).
            if contactProhibited && ["business", "enterprise"].contains(row["client_plan"]!)
                && !["payment_account", "website", "unsolicited_contact", "social_profile"].contains(kind) && verdict == "violation" {
                #expect(row["policy_rule"] == "contact.social_never_excused", "\(row)")
            }
        }
        #expect(excusedByRelationshipAcrossRooms > 0, "some pair meets again in another room after a contract")
    }

    /// Whether a move came within 30 minutes after each call, re-derived from the export and the findings.
    @Test func callsAndTheMovesAfterThem() {
        let moveKinds: Set<String> = ["messaging_app", "meeting_link", "phone", "email", "offplatform_request"]
        var moves: [String: [Double]] = [:]   // room → times of messages with a move
        for row in g.findings where moveKinds.contains(row["kind"]!) && ["client", "freelancer"].contains(row["sender_role"]!) {
            let m = g.messagesByID[row["message_id"]!]!
            moves[m["room_id"] as! String, default: []].append(instant(m["sent_at"] as! String)!)
        }
        let truth = Dictionary(uniqueKeysWithValues: g.calls.map { ($0["call_id"]!, $0) })
        var table = [[0, 0], [0, 0]]
        for c in g.records(ofType: "call") {
            let end = instant((c["ended_at"] ?? c["started_at"]) as! String)!
            let moved = (moves[c["room_id"] as! String] ?? []).contains { $0 > end && $0 <= end + 1800 }
            let row = truth[c["call_id"] as! String]!
            #expect(row["move_within_30min"] == (moved ? "true" : "false"), "\(row)")
            #expect(row["status"] == c["status"] as? String)
            let status = c["status"] as! String
            if status == "completed" || status == "failed" || status == "dropped" {
                let i = status == "completed" ? 1 : 0
                table[i][0] += 1
                if moved { table[i][1] += 1 }
            }
        }
        let cf = g.summary["call_failure"] as! [String: Any]
        let failed = cf["failed_or_dropped"] as! [String: Any], completed = cf["completed"] as! [String: Any]
        #expect([failed["calls"] as! Int, failed["followed_by_move"] as! Int] == table[0])
        #expect([completed["calls"] as! Int, completed["followed_by_move"] as! Int] == table[1])
        // The planted effect shows: a relative risk of 3 is planted (seeded, so this is not a flaky check).
        let rr = cf["observed_relative_risk"] as? Double ?? 0
        #expect(rr > 1.5, "observed relative risk \(rr)")
    }

    @Test func labelsListTheKindsPlantedInEachText() {
        var expected: [String: [String]] = [:]
        for row in g.findings where row["source"] == "text" { expected[row["message_id"]!, default: []].append(row["kind"]!) }
        var labelled = 0
        for line in g.labels {
            let id = line["id"] as! String
            guard !id.contains("#") else { continue }
            let kinds = (line["kinds"] as! [String]).sorted()
            #expect(kinds == (expected[id] ?? []).sorted(), "\(id)")
            #expect(line["text"] as? String == g.messagesByID[id]!["text"] as? String)
            if !kinds.isEmpty { labelled += 1 }
        }
        #expect(labelled == expected.count, "every message with a planted detail in its text has a label line")
        #expect(g.labels.contains { ($0["kinds"] as! [String]).isEmpty }, "negatives and plain messages too")
        let negativeIDs = Set(g.negatives.map { $0["message_id"]! })
        #expect(negativeIDs.isSubset(of: Set(g.labels.map { $0["id"] as! String })))
    }

    @Test func unsolicitedContactIsJudgedByWhatTheOtherPartyOffered() {
        let rows = g.findings.filter { $0["kind"] == "unsolicited_contact" && $0["epoch"] != "legacy" }
        #expect(rows.contains { $0["policy_rule"] == "unsolicited.channel_offered" })
        #expect(rows.contains { $0["policy_rule"] == "unsolicited.channel_not_offered" })
        // When it was offered, the other party shared or proposed that very channel earlier in the room.
        func channel(_ f: [String: String]) -> String? {
            if let p = f["platform"], !p.isEmpty { return p }
            return f["kind"] == "email" ? "email" : f["kind"] == "phone" ? "phone" : nil
        }
        for row in rows where row["policy_rule"] == "unsolicited.channel_offered" {
            let m = g.messagesByID[row["message_id"]!]!
            let t = instant(m["sent_at"] as! String)!
            let offered = g.findings.contains { f in
                let o = g.messagesByID[f["message_id"]!]!
                return o["room_id"] as? String == m["room_id"] as? String && o["sender_id"] as? String != m["sender_id"] as? String
                    && instant(o["sent_at"] as! String)! < t && f["kind"] != "unsolicited_contact" && channel(f) == row["platform"]
            }
            #expect(offered, "\(row)")
        }
    }
}
