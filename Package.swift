// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Werger",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "WergerKit", targets: ["WergerKit"]),
        .executable(name: "werger", targets: ["werger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    ],
    targets: [
        // The system ICU behind a header that includes only <stdint.h>: any ICU header that
        // reaches a Swift module next to Foundation breaks the build (notes/platform.md).
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // libxml2's streaming reader behind the same kind of plain-C header.
        .target(
            name: "CXML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // zlib, to read the bilingual dictionaries dictd installs (`.dict.dz`).
        .target(
            name: "CGzip",
            linkerSettings: [.linkedLibrary("z")]
        ),
        .target(
            name: "WergerKit",
            dependencies: ["CICU", "CXML", "CGzip", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift")],
            resources: [.copy("Segmentation/Rules")]
        ),
        .executableTarget(
            name: "werger",
            dependencies: ["WergerKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "werger-bench",
            dependencies: ["WergerKit", "CICU"]
        ),
        .testTarget(
            name: "WergerKitTests",
            dependencies: ["WergerKit", .product(name: "GRDB", package: "GRDB.swift")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "wergerTests",
            dependencies: ["werger"],
            // Fixtures are read through #filePath: their exact bytes matter (encodings, BOMs).
            exclude: ["Fixtures"]
        ),
    ]
)
