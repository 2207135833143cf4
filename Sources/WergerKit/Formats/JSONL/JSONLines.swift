import Foundation

/// Translation units as JSON Lines, one unit per line:
/// `{"id":"…","variants":{"en":"…","ckb":"…"},"created":"…","origin":"…", …}` — the contract of
/// PRODUCT.md, plus what a round trip needs: `languages` (the variants' order), `changed`,
/// `creator`, `changer`, `document`, `previous`, `next`, `notes`, `properties`, `markup` (inline
/// codes per language) and `variantDates`.
public enum JSONLines {
    public static func line(_ unit: TranslationUnit) -> String {
        var out = "{\"id\":" + json(unit.id ?? unit.fingerprint)
        out += ",\"variants\":{" + unit.variants.map { json($0.language) + ":" + json($0.text) }.joined(separator: ",") + "}"
        if let created = unit.created { out += ",\"created\":" + json(TMXDate.format(created)) }
        out += ",\"origin\":" + json(unit.origin)
        out += ",\"languages\":[" + unit.variants.map { json($0.language) }.joined(separator: ",") + "]"
        if let changed = unit.changed { out += ",\"changed\":" + json(TMXDate.format(changed)) }
        if let creator = unit.creator { out += ",\"creator\":" + json(creator) }
        if let changer = unit.changer { out += ",\"changer\":" + json(changer) }
        if let document = unit.document { out += ",\"document\":" + json(document) }
        if let previous = unit.previous { out += ",\"previous\":" + json(previous) }
        if let next = unit.next { out += ",\"next\":" + json(next) }
        if !unit.notes.isEmpty { out += ",\"notes\":[" + unit.notes.map(json).joined(separator: ",") + "]" }
        if !unit.properties.isEmpty {
            out += ",\"properties\":[" + unit.properties.map { "{\"type\":" + json($0.type) + ",\"value\":" + json($0.value) + "}" }
                .joined(separator: ",") + "]"
        }
        let marked = unit.variants.filter { $0.markup != nil }
        if !marked.isEmpty { out += ",\"markup\":{" + marked.map { json($0.language) + ":" + json($0.markup!) }.joined(separator: ",") + "}" }
        let dated = unit.variants.filter { $0.created != nil || $0.changed != nil || $0.creator != nil || $0.changer != nil }
        if !dated.isEmpty {
            out += ",\"variantDates\":{" + dated.map { v in
                var fields: [String] = []
                if let c = v.created { fields.append("\"created\":" + json(TMXDate.format(c))) }
                if let c = v.creator { fields.append("\"creator\":" + json(c)) }
                if let c = v.changed { fields.append("\"changed\":" + json(TMXDate.format(c))) }
                if let c = v.changer { fields.append("\"changer\":" + json(c)) }
                return json(v.language) + ":{" + fields.joined(separator: ",") + "}"
            }.joined(separator: ",") + "}"
        }
        return out + "}\n"
    }

    /// A JSON string literal.
    public static func json(_ string: String) -> String {
        "\"" + escaping(string) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{2028}": return "\\u2028"
            case "\u{2029}": return "\\u2029"
            default: return scalar.value < 0x20 ? String(format: "\\u%04x", scalar.value) : nil
            }
        } + "\""
    }
}

/// Reads a JSON Lines file of units (as `JSONLines` writes them; `variants` alone is enough).
public struct JSONLinesReader {
    public let path: String
    public let name: String

    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? URL(fileURLWithPath: path).lastPathComponent
    }

    public func read(unit: (TranslationUnit) throws -> Void, diagnostic: (FormatDiagnostic) throws -> Void) throws {
        var records = try ByteRecords(path: path, name: name)
        var tags = LanguageTagCache()
        while let record = try records.next(quoted: false) {
            if record.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            _ = try records.string(record[...])
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any] else {
                    throw FormatError(file: name, line: records.line, message: "a line must hold one JSON object")
                }
                object = parsed
            } catch let error as FormatError {
                throw error
            } catch {
                throw FormatError(file: name, line: records.line, message: "not valid JSON")
            }
            guard let texts = object["variants"] as? [String: String] else {
                try diagnostic(FormatDiagnostic(file: name, line: records.line, message: "no \"variants\" object of language: text"))
                continue
            }
            // `languages` gives the order; a variant it leaves out is still read, after the others.
            var order: [String] = []
            for language in (object["languages"] as? [String] ?? []) + texts.keys.sorted() where !order.contains(language) {
                order.append(language)
            }
            var variants: [Variant] = []
            var problem: String?
            let markup = object["markup"] as? [String: String] ?? [:]
            let dates = object["variantDates"] as? [String: [String: String]] ?? [:]
            for language in order {
                guard let text = texts[language], !text.allSatisfy(\.isWhitespace) else { continue }
                switch tags.canonical(language) {
                case .success(let canonical):
                    let d = dates[language] ?? [:]
                    variants.append(Variant(language: canonical, text: text, markup: markup[language],
                                            created: d["created"].flatMap(TMXDate.parse), creator: d["creator"],
                                            changed: d["changed"].flatMap(TMXDate.parse), changer: d["changer"]))
                case .failure(let error):
                    problem = error.description
                }
            }
            if problem == nil, variants.count < 2 { problem = "fewer than two variants" }
            if problem == nil, !variants.allSatisfy({ XMLCharacters.areSafe($0.text) }) { problem = "control characters in a text" }
            if let problem {
                try diagnostic(FormatDiagnostic(file: name, line: records.line, message: "\(problem)"))
                continue
            }
            let properties = (object["properties"] as? [[String: String]] ?? []).compactMap { p -> Property? in
                guard let type = p["type"], let value = p["value"] else { return nil }
                return Property(type: type, value: value)
            }
            try unit(TranslationUnit(
                id: object["id"] as? String, variants: variants, created: (object["created"] as? String).flatMap(TMXDate.parse),
                creator: object["creator"] as? String, changed: (object["changed"] as? String).flatMap(TMXDate.parse),
                changer: object["changer"] as? String, origin: (object["origin"] as? String).flatMap { $0.isEmpty ? nil : $0 } ?? name,
                document: object["document"] as? String, previous: object["previous"] as? String, next: object["next"] as? String,
                notes: object["notes"] as? [String] ?? [], properties: properties))
        }
    }
}
