import ArgumentParser
import Foundation
import WergerKit

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add one translation unit: werger add --from en \"…\" --to ckb \"…\"."
    )

    @Option(help: "The source language.") var from: String
    @Argument(help: "The source text.") var source: String
    @Option(help: "The target language.") var to: String
    @Argument(help: "The target text.") var target: String
    @Option(help: "The document the sentence belongs to.") var document: String?
    @OptionGroup var memory: MemoryOptions

    func run() throws {
        try reportingFailures {
            let source = self.source.trimmingCharacters(in: .whitespacesAndNewlines)
            let target = self.target.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !source.isEmpty, !target.isEmpty else { throw CLIUsageError(message: "the source and the target text must not be empty") }
            let now = Date()
            let unit = TranslationUnit(
                variants: [Variant(language: try LanguageTag(from).identifier, text: source),
                           Variant(language: try LanguageTag(to).identifier, text: target)],
                created: now, changed: now, origin: "manual", document: document)
            // A sentence under the wrong tag would be stored where no lookup finds it (as an import checks its files).
            for (variant, side, option) in [(unit.variants[0], "source", "--from"), (unit.variants[1], "target", "--to")] {
                if let contradiction = LanguageContradiction.find(in: variant.text, as: try LanguageTag(variant.language), sentence: true) {
                    throw CLIUsageError(message: "\(contradiction.describe("the \(side) text")); check \(option), and the order of the two texts")
                }
            }
            let added = try memory.open().write { session in try session.add(unit) }
            print(added ? "added" : "already in the memory")
        }
    }
}
