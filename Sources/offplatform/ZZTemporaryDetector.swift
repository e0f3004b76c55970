// TEMPORARY (uncommitted): until the detector branch lands.
import Pipeline
import Detection
struct NoDetector: TextDetector { func findings(in text: String) -> [Finding] { [] } }
func makeDetector() throws -> any TextDetector { NoDetector() }
