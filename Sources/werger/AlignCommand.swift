import ArgumentParser
import Foundation
import WergerKit

enum AlignFormat: String, ExpressibleByArgument, CaseIterable { case text, tsv, jsonl, json, tmx }

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align an article and its translation into beads of sentences (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1).",
        discussion: """
            jsonl: {"source":[…],"target":[…],"kind":"1-2","confidence":0.93} per bead, in document order \
            (with --batch also "document"). json: one object with the beads. tsv: source, target, kind, \
            confidence. tmx: the beads at or above --min-confidence as translation units.
            --store adds the beads at or above --min-confidence (default 0.9) to the memory, one transaction \
            per document pair; the others are listed on stderr, or in --review FILE, for a person to check.
            --batch SRC_DIR TGT_DIR aligns the files with the same name in the two folders; from the \
            sure sentence pairs of a first alignment of all of them, and from the memory's pairs in the two \
            languages (300 at least, about a dozen articles), it learns which words translate which, and \
            aligns every pair again with them. A single pair learns from the memory alone.
            """
    )

    @Argument(help: "The source article (with --batch: a folder of them).") var source: String
    @Argument(help: "Its translation (with --batch: a folder of translations with the same names).") var target: String
    @Option(help: "The source language (BCP 47: en, ckb, kmr, ar, …).") var from: String
    @Option(help: "The target language.") var to: String
    @Option(help: "Output: text, tsv, jsonl, json or tmx.") var format: AlignFormat = .text
    @Flag(help: "Add the beads at or above --min-confidence to the memory (origin \"align\").") var store = false
    // Unconditional: `--min-confidence -1` is a value out of range, not a missing value and an unknown option.
    @Option(name: .customLong("min-confidence"), parsing: .unconditional,
            help: "The confidence (0–1: the chance the bead is right) a bead needs to be stored.")
    var minConfidence: Double = 0.9
    @Option(help: "Write the beads below --min-confidence to FILE (JSON Lines) instead of stderr.") var review: String?
    @Option(help: "A glossary TSV (source term, tab, target term per line): extra anchors.") var glossary: String?
    @Flag(name: .customLong("no-dictionary"), help: """
        Do not use the bilingual dictionary dictd installed for the language pair \
        (en–ar: /usr/share/dictd/freedict-eng-ara.*, Debian's dict-freedict-eng-ara; en–kmr: \
        freedict-kur-eng.*, dict-freedict-kur-eng), whose words are weak anchors.
        """) var noDictionary = false
    @Flag(help: "SOURCE and TARGET are folders: align the files with the same name.") var batch = false
    @Option(help: "The document id stored with the units (default: the source file's name).") var document: String?
    @Option(help: "The input encoding when it is not UTF-8 or UTF-16 with a BOM (e.g. windows-1256).") var encoding: String?
    @Flag(help: """
        The files are already segmented: one segment a line, a blank line between paragraphs (what \
        hunalign reads). Werger's segmenter is not run, and no segment is cut or joined.
        """) var segmented = false
    @Flag(name: .customLong("learn-words"), help: """
        Also learn word translations (IBM Model 1) from the batch's sure beads and the memory's pairs, \
        and weigh every bead by them: a few more dropped or added sentences found, at about a third of the speed.
        """) var learnWords = false
    @Option(help: ArgumentHelp("Change the aligner's weights, e.g. merge=2.5,null=3 (for tuning).", visibility: .hidden))
    var weights: String?
    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1") }
        if batch, document != nil { throw ValidationError("--document names one document; it cannot go with --batch") }
        if document?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw ValidationError("--document needs a name (the id stored with the units)") }
        if review?.isEmpty == true { throw ValidationError("--review needs a file name (where the beads to check are written)") }
        // The beads themselves go to standard output: review lines there too would be mixed into them.
        if review == "-" { throw ValidationError("--review -: the beads already go to standard output; name a file, or leave --review out to list the beads to check on stderr") }
    }

    func run() throws {
        try reportingFailures {
            let from = try LanguageTag(self.from), to = try LanguageTag(self.to)
            // The same language (`en` and `en-US`, `ckb` and `ku-Arab`); two regions or two scripts of one
            // language (`en-US` and `en-GB`, `sr-Latn` and `sr-Cyrl`) are a localisation's pair.
            if from.ruleLanguage == to.ruleLanguage, from.script == to.script, from.region == nil || to.region == nil || from.region == to.region {
                let same = from == to ? "--from and --to are both \(from.identifier)"
                    : "--from \(from.identifier) and --to \(to.identifier) are the same language"
                throw fail("\(same); an article and its translation are in two languages", code: 64)
            }
            if let review {
                try ReviewFile.check(review, articles: [source, target], folders: batch, others: [glossary].compactMap { $0 },
                                     memoryFolder: try? memory.location().folder.path)
            }
            var options = AlignmentOptions()
            if learnWords { options.weights = .learningWords }
            if let weights {
                do { options.weights = try AlignmentWeights(overrides: weights, base: options.weights) } catch let error as AlignmentWeightsError {
                    throw fail(error.description, code: 64)
                }
            }
            if let glossary {
                let text = try DocumentReader(path: glossary).readAll()
                do { options.glossary = try Glossary.parse(text, name: glossary, from: from, to: to) } catch let error as GlossaryError {
                    throw fail(error.description, code: 65)
                }
            }
            if !noDictionary {
                do { options.dictionary = try BilingualDictionary.installed(from: from, to: to) } catch let error as BilingualDictionaryError {
                    throw fail(error.description, code: 74)
                }
            }
            // Pairs the memory already knows are anchors, and its most recent sentence pairs teach the
            // lexicon; without a memory there are simply none. It is read without writing to it, and
            // opened for writing (created when it does not exist) only when a document pair has units
            // to store: a run that fails on its input leaves the memory as it was, byte for byte.
            // The anchors open a connection of their own, so the memory read here is let go before
            // anything is aligned: a read connection still open when the store's writable one waits
            // for another process's lock fails it (a disk I/O error) when that lock is released.
            // Letting go (not GRDB's `close()`, which closes the writer first) also checkpoints a
            // memory just seeded, so no write-ahead log is left beside it.
            let (anchors, pairs) = try { () throws -> (KnownPairSource?, [(source: String, target: String)]) in
                guard let known = try memoryToRead() else { return (nil, []) }
                return (known.knownPairs(from: from, to: to), try known.sentencePairs(from: from, to: to, limit: LexiconLearning.memoryLimit))
            }()
            let job = try AlignJob(command: self, from: from, to: to, aligner: SentenceAligner(options: options, knownPairs: anchors),
                                   store: store ? { [memory] in try memory.open() } : nil, memoryEvidence: LexiconEvidence(pairs: pairs, weights: options.weights),
                                   memoryLengths: PairedLengths(pairs: pairs).withTypical(from: from, to: to))
            defer { job.settleReview() }
            do {
                if batch { try job.runBatch() } else { try job.runPair(source: source, target: target, document: document) }
            } catch let error as AlignmentError {
                throw fail(error.description, code: 65)
            }
        }
    }

    /// The memory to read anchors and sentence pairs from, opened as every reading command opens it
    /// (`MemoryOptions.open`: seeded from the folder's TMX files on first use, brought up to date from
    /// an older Werger); nil when there is no database and nothing to seed one from — an alignment
    /// needs no memory, and a mistyped folder is not made one. `--store` needs one to be found.
    private func memoryToRead() throws -> SQLiteMemory? {
        let location: MemoryLocation
        do { location = try memory.location() } catch MemoryError.notFound where !store { return nil }
        guard location.holdsMemory else {
            try MemoryOptions.checkReadable(location)
            return nil
        }
        return try memory.open(readOnly: true)
    }
}

