// swift-tools-version: 6.0
//
// TensorBoard event logs for Swift: write them from a training loop, read any of them back.
// Layers depend only downward: CCRC32C and CZlib → TensorBoardEvents (bytes, records, events, summaries,
// logdirs) → TensorBoardMonitoring (Keras's monitor rules) → TensorBoardTraining (callbacks, metrics) and
// EventDumpKit (the CLI) → executables. Below TensorBoardEvents' files layer, CLibCrypto →
// TensorBoardObjectStorage (S3 locations, configuration, signing, the HTTP client) knows nothing of events.

import PackageDescription

let package = Package(
    name: "swift-tensorboard-events",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TensorBoardEvents", targets: ["TensorBoardEvents"]),
        .library(name: "TensorBoardTraining", targets: ["TensorBoardTraining"]),
        .library(name: "EventDumpKit", targets: ["EventDumpKit"]),
        .executable(name: "eventdump", targets: ["eventdump"]),
        .executable(name: "train-demo", targets: ["train-demo"]),
    ],
    targets: [
        // CRC-32C with a hardware path chosen at run time (function-level target attributes, no flags).
        .target(name: "CCRC32C"),
        // zlib from the system (Debian: zlib1g-dev), used to deflate PNG images.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "TensorBoardEvents",
            dependencies: ["CCRC32C", "CZlib", "TensorBoardObjectStorage"]
        ),
        // OpenSSL's libcrypto from the system (Debian: libssl-dev), for SHA-256 and HMAC-SHA256 on Linux; Apple
        // platforms use CryptoKit instead.
        .systemLibrary(
            name: "CLibCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // S3 object storage: s3:// locations, endpoints and addressing, the AWS tools' configuration, Signature
        // Version 4 and the object store the files layer reads and writes. Knows nothing of event files.
        .target(
            name: "TensorBoardObjectStorage",
            dependencies: [.target(name: "CLibCrypto", condition: .when(platforms: [.linux]))]
        ),
        // Keras's rules for judging a monitored metric (improvement, early stopping, trends), shared by the
        // callbacks and by eventdump's comparisons.
        .target(
            name: "TensorBoardMonitoring"
        ),
        .target(
            name: "TensorBoardTraining",
            dependencies: ["TensorBoardEvents", "TensorBoardMonitoring"]
        ),
        .target(
            name: "EventDumpKit",
            dependencies: ["TensorBoardEvents", "TensorBoardMonitoring"]
        ),
        .executableTarget(
            name: "eventdump",
            dependencies: ["EventDumpKit"]
        ),
        // The README's main job: trains a small model on a real data set with every callback.
        .executableTarget(
            name: "train-demo",
            dependencies: ["TensorBoardTraining", "EventDumpKit"]
        ),
        // Release-mode benchmarks; scripts/bench runs them beside the peers. Not a product.
        .executableTarget(
            name: "eventbench",
            dependencies: ["TensorBoardEvents"]
        ),
        // Writes a log directory of every summary kind and a manifest of what TensorBoard must show for it;
        // scripts/check-with-tensorboard runs it. Not a product.
        .executableTarget(
            name: "conformance-logdir",
            dependencies: ["TensorBoardEvents"]
        ),
        // Child processes for the tests (crash safety). Not a product.
        .executableTarget(
            name: "tbevents-testtool",
            dependencies: ["TensorBoardEvents"]
        ),
        // Helpers shared by the test targets. Not a product.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "TensorBoardEventsTests",
            dependencies: ["TensorBoardEvents", "CCRC32C", "TestSupport"]
        ),
        .testTarget(
            name: "TensorBoardMonitoringTests",
            dependencies: ["TensorBoardMonitoring", "TestSupport"]
        ),
        .testTarget(
            name: "TensorBoardTrainingTests",
            dependencies: ["TensorBoardTraining", "TestSupport"]
        ),
        .testTarget(
            name: "EventDumpKitTests",
            dependencies: ["EventDumpKit", "TestSupport"]
        ),
        .testTarget(
            name: "TensorBoardObjectStorageTests",
            dependencies: ["TensorBoardObjectStorage", "TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
