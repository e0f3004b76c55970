/// The ordinary talk of a room: messages with nothing to find, which are most
/// of any export. Templates with `{slot}`s are compiled once into literal
/// bytes (already JSON-escaped) and slot references, so writing a message is
/// appending byte arrays — the hot path of `generate`.
struct Chatter: Sendable {
    /// What a message is doing in the conversation; picks the template set.
    enum Act: Int, CaseIterable, Sendable {
        case short, inquiry, proposal, question, answer, update, feedback, wrapUp, brief, code
    }

    enum Language: Int, CaseIterable, Sendable {
        case english, french, spanish, german, portuguese, russian, chinese, japanese, polish
    }

    static let languageWeights: [(Language, Double)] = [
        (.english, 74), (.french, 4), (.spanish, 5), (.german, 4), (.portuguese, 3), (.russian, 3),
        (.chinese, 3), (.japanese, 2), (.polish, 2),
    ]

    private enum Part: Sendable {
        case literal([UInt8])
        case slot(Int)
        case them, me, company, price, small, count, years, hours
    }

    private struct Template: Sendable { let parts: [Part] }

    private let slotNames: [String]
    /// `lists[field][slot]`: escaped alternatives.
    private let lists: [[[[UInt8]]]]
    /// `english[act]`.
    private let english: [[Template]]
    /// `foreign[language]` (index 0, English, unused).
    private let foreign: [[Template]]

    init() {
        var names: [String] = []
        var index: [String: Int] = [:]
        for key in Vocabulary.commonSlots.keys.sorted() { index[key] = names.count; names.append(key) }
        for key in Vocabulary.slots(for: .design).keys.sorted() where index[key] == nil {
            index[key] = names.count; names.append(key)
        }
        slotNames = names
        lists = Vocabulary.Field.allCases.map { field in
            let own = Vocabulary.slots(for: field)
            return names.map { name in (own[name] ?? Vocabulary.commonSlots[name]!).map(escapedJSON) }
        }
        func compile(_ source: String) -> Template {
            var parts: [Part] = []
            var literal = ""
            var rest = Substring(source)
            // `{name}` with a lower-case name is a slot; any other brace (code snippets) is text.
            while let open = rest.firstIndex(of: "{") {
                literal += rest[..<open]
                let after = rest[rest.index(after: open)...]
                let name = after.prefix { $0.isASCII && $0.isLowercase }
                guard !name.isEmpty, after.dropFirst(name.count).first == "}" else {
                    literal += "{"
                    rest = after
                    continue
                }
                if !literal.isEmpty { parts.append(.literal(escapedJSON(literal))); literal = "" }
                switch String(name) {
                case "them": parts.append(.them)
                case "me": parts.append(.me)
                case "company": parts.append(.company)
                case "price": parts.append(.price)
                case "small": parts.append(.small)
                case "count": parts.append(.count)
                case "years": parts.append(.years)
                case "hours": parts.append(.hours)
                default:
                    guard let i = index[String(name)] else { fatalError("template slot {\(name)} has no list: \(source)") }
                    parts.append(.slot(i))
                }
                rest = after.dropFirst(name.count + 1)
            }
            literal += rest
            if !literal.isEmpty { parts.append(.literal(escapedJSON(literal))) }
            return Template(parts: parts)
        }
        english = Act.allCases.map { act in ChatterTemplates.english(act).map(compile) }
        foreign = Language.allCases.map { ChatterTemplates.foreign($0).map(compile) }
    }

    /// Appends the JSON-escaped text of one ordinary message.
    func write(_ act: Act, field: Vocabulary.Field, language: Language, them: [UInt8], me: [UInt8],
               company: [UInt8], rng: inout RandomStream, into out: inout [UInt8]) {
        let set: [Template]
        if language != .english && act != .code && rng.chance(0.65) {
            set = foreign[language.rawValue]
        } else {
            let own = english[act.rawValue]
            set = own.isEmpty ? english[Act.short.rawValue] : own
        }
        let template = set[rng.below(set.count)]
        let fieldLists = lists[field.rawValue]
        for part in template.parts {
            switch part {
            case .literal(let bytes): out.append(contentsOf: bytes)
            case .slot(let i):
                let list = fieldLists[i]
                out.append(contentsOf: list[rng.below(list.count)])
            case .them: out.append(contentsOf: them)
            case .me: out.append(contentsOf: me)
            case .company: out.append(contentsOf: company)
            case .price: out.appendEscaped(Vocabulary.price(&rng))
            case .small: out.appendDecimal(rng.int(in: 2...14))
            case .count: out.appendDecimal(rng.int(in: 2...6))
            case .years: out.appendDecimal(rng.int(in: 3...15))
            case .hours: out.appendDecimal(rng.int(in: 4...40))
            }
        }
    }
}

