import Foundation
@testable import WergerKit

/// A memory in a fresh temporary folder, removed when the test ends.
final class TemporaryMemory {
    let folder: URL
    var location: MemoryLocation { MemoryLocation(folder: folder) }

    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("werger-memory-\(UUID().uuidString)")
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func open() throws -> SQLiteMemory { try Importer.openMemory(at: location) }

    /// Writes `text` to a file in the folder's parent area and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let dir = folder.deletingLastPathComponent().appendingPathComponent("werger-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

func unit(_ pairs: (String, String)..., origin: String = "test") -> TranslationUnit {
    TranslationUnit(variants: pairs.map { Variant(language: $0.0, text: $0.1) }, origin: origin)
}

/// All units of a memory, in storage order.
func allUnits(_ memory: TranslationMemoryReader, languages: [LanguageTag]? = nil) throws -> [TranslationUnit] {
    var units: [TranslationUnit] = []
    try memory.forEachUnit(languages: languages) { units.append($0) }
    return units
}
