/// Writes TMX 1.4b, valid against `tmx14.dtd`: one `<tu>` per unit, dates in TMX's basic ISO 8601
/// form, Werger's fields as `x-` properties, level-2 inline markup written back as it was read.
/// Output is a function of the units alone (no export timestamp), so exports are reproducible.
public struct TMXWriter {
    /// The header's `srclang`: a language tag, or `*all*` for units of many languages.
    public var sourceLanguage: String

    public init(sourceLanguage: String = "*all*") { self.sourceLanguage = sourceLanguage }

    public var header: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
          <header creationtool="Werger" creationtoolversion="\(WergerVersion.current)" datatype="plaintext" segtype="sentence" adminlang="en" srclang="\(escapeAttribute(sourceLanguage))" o-tmf="Werger"/>
          <body>

        """
    }

    public var footer: String { "  </body>\n</tmx>\n" }

    public func unit(_ unit: TranslationUnit) -> String {
        var out = "    <tu"
        if let id = unit.id { out += " tuid=\"\(escapeAttribute(id))\"" }
        out += dates(created: unit.created, creator: unit.creator, changed: unit.changed, changer: unit.changer)
        out += ">\n"
        for note in unit.notes { out += "      <note>\(escapeText(note))</note>\n" }
        var properties: [Property] = []
        if let document = unit.document { properties.append(Property(type: "x-document", value: document)) }
        if let previous = unit.previous { properties.append(Property(type: "x-previous", value: previous)) }
        if let next = unit.next { properties.append(Property(type: "x-next", value: next)) }
        properties.append(Property(type: "x-origin", value: unit.origin))
        properties += unit.properties
        for property in properties {
            out += "      <prop type=\"\(escapeAttribute(property.type))\">\(escapeText(property.value))</prop>\n"
        }
        for variant in unit.variants {
            out += "      <tuv xml:lang=\"\(escapeAttribute(variant.language))\""
            out += dates(created: variant.created, creator: variant.creator, changed: variant.changed, changer: variant.changer)
            out += "><seg>\(variant.markup ?? escapeText(variant.text))</seg></tuv>\n"
        }
        out += "    </tu>\n"
        return out
    }

    private func dates(created: Date?, creator: String?, changed: Date?, changer: String?) -> String {
        var out = ""
        if let created { out += " creationdate=\"\(TMXDate.format(created))\"" }
        if let creator { out += " creationid=\"\(escapeAttribute(creator))\"" }
        if let changed { out += " changedate=\"\(TMXDate.format(changed))\"" }
        if let changer { out += " changeid=\"\(escapeAttribute(changer))\"" }
        return out
    }
}

import Foundation

/// XML text content: `&`, `<`, `>` escaped (`>` too, so `]]>` never appears), CR as a reference
/// (a parser turns a raw CR into LF), and what XML cannot hold left out (`XMLCharacters`).
func escapeText(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 < 0x20 && $0 != 0x09 && $0 != 0x0A || $0 == 0xEF })
    else { return text }
    return escaping(text) { scalar in
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\r": return "&#13;"
        case _ where XMLCharacters.isUnwritable(scalar): return ""
        default: return nil
        }
    }
}

/// An XML attribute value in double quotes; line breaks and tabs as references so they survive.
func escapeAttribute(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 < 0x20 }) else { return text }
    return escaping(text) { scalar in
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "\n": return "&#10;"
        case "\r": return "&#13;"
        case "\t": return "&#9;"
        case _ where XMLCharacters.isUnwritable(scalar): return ""
        default: return nil
        }
    }
}

/// Werger's version, as written into the files it makes.
public enum WergerVersion {
    public static let current = "0.1.0"
}
