using System.Text.Json;
using System.Text.Json.Serialization;

namespace Greenlight.Modules.FrameConnector.FrameioApi;

/// <summary>Frame.io's wire format: snake_case fields and enum values, absent rather than null optional fields.</summary>
internal static class FrameioJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}

/// <summary>Every V4 body and answer wraps its resource in <c>{"data": …}</c>.</summary>
internal sealed record DataEnvelope<T>(T Data);

/// <summary>A page of a list; <see cref="Links"/>.next carries the opaque cursor of the next page, or null on the last.</summary>
internal sealed record PageEnvelope<T>(IReadOnlyList<T> Data, PageLinks? Links);

internal sealed record PageLinks(string? Next);

/// <summary>Frame.io's error body, <c>{"errors":[…]}</c>; auth failures use the older <c>{"error":{"detail"}}</c>.</summary>
internal sealed record ErrorEnvelope(IReadOnlyList<ErrorEntry>? Errors, ErrorEntry? Error);

internal sealed record ErrorEntry(string? Title, string? Detail, ErrorSource? Source);

internal sealed record ErrorSource(string? Pointer);