/// One run of `werger align`: reads, segments, aligns, writes and stores document pairs.
final class AlignJob {
    let command: AlignCommand
    let from: LanguageTag
    let to: LanguageTag
    let aligner: SentenceAligner
    /// Whether beads are stored (`--store`).
    let storing: Bool
    /// Whether beads become translation units: stored, or written as TMX.
    var makesUnits: Bool { storing || command.format == .tmx }
    /// Opens the memory for writing, the first time a document pair has units to store.
    private let openStore: (() throws -> SQLiteMemory)?
    private var store: SQLiteMemory?
    let output = Output()
    let renderer: BeadRenderer
    /// `--review FILE`: written beside the file from the first aligned document pair on, and renamed
    /// over it when the run succeeds — or fails after storing a pair, whose beads to check it holds.
    /// A run that stores nothing and fails leaves an earlier review file as it was.
    private var review: Output?
    private var reviewDestination: FileDestination?
    private var reviewSettled = false
    /// Document pairs whose units have been stored (their transactions committed).
    private var storedPairs = 0
    private var totals = (pairs: 0, beads: 0, stored: 0, duplicates: 0, review: 0, failed: 0, unmatched: 0, untranslated: 0)
    private var jsonDocuments = 0

    /// The memory's sentence pairs, as lexicon evidence (empty without a memory).
    let memoryEvidence: LexiconEvidence
    /// The memory's sentence pairs' lengths, with the language pair's typical ratio: the length ratio
    /// a document's own is drawn towards (with a batch's drafts added).
    let memoryLengths: PairedLengths

