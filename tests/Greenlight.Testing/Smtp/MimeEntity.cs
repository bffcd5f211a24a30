using System.Text;
using System.Text.RegularExpressions;

namespace Greenlight.Testing.Smtp;

/// <summary>
/// Just enough MIME (RFC 2045–2047) to read what <see cref="System.Net.Mail.SmtpClient"/> writes:
/// folded headers, encoded words, nested multiparts, base64 and quoted-printable bodies in any charset.
/// </summary>
internal sealed partial record MimeEntity(IReadOnlyDictionary<string, string> Headers, string Body, IReadOnlyList<MimeEntity> Parts)
{
    public static MimeEntity Parse(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headerBlock = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        var headers = ParseHeaders(headerBlock);
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        var parts = MediaType(contentType).StartsWith("multipart/", StringComparison.Ordinal) && Parameter(contentType, "boundary") is { } boundary
            ? SplitParts(body, boundary).Select(Parse).ToList()
            : [];
        return new MimeEntity(headers, body, parts);
    }

    /// <summary>A header's value with its encoded words decoded, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? DecodeEncodedWords(value) : null;

    /// <summary>The decoded text of the first part of this media type, searching depth first.</summary>
    public string? FirstText(string mediaType)
    {
        if (Parts.Count > 0) return Parts.Select(p => p.FirstText(mediaType)).FirstOrDefault(t => t is not null);
        var contentType = Headers.GetValueOrDefault("Content-Type", "text/plain");
        if (MediaType(contentType) != mediaType) return null;
        var bytes = Headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").Trim().ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(Body.Replace("\r\n", "")),
            "quoted-printable" => DecodeQuotedPrintable(Body, underscoreIsSpace: false),
            _ => Encoding.Latin1.GetBytes(Body),
        };
        return Charset(contentType).GetString(bytes).TrimEnd('\r', '\n');
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? current = null;
        foreach (var line in block.Split("\r\n"))
        {
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && current is not null)
            {
                headers[current] += " " + line.Trim(); // unfold a continuation line
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            current = line[..colon].Trim();
            headers.TryAdd(current, line[(colon + 1)..].Trim());
        }
        return headers;
    }

    private static IEnumerable<string> SplitParts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var sections = body.Split(delimiter);
        // sections[0] is the preamble; the one starting with "--" is the close delimiter's epilogue.
        return sections.Skip(1).TakeWhile(s => !s.StartsWith("--", StringComparison.Ordinal))
            .Select(s => s.StartsWith("\r\n", StringComparison.Ordinal) ? s[2..] : s)
            .Select(s => s.EndsWith("\r\n", StringComparison.Ordinal) ? s[..^2] : s);
    }

    private static string MediaType(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    private static string? Parameter(string contentType, string name) =>
        contentType.Split(';').Skip(1).Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim().Trim('"')).FirstOrDefault();

    private static Encoding Charset(string contentType) => Encoding.GetEncoding(Parameter(contentType, "charset") ?? "us-ascii");

    /// <summary>
    /// RFC 2047: adjacent encoded words are joined without the whitespace between them, and their
    /// bytes are decoded together, because a writer may split one multi-byte character across two words.
    /// </summary>
    private static string DecodeEncodedWords(string value)
    {
        var text = new StringBuilder();
        var pending = new List<byte>();
        Encoding? pendingCharset = null;
        var position = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            var between = value[position..word.Index];
            if (pendingCharset is null || between.Trim().Length > 0)
            {
                Flush();
                text.Append(between);
            }
            var charset = Encoding.GetEncoding(word.Groups["charset"].Value);
            if (pendingCharset is not null && !Equals(charset, pendingCharset)) Flush();
            pendingCharset = charset;
            var encoded = word.Groups["text"].Value;
            pending.AddRange(word.Groups["encoding"].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(encoded)
                : DecodeQuotedPrintable(encoded, underscoreIsSpace: true));
            position = word.Index + word.Length;
        }
        Flush();
        return text.Append(value[position..]).ToString();

        void Flush()
        {
            if (pendingCharset is not null) text.Append(pendingCharset.GetString([.. pending]));
            pending.Clear();
            pendingCharset = null;
        }
    }

    /// <summary>Quoted-printable (RFC 2045 §6.7): "=XX" is a byte, "=" at a line end a soft break; in encoded words "_" is a space.</summary>
    private static byte[] DecodeQuotedPrintable(string encoded, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            var c = encoded[i];
            if (c == '=' && encoded.AsSpan(i + 1).StartsWith("\r\n"))
                i += 2;
            else if (c == '=' && i + 2 < encoded.Length && Uri.IsHexDigit(encoded[i + 1]) && Uri.IsHexDigit(encoded[i + 2]))
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
                bytes.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