/// The template text. `{slot}` names a list of `Vocabulary`; `{them}` and
/// `{me}` are the first names of the other party and the sender, `{company}`
/// the client's business, `{price}` a small price, `{small}` 2–14, `{count}`
/// 2–6, `{years}` 3–15, `{hours}` 4–40.
enum ChatterTemplates {
    static func english(_ act: Chatter.Act) -> [String] {
        switch act {
        case .short:
            return ["{ack}", "{ack}", "{ack}", "{ack} {emoji}", "Thanks {them}!", "{ack} See you {weekday}.",
                    "On it.", "Will check and get back to you {weekday}.", "Perfect!", "Hmm, let me think about it.",
                    "Yes please.", "No, that's fine as it is.", "{emoji}", "Just saw this, thanks!",
                    "Sorry for the late reply!", "Great work so far {emoji}"]
        case .inquiry:
            return [
                "{opener} {them}, thanks for your proposal. How soon could you start on the {deliverable}?",
                "{opener} {them}! I liked your profile. Have you worked on a {deliverable} for {audience} before?",
                "Thanks for applying, {them}. Could you tell me a bit more about your experience with {skill}?",
                "{opener} {them}, we're looking for help with a {deliverable} for {company}. Is this something you do?",
                "Your proposal looks good. What would the timeline be for {count} {deliverables}?",
                "{opener}! Before we go further: do you have time for this in the next {small} days?",
                "Hi {them}, I shortlisted you for the {deliverable}. What questions do you have about the brief?",
            ]
        case .proposal:
            return [
                "{opener} {them}! I read your brief and I'd love to help with the {deliverable}. I have {years} years of experience in {skill} and can deliver {count} {deliverables} within {small} days for {price}.",
                "Hi {them}, thanks for the invite. I can start {weekday}. My plan: first {count} {deliverables}, then one round of revisions, then the final {deliverable}.",
                "{opener} {them}, this sounds like a great fit. I've done similar work for {audience}. Estimated effort is about {hours} hours.",
                "Hello! I'd approach the {deliverable} in three steps: research, a first draft, and polishing. Total {price}, delivered in {small} days.",
                "Hi {them} {emoji} I specialise in {skill}. I'd suggest starting with {count} {deliverables} so you can pick a direction.",
            ]
        case .question:
            return [
                "What's the deadline for the {deliverable}?", "Do you already have {asset}?",
                "Could you share more details about the audience? Is it mostly {audience}?",
                "Should the {element} stay as it is, or can I change it?",
                "How many revision rounds would you like included?",
                "Is {weekday} still ok for the first draft?",
                "Quick question: do you want the {deliverables} in one file or separately?",
                "Who else needs to approve the {deliverable} on your side?",
                "Can you send me {asset} here in the chat?",
                "Would you prefer a {adjective} direction for the {element}?",
            ]
        case .answer:
            return [
                "Good question. Let's keep the {element} and focus on the rest.",
                "I'll upload {asset} here later today.",
                "The deadline is flexible, but {weekday} would be ideal.",
                "Two rounds of revisions should be enough {emoji}",
                "Yes, mostly {audience}, but we want a wider group later.",
                "Separately please, it makes the review easier.",
                "Only me, so feedback will be quick.",
                "Let's go {adjective} on the {element}, the current one feels a bit flat.",
            ]
        case .update:
            return [
                "I've uploaded the first draft of the {deliverable}. Let me know what you think!",
                "Quick update: I'm {progress}.",
                "Sorry for the delay, {reason}. You'll have the {deliverables} by {weekday}.",
                "Here are {count} {deliverables} for you to review {emoji}",
                "The {element} is done. Next I'll work on the {deliverable}.",
                "Milestone {count} is ready for review. I attached the files to this message.",
                "I made the {element} {adjective} as you asked. Does this feel closer?",
                "Final files are uploaded. Everything is in the shared folder here on the platform.",
            ]
        case .feedback:
            return [
                "Love the direction! Could we try a {adjective} version of the {element}?",
                "This is great {them}. Small thing: the {element} feels a bit heavy.",
                "Thanks, {them}. The team liked option {count} the most.",
                "Looks good overall. Can you make it {adjective}?",
                "Not quite what I had in mind. Let's go back to the first draft and make the {element} {adjective}.",
                "Perfect, approved {emoji} Please go ahead with the {deliverables}.",
                "I shared it with my partner and we both love it!",
            ]
        case .wrapUp:
            return [
                "Thank you {them}, it was a pleasure working with you. I'll leave a review.",
                "All done! Thanks again for the smooth collaboration {emoji}",
                "I've released the final milestone. Great work!",
                "Thanks for the kind review, {them}. Good luck with the launch!",
                "We might have more work next month, I'll post it here.",
                "Closing this one out. Thanks for your patience with all the revisions!",
            ]
        case .brief:
            return [
                "{opener} {them},\n\nWe're {company} and we're preparing a new {deliverable} for {audience}. We need someone with solid {skill} experience who can own it from first draft to final delivery.\n\nWhat we have: {asset}. What we need: {count} {deliverables}, one round of revisions each, and the final files in the usual formats.\n\nBudget is around {price}, timeline {small} days. Please tell us how you'd approach it and what you need from us to start.\n\n{closer}\n{me}",
                "Project brief\n\nAbout us: {company}, a small team serving {audience}.\nGoal: a {deliverable} that feels {adjective} than what we have today.\nScope:\n- {count} {deliverables}\n- feedback rounds here in the chat\n- final delivery by {weekday}\n\nNice to have: experience with {skill}. Budget: {price}.\n\nLooking forward to your ideas!",
                "{opener} {them}, some context before you start.\n\nOur current {element} doesn't work for {audience}: it's too busy and people miss the point. We'd like a {adjective} approach.\n\nI'll share {asset} in this chat. If anything is unclear, ask here and I'll answer within a day.\n\n{closer} {me}",
            ]
        case .code:
            return [
                "Found the bug, it was in the date parsing:\n```swift\nlet parts = value.split(separator: \"-\")\nguard parts.count == 3 else { return nil }\n```\nFix is pushed to the branch we agreed on.",
                "Here's the query I used for the report:\n```sql\nSELECT region, COUNT(*) AS orders\nFROM orders\nWHERE created_at >= '2020-01-01'\nGROUP BY region\nORDER BY orders DESC;\n```",
                "Small change to the component, does this look right?\n```js\nconst total = items.reduce((sum, item) => sum + item.unitPrice * item.qty, 0);\nsetTotal(Math.round(total * 100) / 100);\n```",
                "The failing test was this one:\n```python\ndef test_discount():\n    assert apply_discount(100, 0.2) == 80\n```\nIt passes now {emoji}",
                "Config for the build, in case you need it:\n```yaml\nbuild:\n  target: release\n  cache: true\n  retries: 2\n```",
                "I refactored the {element}:\n```go\nfunc clamp(v, lo, hi int) int {\n\tif v < lo {\n\t\treturn lo\n\t}\n\tif v > hi {\n\t\treturn hi\n\t}\n\treturn v\n}\n```",
            ]
        }
    }

