import Foundation

extension BilingualDictionary {
    /// A dictd dictionary from a Latin-script language into English (FreeDict's `freedict-kur-eng`,
    /// 5,200 Kurmanji headwords), read the other way: each one-word English translation becomes a
    /// headword whose keys are the first four letters, without accents, of the words it translates
    /// (`building` → `avah` of `avahî`). A Kurmanji word in a text carries case endings after its stem,
    /// so its own first four letters meet the key (`avahiyên`).
    ///
    /// Over ten draws of the development and held-out documents (en–kmr; counted by a script that
    /// builds the same keys), counting only a sentence's keys that the other document holds
    /// somewhere: a sentence's translation holds 58% of them, a neighbouring sentence's 13%, with
    /// some four keys a sentence.
    static func reversed(index: String, data: String) throws(BilingualDictionaryError) -> BilingualDictionary {
        var translations: [UInt64: [UInt64]] = [:]
        try Self.entries(index: index, data: data) { (headwordBytes, entryBytes) throws(BilingualDictionaryError) in
            guard let headword = String(validating: headwordBytes, as: UTF8.self) else {
                throw BilingualDictionaryError(file: index, reason: "cannot be read as UTF-8")
            }
            // A one-word headword of three letters or more, folded as the text's words are.
            let letters = headword.unicodeScalars.map(\.value)
            guard letters.count >= 3, letters.allSatisfy(AnchorTokenizer.isLatinLetter) else { return }
            let key = Self.key(letters.prefix(4).map { AnchorTokenizer.withoutAccent(AnchorTokenizer.lowercase($0)) })
            let entry = String(decoding: entryBytes, as: UTF8.self)
            // The lines after the headword's: English translations, alternatives separated by `,` or `;`.
            for alternative in entry.split(separator: "\n").dropFirst().flatMap({ $0.split(whereSeparator: { $0 == "," || $0 == ";" }) }) {
                var word = alternative.trimmingCharacters(in: .whitespaces).lowercased()
                if word.hasPrefix("to ") { word.removeFirst(3) }  // verbs: `to build`
                guard word.count >= 3, word.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { continue }
                let headword = Self.wordHash(word.unicodeScalars.map(\.value))
                if translations[headword, default: []].contains(key) == false { translations[headword, default: []].append(key) }
            }
        }
        let sorted = translations.sorted { $0.key < $1.key }
        var ranges: [UInt64] = [], keys: [UInt64] = []
        for (_, list) in sorted {
            ranges.append(UInt64(keys.count) << 8 | UInt64(min(list.count, 255)))
            keys += list.prefix(255)
        }
        return BilingualDictionary(headwords: sorted.map(\.key), ranges: ranges, keys: keys, name: index, targetScript: .latin)
    }
}
