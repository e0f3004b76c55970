import Detection
import Pipeline

/// The detector every command uses: the shipped lexicons and recognizers.
func makeDetector() throws -> any TextDetector { try Detector.builtIn() }
