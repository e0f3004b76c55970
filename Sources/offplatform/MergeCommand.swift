import ArgumentParser
import Foundation
import Pipeline
import Policy
import Writers

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine partial results (from `analyze --partial`) into the database and the CSV reports.",
        discussion: """
            Gives exactly the database rows and reports one `analyze` over the same inputs would give, \
            provided each room's records went to one partial (the distributed job keys them by room). \
            Use the same --policy as the partials were made with.

            Examples:
              offplatform merge parts/*.partial --db Reports/offplatform.sqlite --reports Reports/

            Exit status as for analyze; 1 when a partial cannot be read or was made with another policy.
            """)

    @Argument(help: "Partial result files.")
    var partials: [String]

    @Option(name: .long, help: "The SQLite database (created if needed).")
    var db: String = "Reports/offplatform.sqlite"

    @Option(name: .long, help: "Where the CSV reports are written.")
    var reports: String = "Reports/"

    @Option(name: .long, help: "The policy file the partials were made with (default: built-in).")
    var policy: String?

    @Flag(name: .long, help: "Count files already analyzed into the database again, replacing their numbers.")
    var force = false

    @Option(name: .long, help: "Minutes after a platform call within which a move off the platform counts.")
    var callWindow: Int = 30

    @Flag(name: .long, help: "Print no summary.")
    var quiet = false

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give at least one partial result") }
        guard callWindow >= 1 else { throw ValidationError("--call-window must be at least 1 minute") }
    }

    func run() throws {
        let policy = try loadPolicy(self.policy)
        let summary: RunSummary
        do {
            summary = try Merge(partials: partials, databasePath: db, reportsDirectory: reports, policy: policy, force: force,
                                callWindowSeconds: Int64(callWindow) * 60, log: { printError($0) }).run()
        } catch {
            printError("offplatform: error: \(error) — nothing was recorded")
            throw ExitStatus.failure.exitCode
        }
        if !quiet { print(summary.text.replacingOccurrences(of: "offplatform analyze:", with: "offplatform merge:")) }
        let status = ExitStatus(summary.outcome)
        if status != .success { throw status.exitCode }
    }
}

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Export the room ledger of a database, to ship to the tasks of a distributed run.",
        subcommands: [Export.self])

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the ledger (rooms, contract events, offered channels) of a database to a file.",
            discussion: "Example:\n  offplatform ledger export --db Reports/offplatform.sqlite --out ledger.jsonl")

        @Option(name: .long, help: "The SQLite database.")
        var db: String = "Reports/offplatform.sqlite"

        @Option(name: .long, help: "The file to write.")
        var out: String

        @Option(name: .long, help: "The policy of the runs it is for (default: built-in).")
        var policy: String?

        func run() throws {
            let policy = try loadPolicy(self.policy)
            do {
                let store = try Store(path: db)
                try LedgerFile.write(try store.loadLedger(), to: URL(fileURLWithPath: out), policy: policy)
            } catch {
                printError("offplatform: error: \(error)")
                throw ExitStatus.failure.exitCode
            }
        }
    }
}
