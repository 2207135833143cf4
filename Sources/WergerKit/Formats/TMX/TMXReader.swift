import CXML
import Foundation

/// Reads TMX 1.1–1.4b in bounded memory with libxml2's streaming reader: UTF-8 or UTF-16 with a
/// BOM, `xml:lang` or the old `lang`, `srclang="*all*"`, `<prop>`, `<note>`, dates, and level-2
/// inline markup (`<bpt> <ept> <ph> <it> <hi>`), kept verbatim so it is written back unchanged.
/// No DTD is loaded, nothing is fetched, no entity is expanded.
public struct TMXReader {
    public let path: String
    /// The name the units' `origin` and the diagnostics use (the file's name).
    public let name: String

    /// `name`: when the file is a copy (standard input spooled to a temporary file), the name the
    /// user knows it by.
    public init(path: String, name: String? = nil) {
        self.path = path
        self.name = name ?? URL(fileURLWithPath: path).lastPathComponent
    }

    /// Calls `unit` for every valid unit, `diagnostic` for every skipped one; throws `FormatError`
    /// when the file is not well-formed TMX (the caller's transaction then stores nothing of it).
    public func read(unit: (TranslationUnit) throws -> Void, diagnostic: (FormatDiagnostic) throws -> Void,
                     progress: ((Int64) -> Void)? = nil) throws {
        guard FileManager.default.isReadableFile(atPath: path), let reader = wxml_open_file(path) else {
            throw ImportError.unreadable(path)
        }
        defer { wxml_close(reader) }
        var parser = TMXParser(reader: reader, file: name)
        var count = 0
        try parser.run(unit: { value in
            try unit(value)
            count += 1
            if let progress, count & 4095 == 0 { progress(wxml_bytes_consumed(reader)) }
        }, diagnostic: diagnostic)
    }
}

/// The reading state machine over libxml2's node stream.
private struct TMXParser {
    let reader: OpaquePointer
    let file: String
    var languages = LanguageTagCache()
    var headerSourceLanguage: String?
    var sawRoot = false
    /// Set by `readSegment` when the segment's text cannot be known.
    var segmentProblem: String?

    init(reader: OpaquePointer, file: String) {
        self.reader = reader
        self.file = file
    }

    /// A unit being read, with what makes it invalid.
    struct OpenUnit {
        var unit: TranslationUnit
        var line: Int
        var sourceLanguage: String?
        var problem: String?
    }

    mutating func run(unit emit: (TranslationUnit) throws -> Void, diagnostic: (FormatDiagnostic) throws -> Void) throws {
        var open: OpenUnit?
        var variant: Variant?
        var variantProblem: String?
        while true {
            let status = wxml_read(reader)
            if status == 0 { break }
            if status < 0 { throw parseError() }
            let type = wxml_node_type(reader)
            guard type == WXML_ELEMENT || type == WXML_END_ELEMENT else { continue }
            let name = String(cString: wxml_name(reader))
            if type == WXML_ELEMENT {
                let empty = wxml_is_empty_element(reader) != 0
                if !sawRoot {
                    sawRoot = true
                    guard name == "tmx" else { throw FormatError(file: file, line: line, message: "not a TMX file: the root element is <\(name)>, not <tmx>") }
                    continue
                }
                switch name {
                case "header":
                    headerSourceLanguage = attribute("srclang")
                case "tu":
                    open = OpenUnit(
                        unit: TranslationUnit(id: attribute("tuid"), variants: [], created: attribute("creationdate").flatMap(TMXDate.parse),
                                              creator: attribute("creationid"), changed: attribute("changedate").flatMap(TMXDate.parse),
                                              changer: attribute("changeid"), origin: file),
                        line: line, sourceLanguage: attribute("srclang"))
                case "tuv":
                    variantProblem = nil
                    let tag = attribute("xml:lang") ?? attribute("lang")
                    var language = ""
                    if let tag {
                        switch languages.canonical(tag) {
                        case .success(let canonical): language = canonical
                        case .failure(let error): variantProblem = "<tuv> has \(error.description)"
                        }
                    } else {
                        variantProblem = "<tuv> has no xml:lang"
                    }
                    variant = Variant(language: language, text: "", created: attribute("creationdate").flatMap(TMXDate.parse),
                                      creator: attribute("creationid"), changed: attribute("changedate").flatMap(TMXDate.parse),
                                      changer: attribute("changeid"))
                case "seg":
                    let (text, markup) = empty ? ("", nil) : try readSegment()
                    variant?.text = text
                    variant?.markup = markup
                    if let problem = segmentProblem {
                        variantProblem = variantProblem ?? problem
                        segmentProblem = nil
                    }
                case "prop":
                    let type = attribute("type") ?? ""
                    let value = empty ? "" : try readText(until: "prop")
                    // Properties of a <tuv> stay with the unit: Werger keeps one list per unit.
                    if open != nil { Self.apply(Property(type: type, value: value), to: &open!.unit) }
                case "note":
                    let text = empty ? "" : try readText(until: "note")
                    open?.unit.notes.append(text)
                default:
                    break
                }
            } else {
                switch name {
                case "tuv":
                    if let finished = variant, open != nil {
                        if let problem = variantProblem {
                            open!.problem = open!.problem ?? problem
                        } else if !XMLCharacters.areSafe(finished.text) {
                            open!.problem = open!.problem ?? "<seg> holds characters XML does not allow"
                        } else {
                            open!.unit.variants.append(finished)
                        }
                    }
                    variant = nil
                case "tu":
                    if let finished = open { try finish(finished, emit: emit, diagnostic: diagnostic) }
                    open = nil
                default:
                    break
                }
            }
        }
        guard sawRoot else { throw FormatError(file: file, line: 1, message: "empty file: no <tmx> element") }
    }

