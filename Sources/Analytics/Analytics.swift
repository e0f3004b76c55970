// Analytics owns the mergeable counters that workers fill and the report
// tables computed from them.
