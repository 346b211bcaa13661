// StoppedAtDamage.swift: the error that --strict raises at the first damage.

/// The error that `--strict` raises at the first damage, after reporting it.
struct StoppedAtDamage: Error, CustomStringConvertible {
    var description: String { "stopped at the first damaged record (--strict)" }
}
