/// Tab- and comma-separated translation units: a header row of language tags, one unit per row.
///
/// - CSV follows RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
/// - TSV writes a tab, line feed, carriage return or backslash inside a text as `\t`, `\n`, `\r`, `\\`.
/// A file without a header (two columns) is read with the languages the caller names.
public enum DelimitedFormat: String, Sendable {
    case tsv, csv

    var separator: UInt8 { self == .tsv ? 0x09 : 0x2C }

    /// The header row for `languages`.
    public func header(_ languages: [String]) -> String { row(languages) }

    /// One unit as a row with a field per language (empty when the unit has no such variant).
    /// With `exact`, a column takes only its own tag (the columns are the memory's tags); without,
    /// `ckb` also takes a `ckb-IQ` variant (the columns are the languages asked for).
    public func row(_ unit: TranslationUnit, languages: [String], exact: Bool = false) -> String {
        row(languages.map { language in
            (exact ? unit.variants.first { $0.language == language } : variantMatching(language, in: unit.variants))?.text ?? ""
        })
    }

    /// One row in this format, fields escaped, with its line end.
    public func row(_ fields: [String]) -> String {
        fields.map(encode).joined(separator: self == .tsv ? "\t" : ",") + (self == .tsv ? "\n" : "\r\n")
    }

    private func encode(_ field: String) -> String {
        switch self {
        case .tsv:
            guard field.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else { return field }
            return escaping(field) { scalar in
                switch scalar {
                case "\t": return "\\t"
                case "\n": return "\\n"
                case "\r": return "\\r"
                case "\\": return "\\\\"
                default: return nil
                }
            }
        case .csv:
            guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }

    /// Splits one record into fields.
    func fields(_ record: [UInt8], line: Int, file: String) throws(FormatError) -> [ArraySlice<UInt8>] {
        switch self {
        case .tsv:
            return record.split(separator: 0x09, omittingEmptySubsequences: false)
        case .csv:
            var fields: [ArraySlice<UInt8>] = []
            var current: [UInt8] = []
            var i = 0
            var quoted = false
            var fieldStart = true
            while i < record.count {
                let byte = record[i]
                if fieldStart && byte == 0x22 { quoted = true; fieldStart = false; i += 1; continue }
                fieldStart = false
                if quoted {
                    if byte == 0x22 {
                        if i + 1 < record.count && record[i + 1] == 0x22 { current.append(0x22); i += 2; continue }
                        quoted = false
                        i += 1
                        if i < record.count && record[i] != 0x2C {
                            throw FormatError(file: file, line: line, message: "text after a closing quote in a CSV field; double the quote (\"\") inside quoted text")
                        }
                        continue
                    }
                    current.append(byte)
                } else if byte == 0x2C {
                    fields.append(current[...])
                    current = []
                    fieldStart = true
                } else {
                    current.append(byte)
                }
                i += 1
            }
            if quoted { throw FormatError(file: file, line: line, message: "a quoted CSV field is not closed") }
            fields.append(current[...])
            return fields
        }
    }

    func decode(_ field: String) -> String {
        guard self == .tsv, field.contains("\\") else { return field }
        var out = ""
        var escaping = false
        for scalar in field.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out += "\t"
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default: out += "\\"; out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if escaping { out += "\\" }
        return out
    }
}

/// Reads a TSV or CSV file of translation units.
public struct DelimitedReader {
    public let path: String
    public let name: String
    public let format: DelimitedFormat
    /// Languages for a two-column file without a header (`--from`, `--to`).
    public let languages: [LanguageTag]?

    public init(path: String, name: String? = nil, format: DelimitedFormat, languages: [LanguageTag]? = nil) {
        self.path = path
        self.format = format
        self.languages = languages
        self.name = name ?? URL(fileURLWithPath: path).lastPathComponent
    }

    public func read(unit: (TranslationUnit) throws -> Void, diagnostic: (FormatDiagnostic) throws -> Void) throws {
        var records = try ByteRecords(path: path, name: name)
        var columns: [String]?
        var tags = LanguageTagCache()
        while let fields = try nextRow(&records) {
            if columns == nil {
                let first = try firstRow(fields, line: records.line, tags: &tags, diagnostic: diagnostic)
                columns = first.columns
                if first.isHeader { continue }
            }
            guard let columns else { continue }
            guard fields.count == columns.count else {
                try diagnostic(FormatDiagnostic(file: name, line: records.line,
                                                message: "\(fields.count) fields, the header has \(columns.count)"))
                continue
            }
            var variants: [Variant] = []
            for (language, field) in zip(columns, fields) where !field.isEmpty {
                variants.append(Variant(language: language, text: format.decode(field)))
            }
            guard variants.count >= 2 else {
                try diagnostic(FormatDiagnostic(file: name, line: records.line, message: "fewer than two texts in the row"))
                continue
            }
            guard variants.allSatisfy({ XMLCharacters.areSafe($0.text) }) else {
                try diagnostic(FormatDiagnostic(file: name, line: records.line, message: "control characters in a text"))
                continue
            }
            try unit(TranslationUnit(variants: variants, origin: name))
        }
        if columns == nil { throw Self.noRows(name) }
    }

    /// Reads only up to the first row, and fails as `read` would on it: a file whose first row is
    /// neither a header nor named by `--from`/`--to` is refused before a memory is opened.
    public func checkFirstRow() throws {
        var records = try ByteRecords(path: path, name: name)
        var tags = LanguageTagCache()
        guard let fields = try nextRow(&records) else { throw Self.noRows(name) }
        _ = try firstRow(fields, line: records.line, tags: &tags, diagnostic: { _ in })
    }

    /// The next row that holds more than spaces, split into its fields.
    private func nextRow(_ records: inout ByteRecords) throws -> [String]? {
        while let record = try records.next(quoted: format == .csv) {
            if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return try format.fields(record, line: records.line, file: name).map { try records.string($0) }
        }
        return nil
    }

    private static func noRows(_ name: String) -> FormatError { FormatError(file: name, line: 1, message: "empty file: no header and no rows") }

    /// The columns' languages from the first row: a header is a row of language tags; otherwise the
    /// caller's --from/--to name the columns.
    private func firstRow(_ fields: [String], line: Int, tags: inout LanguageTagCache,
                          diagnostic: (FormatDiagnostic) throws -> Void) throws -> (columns: [String], isHeader: Bool) {
        let asTags = fields.map { tags.canonical($0.trimmingCharacters(in: .whitespaces)) }
        // With --from/--to, a first row is a header only if it names those languages:
        // "No<TAB>Na" is an English–Kurmanji pair, not Norwegian and Nauru.
        let header = asTags.compactMap { try? $0.get() }
        let isHeader = fields.count >= 2 && header.count == fields.count
            && (languages == nil || Set(languages!.map(\.identifier)).isSubset(of: Set(header)))
        if isHeader { return (header, true) }
        if let languages, fields.count >= 2, header.count == fields.count {
            try diagnostic(FormatDiagnostic(file: name, line: line, message:
                "the first row looks like a header (\(header.joined(separator: ", "))) but --from/--to name "
                + "\(languages.map(\.identifier).joined(separator: ", ")); it is read as a pair of texts"))
        }
        guard let languages else {
            throw FormatError(file: name, line: line,
                              message: "the first row is not a header of language tags (e.g. en\(format == .tsv ? "\\t" : ",")ckb); add one, or pass --from and --to")
        }
        return (languages.map(\.identifier), false)
    }
}

import Foundation
