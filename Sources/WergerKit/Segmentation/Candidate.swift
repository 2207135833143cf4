/// A place where a segment might end. ICU proposes most; Werger's scans add the ones ICU misses.
struct Candidate: Comparable {
    var position: Int
    /// Found by a pattern that is itself the evidence (a list item, a footnote mark before a new
    /// sentence, a photo credit): accepted without the word rules.
    var forced: Bool

    static func < (a: Candidate, b: Candidate) -> Bool {
        a.position != b.position ? a.position < b.position : (a.forced && !b.forced)
    }
}
