import Foundation
import Crypto
import Yams
import ExportFormat
import Detection

/// A policy file that cannot be used, with where and why.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var message: String

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

extension PolicyDocument {
    /// The built-in default policy (`DefaultPolicy.yaml`).
    public static func builtIn() throws -> PolicyDocument {
        guard let url = Bundle.module.url(forResource: "DefaultPolicy", withExtension: "yaml") else {
            throw PolicyError(file: "DefaultPolicy.yaml", line: nil, message: "the built-in policy is missing from the resource bundle")
        }
        return try load(contentsOf: url, displayName: "built-in default policy")
    }

    public static func load(contentsOf url: URL, displayName: String? = nil) throws -> PolicyDocument {
        let name = displayName ?? url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PolicyError(file: name, line: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PolicyError(file: name, line: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: name)
    }

    /// Reads and validates a policy; every problem names its line.
    public static func parse(_ text: String, file: String) throws -> PolicyDocument {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw PolicyError(file: file, line: nil, message: "the file is empty")
            }
            root = node
        } catch let e as PolicyError {
            throw e
        } catch let e as YamlError {
            throw PolicyError(file: file, line: Self.line(of: e), message: "not valid YAML: \(Self.problem(of: e))")
        }
        let r = PolicyReader(file: file)
        let top = try r.mapping(root, "the policy", keys: ["name", "description", "epochs", "never_excused_before_contract", "exceptions"],
                                required: ["name", "epochs", "never_excused_before_contract", "exceptions"])
        let name = try r.string(top["name"]!, "name")
        let description = try top["description"].map { try r.string($0, "description") } ?? ""

        var epochs: [Epoch] = []
        for node in try r.sequence(top["epochs"]!, "epochs") {
            let m = try r.mapping(node, "an epoch", keys: ["name", "starts", "contact", "unsolicited_contact", "payment_outside_platform"],
                                  required: ["name", "contact", "unsolicited_contact", "payment_outside_platform"])
            let epochName = try r.identifier(m["name"]!, "epoch name")
            let starts = try m["starts"].map { try r.instant($0, "starts") }
            let contactNode = try r.mapping(m["contact"]!, "contact", keys: Phase.allCases.map(\.rawValue),
                                            required: Phase.allCases.map(\.rawValue))
            var contact: [Phase: Permission] = [:]
            for phase in Phase.allCases { contact[phase] = try r.permission(contactNode[phase.rawValue]!, phase.rawValue) }
            let epoch = Epoch(name: epochName, starts: starts, contact: contact,
                              unsolicitedContact: try r.permission(m["unsolicited_contact"]!, "unsolicited_contact"),
                              paymentOutsidePlatform: try r.permission(m["payment_outside_platform"]!, "payment_outside_platform"))
            if epochs.isEmpty, epoch.starts != nil {
                throw r.error(node, "the first epoch ('\(epochName)') must not have `starts`: it covers everything before the second")
            }
            if !epochs.isEmpty {
                guard let s = epoch.starts else { throw r.error(node, "epoch '\(epochName)' needs `starts` (only the first epoch has none)") }
                if let prev = epochs.last?.starts, s <= prev {
                    throw r.error(node, "epoch '\(epochName)' starts \(s) but must start after the previous epoch (\(prev))")
                }
            }
            if epochs.contains(where: { $0.name == epochName }) { throw r.error(node, "epoch '\(epochName)' is defined twice") }
            epochs.append(epoch)
        }
        if epochs.isEmpty { throw r.error(top["epochs"]!, "at least one epoch is needed") }

