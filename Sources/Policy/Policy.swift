// Policy owns the rule being measured: epochs with their dates, what each
// permits by phase, the exceptions and the lists they use; the room ledger
// (phases, plans, relationships across rooms); and the verdict of each finding.
