// Detection owns everything that turns a text into findings: the normalizer
// (undoes disguises once, keeping a map back to original offsets), a byte
// prefilter (text with nothing to find skips the recognizers), one recognizer
// per kind built from lexicon data files, and overlap resolution in one place.
//
// It does no I/O beyond loading its own lexicons and knows nothing of the export
// format: it is handed a text and returns findings.
