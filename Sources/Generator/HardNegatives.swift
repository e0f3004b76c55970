/// Messages that look like they hold a contact detail and hold none: the
/// policy's "never a finding" list, and talk about the platforms. A correct
/// detector finds nothing in them; the truth lists them so a scorer can count
/// false alarms by category.
enum HardNegatives {
    enum Category: String, CaseIterable, Sendable {
        case price, dateTime = "date_time", orderNumber = "order_number", version, credentialNumber = "credential_number",
             ipAddress = "ip_address", hashOrUUID = "hash_uuid", quantity, names, fileName = "file_name",
             platformLink = "platform_link", platformTalk = "platform_talk"
    }

    /// The platform's own hosts (never a finding).
    static let platformHost = "offplatform.example"
    static let filesHost = "files.offplatform.example"

    static func make(_ rng: inout RandomStream, sender: Person, other: Person, company: String) -> (text: String, category: Category) {
        let category = Category.allCases[rng.below(Category.allCases.count)]
        return (text(category, &rng, sender: sender, other: other, company: company), category)
    }

    static func text(_ category: Category, _ rng: inout RandomStream, sender: Person, other: Person, company: String) -> String {
        func d(_ n: Int) -> String { String((0..<n).map { _ in Character(String(rng.below(10))) }) }
        switch category {
        case .price:
            return [
                "The total comes to $\(rng.int(in: 1...9)),\(d(3)).00 including revisions.",
                "Das Angebot liegt bei \(rng.int(in: 1...9)).\(d(3)),00 € netto.",
                "Budget is USD \(rng.int(in: 10...99)),500 for the whole thing.",
                "That's ¥\(rng.int(in: 100...900)),000 for the full set.",
                "Fixed price: £\(rng.int(in: 1...4)),\(rng.int(in: 100...999)).99, milestones of 25% each.",
                "Around ₹\(rng.int(in: 20...90)),000 per month is what we planned.",
                "Le devis est de \(rng.int(in: 1...9)) \(d(3)),50 € TTC.",
            ][rng.below(7)]
        case .dateTime:
            return [
                "Deadline is 2020-0\(rng.int(in: 4...9))-\(rng.int(in: 10...28)) at 14:30 CET.",
                "Can you deliver by \(rng.int(in: 10...28))/0\(rng.int(in: 5...9))/2020 09:00?",
                "Our review is on May \(rng.int(in: 10...28)), 2020 at 10:00 AM.",
                "Notes from 03.06.2020, 16:45 are in the shared folder.",
                "I'm free between 09:15 and 11:45 on the \(rng.int(in: 10...28))th.",
                "Timestamp of the crash: 2020-07-\(rng.int(in: 10...28))T08:15:42Z.",
            ][rng.below(6)]
        case .orderNumber:
            return [
                "Order #A-\(rng.int(in: 10000...99999)) shipped today.",
                "Invoice no. 2020-0\(d(3)) is attached.",
                "Ticket #\(rng.int(in: 10000...99999)) is about the same bug.",
                "Our PO reference is PO-\(rng.int(in: 1000...9999))-\(rng.int(in: 10...99)).",
                "Refund for order \(rng.int(in: 100...999))-\(rng.int(in: 1000...9999)) went through.",
                "Booking ref \(Identifiers.alnum(6, &rng).uppercased()) for the print shop.",
            ][rng.below(6)]
        case .version:
            return [
                "Updated to v2.\(rng.int(in: 1...19)).\(rng.int(in: 0...9)) this morning.",
                "Requires Node 14.\(rng.int(in: 10...17)).\(rng.int(in: 0...9)) or later.",
                "Tested on iOS 13.5.1 and Android 10.",
                "The plugin is on version 4.\(rng.int(in: 0...9)).\(rng.int(in: 0...9)) now.",
                "Bumped the SDK from 3.\(rng.int(in: 0...9)).0 to 3.\(rng.int(in: 10...19)).2.",
            ][rng.below(5)]
        case .credentialNumber:
            return [
                "My AIGA membership no. is \(d(6)).",
                "ACCA member \(rng.int(in: 1_000_000...2_999_999)), in case procurement asks.",
                "License no. DE-\(rng.int(in: 10000...99999))-B.",
                "Certified translator, registration \(rng.int(in: 10...99))/\(d(4)).",
                "Tax ID for the invoice: \(rng.int(in: 10...99))-\(d(7)).",
            ][rng.below(5)]
        case .ipAddress:
            return [
                "The staging server is at 203.0.113.\(rng.int(in: 2...250)).",
                "Whitelist 198.51.100.\(rng.int(in: 2...250)) please.",
                "It only works on 10.0.0.\(rng.int(in: 2...250)) inside the VPN.",
                "Ping 192.168.1.\(rng.int(in: 2...250)) and tell me if it answers.",
            ][rng.below(4)]
        case .hashOrUUID:
            return [
                "Fixed in commit \(Identifiers.hex(8, &rng)).",
                "Request id \(Identifiers.hex(8, &rng))-\(Identifiers.hex(4, &rng))-4\(Identifiers.hex(3, &rng))-a\(Identifiers.hex(3, &rng))-\(Identifiers.hex(12, &rng)) failed.",
                "Checksum of the export: \(Identifiers.hex(32, &rng))",
                "Merged as \(Identifiers.hex(40, &rng)).",
            ][rng.below(4)]
        case .quantity:
            return [
                "That's 1,200 words per article, 12 articles in total.",
                "We need 3 banners at 1920x1080 and 2 at 1080x1080.",
                "About \(rng.int(in: 10...90)),000 rows in the sheet.",
                "The file is \(rng.int(in: 100...900)) MB, give it a minute.",
                "Print run: 2,500 flyers and 500 posters.",
            ][rng.below(5)]
        case .names:
            return [
                "\(sender.first) \(sender.last) from \(company) will review it.",
                "Please credit \(other.first) \(other.last) in the footer.",
                "\(company) is the client's legal name for the invoice.",
                "Our founders are \(other.first) and \(sender.first).",
            ][rng.below(4)]
        case .fileName:
            return [
                "I renamed it to logo_final.png.", "See brief_v3.docx for details.", "The error is in main.py.",
                "Export as report_q2.pdf please.", "Use hero@2x.png for retina screens.", "index.html is the entry point.",
                "The font files are in assets/fonts/Inter-Bold.woff2.",
            ][rng.below(7)]
        case .platformLink:
            return [
                "Contract details: https://\(platformHost)/contracts/ct-\(rng.int(in: 10000...99999))",
                "Download it here: https://\(filesHost)/f/\(Identifiers.hex(12, &rng))/logo_final.png",
                "I sent the offer: https://\(platformHost)/offers/\(Identifiers.alnum(10, &rng))",
                "Your milestone is at \(platformHost)/milestones/\(Identifiers.hex(8, &rng))",
                "Files: https://\(filesHost)/shared/\(Identifiers.hex(16, &rng))",
            ][rng.below(5)]
        case .platformTalk:
            return [
                "The video call here failed, let's retry in five minutes.",
                "I can't share my Skype before a contract, rules are rules.",
                "Call me crazy, but I like the first draft best.",
                "Zoom in on the logo and you'll see the gap.",
                "The line is too thin on small screens.",
                "I studied signal processing before switching to design.",
                "We work in teams of three.",
                "I use Slack at work, but here is fine for us.",
                "I'll keep everything here on the platform until the contract starts.",
                "Sorry, I can't give out my email before we have a contract.",
            ][rng.below(10)]
        }
    }

    /// Extracted text of an ordinary attachment (an invoice, a brief): numbers galore, nothing to find.
    static func attachmentText(_ rng: inout RandomStream, company: String) -> String {
        [
            "INVOICE INV-2020-\(rng.int(in: 100...999))\n\(company)\nDesign services, \(rng.int(in: 2...9)) items\nSubtotal: $\(rng.int(in: 1...4)),\(rng.int(in: 100...999)).00\nVAT 20%\nDue within 14 days.",
            "Brief v3\nGoal: refresh the brand for the spring launch.\nAudience: 25–40, urban.\nDeliverables: 3 concepts, 2 revision rounds.\nDeadline: 2020-05-29.",
            "Style guide\nPrimary color: #1F6FEB\nSecondary: #F2C94C\nHeadings: Inter Bold 32/40\nBody: Inter Regular 16/24",
        ][rng.below(3)]
    }
}
