/// `text` with each Unicode scalar that `replacement` maps replaced by its replacement: the one
/// loop behind XML, TSV and JSON escaping (each format only says which characters and how).
func escaping(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
    }
    return out
}
