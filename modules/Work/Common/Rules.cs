namespace Greenlight.Modules.Work.Common;

/// <summary>The field rules every Work request shares.</summary>
internal static class Rules
{
    public const int NameLength = 200;
    public const int DescriptionLength = 4000;

    public static IRuleBuilderOptions<T, string> MustBeName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(NameLength).Must(n => n == n?.Trim()).WithMessage("'{PropertyName}' must not start or end with spaces.");

    public static IRuleBuilderOptions<T, string?> MustBeDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(DescriptionLength);

    /// <summary>An id in a route or body: what <see cref="WorkIds.New"/> makes, or another module's ids.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeId<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_.:-]+$");

    /// <summary>An id naming a user who is active (a deactivated one cannot be given work or projects).</summary>
    public static IRuleBuilderOptions<T, string?> MustBeActiveUser<T>(this IRuleBuilderInitial<T, string?> rule, IMediator sender) =>
        rule.MustBeId()
            .MustAsync(async (id, ct) => await sender.Send(new GetUserProfile(id!), ct) is { Active: true })
            .WithMessage("There is no active user '{PropertyValue}'.");
}

/// <summary>A request carrying an object's name and description.</summary>
public interface INamedFields
{
    string Name { get; }
    string? Description { get; }
}

/// <summary>Validates <see cref="INamedFields"/>; a request's validator derives from it and adds its own rules.</summary>
public abstract class NamedFieldsValidator<T> : AbstractValidator<T> where T : INamedFields
{
    protected NamedFieldsValidator()
    {
        RuleFor(r => r.Name).MustBeName();
        RuleFor(r => r.Description).MustBeDescription();
    }
}
