// Sweep+Domains.swift: each hyperparameter's type and domain for the sweep's experiment.

import TensorBoardEvents
import TensorBoardMonitoring

extension Sweep {
    /// The experiment's hyperparameters, sorted by name: each one's type (from the kind of its values) and its
    /// domain: the one given, or the distinct values the trials take, sorted as `hp.Discrete` sorts them
    /// (numbers ascending, strings by code point, `false` before `true`). `differs` is set when trials take more
    /// than one value.
    /// - Throws: `ConfigurationError` when a hyperparameter's values are of different kinds, a given domain names
    ///   no hyperparameter, or a trial's value lies outside its given domain.
    static func hparamInfos(
        of trials: [Trial],
        domains: [String: HParamsPluginData.Experiment.HParamInfo.Domain]
    ) throws(ConfigurationError) -> [HParamsPluginData.Experiment.HParamInfo] {
        var valuesByName: [String: [HParamValue]] = [:]
        for trial in trials {
            for (name, value) in trial.hparams where !(valuesByName[name]?.contains(value) ?? false) {
                valuesByName[name, default: []].append(value)
            }
        }
        if let unknown = domains.keys.sorted().first(where: { valuesByName[$0] == nil }) {
            throw ConfigurationError(
                type: "Sweep",
                parameter: "domains",
                received: unknown,
                allowed: "name hyperparameters of the settings or 'seed' (\(valuesByName.keys.sorted()))"
            )
        }
        var infos: [HParamsPluginData.Experiment.HParamInfo] = []
        for name in valuesByName.keys.sorted() {
            let values = try sortedOfOneKind(valuesByName[name] ?? [], name: name)
            let domain = domains[name] ?? .discrete(values.map(\.protobufValue))
            if let outside = values.first(where: { !contains(domain, $0) }) {
                throw ConfigurationError(
                    type: "Sweep",
                    parameter: "domains",
                    received: "\(name)=\(outside)",
                    allowed: "hold every value the settings give '\(name)'"
                )
            }
            var info = HParamsPluginData.Experiment.HParamInfo(
                name: name,
                type: values.first?.hparamsType ?? 0,
                domain: domain
            )
            info.differs = values.count > 1
            infos.append(info)
        }
        return infos
    }

    /// The distinct values, sorted; they must all be numbers, all strings or all Booleans.
    private static func sortedOfOneKind(
        _ values: [HParamValue],
        name: String
    ) throws(ConfigurationError)
        -> [HParamValue]
    {
        var numbers: [Double] = []
        var strings: [String] = []
        var bools: [Bool] = []
        for value in values {
            switch value {
            case .number(let number): numbers.append(number)
            case .string(let string): strings.append(string)
            case .bool(let bool): bools.append(bool)
            }
        }
        let kinds = [numbers.isEmpty, strings.isEmpty, bools.isEmpty].filter { !$0 }.count
        guard kinds <= 1 else {
            throw ConfigurationError(
                type: "Sweep",
                parameter: "settings",
                received: "\(name)=\(values.map(\.description))",
                allowed: "give each hyperparameter values of one kind (numbers, strings or Booleans)"
            )
        }
        return numbers.sorted().map(HParamValue.number)
            + strings.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }.map(HParamValue.string)
            + bools.sorted { !$0 && $1 }.map(HParamValue.bool)
    }

    /// Whether `value` lies in `domain`: among its values, or within its closed interval.
    private static func contains(_ domain: HParamsPluginData.Experiment.HParamInfo.Domain, _ value: HParamValue) -> Bool
    {
        switch (domain, value) {
        case (.discrete(let values), _): return values.contains(value.protobufValue)
        case (.interval(let min, let max), .number(let number)): return min <= number && number <= max
        case (.interval, _): return false
        }
    }
}
