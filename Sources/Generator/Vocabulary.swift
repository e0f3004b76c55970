/// The words of a freelance marketplace the generator writes with: who the
/// people are, what they make, and the phrases they use. Written for this
/// project.
///
/// Everything here may appear in a message with nothing planted in it, so none
/// of it may look like a contact detail or a move off the platform: no `@`, no
/// links or `name.tld` tokens, no runs of digits, no channel names (call, zoom,
/// teams, slack, line…), no payment words (cash, wire, bank…). The channel and
/// payment words live only in `Plantings` and `HardNegatives`, where the truth
/// says what they are.
enum Vocabulary {
    static let firstNames = [
        "Anna", "Mateo", "Priya", "Wei", "Olga", "Kwame", "Sofia", "Yuki", "Lukas", "Fatima", "Diego", "Chloe",
        "Ahmed", "Nadia", "Tomasz", "Aisha", "Jonas", "Camila", "Hiroshi", "Leila", "Marco", "Ingrid", "Tunde",
        "Elena", "Rahul", "Zoe", "Mehmet", "Julia", "Kenji", "Amara", "Pablo", "Sara", "Dmitri", "Lucia", "Omar",
        "Hannah", "Thanh", "Grace", "Ivan", "Noor", "Felipe", "Maja", "Samuel", "Aiko", "Bruno", "Chiara", "Femi",
        "Renée", "José", "Zoë", "Łukasz", "Søren", "Björn", "Inès", "Małgorzata", "Jürgen", "Ana", "Emeka",
        "Mariam", "Oskar", "Valentina", "Arjun", "Min-jun", "Lina", "Tariq", "Beatriz", "Nikolai", "Ewa",
    ]

    static let lastNames = [
        "Kowalska", "Silva", "Sharma", "Chen", "Petrova", "Mensah", "Rossi", "Tanaka", "Becker", "Haddad",
        "García", "Dubois", "Hassan", "Novak", "Nowak", "Okafor", "Schmidt", "Moreno", "Sato", "Karimi", "Bianchi",
        "Larsen", "Adeyemi", "Popescu", "Iyer", "Müller", "Yilmaz", "Fischer", "Nakamura", "Diallo", "Fernández",
        "Jensen", "Ivanov", "Costa", "Mahmoud", "Weber", "Nguyen", "Owusu", "Kuznetsov", "Pereira", "Lindqvist",
        "Kim", "Lopez", "Ali", "Santos", "Wójcik", "Horvath", "Eriksen", "Mbeki", "O'Brien",
    ]

    /// Client businesses, as clients name them in briefs.
    static let companies = [
        "Brightleaf Coffee", "Hollis Bikes", "Nordlicht Studio", "Casa Verde Interiors", "Kite & Key Games",
        "Maple Row Bakery", "Bluefin Analytics", "Atelier Sauvage", "Tanaka Ceramics", "Greenway Logistics",
        "Lumen Dental", "Orbit Fitness", "Papel & Tinta", "Sunday Supply Co.", "Harbor Legal", "Pixel Orchard",
        "Riverstone Realty", "Kaffeehaus Lindner", "Little Fern Books", "Vela Yoga", "Copperline Audio",
        "Mesa Verde Tours", "Northwind Apparel", "Quill & Ledger", "Sakura Tea House", "Blue Door Clinic",
        "Müller & Söhne GmbH", "Fjord Outdoor", "Olive & Thyme", "Tiny Robot Labs",
    ]

    enum Field: Int, CaseIterable, Sendable {
        case design, development, writing, marketing, video, translation, data, audio
    }

    static let fieldWeights: [(Field, Double)] = [
        (.design, 24), (.development, 26), (.writing, 14), (.marketing, 12),
        (.video, 8), (.translation, 6), (.data, 6), (.audio, 4),
    ]

