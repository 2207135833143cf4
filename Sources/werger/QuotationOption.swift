import ArgumentParser
import WergerKit

/// `--quotations` of segment, translate and analyze: how a quotation of several sentences is cut.
enum QuotationOption: String, ExpressibleByArgument, CaseIterable {
    /// One segment, as a translator edits it (the default).
    case whole
    /// One segment a sentence, as `werger align` pairs and stores them: a memory filled by alignment
    /// then matches a quotation's sentences exactly.
    case sentences

    var policy: QuotationPolicy { self == .whole ? .whole : .bySentence }

    static let help: ArgumentHelp = """
        A quotation of several sentences: whole (one segment) or sentences (one segment each, as \
        werger align cuts it).
        """
}
