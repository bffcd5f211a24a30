namespace Greenlight.Kernel.Composition;

/// <summary>A setting the host cannot start with; thrown before anything is created, and printed as one line.</summary>
public sealed class InvalidSettingsException(string message) : Exception(message);
