// Pipeline runs the stages concurrently, merges per-worker partial results and
// owns the error policy: report, count, continue, and let the exit status say
// what happened.
