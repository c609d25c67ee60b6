// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PlazaDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "plazadesk", targets: ["plazadesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "EscPos"),
        .target(
            name: "DeskResources",
            path: "Resources",
            exclude: [],
            resources: [.copy("Files")]
        ),
        .target(
            name: "DeskDomain",
            dependencies: [
                "DeskResources",
                "EscPos",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["Ledger/GUARANTEES.md"]
        ),
        .target(
            name: "DeskUI",
            dependencies: ["DeskDomain", "CNcursesw"]
        ),
        .executableTarget(
            name: "plazadesk",
            dependencies: [
                "DeskDomain",
                "DeskUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DeskDomainTests", dependencies: ["DeskDomain", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "DeskUITests", dependencies: ["DeskUI", "DeskDomain"]),
        .testTarget(name: "EscPosTests", dependencies: ["EscPos"]),
        .testTarget(name: "SlipTests", dependencies: ["DeskDomain", "EscPos"], exclude: ["Golden"]),
        .testTarget(name: "EndToEndTests", dependencies: ["DeskDomain", "plazadesk"]),
    ]
)