        let never = try r.mapping(top["never_excused_before_contract"]!, "never_excused_before_contract",
                                  keys: ["kinds", "platforms"], required: ["kinds", "platforms"])
        var neverKinds: Set<FindingKind> = []
        for k in try r.sequence(never["kinds"]!, "kinds") {
            let s = try r.string(k, "kind")
            guard let kind = FindingKind(rawValue: s) else {
                throw r.error(k, "unknown finding kind '\(s)' (known: \(FindingKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            neverKinds.insert(kind)
        }
        let neverPlatforms = Set(try r.stringList(never["platforms"]!, "platforms").map { $0.lowercased() })

        var exceptions: [ExceptionRule] = []
        for node in try r.sequence(top["exceptions"]!, "exceptions") {
            let m = try r.mapping(node, "an exception", keys: ["name", "plans", "attachment_kinds", "window_words", "project_systems",
                                                              "chat_tools", "sender_roles", "hosts", "cues"], required: ["name"])
            let exName = try r.string(m["name"]!, "exception name")
            func only(_ allowed: [String]) throws {
                for (k, _) in m where !(["name"] + allowed).contains(k) {
                    throw r.error(node, "exception '\(exName)' takes no `\(k)` (it takes: \(allowed.isEmpty ? "nothing" : allowed.joined(separator: ", ")))")
                }
                for k in allowed where m[k] == nil { throw r.error(node, "exception '\(exName)' needs `\(k)`") }
            }
            let rule: ExceptionRule
            switch exName {
            case "existing_relationship":
                try only([])
                rule = .existingRelationship
            case "business_client":
                try only(["plans"])
                rule = .businessClient(plans: Set(try r.stringList(m["plans"]!, "plans").map { s in
                    guard let p = ClientPlan(rawValue: s) else {
                        throw r.error(m["plans"]!, "unknown plan '\(s)' (known: \(ClientPlan.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return p
                }))
            case "legal_document":
                try only(["attachment_kinds"])
                rule = .legalDocument(attachmentKinds: Set(try r.stringList(m["attachment_kinds"]!, "attachment_kinds").map { s in
                    guard let k = AttachmentKind(rawValue: s) else {
                        throw r.error(m["attachment_kinds"]!, "unknown attachment kind '\(s)' (known: \(AttachmentKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    return k
                }))
            case "system_access_email":
                try only(["window_words", "project_systems", "chat_tools"])
                let systems = try r.phrases(m["project_systems"]!, "project_systems")
                let chats = try r.phrases(m["chat_tools"]!, "chat_tools")
                if let both = Set(systems).intersection(chats).sorted().first {
                    throw r.error(m["chat_tools"]!, "'\(both)' is listed both as a project system and as a chat tool")
                }
                rule = .systemAccessEmail(windowWords: try r.window(m["window_words"]!), projectSystems: systems, chatTools: chats)
            case "portfolio_link":
                try only(["sender_roles", "window_words", "hosts", "cues"])
                rule = .portfolioLink(senderRoles: try r.roles(m["sender_roles"]!), windowWords: try r.window(m["window_words"]!),
                                      hosts: try r.hosts(m["hosts"]!), cues: try r.phrases(m["cues"]!, "cues"))
            case "project_website":
                try only(["sender_roles", "window_words", "cues"])
                rule = .projectWebsite(senderRoles: try r.roles(m["sender_roles"]!), windowWords: try r.window(m["window_words"]!),
                                       cues: try r.phrases(m["cues"]!, "cues"))
            default:
                throw r.error(m["name"]!, "unknown exception '\(exName)' (known: \(ExceptionRule.allNames.joined(separator: ", ")))")
            }
            if exceptions.contains(where: { $0.name == rule.name }) { throw r.error(node, "exception '\(exName)' is listed twice") }
            exceptions.append(rule)
        }

        let hash = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        return PolicyDocument(name: name, description: description, epochs: epochs, exceptions: exceptions,
                              neverExcusedKinds: neverKinds, neverExcusedPlatforms: neverPlatforms,
                              source: text, contentHash: hash)
    }

    static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        case .duplicatedKeysInMapping(let d, _): return "duplicated keys: \(d.joined(separator: ", "))"
        default: return "\(e)"
        }
    }
}

/// Reads typed values out of YAML nodes, turning every surprise into a `PolicyError` with a line.
private struct PolicyReader {
    let file: String

    func error(_ node: Node, _ message: String) -> PolicyError {
        PolicyError(file: file, line: node.mark?.line, message: message)
    }

    func mapping(_ node: Node, _ what: String, keys: [String], required: [String]) throws -> [String: Node] {
        guard let m = node.mapping else { throw error(node, "\(what) must be a mapping of `key: value`") }
        var out: [String: Node] = [:]
        for (k, v) in m {
            guard let key = k.string else { throw error(k, "keys must be plain words") }
            guard keys.contains(key) else {
                throw error(k, "unknown key `\(key)` in \(what) (expected: \(keys.joined(separator: ", ")))")
            }
            if out[key] != nil { throw error(k, "`\(key)` appears twice in \(what)") }
            out[key] = v
        }
        for key in required where out[key] == nil { throw error(node, "\(what) needs `\(key)`") }
        return out
    }

    func sequence(_ node: Node, _ what: String) throws -> [Node] {
        guard let s = node.sequence else { throw error(node, "`\(what)` must be a list") }
        return Array(s)
    }

    func string(_ node: Node, _ what: String) throws -> String {
        guard case .scalar(let s) = node else { throw error(node, "`\(what)` must be a single value") }
        let v = s.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if v.isEmpty { throw error(node, "`\(what)` must not be empty") }
        return v
    }

    func identifier(_ node: Node, _ what: String) throws -> String {
        let s = try string(node, what)
        guard s.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw error(node, "\(what) '\(s)' may hold only lower-case letters, digits and `_` (it appears in reports)")
        }
        return s
    }

    func stringList(_ node: Node, _ what: String) throws -> [String] {
        let items = try sequence(node, what).map { try string($0, what) }
        var seen = Set<String>()
        for (i, s) in items.enumerated() where !seen.insert(s.lowercased()).inserted {
            throw error(try sequence(node, what)[i], "'\(s)' is listed twice in `\(what)`")
        }
        return items
    }

    func phrases(_ node: Node, _ what: String) throws -> [Phrase] {
        try stringList(node, what).enumerated().map { i, s in
            let p = Phrase(s)
            if p.words.isEmpty { throw error(try sequence(node, what)[i], "'\(s)' in `\(what)` has no words") }
            return p
        }
    }

    func hosts(_ node: Node) throws -> [String] {
        try stringList(node, "hosts").enumerated().map { i, s in
            let h = s.lowercased()
            guard h.contains("."), !h.contains("/"), !h.contains(" ") else {
                throw error(try sequence(node, "hosts")[i], "'\(s)' is not a host name like `behance.net`")
            }
            return h
        }
    }

    func permission(_ node: Node, _ what: String) throws -> Permission {
        let s = try string(node, what)
        guard let p = Permission(rawValue: s) else { throw error(node, "`\(what)` must be `allowed` or `prohibited`, not '\(s)'") }
        return p
    }

    func window(_ node: Node) throws -> Int {
        guard let s = try? string(node, "window_words"), let n = Int(s), (1...200).contains(n) else {
            throw error(node, "`window_words` must be a whole number of words from 1 to 200")
        }
        return n
    }

    func roles(_ node: Node) throws -> Set<SenderRole> {
        Set(try stringList(node, "sender_roles").map { s in
            guard let r = SenderRole(rawValue: s), r == .client || r == .freelancer else {
                throw error(node, "`sender_roles` may list `client` and `freelancer`, not '\(s)'")
            }
            return r
        })
    }

    /// A UTC date (`2020-06-26`, meaning its midnight) or an RFC 3339 instant.
    func instant(_ node: Node, _ what: String) throws -> Timestamp {
        let s = try string(node, what)
        if let t = PolicyDate.parse(s) { return t }
        throw error(node, "`\(what)` must be a date like 2020-06-26 (UTC midnight) or an RFC 3339 instant like 2020-06-26T00:00:00Z, not '\(s)'")
    }
}

/// Dates in a policy file: `YYYY-MM-DD` (UTC midnight) or an RFC 3339 instant.
enum PolicyDate {
    static func parse(_ s: String) -> Timestamp? {
        if s.count == 10 {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
                  (1...12).contains(m), (1...31).contains(d) else { return nil }
            let days = Timestamp.days(fromCivil: y, m, d)
            guard Timestamp.civil(fromDays: days) == (y, m, d) else { return nil }
            return Timestamp(secondsSinceEpoch: days * 86_400)
        }
        return Timestamp(rfc3339: s)
    }
}