    init(command: AlignCommand, from: LanguageTag, to: LanguageTag, aligner: SentenceAligner, store: (() throws -> SQLiteMemory)?,
         memoryEvidence: LexiconEvidence, memoryLengths: PairedLengths) throws {
        self.memoryEvidence = memoryEvidence
        self.memoryLengths = memoryLengths
        self.command = command
        self.from = from
        self.to = to
        self.aligner = aligner
        storing = store != nil
        openStore = store
        renderer = BeadRenderer(format: command.format, minConfidence: command.minConfidence, from: from, to: to, document: command.document)
    }

    private func openReview() throws {
        guard review == nil, let path = command.review else { return }
        let destination = try FileDestination(path: path)
        reviewDestination = destination
        review = Output(descriptor: destination.descriptor, target: path)
    }

    /// After a failed run: the review file lands if some pair was stored, else it goes.
    func settleReview() {
        guard !reviewSettled, let reviewDestination else { return }
        reviewSettled = true
        if storedPairs > 0, (try? review?.flush()) != nil, (try? reviewDestination.commit()) != nil { return }
        reviewDestination.abandon()
    }

    func runPair(source: String, target: String, document: String?) throws {
        begin()
        // One pair teaches nothing by itself; a memory of the language pair can.
        let lexicon = LearnedLexicon(evidence: [memoryEvidence], weights: aligner.options.weights)
        // Without a model to learn, --learn-words aligns as without the option (and says so).
        var aligner = self.aligner
        let unmodelled = aligner.options.weights.wordModel > 0 && !lexicon.hasWordModel
        if unmodelled { aligner.options.weights = aligner.options.weights.withoutWordModel }
        let draft = try aligner.draft(Self.segmented(source, encoding: command.encoding, segmenter: try Segmenter.forAlignment(language: from),
                                                     given: command.segmented, asUnits: makesUnits),
                                      Self.segmented(target, encoding: command.encoding, segmenter: try Segmenter.forAlignment(language: to),
                                                     given: command.segmented, asUnits: makesUnits),
                                      learning: !lexicon.isEmpty)
        if unmodelled { warnNothingToLearn("the memory holds \(memoryEvidence.count) sentence pairs of") }
        let alignment = aligner.finish(draft, lexicon: lexicon.isEmpty ? nil : lexicon, lengths: memoryLengths)
        try emit(alignment, document: document ?? URL(fileURLWithPath: source).lastPathComponent, batch: false)
        try end()
        if storing { summarize() }
    }

