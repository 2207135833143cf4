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
            let sourceLanguage = try LanguageTag(from), targetLanguage = try LanguageTag(to)
            // A sentence under the wrong tag would be stored where no lookup finds it (as an import
            // checks its files). One kept as it is in both languages (a URL, a credit line of
            // agencies' names) is not judged.
            for (text, language, side, option) in [(source, sourceLanguage, "source", "--from"), (target, targetLanguage, "target", "--to")]
            where source != target {
                if let contradiction = LanguageContradiction.find(in: text, as: language, extent: .sentence) {
                    throw CLIDataError(message: "\(contradiction.describe("the \(side) text")); check \(option), and the order of the two texts")
                }
            }
            let now = Date()
            let unit = TranslationUnit(
                variants: [Variant(language: sourceLanguage.identifier, text: source), Variant(language: targetLanguage.identifier, text: target)],
                created: now, changed: now, origin: "manual", document: document)
            let added = try memory.open().write { session in try session.add(unit) }
            print(added ? "added" : "already in the memory")
        }
    }
}
