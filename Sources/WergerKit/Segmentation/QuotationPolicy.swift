/// What a segmenter does with a quotation that holds more than one sentence.
public enum QuotationPolicy: Sendable {
    /// The quotation is one segment, with its attribution: `"We are a poor country. But we do have
    /// dignity," he said.` — what a translator expects to see as one unit in a CAT tool, and what
    /// the public golden cases ask for.
    case whole
    /// Each sentence of the quotation is a segment (the attribution stays with the last one). Translations
    /// are published sentence by sentence, so this is how a document and its translation line up:
    /// news corpora cut inside quotations (WMT's and NTREX's English do in all but 2 of about 90), and
    /// a quotation's marks often do not balance across languages (Kurmanji ``…`` or an unclosed “),
    /// which would otherwise join sentences on one side only.
    case bySentence
}