    /// Per field, the lists the `{slot}`s of the templates draw from.
    static func slots(for field: Field) -> [String: [String]] {
        switch field {
        case .design:
            return [
                "deliverable": ["logo", "brand guide", "landing page mockup", "packaging design", "business card",
                                "icon set", "menu design", "poster", "app onboarding screens", "label design"],
                "deliverables": ["logo concepts", "mockups", "wireframes", "icon variations", "color palettes",
                                 "layout options", "illustrations", "banner sizes"],
                "skill": ["brand identity", "UI design", "packaging", "illustration", "typography", "print design"],
                "asset": ["brand colors", "existing logo files", "a mood board", "reference designs", "photos of the product"],
                "element": ["icon", "headline font", "color palette", "hero section", "tagline", "background texture"],
                "adjective": ["bolder", "softer", "more playful", "cleaner", "warmer", "more minimal", "more premium"],
            ]
        case .development:
            return [
                "deliverable": ["checkout flow", "REST API", "admin dashboard", "booking feature", "login screen",
                                "migration script", "search page", "order export", "notification service", "test suite"],
                "deliverables": ["endpoints", "unit tests", "bug fixes", "screens", "database migrations", "components"],
                "skill": ["backend development", "React", "Swift", "Django", "Node", "PostgreSQL", "Flutter", "Go"],
                "asset": ["access to the staging server", "the API docs", "a test account", "the current database schema",
                          "the error logs"],
                "element": ["validation logic", "error handling", "caching layer", "pagination", "date picker", "sort order"],
                "adjective": ["faster", "simpler", "more robust", "easier to maintain", "more accessible"],
            ]
        case .writing:
            return [
                "deliverable": ["blog post", "product description", "newsletter", "case study draft", "about page copy",
                                "press release", "white paper", "script outline"],
                "deliverables": ["articles", "product descriptions", "headlines", "drafts", "outlines", "FAQ answers"],
                "skill": ["copywriting", "technical writing", "SEO writing", "editing", "ghostwriting", "UX writing"],
                "asset": ["a style guide", "a list of keywords", "the brand voice notes", "examples you like", "the outline"],
                "element": ["intro", "closing paragraph", "headline", "conclusion", "second section", "tone"],
                "adjective": ["shorter", "more formal", "friendlier", "punchier", "more detailed", "more concise"],
            ]
        case .marketing:
            return [
                "deliverable": ["ad campaign", "content calendar", "keyword plan", "launch plan", "competitor review",
                                "audience survey", "campaign report"],
                "deliverables": ["ad variations", "post ideas", "campaign briefs", "keyword clusters", "audience segments"],
                "skill": ["paid search", "content strategy", "SEO", "newsletter campaigns", "growth marketing", "analytics"],
                "asset": ["last quarter's figures", "the target audience", "the brand guidelines", "the campaign budget"],
                "element": ["targeting", "budget split", "headline", "landing copy", "posting schedule", "audience"],
                "adjective": ["broader", "more focused", "more seasonal", "bolder", "more local"],
            ]
        case .video:
            return [
                "deliverable": ["explainer video", "product teaser", "wedding edit", "promo cut", "tutorial series",
                                "animated intro", "interview edit"],
                "deliverables": ["cuts", "animations", "subtitles", "color grades", "thumbnails", "short clips"],
                "skill": ["motion graphics", "video editing", "color grading", "2D animation", "sound design"],
                "asset": ["the raw footage", "the voiceover", "the music track", "the storyboard", "the script"],
                "element": ["opening shot", "music", "pacing", "lower thirds", "transitions", "ending"],
                "adjective": ["faster paced", "calmer", "more cinematic", "shorter", "brighter"],
            ]
        case .translation:
            return [
                "deliverable": ["translation", "localized app strings", "subtitle file", "contract translation",
                                "product manual", "menu translation"],
                "deliverables": ["translations", "glossary entries", "subtitles", "proofread pages", "localized strings"],
                "skill": ["Spanish to English translation", "German localization", "legal translation",
                          "Japanese subtitling", "proofreading", "French copy editing"],
                "asset": ["the source files", "a glossary", "the previous translation", "the character limits"],
                "element": ["terminology", "tone", "formatting", "date formats", "product names"],
                "adjective": ["more literal", "more natural", "more formal", "more casual"],
            ]
        case .data:
            return [
                "deliverable": ["sales dashboard", "data cleanup", "forecast model", "survey analysis", "scraping job",
                                "weekly report", "churn analysis"],
                "deliverables": ["charts", "queries", "cleaned tables", "model runs", "summaries"],
                "skill": ["data analysis", "Python", "SQL", "Power BI", "statistics", "machine learning"],
                "asset": ["the raw spreadsheet", "read access to the database", "the survey export", "last year's report"],
                "element": ["outlier handling", "chart colors", "grouping", "date range", "filters", "labels"],
                "adjective": ["simpler", "more granular", "more visual", "more robust"],
            ]
        case .audio:
            return [
                "deliverable": ["podcast edit", "voiceover", "jingle", "audiobook chapter", "mix", "sound logo"],
                "deliverables": ["takes", "mixes", "episodes", "stems", "voice samples"],
                "skill": ["audio editing", "mixing", "voice acting", "music production", "mastering"],
                "asset": ["the raw recordings", "the script", "a reference track", "the show notes"],
                "element": ["intro music", "levels", "pauses", "breathing noise", "ending", "tempo"],
                "adjective": ["warmer", "louder", "cleaner", "slower", "more upbeat"],
            ]
        }
    }

