import ArgumentParser

@main
struct Werger: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "werger",
        abstract: "A translation memory for news: segment, store, match and align translations.",
        discussion: "Exit codes: 64 usage, 65 bad data, 66 missing file, 74 I/O error, 1 otherwise.",
        subcommands: [SegmentCommand.self]
    )
}
