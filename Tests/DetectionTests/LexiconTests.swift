import Foundation
import Testing
import TestSupport
@testable import Detection

/// The shipped lexicons load, keep their own invariants, and a broken file is refused
/// with its name and line.
@Suite struct LexiconTests {
    static let directory = Paths.packageRoot.appendingPathComponent("Sources/Detection/Lexicons")

    static func contents() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in Lexicon.fileNames {
            files[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    static func lines(_ name: String) throws -> [String] {
        LexiconSource(file: name, contents: try contents()[name]!).lines.map(\.text)
    }

    @Test func builtInLoads() throws {
        let lexicon = try Lexicon.builtIn()
        #expect(lexicon.platform(slug: "whatsapp")?.kind == .messagingApp)
        #expect(lexicon.platform(slug: "linkedin")?.kind == .socialProfile)
        #expect(lexicon.platform(slug: "paypal")?.kind == .paymentAccount)
    }

    @Test func everyFileInTheDirectoryIsLoaded() throws {
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(present == Lexicon.fileNames.sorted())
    }

    // MARK: Invariants per file

    @Test func platformAliasesAreUniqueAndKindsKnown() throws {
        var seen: [String: String] = [:]
        for line in try Self.lines("platforms.txt") {
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(f.count == 4)
            #expect(FindingKind(rawValue: f[1]) != nil, "\(line)")
            for alias in f[3].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                let key = String(alias.filter { $0 != " " && $0 != "-" && $0 != "." })
                #expect(seen[key] == nil, "alias \(alias) repeats \(seen[key] ?? "")")
                seen[key] = alias
            }
        }
    }

    @Test func domainsAreUniqueAndMapToKnownCategories() throws {
        var seen: Set<String> = []
        for line in try Self.lines("domains.txt") {
            let f = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(seen.insert(f[0]).inserted, "\(f[0]) twice")
            #expect(DomainCategory(rawValue: f[1]) != nil, "\(line)")
            #expect(!f[0].hasPrefix("www."), "\(f[0]) should be listed without www.")
        }
        let lexicon = try Lexicon.builtIn()
        for host in ["offplatform.example", "files.offplatform.example"] {
            #expect(lexicon.domains.classify(host: host, path: "/x")?.category == .platform)
        }
    }

    @Test func topLevelDomainsAreSortedAndUnique() throws {
        let tlds = try Self.lines("tlds.txt").map { String($0.split(separator: "|")[0]).trimmingCharacters(in: .whitespaces) }
        #expect(tlds == tlds.sorted())
        #expect(Set(tlds).count == tlds.count)
        let lexicon = try Lexicon.builtIn()
        #expect(lexicon.tlds.fileExtensions.isSubset(of: lexicon.tlds.all))
        for common in ["com", "net", "org", "io", "de", "uk"] { #expect(lexicon.tlds.bare.contains(common)) }
    }

    @Test func numberWordsStandForDigits() throws {
        let lexicon = try Lexicon.builtIn()
        var seen: Set<String> = []
        for line in try Self.lines("number_words.txt") {
            let word = String(line.split(separator: "|")[0]).trimmingCharacters(in: .whitespaces)
            #expect(seen.insert(word).inserted, "\(word) twice")
            let e = try #require(lexicon.words.entry(forWord: word))
            #expect(e.roles.contains(.numberWord))
            #expect(!e.digits.isEmpty || e.repeatCount > 0)
        }
        // A number word that starts a longer alias would make the prefilter miscount digits.
        for e in lexicon.words.entries where e.roles.contains(.alias) {
            #expect(lexicon.words.entry(forWord: e.word)?.roles.contains(.numberWord) != true, "\(e.word)")
        }
    }

    @Test func homoglyphsAreSortedAndMapToLatin() throws {
        let lexicon = try Lexicon.builtIn()
        #expect(lexicon.homoglyphs[0x0430] == UInt8(ascii: "a"))
        #expect(lexicon.homoglyphs.values.allSatisfy { ASCII.isLower($0) })
        let cps = try Self.lines("homoglyphs.txt").map { String($0.split(separator: "|")[0]).trimmingCharacters(in: .whitespaces) }
        #expect(cps == cps.sorted())
    }

    @Test func grammarClassesAreAllPresent() throws {
        let lexicon = try Lexicon.builtIn()
        for (name, role) in WordRoles.grammarClasses {
            #expect(lexicon.words.entries.contains { $0.roles.contains(role) }, "class \(name) is empty")
        }
        #expect(lexicon.words.entry(forWord: "emailed")?.pastChannel == lexicon.platformIndex["email"])
        #expect(lexicon.words.entry(forWord: "email")?.contactChannel == lexicon.platformIndex["email"])
    }

    @Test func streetTypesAndCommonWordsAndIBANs() throws {
        let lexicon = try Lexicon.builtIn()
        #expect(lexicon.words.entry(forWord: "street")?.roles.contains(.streetAfterName) == true)
        #expect(lexicon.words.entry(forWord: "rue")?.roles.contains(.streetBeforeName) == true)
        #expect(lexicon.poBoxPhrases.contains(Array("pobox".utf8)))
        #expect(lexicon.words.entry(forWord: "broken")?.roles.contains(.commonWord) == true)
        #expect(lexicon.ibanLengths["DE"] == 22)
        #expect(lexicon.ibanLengths["GB"] == 22)
    }

    // MARK: Broken files are refused with file and line

    static let faults: [(file: String, replace: String, with: String, message: String)] = [
        ("platforms.txt", "skype          | messaging_app", "skype          | mesaging_app", "unknown kind 'mesaging_app'"),
        ("platforms.txt", "| strong | zelle", "| strong | zelle, venmo", "alias 'venmo' duplicates 'venmo'"),
        ("platforms.txt", "| strong | venmo", "| strong | venmo,,vnm", "empty item"),
        ("platforms.txt", "| strong | venmo", "| loud | venmo", "unknown strength 'loud'"),
        ("platforms.txt", "| strong | venmo", "| strong", "expected 4 fields"),
        ("domains.txt", "wa.me                                 | messaging_app", "wa.me | chat_app", "unknown category 'chat_app'"),
        ("tlds.txt", "\ncom | bare\n", "\ncom | bare\ncom\n", "'com' is out of order or repeated"),
        ("number_words.txt", "five    | 5  | strong", "five    | V  | strong", "digits 'V'"),
        ("homoglyphs.txt", "U+0430 | a", "U+0430 | ä", "target 'ä' must be one letter a-z"),
        ("request_words.txt", "[ask]", "[asks]", "unknown class [asks]"),
        ("request_words.txt", "emailed = email,", "emailed = carrier_pigeon,", "unknown channel 'carrier_pigeon'"),
        ("street_types.txt", "rue         | before_name", "rue         | beside_name", "unknown order 'beside_name'"),
        ("common_words.txt", "\nabout\n", "\nabout\nabout\n", "'about' is out of order or repeated"),
        ("iban_countries.txt", "DE | 22", "DE | 99", "length '99'"),
    ]

    @Test(arguments: faults.indices)
    func brokenLineIsNamed(_ index: Int) throws {
        let fault = Self.faults[index]
        var files = try Self.contents()
        let original = files[fault.file]!
        #expect(original.contains(fault.replace), "fixture no longer matches \(fault.file)")
        files[fault.file] = original.replacingOccurrences(of: fault.replace, with: fault.with)
        // The fault is on the first line that differs from the shipped file.
        let before = original.components(separatedBy: "\n"), after = files[fault.file]!.components(separatedBy: "\n")
        let expectedLine = (before.indices.first { $0 >= after.count || before[$0] != after[$0] } ?? before.count) + 1
        do {
            _ = try Lexicon(files: files)
            Issue.record("\(fault.file) with '\(fault.with)' was accepted")
        } catch let error as LexiconError {
            #expect(error.file == fault.file)
            #expect(error.line == expectedLine, "\(error)")
            #expect(error.message.contains(fault.message), "\(error)")
            #expect(error.description.hasPrefix("\(fault.file):\(error.line): "))
        }
    }

    @Test func missingFileIsNamed() throws {
        var files = try Self.contents()
        files["tlds.txt"] = nil
        #expect(throws: LexiconError(file: "tlds.txt", line: 0, message: "missing")) { try Lexicon(files: files) }
    }
}