    static func foreign(_ language: Chatter.Language) -> [String] {
        switch language {
        case .english: return []
        case .french:
            return ["Bonjour {them}, merci pour votre proposition !", "Parfait, merci beaucoup 😊",
                    "Je vous envoie les fichiers ici dès que possible.", "Pouvez-vous rendre le design un peu plus épuré ?",
                    "C'est noté, je m'en occupe cette semaine.", "Très bon travail, {them}. On valide cette version.",
                    "Désolée pour le retard, j'étais en déplacement.", "Quel délai prévoyez-vous pour la première ébauche ?"]
        case .spanish:
            return ["Hola {them}, ¡gracias por tu propuesta!", "Perfecto, muchas gracias 🙌",
                    "¿Cuándo podrías tener el primer borrador?", "Me encanta el diseño, pero el color es un poco oscuro.",
                    "Te paso los archivos por aquí mañana.", "¡Buen trabajo! Lo revisamos con el equipo y te comento.",
                    "Perdón por la demora, estuve enferma dos días.", "Sí, eso funciona para mí. ¡Adelante!"]
        case .german:
            return ["Hallo {them}, vielen Dank für das Angebot!", "Passt, danke schön 👍",
                    "Könnten Sie die Schrift etwas größer machen?", "Ich lade die Dateien morgen hier hoch.",
                    "Sieht super aus! Nur die Überschrift würde ich ändern.", "Bis wann wäre der erste Entwurf fertig?",
                    "Entschuldigung für die späte Antwort, ich war unterwegs.", "Alles klar, ich kümmere mich darum."]
        case .portuguese:
            return ["Olá {them}, obrigado pela proposta!", "Perfeito, muito obrigada 😊",
                    "Você consegue entregar a primeira versão até sexta?", "Ficou ótimo! Só ajustaria o título.",
                    "Vou enviar os arquivos aqui pela plataforma.", "Desculpe a demora, tive um imprevisto."]
        case .russian:
            return ["Здравствуйте, {them}! Спасибо за предложение.", "Отлично, спасибо 👍",
                    "Когда вы сможете прислать первый вариант?", "Макет хороший, но шрифт стоит сделать крупнее.",
                    "Загружу файлы сюда завтра утром.", "Извините за задержку, была занята на другом проекте.",
                    "Согласовано, можно продолжать."]
        case .chinese:
            return ["你好 {them}，谢谢你的报价！", "好的，没问题 👍", "第一版什么时候可以完成？",
                    "设计很好，但是颜色可以再亮一点吗？", "我明天把文件上传到这里。", "辛苦了，我们很满意这个版本。",
                    "抱歉回复晚了，这几天比较忙。"]
        case .japanese:
            return ["{them}さん、ご提案ありがとうございます！", "了解しました。よろしくお願いします 🙏",
                    "初稿はいつ頃いただけますか？", "デザインとても良いです。文字をもう少し大きくできますか？",
                    "明日ここにファイルをアップロードします。", "返信が遅くなってすみません。"]
        case .polish:
            return ["Cześć {them}, dziękuję za ofertę!", "Super, dzięki 👍", "Kiedy mogę spodziewać się pierwszej wersji?",
                    "Wygląda świetnie, tylko nagłówek bym zmieniła.", "Wrzucę pliki tutaj jutro rano.",
                    "Przepraszam za opóźnienie, byłam chora."]
        }
    }
}