    func runBatch() throws {
        let sourceNames = try Self.files(in: command.source)
        let targetNames = Set(try Self.files(in: command.target))
        let progress = isatty(2) != 0
        let paired = sourceNames.filter(targetNames.contains)
        // Two empty folders are a day without articles; files of which none pair are the wrong folders.
        if paired.isEmpty, !sourceNames.isEmpty || !targetNames.isEmpty {
            let counts = [sourceNames.count, targetNames.count].map { $0 == 1 ? "1 file" : "\($0) files" }
            throw fail("\(command.source) and \(command.target) hold no files of the same name (\(counts[0]) and \(counts[1])); "
                       + "--batch aligns each file of the first folder with the same-named file of the second", code: 66)
        }
        begin()
        var firstFailure: Int32?
        for name in sourceNames where !targetNames.contains(name) {
            totals.unmatched += 1
            warn("\(command.target)/\(name): no such file; \(command.source)/\(name) is not aligned")
        }
        for name in targetNames.subtracting(sourceNames).sorted() {
            totals.unmatched += 1
            warn("\(command.source)/\(name): no such file; \(command.target)/\(name) is not aligned")
        }
        // Documents are read, segmented and drafted (a first alignment) on every core, a chunk at a
        // time; the sure beads of the drafts so far teach one lexicon of word pairs; each pair is then
        // aligned again with it, and written and stored in order, on this thread.
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let segmenters = try (0..<workers).map { _ in (try Segmenter.forAlignment(language: from), try Segmenter.forAlignment(language: to)) }
        let chunk = 512
        var learning = LexiconLearning(weights: aligner.options.weights, memory: memoryEvidence)
        var shares = BeadShares()
        var lengths = memoryLengths
        var done = 0
        for chunkStart in stride(from: 0, to: paired.count, by: chunk) {
            let names = Array(paired[chunkStart..<min(chunkStart + chunk, paired.count)])
            let drafts = ResultSlots<Result<AlignmentDraft, Error>>(count: names.count)
            let source = command.source, target = command.target, encoding = command.encoding, given = command.segmented, aligner = self.aligner
            let asUnits = makesUnits
            nonisolated(unsafe) let shared = segmenters
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for k in stride(from: worker, to: names.count, by: workers) {
                    let (sourceSegmenter, targetSegmenter) = shared[worker]
                    drafts.set(k, Result {
                        try aligner.draft(Self.segmented(source + "/" + names[k], encoding: encoding, segmenter: sourceSegmenter, given: given, asUnits: asUnits),
                                          Self.segmented(target + "/" + names[k], encoding: encoding, segmenter: targetSegmenter, given: given, asUnits: asUnits))
                    })
                }
            }
            let drafted = (0..<names.count).compactMap { try? drafts.get($0).get() }
            let lexicon = learning.learn(from: drafted)
            shares = drafted.reduce(shares) { $0 + $1.beadShares }
            let batchShares = shares
            lengths = drafted.reduce(lengths) { $0 + $1.pairedLengths }
            let batchLengths = lengths
            let results = ResultSlots<Result<(Alignment, Output), Error>>(count: names.count)
            let renderer = self.renderer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for k in stride(from: worker, to: names.count, by: workers) {
                    results.set(k, drafts.get(k).map { draft in
                        let alignment = aligner.finish(draft, lexicon: lexicon, shares: batchShares, lengths: batchLengths)
                        let rendered = Output(buffering: ())
                        renderer.render(alignment, document: names[k], into: rendered)
                        return (alignment, rendered)
                    })
                }
            }
            for (k, name) in names.enumerated() {
                done += 1
                if progress { FileHandle.standardError.write(Data("\r\u{1B}[K[\(done)/\(paired.count)] \(name)".utf8)) }
                do {
                    let (alignment, rendered) = try results.get(k).get()
                    try emit(alignment, document: name, batch: true, rendered: rendered)
                } catch let error as DocumentError {
                    firstFailure = firstFailure ?? error.exitCode
                    failed(error.description)
                } catch let error as AlignmentError {
                    firstFailure = firstFailure ?? 65
                    failed(error.description)
                }
            }
        }
        if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        if aligner.options.weights.wordModel > 0, !paired.isEmpty, !learning.learnedWords {
            warnNothingToLearn("the memory and the documents' sure beads give \(learning.evidenceCount) sentence pairs of")
        }
        try end()
        summarize()
        if let firstFailure { throw ExitCode(firstFailure) }
    }

    private func failed(_ message: String) {
        totals.failed += 1
        FileHandle.standardError.write(Data("werger: error: \(message)\n".utf8))
    }

    /// `--learn-words` with too little to learn from: said once, so a translator does not believe a
    /// model weighed beads that none did.
    private func warnNothingToLearn(_ evidence: String) {
        warn("--learn-words: \(evidence) \(from.identifier)–\(to.identifier), fewer than the \(LearnedLexicon.minimumBeads) "
             + "a word model learns from; aligned without it")
    }

    private func warn(_ message: String) { FileHandle.standardError.write(Data("werger: warning: \(message)\n".utf8)) }

    /// Regular files in a folder, by name (hidden files left out).
    static func files(in folder: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { throw DocumentError.missing(file: folder) }
        guard isDirectory.boolValue else { throw CLIUsageError(message: "\(folder): not a folder; --batch takes two folders") }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw DocumentError.unreadable(file: folder, reason: "cannot list its files; check the folder's permissions")
        }
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory)
                && !isDirectory.boolValue
        }.sorted()
    }

    /// A document read and cut by the segmenter, or (`given`) taken a segment a line.
    /// `asUnits`: its sentences become translation units (stored, or written as TMX), which cannot
    /// hold a control character; such a document is refused with the line, before anything is stored.
    private static func segmented(_ path: String, encoding: String?, segmenter: Segmenter, given: Bool, asUnits: Bool) throws -> SegmentedText {
        let text = try DocumentReader.text(ofFile: path, encoding: encoding)
        if asUnits, let (line, scalar) = XMLCharacters.firstUnwritable(in: text) {
            throw DocumentError.controlCharacter(file: path, line: line, scalar: scalar.value)
        }
        if let contradiction = LanguageContradiction.find(in: text, as: segmenter.language) {
            throw AlignmentError.wrongLanguage(document: path, contradiction)
        }
        return given ? SegmentedText(name: path, language: segmenter.language, lines: text) : SegmentedText(name: path, text: text, segmenter: segmenter)
    }

    // MARK: Output

    private func begin() {
        switch command.format {
        case .tmx: output.write(TMXWriter(sourceLanguage: from.identifier).header)
        case .json: output.write(command.batch ? "{\"documents\":[" : "")
        default: break
        }
    }

    private func end() throws {
        switch command.format {
        case .tmx: output.write(TMXWriter(sourceLanguage: from.identifier).footer)
        case .json: if command.batch { output.write("]}\n") }
        default: break
        }
        try output.flush()
        try review?.flush()
        if let reviewDestination, !reviewSettled {
            reviewSettled = true
            try reviewDestination.commit()
        }
    }

    /// Writes, stores and lists for review one aligned document pair.
    private func emit(_ alignment: Alignment, document: String, batch: Bool, rendered: Output? = nil) throws {
        let threshold = command.minConfidence
        let source = alignment.source, target = alignment.target
        if command.format == .json {
            if batch && jsonDocuments > 0 { output.write(",") }
            output.write("{\"source\":\(JSONLines.json(source.name)),\"target\":\(JSONLines.json(target.name)),")
            output.write("\"document\":\(JSONLines.json(document)),\"lengthRatio\":\((alignment.lengthRatio * 1000).rounded() / 1000),")
            output.write("\"translationFit\":\((alignment.translationFit * 100).rounded() / 100),\"beads\":[")
            jsonDocuments += 1
        }
        try openReview()
        var units: [TranslationUnit] = []
        let now = Date()
        if let rendered { output.write(rendered) } else { renderer.render(alignment, document: batch ? document : nil, into: output) }
        try output.flushIfFull()
        for (k, bead) in alignment.beads.enumerated() {
            if bead.confidence >= threshold, !bead.kind.isNull {
                units.append(TranslationUnit(
                    variants: [Variant(language: from.identifier, text: Self.side(source, bead.source)),
                               Variant(language: to.identifier, text: Self.side(target, bead.target))],
                    created: now, changed: now, origin: "align", document: document,
                    previous: bead.source.lowerBound > 0 ? source.texts[bead.source.lowerBound - 1] : nil,
                    next: bead.source.upperBound < source.texts.count ? source.texts[bead.source.upperBound] : nil))
            } else if bead.confidence < threshold {
                totals.review += 1
                listForReview(bead, k, alignment, document: document)
            }
        }
        if command.format == .json { output.write(batch ? "]}" : "]}\n") }
        if alignment.translationFit < 0.5 {
            totals.untranslated += 1
            let scale = (alignment.translationFit * 100).rounded() / 100
            warn("\(source.name) and \(target.name) do not read as an article and its translation: their sentences pair poorly, "
                 + "so every bead's confidence is scaled by \(scale) (but a pair the memory holds); check that the two files belong together")
        }
        totals.pairs += 1
        totals.beads += alignment.beads.count
        // The pair's beads to check are on disk before its units are stored: a review file that
        // cannot be written stops the run with the memory as it was.
        try review?.flush()
        if storing, !units.isEmpty, let openStore {
            let store = try self.store ?? openStore()
            self.store = store
            // One transaction per document pair: it lands whole or not at all.
            let summary = try store.write { session in
                for unit in units { try session.add(unit) }
                return session.summary
            }
            storedPairs += 1
            totals.stored += summary.added
            totals.duplicates += summary.duplicates
        }
    }

    /// A bead's side as one text: its segments exactly as written, or joined by a space when they
    /// come from two paragraphs.
    static func side(_ text: SegmentedText, _ range: Range<Int>) -> String {
        if range.count == 2, text.segments[range.lowerBound].paragraph != text.segments[range.upperBound - 1].paragraph {
            return text.texts[range].joined(separator: " ")
        }
        return text.text(of: range)
    }

    private func listForReview(_ bead: Bead, _ k: Int, _ alignment: Alignment, document: String) {
        let sources = alignment.source.texts[bead.source], targets = alignment.target.texts[bead.target]
        if let review {
            review.write("{\"document\":\(JSONLines.json(document)),\"bead\":\(k),")
            review.write("\"source\":[\(sources.map(JSONLines.json).joined(separator: ","))],")
            review.write("\"target\":[\(targets.map(JSONLines.json).joined(separator: ","))],")
            review.write("\"kind\":\"\(bead.kind.rawValue)\",\"confidence\":\(bead.confidence)}\n")
        } else if storing {
            let shown = [sources, targets].map { $0.isEmpty ? "—" : Self.oneLine($0.joined(separator: " ")) }
            FileHandle.standardError.write(Data(
                "werger: review: \(document): bead \(k) (\(bead.kind.rawValue), confidence \(bead.confidence)): \(shown[0]) ⟷ \(shown[1])\n".utf8))
        }
    }

    private func summarize() {
        var line = "aligned \(totals.pairs) document pair\(totals.pairs == 1 ? "" : "s"): \(totals.beads) beads"
        if storing { line += ", \(totals.stored) units stored, \(totals.duplicates) already in the memory" }
        line += ", \(totals.review) below confidence \(command.minConfidence)"
        if totals.failed > 0 { line += ", \(totals.failed) failed" }
        if totals.unmatched > 0 { line += ", \(totals.unmatched) without a counterpart" }
        // Warned about one by one, which a long batch's progress scrolls past: counted again here.
        if totals.untranslated > 0 {
            line += ", \(totals.untranslated) pair\(totals.untranslated == 1 ? "" : "s") that do\(totals.untranslated == 1 ? "es" : "") not read as a translation"
        }
        FileHandle.standardError.write(Data("werger: \(line)\n".utf8))
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    static func tsvField(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Writes beads in the chosen format. A value, so the workers of a batch render their documents'
/// beads in parallel, each into its own buffer.
struct BeadRenderer: Sendable {
    let format: AlignFormat
    let minConfidence: Double
    let from: LanguageTag
    let to: LanguageTag
    /// `--document`: the name a single pair's units carry.
    let document: String?

    /// The beads of one aligned document pair; `document` names it in batch output.
    func render(_ alignment: Alignment, document: String?, into output: Output) {
        for (k, bead) in alignment.beads.enumerated() { render(bead, k, alignment, document: document, into: output) }
    }

    private func render(_ bead: Bead, _ k: Int, _ alignment: Alignment, document: String?, into output: Output) {
        let sources = alignment.source.texts[bead.source], targets = alignment.target.texts[bead.target]
        switch format {
        case .jsonl, .json:
            if format == .json, k > 0 { output.write(",") }
            output.write("{\"source\":")
            output.writeJSON(sources)
            output.write(",\"target\":")
            output.writeJSON(targets)
            output.write(",\"kind\":\"\(bead.kind.rawValue)\",\"confidence\":\(bead.confidence)")
            if let document { output.write(",\"document\":\(JSONLines.json(document))") }
            output.write(format == .jsonl ? "}\n" : "}")
        case .tsv:
            if let document { output.write(AlignJob.tsvField(document) + "\t") }
            output.write(AlignJob.tsvField(sources.joined(separator: " ")) + "\t" + AlignJob.tsvField(targets.joined(separator: " ")))
            output.write("\t\(bead.kind.rawValue)\t\(bead.confidence)\n")
        case .text:
            let mark = bead.confidence < minConfidence ? "?" : " "
            output.write("\(bead.kind.rawValue) \(String(format: "%.2f", bead.confidence))\(mark) ")
            output.write((sources.isEmpty ? "—" : AlignJob.oneLine(sources.joined(separator: " "))) + "\n")
            output.write("           " + (targets.isEmpty ? "—" : AlignJob.oneLine(targets.joined(separator: " "))) + "\n")
        case .tmx:
            guard bead.confidence >= minConfidence, !bead.kind.isNull else { return }
            var unit = TranslationUnit(
                variants: [Variant(language: from.identifier, text: AlignJob.side(alignment.source, bead.source)),
                           Variant(language: to.identifier, text: AlignJob.side(alignment.target, bead.target))],
                origin: "align", document: document ?? self.document ?? URL(fileURLWithPath: alignment.source.name).lastPathComponent)
            unit.properties = [Property(type: "x-confidence", value: String(bead.confidence))]
            output.write(TMXWriter(sourceLanguage: from.identifier).unit(unit))
        }
    }
}

/// A batch's lexicon, learned from the memory's sentence pairs and the sure beads of the drafts so
/// far. Past `limit` beads of drafts (about the sentences of a thousand articles, enough for the
/// words a newsroom repeats) it stops learning, so a batch of any size holds a bounded amount of
/// evidence and is not re-learned.
struct LexiconLearning {
    let weights: AlignmentWeights
    let limit = 20_000
    /// How many of the memory's most recent sentence pairs join the evidence.
    static let memoryLimit = 20_000
    private var evidence: [LexiconEvidence] = []
    private var beads = 0
    private var lexicon: LearnedLexicon?

    /// `memory`: the memory's sentence pairs, evidence from the start.
    init(weights: AlignmentWeights, memory: LexiconEvidence) {
        self.weights = weights
        evidence = [memory]
    }

    /// Sure sentence pairs learned from so far (the memory's and the drafts').
    var evidenceCount: Int { evidence.reduce(0) { $0 + $1.count } }
    /// Whether the last lexicon brought a word model.
    var learnedWords: Bool { lexicon?.hasWordModel ?? false }

    mutating func learn(from new: [AlignmentDraft]) -> LearnedLexicon? {
        guard weights.learns, beads < limit else { return lexicon }
        for draft in new where beads < limit {
            evidence.append(draft.evidence)
            beads += draft.evidence.count
        }
        lexicon = LearnedLexicon(evidence: evidence, weights: weights)
        return lexicon
    }
}

extension Output {
    /// A JSON array of strings, escaped byte by byte (the batch writes a bead per line).
    func writeJSON(_ texts: ArraySlice<String>) {
        write(byte: 0x5B)
        for (k, text) in texts.enumerated() {
            if k > 0 { write(byte: 0x2C) }
            writeJSON(text)
        }
        write(byte: 0x5D)
    }

    /// A JSON string literal: `"` `\\` and control characters escaped, and U+2028/U+2029 (which
    /// JavaScript reads as line ends).
    func writeJSON(_ text: String) {
        write(byte: 0x22)
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once (a write per byte costs an
            // exclusivity check on the buffer each).
            var k = 0
            var run = 0
            while k < bytes.count {
                let b = bytes[k]
                if b >= 0x20, b != 0x22, b != 0x5C, b != 0xE2 { k += 1; continue }
                if run < k { write(UnsafeBufferPointer(rebasing: bytes[run..<k])) }
                run = k + 1
                switch b {
                case 0x22: write("\\\"")
                case 0x5C: write("\\\\")
                case 0x0A: write("\\n")
                case 0x0D: write("\\r")
                case 0x09: write("\\t")
                case 0..<0x20: write(String(format: "\\u%04x", Int(b)))
                case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                    write(bytes[k + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    k += 2
                    run = k + 1
                default: write(byte: b)
                }
                k += 1
            }
            if run < bytes.count { write(UnsafeBufferPointer(rebasing: bytes[run..<bytes.count])) }
        }
        write(byte: 0x22)
    }
}
