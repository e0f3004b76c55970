// Analytics owns the facts a run contributes and the report tables computed
// from them.
//
// Facts are values that merge (counters keyed by their dimensions, lists of
// findings and calls), so per-worker and per-partition results combine in any
// order. A run's facts are settled in two steps: `SettledFacts` once each
// room's whole history is known (phases, roles, plans, offered channels), and
// `RunFacts` once findings are judged — the only step that needs every room at
// once (existing relationships cross rooms). Reports are computed from facts
// summed over every run in the database, so nights accumulate.
