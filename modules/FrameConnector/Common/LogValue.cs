using System.Text;

namespace Greenlight.Modules.FrameConnector.Common;

/// <summary>
/// A value from outside (a webhook's payload or path, another service's answer) as it may go into a log line: control
/// characters escaped (a CR/LF in it cannot start a forged entry) and cut to a length a line can hold. Pass the result
/// as a structured property, never paste it into the message template.
/// </summary>
public static class LogValue
{
    private const int MaxLength = 300;

    public static string Of(string? value)
    {
        if (value is null) return "(none)";
        var text = new StringBuilder(Math.Min(value.Length, MaxLength));
        foreach (var c in value.Length > MaxLength ? value[..MaxLength] : value)
            text.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:x4}" : c);
        return value.Length > MaxLength ? text.Append('…').ToString() : text.ToString();
    }
}
