import ArgumentParser
import Foundation
import Policy

struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Show or check the policy a run applies.",
        subcommands: [Show.self, Check.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the effective policy as a file an analyst can edit.",
            discussion: """
                Examples:
                  offplatform policy show > my-policy.yaml
                  offplatform policy show --policy my-policy.yaml
                """)

        @Option(name: .long, help: "A policy file (YAML) to show instead of the built-in default.")
        var policy: String?

        func run() throws {
            let p = try loadPolicy(policy)
            print(p.source, terminator: p.source.hasSuffix("\n") ? "" : "\n")
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a policy file without running anything.",
            discussion: "Prints the policy's name and hash, or what is wrong and where (exit status 64).")

        @Argument(help: "The policy file (YAML).")
        var file: String

        func run() throws {
            let p = try loadPolicy(file)
            print("\(file): ok — policy '\(p.name)', \(p.epochs.count) epochs, \(p.exceptions.count) exceptions, sha256 \(p.contentHash)")
        }
    }
}

/// The built-in policy, or the file given; a bad file ends the command with its line and exit status 64.
func loadPolicy(_ path: String?) throws -> PolicyDocument {
    do {
        if let path { return try PolicyDocument.load(contentsOf: URL(fileURLWithPath: path), displayName: path) }
        return try PolicyDocument.builtIn()
    } catch let e as PolicyError {
        printError("offplatform: policy error: \(e)")
        throw ExitStatus.usage.exitCode
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
