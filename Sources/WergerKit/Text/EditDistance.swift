/// Levenshtein distance (insert, delete, substitute: 1 each) with two rows: between tag spellings
/// for suggestions, punctuation sequences and word-hash sequences for matching.
func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
    editDistance(a, b, limit: Int.max)!
}

/// The distance, or nil as soon as it must exceed `limit` (every entry of a row is above it).
func editDistance<T: Equatable>(_ a: [T], _ b: [T], limit: Int) -> Int? {
    if abs(a.count - b.count) > limit { return nil }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = i
        let x = a[i - 1]
        for j in 1...b.count {
            let value = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x == b[j - 1] ? 0 : 1))
            current[j] = value
            if value < rowMinimum { rowMinimum = value }
        }
        if rowMinimum > limit { return nil }
        swap(&previous, &current)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
