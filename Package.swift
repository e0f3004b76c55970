// swift-tools-version:6.1
// OffPlatform: batch analytics of off-platform contact in marketplace message exports.
//
// Modules are layered so data flows one way:
//   ingest (CZlib, ExportFormat, Ingest) → detect (Detection) → judge (Policy)
//   → aggregate (Statistics, Analytics) → write (Writers), run by Pipeline,
//   driven by the `offplatform` executable. `make build` passes
//   `--explicit-target-dependency-import-check error`, so an import across an
//   edge not declared here fails the build.
import PackageDescription

let package = Package(
    name: "OffPlatform",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "offplatform", targets: ["offplatform"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The system zlib (zlib1g-dev), for streaming gzip inflate.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),

        // One export line → a record or a named rejection. No I/O.
        .target(name: "ExportFormat"),

        // Files, directories, stdin, gzip members, line splitting, per-file stats.
        .target(name: "Ingest", dependencies: [
            "ExportFormat", "CZlib",
            .product(name: "Crypto", package: "swift-crypto"),
        ]),

        // Normalizer, prefilter, recognizers, lexicons, findings. No I/O, no export format.
        .target(name: "Detection", resources: [.copy("Lexicons")]),

        // Epochs, room ledger, exceptions, verdicts.
        .target(name: "Policy", dependencies: [
            "ExportFormat", "Detection",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ], resources: [.copy("DefaultPolicy.yaml")]),

        // Intervals, 2x2 tables, exact tests: pure math.
        .target(name: "Statistics"),

        // Mergeable counters and the report tables.
        .target(name: "Analytics", dependencies: ["ExportFormat", "Detection", "Policy", "Statistics"]),

        // SQLite store and CSV reports.
        .target(name: "Writers", dependencies: [
            "Analytics", "Policy", "ExportFormat", "Detection", "Statistics",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // Synthetic exports with ground truth (for `generate`, `bench` and tests).
        .target(name: "Generator", dependencies: ["ExportFormat", "CZlib"]),

        // Runs the stages concurrently, merges partials, owns the error policy.
        .target(name: "Pipeline", dependencies: [
            "ExportFormat", "Ingest", "Detection", "Policy", "Statistics",
            "Analytics", "Writers", "Generator",
        ]),

        // The executable: one file per subcommand, exit codes.
        .executableTarget(name: "offplatform", dependencies: [
            "Pipeline", "ExportFormat", "Ingest", "Detection", "Policy", "Analytics", "Writers", "Generator",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // Shared test utilities: fresh directories, running the built binary, peer suites.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "ExportFormatTests", dependencies: ["ExportFormat", "TestSupport"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ExportFormat", "TestSupport"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "TestSupport"],
                    resources: [.copy("Corpus")]),
        .testTarget(name: "PolicyTests", dependencies: ["Policy", "Detection", "ExportFormat", "TestSupport"]),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "TestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "Policy", "Statistics", "ExportFormat", "Detection", "TestSupport"]),
        .testTarget(name: "WritersTests", dependencies: [
            "Writers", "Analytics", "Policy", "ExportFormat", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "GeneratorTests", dependencies: ["Generator", "ExportFormat", "TestSupport"]),
        .testTarget(name: "PipelineTests", dependencies: [
            "Pipeline", "Ingest", "ExportFormat", "Detection", "Policy", "Analytics", "Writers", "Generator", "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // Runs the built `offplatform` binary end to end (SampleData, exit codes, CLI output).
        .testTarget(name: "EndToEndTests", dependencies: [
            "TestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
