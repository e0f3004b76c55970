import ArgumentParser

@main
struct OffPlatform: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "offplatform",
        abstract: "Measure off-platform contact in marketplace message exports.",
        subcommands: [DetectCommand.self, EvalCommand.self])
}
