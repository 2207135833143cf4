import GRDB

extension SQLiteMemory {
    /// The memory as an anchor source for the aligner: sentence pairs it holds in `source` and
    /// `target` (compared in matching form).
    public func knownPairs(from source: LanguageTag, to target: LanguageTag) -> KnownPairSource {
        MemoryKnownPairs(path: location.database.path, source: source.identifier, target: target.identifier)
    }
}

/// Finds each source segment's exact matches through the fuzzy index (threshold 99: the same words
/// and numbers), keeps those whose matching form is the segment's, and reads their units' target
/// variants — a few index reads per segment, whatever the memory's size.
struct MemoryKnownPairs: KnownPairSource {
    let path: String
    let source: String
    let target: String

    func knownTargets(forSources sources: [String]) throws -> [String: Set<String>] {
        guard !sources.isEmpty else { return [:] }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(120)
        let from = MatchingLanguage.of(source), to = MatchingLanguage.of(target)
        var found: [String: Set<String>] = [:]
        do {
            // A connection of its own, read-only, for the length of the lookup.
            let queue = try DatabaseQueue(path: SQLiteMemory.readingPath(path), configuration: configuration)
            try queue.read { db in
                let index = try MemoryIndexReader(db)
                let search = FuzzySearch(index: index)
                let tokenizer = MatchTokenizer()
                for form in sources {
                    let tokens = tokenizer.tokens(ofForm: Array(form.utf16), language: from)
                    let exact = try search.search(tokens: tokens, text: form, language: from, target: to.key,
                                                  threshold: 99, limit: Int.max)
                    for match in exact where MatchingForm.of(match.text, language: from) == form {
                        for shape in try index.shapes(of: match.unit) where shape.language == to.key {
                            found[form, default: []].insert(MatchingForm.of(shape.text, language: to))
                        }
                    }
                }
            }
        } catch {
            throw SQLiteMemory.translate(error, path: path)
        }
        return found
    }
}