    private mutating func finish(_ open: OpenUnit, emit: (TranslationUnit) throws -> Void,
                                 diagnostic: (FormatDiagnostic) throws -> Void) throws {
        if let problem = open.problem {
            try diagnostic(FormatDiagnostic(file: file, line: open.line, message: "\(problem)"))
            return
        }
        var unit = open.unit
        // An empty <seg> is an untranslated segment, not a translation.
        unit.variants.removeAll { $0.text.allSatisfy(\.isWhitespace) }
        guard unit.variants.count >= 2 else {
            try diagnostic(FormatDiagnostic(file: file, line: open.line,
                                            message: "<tu> has \(unit.variants.count) variant\(unit.variants.count == 1 ? "" : "s") with text, a unit needs two or more"))
            return
        }
        // The source language's variant first: stats and exports read it as the source.
        let source = [open.sourceLanguage, headerSourceLanguage].compactMap { $0 }.first { $0 != "*all*" }
        if let source, case .success(let canonical) = languages.canonical(source),
           let index = unit.variants.firstIndex(where: { $0.language == canonical })
                ?? unit.variants.firstIndex(where: { $0.language.hasPrefix(canonical + "-") }), index > 0 {
            unit.variants.insert(unit.variants.remove(at: index), at: 0)
        }
        try emit(unit)
    }

    /// Werger's own properties fill the unit's fields; the rest are kept as they are.
    private static func apply(_ property: Property, to unit: inout TranslationUnit) {
        switch property.type {
        case "x-document": unit.document = property.value
        case "x-previous": unit.previous = property.value
        case "x-next": unit.next = property.value
        case "x-origin": if !property.value.isEmpty { unit.origin = property.value }
        default: unit.properties.append(property)
        }
    }

    /// The `<seg>` at the cursor: its text (inline codes left out, `<hi>` text kept) and, when it
    /// holds elements, its inner XML, read by libxml2 in one call. The main loop then walks past the
    /// segment's content, which it ignores.
    private mutating func readSegment() throws -> (String, String?) {
        var text: UnsafeMutablePointer<CChar>?
        var markup: UnsafeMutablePointer<CChar>?
        let status = wxml_read_segment(reader, &text, &markup)
        guard status >= 0 else { throw parseError() }
        if status == 1 { segmentProblem = "<seg> uses an entity that is not declared in the file" }
        defer {
            wxml_free(text)
            wxml_free(markup)
        }
        return (text.map { String(cString: $0) } ?? "", markup.map { String(cString: $0) })
    }

    /// The text content of the element at the cursor, up to its end tag.
    private mutating func readText(until element: String) throws -> String {
        let depth = wxml_depth(reader)
        var text = ""
        while true {
            let status = wxml_read(reader)
            if status <= 0 { throw status < 0 ? parseError() : FormatError(file: file, line: line, message: "the file ends inside <\(element)>") }
            let type = wxml_node_type(reader)
            if type == WXML_END_ELEMENT && wxml_depth(reader) == depth { return text }
            if type == WXML_TEXT || type == WXML_CDATA || type == WXML_WHITESPACE || type == WXML_SIGNIFICANT_WHITESPACE {
                text += String(cString: wxml_value(reader))
            }
        }
    }

    private func attribute(_ name: String) -> String? {
        guard let value = wxml_attribute(reader, name) else { return nil }
        defer { wxml_free(value) }
        return String(cString: value)
    }

    private var line: Int { Int(wxml_line(reader)) }

    private func parseError() -> FormatError {
        let message = String(cString: wxml_error_message(reader))
        let line = Int(wxml_error_line(reader))
        let column = Int(wxml_error_column(reader))
        return FormatError(file: file, line: max(line, 1), column: column > 0 ? column : nil,
                           message: message.isEmpty ? "malformed XML" : message)
    }
}
