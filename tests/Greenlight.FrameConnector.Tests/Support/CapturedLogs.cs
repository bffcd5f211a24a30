using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Greenlight.FrameConnector.Tests.Support;

/// <summary>Every log line the client writes, at every level, with its exception, as text to search.</summary>
public sealed class CapturedLogs : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    public CapturedLogs() => Factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Provider(_lines)));

    public ILoggerFactory Factory { get; }

    public IReadOnlyList<string> Lines => [.. _lines];

    public void Dispose() => Factory.Dispose();

    private sealed class Provider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");
    }
}
