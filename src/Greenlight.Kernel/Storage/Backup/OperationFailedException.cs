namespace Greenlight.Kernel.Storage.Backup;

/// <summary>An operator's command (backup, restore, import) cannot go on; the message says why and what to do, in one line.</summary>
public sealed class OperationFailedException(string message) : Exception(message);
