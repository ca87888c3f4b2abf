namespace Peregrine.Sdk.Testing;

/// <summary>One message a plugin logged while under test.</summary>
public sealed record CapturedLog(PluginLogSeverity Severity, string Component, string Message);
