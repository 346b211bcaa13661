import Foundation
import TestSupport
import Testing

@testable import TensorBoardEvents

/// One case of fixtures/smoothing/cases.json: TensorBoard's own smoothing code (from its frontend bundle) run
/// in V8 by scripts/make_smoothing_fixtures.py.
private struct SmoothingCase: Decodable {
    var name: String
    var weight: Double
    var values: [String]
    var smoothed: [String]

    func doubles(_ hex: [String]) -> [Double] { hex.map { Double(bitPattern: UInt64($0, radix: 16) ?? 0) } }
}

private let smoothingCases: [SmoothingCase] = {
    struct File: Decodable { var cases: [SmoothingCase] }
    let url = URL(fileURLWithPath: packageRoot + "/fixtures/smoothing/cases.json")
    return (try? JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases) ?? []
}()

@Suite struct SmoothingTests {
    @Test func fixtureIsPresent() {
        #expect(smoothingCases.count == 16)
        #expect(smoothingCases.allSatisfy { $0.values.allSatisfy { UInt64($0, radix: 16) != nil } })
    }

    @Test func aNonFiniteWeightCountsAsZeroAsInTheDashboard() {
        let values = [1.0, 5, -2, 0.25]
        #expect(Smoothing.smooth(values, weight: .nan) == values)
        #expect(Smoothing.smooth(values, weight: .infinity) == values)
    }

    @Test func matchesTensorBoardBitForBitOnTheEdgeCasesAndTheDefaultWeight() {
        for testCase in smoothingCases where [0.6, 0.3, 0, 1, 1.5, -0.2].contains(testCase.weight) {
            let result = Smoothing.smooth(testCase.doubles(testCase.values), weight: testCase.weight)
            #expect(
                result.map(\.bitPattern) == testCase.doubles(testCase.smoothed).map(\.bitPattern),
                "\(testCase.name)"
            )
        }
    }

    @Test func differsFromTheBrowserOnlyInRarePointsAndOnlyInTheLastDigitsForOtherWeights() {
        for testCase in smoothingCases where ![0.6, 0.3, 0, 1, 1.5, -0.2].contains(testCase.weight) {
            let result = Smoothing.smooth(testCase.doubles(testCase.values), weight: testCase.weight)
            let expected = testCase.doubles(testCase.smoothed)
            var differing = 0
            for (ours, theirs) in zip(result, expected) where ours.bitPattern != theirs.bitPattern {
                differing += 1
                // One unit in the last place of the browser's w^n, divided by 1 − w^n, can move the result by a
                // few dozen units in its last place when w is close to 1; never more than that.
                #expect(abs(ours - theirs) <= abs(theirs) * 1e-13, "\(testCase.name): \(ours) vs \(theirs)")
            }
            #expect(
                differing * 20 <= expected.count,
                "\(testCase.name): \(differing) of \(expected.count) points differ"
            )
        }
    }
}
