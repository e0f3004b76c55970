/// The version recorded with every run (`runs.tool_version`) and printed by `--version`.
public enum ToolVersion {
    public static let current = "0.1.0"
}
