// swift-tools-version: 6.0
import PackageDescription

// Dependencies, and why each earns its build minutes:
// - swift-argument-parser: the whole CLI surface (subcommands, --help, validation errors).
// - swift-collections: Deque as the bounded ring buffer for rolling vol windows and screen history.
// - TOMLKit: theme and scenario files, with parse errors that carry line and column.
let package = Package(
    name: "gammascalp",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gammascalp", targets: ["gammascalp"]),
        .library(name: "ScalpEngine", targets: ["ScalpEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .target(
            name: "ScalpEngine",
            dependencies: [
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // Numbers, times and text fitted to columns: shared by the screen, the report and the
        // leaderboard, without the terminal.
        .target(name: "ScalpFormat", dependencies: ["ScalpEngine"]),
        // The session journal's one owner: its line types (written and read in one place),
        // the durable appender, the reader, the verifier and the replay timeline.
        .target(name: "ScalpJournal", dependencies: ["ScalpEngine", "ScalpFormat"]),
        .executableTarget(
            name: "gammascalp",
            dependencies: [
                "ScalpEngine",
                "ScalpFormat",
                "ScalpJournal",
                "ScalpTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The live screen: ncurses through a C shim, a cell grid the widgets draw into, themes.
        .systemLibrary(name: "CNcurses", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        // Signal flags and the crash-restore handler: state that needs one copy per process.
        .target(name: "CTerminalGuard"),
        .target(
            name: "ScalpTUI",
            dependencies: [
                "ScalpEngine", "ScalpFormat", "ScalpJournal", "CNcurses", "CTerminalGuard",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        .testTarget(name: "ScalpTUITests", dependencies: ["ScalpTUI", "ScalpFormat", "ScalpJournal", "ScalpEngine"], exclude: ["Snapshots"]),
        // Drives the built gammascalp binary under tmux; needs tmux on PATH. (The libraries write
        // the class board tests' journals exactly as play does.)
        .testTarget(name: "EndToEndTests", dependencies: ["gammascalp", "ScalpTUI", "ScalpJournal", "ScalpEngine"]),
        .testTarget(name: "GammaScalpCLITests", dependencies: ["gammascalp", "ScalpJournal", "ScalpFormat", "ScalpTUI"]),
        .testTarget(name: "ScalpJournalTests", dependencies: ["ScalpJournal", "ScalpEngine", "ScalpFormat"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ScalpEngineTests", dependencies: ["ScalpEngine"], resources: [.copy("Fixtures")]),
    ]
)
