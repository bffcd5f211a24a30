using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Greenlight.Testing.Smtp;

/// <summary>
/// A minimal SMTP server on a free loopback port that keeps what it receives: enough of RFC 5321
/// for <see cref="System.Net.Mail.SmtpClient"/> (EHLO/HELO, AUTH PLAIN and LOGIN accepting any
/// credentials, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT), no TLS.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Name = "greenlight-smtp-sink";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly Lock _lock = new();
    private readonly List<ReceivedEmail> _messages = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly List<Task> _sessions = [];
    private string? _nextMessageRefusal;
    private string? _refusal;

    private SmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public static SmtpSink Start() => new();

    public string Host => IPAddress.Loopback.ToString();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public IReadOnlyList<ReceivedEmail> Messages
    {
        get { lock (_lock) return [.. _messages]; }
    }

    /// <summary>The next message's DATA is answered with this reply (a transient 451 by default) and not kept.</summary>
    public void RefuseNextMessage(string reply = "451 4.3.0 Mail server temporarily unavailable")
    {
        lock (_lock) _nextMessageRefusal = reply;
    }

    /// <summary>
    /// Until <see cref="AcceptMessages"/>, every message's DATA is answered with this reply (a transient 451 by default)
    /// and not kept: to the sender, the relay is down, and no message is ever half delivered.
    /// </summary>
    public void RefuseMessages(string reply = "451 4.3.0 Mail server temporarily unavailable")
    {
        lock (_lock) _refusal = reply;
    }

    public void AcceptMessages()
    {
        lock (_lock) _refusal = null;
    }

    /// <summary>The first <paramref name="count"/> messages, once that many have arrived; a <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<ReceivedEmail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource reached;
        lock (_lock)
        {
            if (_messages.Count >= count) return _messages[..count];
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
        }
        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The SMTP sink received {Messages.Count} of {count} expected message(s) within {timeout}.");
        }
        lock (_lock) return _messages[..count];
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] sessions;
        lock (_lock) sessions = [_accepting, .. _sessions];
        await Task.WhenAll(sessions).ContinueWith(_ => { }, TaskScheduler.Default); // a session cut short by the stop is expected
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_lock) _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        // Latin-1 maps every byte to one char and back, so 8-bit bodies survive until the MIME reader decodes them.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        var session = new SmtpSession();
        await writer.WriteLineAsync($"220 {Name} ESMTP");
        try
        {
            while (await reader.ReadLineAsync(_stopping.Token) is { } line)
            {
                if (!await AnswerAsync(line, session, reader, writer)) return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The sink is stopping, or the client hung up without QUIT.
        }
    }

    /// <summary>Answers one command; false once the client has said QUIT.</summary>
    private async Task<bool> AnswerAsync(string line, SmtpSession session, StreamReader reader, StreamWriter writer)
    {
        var space = line.IndexOf(' ');
        var verb = (space < 0 ? line : line[..space]).ToUpperInvariant();
        var argument = space < 0 ? "" : line[(space + 1)..];
        switch (verb)
        {
            case "EHLO":
                session.Reset();
                await writer.WriteAsync($"250-{Name}\r\n250-8BITMIME\r\n250 AUTH PLAIN LOGIN\r\n");
                break;
            case "HELO":
                session.Reset();
                await writer.WriteLineAsync($"250 {Name}");
                break;
            case "AUTH":
                session.AuthenticatedUser = await AuthenticateAsync(argument, reader, writer);
                await writer.WriteLineAsync(session.AuthenticatedUser is null ? "504 5.5.4 Unrecognized authentication type" : "235 2.7.0 Authentication successful");
                break;
            case "MAIL":
                session.Reset();
                session.MailFrom = AngleAddress(argument);
                await writer.WriteLineAsync("250 2.1.0 Ok");
                break;
            case "RCPT" when session.MailFrom is null:
                await writer.WriteLineAsync("503 5.5.1 MAIL first");
                break;
            case "RCPT":
                session.Recipients.Add(AngleAddress(argument));
                await writer.WriteLineAsync("250 2.1.5 Ok");
                break;
            case "DATA" when session.Recipients.Count == 0:
                await writer.WriteLineAsync("503 5.5.1 RCPT first");
                break;
            case "DATA":
                await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                await writer.WriteLineAsync(Accept(session, await ReadDataAsync(reader)));
                session.Reset();
                break;
            case "RSET":
                session.Reset();
                await writer.WriteLineAsync("250 2.0.0 Ok");
                break;
            case "NOOP":
                await writer.WriteLineAsync("250 2.0.0 Ok");
                break;
            case "QUIT":
                await writer.WriteLineAsync("221 2.0.0 Bye");
                return false;
            default:
                await writer.WriteLineAsync("502 5.5.2 Command not recognized");
                break;
        }
        return true;
    }

    /// <summary>Keeps the message, or refuses it when a refusal was asked for; returns the reply to the end of DATA.</summary>
    private string Accept(SmtpSession session, string rawMime)
    {
        lock (_lock)
        {
            if ((_nextMessageRefusal ?? _refusal) is { } refusal)
            {
                _nextMessageRefusal = null;
                return refusal;
            }
            _messages.Add(ReceivedEmail.Read(session.MailFrom!, [.. session.Recipients], session.AuthenticatedUser, rawMime));
            foreach (var waiter in _waiters.Where(w => _messages.Count >= w.Count).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
            return "250 2.0.0 Ok: queued";
        }
    }

    private async Task<string> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stopping.Token) is { } line && line != ".")
        {
            // Dot-stuffing: the client doubled every leading dot so that "." alone ends the data.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
        return data.ToString();
    }

    /// <summary>The user name of an AUTH PLAIN or LOGIN exchange (any password is accepted), or null for another mechanism.</summary>
    private async Task<string?> AuthenticateAsync(string argument, StreamReader reader, StreamWriter writer)
    {
        var parts = argument.Split(' ', 2);
        async Task<string> AskAsync(string challenge)
        {
            await writer.WriteLineAsync("334 " + challenge);
            return await reader.ReadLineAsync(_stopping.Token) ?? "";
        }

        switch (parts[0].ToUpperInvariant())
        {
            case "PLAIN":
                // authorization identity NUL user NUL password
                var plain = FromBase64(parts.Length > 1 ? parts[1] : await AskAsync(""));
                return plain.Split('\0') is [_, var user, _] ? user : "";
            case "LOGIN":
                var userName = FromBase64(parts.Length > 1 ? parts[1] : await AskAsync(Convert.ToBase64String("Username:"u8)));
                await AskAsync(Convert.ToBase64String("Password:"u8));
                return userName;
            default:
                return null;
        }
    }

    private static string FromBase64(string text) => Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));

    /// <summary>The address in <c>FROM:&lt;a@b&gt; SIZE=…</c> or <c>TO:&lt;a@b&gt;</c>.</summary>
    private static string AngleAddress(string argument)
    {
        var open = argument.IndexOf('<');
        var close = argument.IndexOf('>', open + 1);
        return open >= 0 && close > open ? argument[(open + 1)..close] : argument[(argument.IndexOf(':') + 1)..].Trim();
    }

    private sealed class SmtpSession
    {
        public string? AuthenticatedUser { get; set; }

        public string? MailFrom { get; set; }

        public List<string> Recipients { get; } = [];

        public void Reset()
        {
            MailFrom = null;
            Recipients.Clear();
        }
    }
}
