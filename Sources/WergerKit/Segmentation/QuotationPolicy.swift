/// What a segmenter does with a quotation that holds more than one sentence.
public enum QuotationPolicy: Sendable {
    /// The quotation is one segment, with its attribution: `"We are a poor country. But we do have
    /// dignity," he said.` — what a translator expects to see as one unit in a CAT tool, and what
    /// the public golden cases ask for.
    case whole
    /// Each sentence of the quotation is a segment (the attribution stays with the last one), except
    /// at an ellipsis. Translations are made and published sentence by sentence, so this is how a
    /// document and its translation line up: NTREX's English cuts about 95 multi-sentence
    /// quotations and keeps 2 whole, and a quotation's marks often do not balance across languages
    /// (Kurmanji ``…``, a quotation left unclosed), which would otherwise join sentences on one side only.
    case bySentence
}
