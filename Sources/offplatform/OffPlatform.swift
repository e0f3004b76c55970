// The `offplatform` executable: one file per subcommand. Flags become one
// immutable configuration before any work starts; the pipeline never sees
// ArgumentParser. Exit statuses are named in ExitStatus.swift.
import ArgumentParser
import Pipeline

@main
struct OffPlatform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offplatform",
        abstract: "Measure off-platform contact in marketplace message exports.",
        discussion: """
            Reads the platform's nightly message exports (gzipped JSON Lines), finds contact details and \
            moves off the platform in message text, judges each by the policy in force, and writes \
            aggregate metrics into SQLite and CSV. See README.md and docs/.
            """,
        version: ToolVersion.current,
        subcommands: [AnalyzeCommand.self, DetectCommand.self, EvalCommand.self, GenerateCommand.self, MergeCommand.self,
                      LedgerCommand.self, PolicyCommand.self, BenchCommand.self])
}