    /// Slots shared by every field.
    static let commonSlots: [String: [String]] = [
        "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend", "tomorrow", "end of day"],
        "ack": ["ok thanks!", "Sounds good 👍", "Perfect, thank you!", "Got it.", "Great, talk soon.", "👍",
                "No worries.", "Will do.", "Sure thing!", "Noted, thanks.", "Awesome 🙌", "Yes, that works for me.",
                "Thanks!", "ok", "Makes sense.", "Great news!", "Done ✅", "Thank you so much 🙏", "Looks great!",
                "Agreed.", "Sounds like a plan.", "Lovely, thanks!", "Received, thank you.", "Perfect 👌"],
        "opener": ["Hi", "Hello", "Hey", "Good morning", "Hi there", "Dear", "Hiya"],
        "closer": ["Thanks!", "Best,", "Cheers,", "Kind regards,", "Thank you,", "Talk soon,", "Best wishes,"],
        "emoji": ["🙂", "😊", "🎉", "🙌", "✨", "👍", "🔥", "💡", "🚀", "🙏", "😅", "👌"],
        "progress": ["about halfway there", "the first part is done", "almost finished", "a bit behind because of a bug",
                     "on track", "waiting on your feedback for the next step", "ahead of schedule"],
        "reason": ["I was sick for two days", "the files took longer to prepare", "I found an issue I want to fix first",
                   "the brief changed a little", "I wanted to test it more"],
        "audience": ["young parents", "small business owners", "students", "runners", "coffee lovers", "retirees",
                     "first-time buyers", "dog owners"],
    ]

    // Numbers stay short on purpose: a run of seven digits or more belongs to
    // `HardNegatives` (and its truth) or to a planted phone, never to filler.
    static func price(_ rng: inout RandomStream) -> String {
        let amount = [150, 200, 250, 300, 350, 400, 450, 500, 600, 750, 800, 900, 1_200, 1_500, 2_000, 2_400, 3_000][rng.below(17)]
        let text = amount >= 1000 ? "\(amount / 1000),\(String(amount % 1000).leftPadded(3))" : String(amount)
        switch rng.below(4) {
        case 0: return "€" + text
        case 1: return "£" + text
        default: return "$" + text
        }
    }
}

extension String {
    func leftPadded(_ width: Int, with c: Character = "0") -> String {
        count >= width ? self : String(repeating: c, count: width - count) + self
    }
}
