extension Array where Element: Comparable {
    /// Where `value` is in this sorted array, if it is there (a binary search: the aligner's token
    /// and stem lists are kept sorted so that no hashing is needed on its hot paths).
    func sortedIndex(of value: Element) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < count && self[low] == value ? low : nil
    }
}
