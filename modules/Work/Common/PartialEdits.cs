using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Greenlight.Modules.Work.Common;

// PATCH changes only what it names. Its body notes which fields the JSON named (a null included), the request
// carries each sent field as a Set<T> (null: not sent), and the grain merges them with what it holds, in the
// turn that writes, so two edits of different fields never undo each other.

/// <summary>A field a partial edit sets: to <see cref="Value"/>, which may be null where the field allows it.</summary>
[GenerateSerializer, Immutable, Alias("work.set`1")]
public sealed record Set<T>([property: Id(0)] T Value);

public static class Sets
{
    /// <summary>The value sent, or <paramref name="current"/> when the field was not sent.</summary>
    public static T Or<T>(this Set<T>? set, T current) => set is null ? current : set.Value;
}

/// <summary>
/// The JSON body of a PATCH. Each property's init accessor calls <see cref="Note{T}"/>, so the body knows which fields
/// were sent: absent ones stay as they are, one sent as null is cleared (or refused, where the field cannot be empty).
/// </summary>
public abstract class PatchBody
{
    private readonly HashSet<string> _sent = [];

    protected T Note<T>(T value, [CallerMemberName] string field = "")
    {
        _sent.Add(field);
        return value;
    }

    /// <summary>The field as the request carries it: null when it was not sent.</summary>
    protected Set<T>? Sent<T>(T value, [CallerArgumentExpression(nameof(value))] string field = "") =>
        _sent.Contains(field) ? new Set<T>(value) : null;
}

/// <summary>The PATCH body of the objects that have only a name and a description: portfolios, programs, issues.</summary>
public sealed class NameAndDescriptionBody : PatchBody
{
    public string Name { get; init => field = Note(value); } = "";

    /// <summary>Null clears it.</summary>
    public string? Description { get; init => field = Note(value); }

    public (Set<string>? Name, Set<string?>? Description) Changes() => (Sent(Name), Sent(Description));
}

/// <summary>Validates a partial edit: each field's rules apply when it was sent, and errors name the field.</summary>
public abstract class PartialEditValidator<T> : AbstractValidator<T>
{
    protected void WhenSent<TValue>(Expression<Func<T, Set<TValue>?>> field, Func<IRuleBuilderInitial<T, TValue>, IRuleBuilderOptions<T, TValue>> rules)
    {
        var sent = field.Compile();
        var value = Expression.Lambda<Func<T, TValue>>(Expression.Property(field.Body, nameof(Set<TValue>.Value)), field.Parameters);
        var name = ((MemberExpression)field.Body).Member.Name;
        When(r => sent(r) is not null, () => rules(RuleFor(value)).OverridePropertyName(name));
    }

    /// <summary>A name, when sent: never null or empty.</summary>
    protected void NameWhenSent(Expression<Func<T, Set<string>?>> field) => WhenSent(field, rule => rule.MustBeName());

    protected void DescriptionWhenSent(Expression<Func<T, Set<string?>?>> field) => WhenSent(field, rule => rule.MustBeDescription());
}
